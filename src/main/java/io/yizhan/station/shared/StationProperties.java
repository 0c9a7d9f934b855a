package io.yizhan.station.shared;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The station's identity and mode, read from {@code kiosk-config/station.yml} (keys under
 * {@code yizhan.}), overridable the standard Spring Boot way.
 */
@ConfigurationProperties("yizhan")
public record StationProperties(@DefaultValue Station station, @DefaultValue("false") boolean demo,
                                @DefaultValue("./data") Path dataDir) {

    /**
     * {@code yizhan.station.id}, {@code .name}, {@code .zone}, and {@code .phone}: the station's mobile
     * number, the sender's on parcels it sends for the platform (asked at the counter when not set).
     */
    public record Station(@DefaultValue("station") String id, @DefaultValue("驿站") String name,
                          @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("") String phone) {
    }

    public ZoneId zone() {
        return station.zone();
    }
}
