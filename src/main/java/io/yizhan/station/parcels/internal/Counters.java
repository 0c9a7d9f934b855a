package io.yizhan.station.parcels.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The running numbers in {@code parcels_counter} (pickup codes, station waybills), taken under the row's lock. */
@Component
public class Counters {

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next value of the counter; call it in the transaction that uses the number. */
    public long next(String name) {
        jdbc.sql("UPDATE parcels_counter SET counter_value = counter_value + 1 WHERE name = ?").param(name).update();
        return jdbc.sql("SELECT counter_value FROM parcels_counter WHERE name = ?").param(name).query(Long.class).single();
    }
}
