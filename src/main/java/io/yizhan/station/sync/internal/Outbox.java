package io.yizhan.station.sync.internal;

import io.yizhan.station.shared.OutboundEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each event central needs (an {@link OutboundEvent}) into {@code sync_outbox}, synchronously, inside the transaction
 * that published it: the change and its event commit or roll back together. The aggregate's next
 * sequence number comes from {@code sync_sequence} (a row lock per aggregate; pruning the outbox
 * never resets it), backed by the outbox's unique (aggregate, sequence) constraint.
 */
@Component
class Outbox {

    static final int VERSION = 1;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Delivery delivery;

    Outbox(JdbcClient jdbc, JsonMapper json, Delivery delivery) {
        this.jdbc = jdbc;
        this.json = json;
        this.delivery = delivery;
    }

    @EventListener
    void on(OutboundEvent e) {
        append(e.eventId(), e.aggregateId(), e.at(), e);
    }

    private void append(UUID eventId, UUID aggregateId, Instant at, OutboundEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " published outside a transaction: it would not be atomic");
        }
        String aggregate = aggregateId.toString();
        long sequence;
        if (jdbc.sql("UPDATE sync_sequence SET last_no = last_no + 1 WHERE aggregate_id = ?").param(aggregate).update() == 1) {
            sequence = jdbc.sql("SELECT last_no FROM sync_sequence WHERE aggregate_id = ?").param(aggregate).query(Long.class).single();
        } else {
            jdbc.sql("INSERT INTO sync_sequence (aggregate_id, last_no) VALUES (?, 1)").param(aggregate).update();
            sequence = 1;
        }
        jdbc.sql("""
                        INSERT INTO sync_outbox (id, type, version, aggregate_id, sequence_no, occurred_at, payload, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(eventId, event.getClass().getSimpleName(), VERSION, aggregate, sequence, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        json.writeValueAsString(event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.wake();
            }
        });
    }
}
