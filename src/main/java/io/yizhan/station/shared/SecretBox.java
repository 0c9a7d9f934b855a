package io.yizhan.station.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The station's key for personal data ({@code yizhan.consignment.key}, named for the first module
 * that needed it; consignors' and residents' numbers). Encrypts consignors' numbers with AES-256-GCM (the JDK's provider) under the configured key, and
 * hashes ID numbers for lookup with HMAC-SHA256 under a key derived from it — so the database alone
 * (or a backup of it) reveals neither the numbers nor, by guessing, whose they are. A sealed value is
 * {@code v1:} + Base64(12-byte nonce ‖ ciphertext ‖ tag).
 */
@Component
public class SecretBox {

    /** For demo mode only, when no key is configured: never a live station's. */
    public static final String DEMO_KEY = "ZGVtby1rZXktZGVtby1rZXktZGVtby1rZXktMDAwMDA=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final @Nullable SecretKeySpec encryption;
    private final @Nullable SecretKeySpec lookup;

    /** No key is configured (live mode): nothing personal can be stored. */
    public static final class KeyMissing extends CodedRefusal {
        KeyMissing() {
            super("KEY_MISSING", 503, "shared.error.key-missing");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SecretBox(@org.springframework.beans.factory.annotation.Value("${yizhan.consignment.key:}") String key, StationProperties station) {
        this(!key.isBlank() ? key : station.demo() ? DEMO_KEY : null);
    }

    public SecretBox(@Nullable String base64Key) {
        if (base64Key == null) {
            encryption = null;
            lookup = null;
            return;
        }
        byte[] key = Base64.getDecoder().decode(base64Key.strip());
        if (key.length != 32) {
            throw new IllegalArgumentException("yizhan.consignment.key must be 32 bytes in Base64 (e.g. openssl rand -base64 32)");
        }
        encryption = new SecretKeySpec(derive(key, "yizhan consignment encryption v1"), "AES");
        lookup = new SecretKeySpec(derive(key, "yizhan consignment lookup v1"), "HmacSHA256");
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean configured() {
        return encryption != null;
    }

    public String seal(String plain) {
        SecretKeySpec key = key(encryption);
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(String sealed) {
        SecretKeySpec key = key(encryption);
        if (!sealed.startsWith("v1:")) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the consignment key does not open this value (another key?)", e);
        }
    }

    /** The lookup hash of an ID number (hex). */
    public String hash(String idNumber) {
        SecretKeySpec key = key(lookup);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec key(@Nullable SecretKeySpec key) {
        if (key == null) {
            throw new KeyMissing();
        }
        return key;
    }
}
