package io.yizhan.station.devices.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a scanner's byte stream into codes by the profile's prefix and suffix. Frames may arrive
 * split across reads; over-long frames and frames with control characters or non-ASCII bytes are
 * counted and dropped, never passed on.
 */
public final class ScanFramer {

    private final byte[] prefix;
    private final byte[] suffix;
    private final int maxLength;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private long dropped;
    private boolean overflowing;

    public ScanFramer(String prefix, String suffix, int maxLength) {
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
        this.suffix = (suffix.isEmpty() ? "\r" : suffix).getBytes(StandardCharsets.US_ASCII);
        this.maxLength = maxLength;
    }

    public List<String> feed(byte[] data, int length) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (frame.size() > maxLength + prefix.length + suffix.length) {
                overflowing = true;
                frame.reset();
            }
            frame.write(b);
            if (endsWithSuffix()) {
                byte[] bytes = frame.toByteArray();
                frame.reset();
                if (overflowing) {
                    overflowing = false;
                    dropped++;
                    continue;
                }
                String code = decode(bytes);
                if (code == null) {
                    dropped++;
                } else if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    private boolean endsWithSuffix() {
        byte[] buf = frame.toByteArray();
        if (buf.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (buf[buf.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private String decode(byte[] bytes) {
        int start = 0;
        int end = bytes.length - suffix.length;
        if (prefix.length > 0) {
            for (int i = 0; i < prefix.length; i++) {
                if (end < prefix.length || bytes[i] != prefix[i]) {
                    return null;
                }
            }
            start = prefix.length;
        }
        // a LF left over from a CR LF suffix
        while (start < end && (bytes[start] == '\n' || bytes[start] == '\r')) {
            start++;
        }
        while (end > start && (bytes[end - 1] == '\r' || bytes[end - 1] == '\n')) {
            end--;
        }
        if (end - start > maxLength) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
                return null;
            }
        }
        return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    }

    /** Frames counted and dropped so far (garbage, over-long, wrong prefix). */
    public long dropped() {
        return dropped;
    }
}
