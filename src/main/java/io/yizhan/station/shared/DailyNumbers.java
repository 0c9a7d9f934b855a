package io.yizhan.station.shared;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running numbers per day (an order's {@code …-B2611280001}), kept in a module's own table of
 * {@code (order_day VARCHAR(6) PRIMARY KEY, last_no INT)}. The day's row is started in a transaction
 * of its own before the caller's ({@link #start}), so two counters taking the day's first number at
 * the same moment both find it: neither sees the other's insert fail inside its own transaction
 * (where a duplicate key would read as the caller's own refusal, and abort it on PostgreSQL). The
 * next number is then one guarded update in the caller's transaction ({@link #next}), which the
 * database serialises.
 */
@Component
public class DailyNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    DailyNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes sure the day's row exists, in a transaction of its own; call it before the transaction that takes a number. */
    public void start(String table, String day) {
        if (jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE order_day = ?").param(day).query(Long.class).single() > 0) {
            return;
        }
        try {
            own.executeWithoutResult(s -> jdbc.sql("INSERT INTO " + table + " (order_day, last_no) VALUES (?, 0)").param(day).update());
        } catch (DuplicateKeyException started) {
            // another caller started the day first
        }
    }

    /** The day's next number, in the caller's transaction (a day not started — midnight passed since {@link #start} — starts here). */
    public int next(String table, String day) {
        if (jdbc.sql("UPDATE " + table + " SET last_no = last_no + 1 WHERE order_day = ?").param(day).update() == 0) {
            jdbc.sql("INSERT INTO " + table + " (order_day, last_no) VALUES (?, 1)").param(day).update();
            return 1;
        }
        return jdbc.sql("SELECT last_no FROM " + table + " WHERE order_day = ?").param(day).query(Integer.class).single();
    }
}
