package io.yizhan.station.parcels.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The running numbers: station waybills in {@code parcels_counter} (under the row's lock), pickup numbers from a sequence. */
@Component
public class Counters {

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private volatile String nextValueSql;

    /** The next pickup number, from a sequence (no row lock: concurrent check-ins do not wait for each other). */
    public long nextPickupNumber() {
        String sql = nextValueSql;
        if (sql == null) {
            boolean postgres = Boolean.TRUE.equals(jdbc.sql("SELECT 1").query((rs, i) -> rs.getStatement().getConnection()
                    .getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")).single());
            sql = postgres ? "SELECT nextval('parcels_pickup_number')" : "SELECT NEXT VALUE FOR parcels_pickup_number";
            nextValueSql = sql;
        }
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The next value of the counter; call it in the transaction that uses the number. */
    public long next(String name) {
        jdbc.sql("UPDATE parcels_counter SET counter_value = counter_value + 1 WHERE name = ?").param(name).update();
        return jdbc.sql("SELECT counter_value FROM parcels_counter WHERE name = ?").param(name).query(Long.class).single();
    }
}
