package io.yizhan.station.devices;

import io.yizhan.station.devices.internal.ConfiguredDevice;
import io.yizhan.station.devices.internal.DeviceRegistry;
import io.yizhan.station.devices.internal.PrinterNotReadyException;
import io.yizhan.station.shared.AuditableAction;
import io.yizhan.station.shared.DurableStorage;
import io.yizhan.station.shared.RefusedException;
import io.yizhan.station.shared.StationProperties;
import io.yizhan.station.shared.StationTime;
import io.yizhan.station.shared.UuidV7;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The persistent print queue. A job stores the printer-independent document; it is encoded for its
 * printer when it is first due (off the request that queued it) and rendered to PNG only when someone
 * asks to see it. The job waits in the database until the printer takes it. A printer that is off,
 * unplugged, out of paper or has its cover open keeps its jobs queued and retried (every few
 * seconds, in order), and staff see why; nothing is lost across restarts.
 */
@Service
public class PrintQueue {

    private static final Logger log = LoggerFactory.getLogger(PrintQueue.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeviceRegistry registry;
    private final StationProperties station;
    private final StationTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    PrintQueue(JdbcClient jdbc, Clock clock, DeviceRegistry registry, StationProperties station, StationTime time,
               ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.registry = registry;
        this.station = station;
        this.time = time;
        this.events = events;
    }

    /** Queues a document on a printer; returns the job id at once. */
    @Transactional
    public UUID print(String device, PrintDocument document) {
        ConfiguredDevice printer = registry.find(device).filter(d -> d.kind().printer())
                .orElseThrow(() -> new RefusedException("devices.error.no-printer"));
        UUID id = UuidV7.next(clock);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO devices_print_job (id, device, document, source, state, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
                .params(id, device, document.kind(), JSON.writeValueAsBytes(document), now, now)
                .update();
        return id;
    }

    /**
     * Queues a document on the printer of this kind at this terminal (or, when that terminal has
     * none, the station's first printer of the kind); empty when the station has no such printer.
     */
    @Transactional
    public Optional<UUID> printAt(String terminal, DeviceKind kind, PrintDocument document) {
        return registry.nearest(terminal, kind).map(d -> print(d.name(), document));
    }

    /**
     * Prints a document that must leave no trace straight to the printer of this kind at this
     * terminal, bypassing the queue: nothing is stored, no preview, no spool file. Refused when the
     * printer keeps copies (a virtual printer's folder) or cannot take it now — then it is simply not
     * printed, never kept for later.
     */
    public void printNow(String terminal, DeviceKind kind, PrintDocument document) {
        ConfiguredDevice printer = direct(terminal, kind).orElseThrow(() -> new RefusedException("devices.error.no-direct-printer"));
        try {
            printer.link().send(UuidV7.next(clock), printer.encode(document));
        } catch (IOException e) {
            throw new RefusedException("devices.error.print-now-failed");
        }
    }

    /** True when {@link #printNow} can reach a printer of this kind at this terminal that keeps no copies. */
    public boolean canPrintNow(String terminal, DeviceKind kind) {
        return direct(terminal, kind).isPresent();
    }

    /** The nearest printer of this kind that is connected and keeps no copy of what it prints. */
    private Optional<ConfiguredDevice> direct(String terminal, DeviceKind kind) {
        return registry.nearest(terminal, kind).filter(d -> d.link() != null && !d.link().keepsCopies());
    }

    /** A test page (receipt printers) or test label (label printers) with text, a barcode and a QR code. */
    @Transactional
    public UUID testPrint(String device) {
        ConfiguredDevice printer = registry.find(device).filter(d -> d.kind().printer())
                .orElseThrow(() -> new RefusedException("devices.error.no-printer"));
        String stamp = time.dateTime(clock.instant());
        PrintDocument doc = printer.kind() == DeviceKind.LABEL_PRINTER
                ? PrintDocument.builder("test-label").center().large("测试 TEST").barcode("1234567890128", 8)
                        .text(stamp).build()
                : PrintDocument.builder("test-page").center().large(station.station().name()).text("打印测试 Test page")
                        .text(stamp).rule().left().text("中文 ABC abc 0123456789 ¥12.50")
                        .center().barcode("1234567890128", 10).qr(station.station().id() + " " + device, 20).build();
        UUID id = print(device, doc);
        events.publishEvent(new AuditableAction("devices.test-print", device));
        return id;
    }

    public List<PrintJob> recent(int limit) {
        return jdbc.sql("SELECT id, device, document, state, attempts, created_at, last_error FROM devices_print_job ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, i) -> new PrintJob(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        PrintJob.State.valueOf(rs.getString(4)), rs.getInt(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7) == null ? null : Reason.decode(rs.getString(7))))
                .list();
    }

    /** The job as it looks on paper (PNG), rendered the first time someone asks and kept. */
    public Optional<byte[]> preview(UUID job) {
        record Stored(String device, byte @Nullable [] source, byte @Nullable [] preview) {
        }
        Optional<Stored> stored = jdbc.sql("SELECT device, source, preview FROM devices_print_job WHERE id = ?").param(job)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).optional();
        if (stored.isEmpty() || stored.get().preview() != null) {
            return stored.map(Stored::preview);
        }
        ConfiguredDevice printer = registry.find(stored.get().device()).orElse(null);
        if (printer == null || stored.get().source() == null) {
            return Optional.empty();
        }
        byte[] png = printer.preview(document(stored.get().source()));
        jdbc.sql("UPDATE devices_print_job SET preview = ? WHERE id = ?").params(png, job).update();
        return Optional.of(png);
    }

    private static PrintDocument document(byte[] source) {
        return JSON.readValue(source, PrintDocument.class);
    }

    /** Prints a job again (a copy for the customer, a label that tore). */
    @Transactional
    public UUID reprint(UUID job) {
        UUID id = UuidV7.next(clock);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int n = jdbc.sql("""
                        INSERT INTO devices_print_job (id, device, document, source, payload, preview, state, attempts, next_attempt_at, created_at)
                        SELECT ?, device, document, source, payload, preview, 'QUEUED', 0, ?, ? FROM devices_print_job WHERE id = ?""")
                .params(id, now, now, job).update();
        if (n == 0) {
            throw new RefusedException("devices.error.no-job");
        }
        events.publishEvent(new AuditableAction("devices.reprint", job.toString()));
        return id;
    }

    /** Cancels a job that has not printed yet; false if it already printed or was cancelled. */
    @Transactional
    public boolean cancel(UUID job) {
        boolean cancelled = jdbc.sql("UPDATE devices_print_job SET state = 'CANCELLED' WHERE id = ? AND state = 'QUEUED'")
                .param(job).update() == 1;
        if (cancelled) {
            events.publishEvent(new AuditableAction("devices.cancel-print", job.toString()));
        }
        return cancelled;
    }

    public int queued(String device) {
        return jdbc.sql("SELECT COUNT(*) FROM devices_print_job WHERE device = ? AND state = 'QUEUED'")
                .param(device).query(Integer.class).single();
    }

    /** How many queued jobs one query of the drain reads. */
    private static final int DRAIN_PAGE = 50;
    /** Printed jobs are marked at least this often during a long pass, so the screens stay current. */
    private static final long MARK_EVERY_NANOS = 1_000_000_000L;

    /** Hands queued jobs to their printers, oldest first; a printer that fails keeps its jobs for later. */
    @Scheduled(fixedDelay = 300)
    public void drain() {
        // the jobs a pass prints are marked together: one commit (one forced write) per second of printing, not one per job
        DurableStorage.batched(() -> {
            for (ConfiguredDevice printer : registry.all()) {
                if (printer.link() != null) {
                    drain(printer);
                }
            }
        });
    }

    private record Job(UUID id, int attempts, OffsetDateTime due) {
    }

    private void drain(ConfiguredDevice printer) {
        List<UUID> printed = new ArrayList<>();
        long firstPrinted = 0;
        try {
            while (true) {
                // the queue in order, a page at a time: one query per page, not one per job
                List<Job> page = jdbc.sql("""
                                SELECT id, attempts, next_attempt_at FROM devices_print_job
                                WHERE device = ? AND state = 'QUEUED' ORDER BY created_at, id FETCH FIRST ? ROWS ONLY""")
                        .params(printer.name(), DRAIN_PAGE)
                        .query((rs, i) -> new Job(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)))
                        .list();
                for (Job job : page) {
                    if (!print(printer, job)) {
                        return; // the oldest job waits for its retry, or the printer failed: order is kept
                    }
                    printed.add(job.id());
                    if (printed.size() == 1) {
                        firstPrinted = System.nanoTime();
                    } else if (System.nanoTime() - firstPrinted > MARK_EVERY_NANOS) {
                        markPrinted(printed);
                    }
                }
                if (page.size() < DRAIN_PAGE) {
                    return;
                }
                markPrinted(printed); // the next page must not see this one's jobs as queued
            }
        } finally {
            markPrinted(printed);
        }
    }

    /** Marks the jobs sent to the printer as printed, in one transaction, and forgets them. */
    private void markPrinted(List<UUID> printed) {
        if (printed.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        tx.executeWithoutResult(status -> {
            for (UUID id : printed) {
                jdbc.sql("UPDATE devices_print_job SET state = 'PRINTED', attempts = attempts + 1, printed_at = ?, last_error = NULL WHERE id = ? AND state = 'QUEUED'")
                        .params(at, id).update();
            }
        });
        printed.clear();
    }

    /** Sends a due job to its printer (a failure is recorded here); false when it is not due yet or the printer failed. */
    private boolean print(ConfiguredDevice printer, Job job) {
        Instant now = clock.instant();
        if (job.due().toInstant().isAfter(now)) {
            return false;
        }
        // the bytes are read only when the job is due: a printer that is off costs one small query per round
        record Bytes(byte @Nullable [] source, byte @Nullable [] payload) {
        }
        Bytes bytes = jdbc.sql("SELECT source, payload FROM devices_print_job WHERE id = ?").param(job.id())
                .query((rs, i) -> new Bytes(rs.getBytes(1), rs.getBytes(2))).single();
        // encoded for its printer each time it is due (about a millisecond), not stored: a job's row stays small,
        // so marking it printed rewrites little; jobs queued before documents were kept have only their bytes
        byte[] payload = bytes.payload() != null ? bytes.payload()
                : printer.encode(document(java.util.Objects.requireNonNull(bytes.source(), "a job without payload has its source")));
        try {
            printer.link().send(job.id(), payload); // marked printed by the caller, with the others of its pass
            registry.set(printer.name(), DeviceState.ONLINE, printer.link().describe(), clock.instant());
            return true;
        } catch (IOException e) {
            int attempts = job.attempts() + 1;
            Duration wait = Duration.ofMillis(Math.min(LONGEST_WAIT.toMillis(), 250L << Math.min(attempts, 10)));
            Reason why = reason(printer, e);
            String reason = why.encode();
            jdbc.sql("UPDATE devices_print_job SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(attempts, reason.length() > 400 ? reason.substring(0, 400) : reason,
                            OffsetDateTime.ofInstant(now.plus(wait), ZoneOffset.UTC), job.id()).update();
            registry.set(printer.name(), e instanceof PrinterNotReadyException ? DeviceState.ERROR : DeviceState.OFFLINE,
                    why, null);
            if (attempts == 1 || attempts % 20 == 0) {
                log.warn("Printer {} did not take job {} (attempt {}): {}", printer.name(), job.id(), attempts, reason);
            }
            return false;
        }
    }

    private static Reason reason(ConfiguredDevice printer, IOException e) {
        if (e instanceof PrinterNotReadyException notReady) {
            return Reason.of(notReady.reasonKey());
        }
        return Reason.of("devices.detail.unreachable", printer.link().describe().args().isEmpty() ? printer.name()
                : printer.link().describe().args().getFirst(), String.valueOf(e.getMessage()));
    }

    /** Checks printers that have nothing to print, so their health is current. */
    @Scheduled(fixedDelay = 5000, initialDelay = 1000)
    public void probe() {
        for (ConfiguredDevice printer : registry.all()) {
            if (printer.link() != null && queued(printer.name()) == 0) {
                probe(printer);
            }
        }
    }

    /** Tries a printer now: its queued jobs become due at once and its health is checked. */
    public void retryNow(String device) {
        ConfiguredDevice printer = registry.find(device).filter(d -> d.link() != null).orElse(null);
        if (printer == null) {
            return;
        }
        jdbc.sql("UPDATE devices_print_job SET next_attempt_at = ? WHERE device = ? AND state = 'QUEUED'")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), device).update();
        if (queued(device) == 0) {
            probe(printer);
        } else {
            drain(printer);
        }
    }

    private void probe(ConfiguredDevice printer) {
        try {
            printer.link().probe();
            registry.set(printer.name(), DeviceState.ONLINE, printer.link().describe(), null);
        } catch (IOException e) {
            registry.set(printer.name(), e instanceof PrinterNotReadyException ? DeviceState.ERROR : DeviceState.OFFLINE,
                    reason(printer, e), null);
        }
    }
}
