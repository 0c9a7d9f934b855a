package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceKind;
import java.nio.charset.Charset;
import java.util.Map;

/** One hardware profile from {@code device-drivers/<id>.yml}. */
public record DriverProfile(String id, DeviceKind kind, String protocol, String description, Map<String, Object> values) {

    public String text(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    public int number(String key, int fallback) {
        Object v = values.get(key);
        return v instanceof Number n ? n.intValue() : v == null ? fallback : Integer.parseInt(v.toString().strip());
    }

    public double decimal(String key, double fallback) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : v == null ? fallback : Double.parseDouble(v.toString().strip());
    }

    public Charset charset() {
        return Charset.forName(text("encoding", "GB18030"));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> serial() {
        Object v = values.get("serial");
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
