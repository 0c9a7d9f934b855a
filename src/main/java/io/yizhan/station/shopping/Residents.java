package io.yizhan.station.shopping;

import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.SecretBox;
import io.yizhan.station.shared.UuidV7;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The residents the station buys for, kept for repeat visits: the phone sealed with the station's
 * key and found again by a keyed hash, shown masked (138****0001), the name as they gave it.
 */
@Service
public class Residents {

    /** A resident as staff see them: masked phone, name, how many orders. */
    public record Resident(UUID id, String phoneMasked, @Nullable String name, long orders) {

        /** The name masked for screens residents may see (王*伯), or the masked phone. */
        public String shownMasked() {
            return name == null || name.isBlank() ? phoneMasked : PersonalData.maskName(name);
        }
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    Residents(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A mobile number as digits (spaces and dashes dropped), or {@code BAD_PHONE}. */
    public static String phone(@Nullable String raw) {
        String digits = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        if (!digits.matches("1[3-9]\\d{9}")) {
            throw new ShoppingRefused("BAD_PHONE", 400, "shopping.error.phone");
        }
        return digits;
    }

    /** Finds the resident with this phone or keeps a new one; a name given updates the one kept. In the caller's transaction. */
    public UUID remember(String phone, @Nullable String name) {
        String hash = secrets.hash("phone:" + phone);
        String shown = name == null || name.isBlank() ? null : name.strip();
        if (shown != null && shown.length() > 20) {
            throw new ShoppingRefused("BAD_NAME", 400, "shopping.error.name");
        }
        Optional<UUID> known = jdbc.sql("SELECT id FROM shopping_resident WHERE phone_hash = ?").param(hash).query(UUID.class).optional();
        if (known.isPresent()) {
            if (shown != null) {
                jdbc.sql("UPDATE shopping_resident SET name = ? WHERE id = ?").params(shown, known.get()).update();
            }
            return known.get();
        }
        UUID id = UuidV7.next(clock);
        jdbc.sql("INSERT INTO shopping_resident (id, phone_hash, phone_sealed, phone_masked, name, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, hash, secrets.seal(phone), PersonalData.maskPhone(phone), shown, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return id;
    }

    /** The resident with this phone, if the station keeps one. */
    public Optional<Resident> byPhone(String phone) {
        return jdbc.sql("SELECT id FROM shopping_resident WHERE phone_hash = ?").param(secrets.hash("phone:" + phone)).query(UUID.class).optional()
                .flatMap(this::find);
    }

    public Optional<Resident> find(UUID id) {
        return jdbc.sql("""
                        SELECT r.id, r.phone_masked, r.name, (SELECT COUNT(*) FROM shopping_order o WHERE o.resident_id = r.id)
                        FROM shopping_resident r WHERE r.id = ?""")
                .param(id).query((rs, n) -> new Resident(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4))).optional();
    }

    /** The full phone number, for a text message through central; never shown. */
    public Optional<String> phoneOf(UUID id) {
        return jdbc.sql("SELECT phone_sealed FROM shopping_resident WHERE id = ?").param(id).query(String.class).optional()
                .filter(sealed -> !sealed.isEmpty()).map(secrets::open);
    }
}
