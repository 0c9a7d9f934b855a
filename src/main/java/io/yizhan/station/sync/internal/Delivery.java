package io.yizhan.station.sync.internal;

import io.yizhan.station.link.CentralLink;

import io.yizhan.contract.BatchResult;
import io.yizhan.contract.EventBatch;
import io.yizhan.contract.EventEnvelope;
import io.yizhan.contract.EventResult;
import io.yizhan.station.sync.SyncProperties;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox to central, one batch at a time, oldest first. Only what central
 * acknowledged (ACCEPTED, first time or replayed) is marked delivered; a REJECTED event is quarantined with
 * central's reason and the later events of its aggregate wait behind it, while every other
 * aggregate keeps flowing. Failures back off exponentially with jitter, capped at 30 s, so delivery
 * resumes within 30 s of central's return. When there is nothing to send it asks central every 15 s
 * (an empty batch) so the counter knows whether the link is up.
 */
@Component
class Delivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration FIRST_ATTEMPT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final SyncProperties sync;
    private final String stationId;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread worker;

    private final CentralLink central;

    Delivery(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, SyncProperties sync, CentralLink central, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.sync = sync;
        this.central = central;
        this.stationId = central.stationId();
        this.clock = clock;
    }

    /** New events were committed: deliver without waiting for the next round. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!sync.enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("sync-delivery").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        // let the station finish starting (2 cores: the first screens come first); a new event wakes it earlier
        if (!await(FIRST_ATTEMPT, true)) {
            return;
        }
        int failures = 0;
        while (running) {
            Duration pause;
            boolean wakeable;
            try {
                int sent = deliverOnce();
                failures = 0;
                pause = sent > 0 ? Duration.ZERO : HEARTBEAT;
                wakeable = true;
            } catch (Exception e) {
                failures++;
                failed(e);
                pause = backoff(failures);
                // new events do not cut a back-off short: a busy counter must not hammer a central that is down
                wakeable = false;
            }
            if (!pause.isZero() && !await(pause, wakeable)) {
                return;
            }
        }
    }

    /** 0.5 s doubling per failure, capped at 30 s, each wait drawn between half and all of it. */
    static Duration backoff(int failures) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures - 1, 16));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    private boolean await(Duration pause, boolean wakeable) {
        lock.lock();
        try {
            long nanos = pause.toNanos();
            while ((!wakeable || !woken) && nanos > 0 && running) {
                nanos = work.awaitNanos(nanos);
            }
            woken = false;
            return running;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private record Pending(long position, UUID id, String type, int version, String aggregateId, long sequence,
                           java.time.Instant occurredAt, String payload) {
    }

    /** Sends one batch (or a heartbeat); returns how many events central settled (accepted or rejected). */
    int deliverOnce() throws Exception {
        List<Pending> batch = jdbc.sql("""
                        SELECT position, id, type, version, aggregate_id, sequence_no, occurred_at, payload FROM sync_outbox o
                        WHERE o.status = 'PENDING' AND NOT EXISTS (
                            SELECT 1 FROM sync_outbox q WHERE q.aggregate_id = o.aggregate_id AND q.status = 'QUARANTINED')
                        ORDER BY o.position FETCH FIRST ? ROWS ONLY""")
                .param(sync.batchSize())
                .query((rs, i) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8)))
                .list();
        List<EventEnvelope> envelopes = batch.stream().map(p -> new EventEnvelope(p.id(), p.type(), p.version(), stationId, p.aggregateId(),
                p.sequence(), p.occurredAt(), json.readTree(p.payload()))).toList();
        byte[] body = json.writeValueAsBytes(new EventBatch(stationId, envelopes));
        BatchResult answer = json.readValue(central.send(central.request(EventBatch.PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()), BatchResult.class);
        if (answer.results() == null || answer.results().size() != batch.size()) {
            throw new IllegalStateException("central's answer does not match the batch");
        }
        tx.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            for (int i = 0; i < batch.size(); i++) {
                EventResult r = answer.results().get(i);
                if (!batch.get(i).id().equals(r.id())) {
                    throw new IllegalStateException("central's answer is out of order");
                }
                if (r.delivered()) {
                    jdbc.sql("UPDATE sync_outbox SET status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1 WHERE id = ?")
                            .params(now, r.id()).update();
                } else if (r.status() == EventResult.Status.HELD) {
                    jdbc.sql("UPDATE sync_outbox SET attempts = attempts + 1 WHERE id = ?").param(r.id()).update();
                } else {
                    String reason = r.reason() == null ? "rejected" : r.reason();
                    jdbc.sql("UPDATE sync_outbox SET status = 'QUARANTINED', reason = ?, attempts = attempts + 1 WHERE id = ?")
                            .params(reason.length() > 400 ? reason.substring(0, 400) : reason, r.id()).update();
                    log.warn("Central refused event {} ({} of {}): {}", r.id(), batch.get(i).type(), batch.get(i).aggregateId(), reason);
                }
            }
            jdbc.sql("UPDATE sync_state SET last_success_at = ?, last_attempt_at = ?, last_error = NULL, failures = 0 WHERE name = 'central'")
                    .params(now, now).update();
        });
        return (int) answer.results().stream().filter(r -> r.status() != EventResult.Status.HELD).count();
    }

    private void failed(Exception e) {
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        try {
            jdbc.sql("UPDATE sync_state SET last_attempt_at = ?, last_error = ?, failures = failures + 1 WHERE name = 'central'")
                    .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), why.length() > 400 ? why.substring(0, 400) : why)
                    .update();
        } catch (RuntimeException db) {
            log.warn("Could not record the sync failure", db);
        }
        log.debug("Delivery to central failed: {}", why);
    }
}
