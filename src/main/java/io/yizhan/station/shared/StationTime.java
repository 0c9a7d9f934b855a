package io.yizhan.station.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Shows stored UTC instants in the station's zone; the JVM's default zone never matters. */
@Component
public class StationTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;

    public StationTime(StationProperties properties) {
        this.zone = properties.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** The station's calendar day of an instant. */
    public LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant of a station day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
