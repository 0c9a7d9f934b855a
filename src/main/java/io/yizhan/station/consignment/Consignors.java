package io.yizhan.station.consignment;

import io.yizhan.station.shared.SecretBox;
import io.yizhan.station.shared.PersonalData;
import io.yizhan.station.shared.UuidV7;
import io.yizhan.station.staff.AuditLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consignors (寄售人), registered at the counter by a clerk, who records their consent. Phone, ID and
 * payout account numbers are kept only encrypted ({@link SecretBox}); an ID number is found by its
 * keyed hash, so one person is one consignor; everything shown or logged is masked.
 */
@Service
public class Consignors {

    private static final String COLUMNS = """
            id, account_no, name, phone_masked, id_masked, payout_method, payout_account_masked, proxy_name, commission_counter_pct, commission_online_pct,
            period_days, end_action, floor_price_fen, consent_at, consent_by, created_at, erased_at""";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;
    private final AuditLog audit;
    private final int eraseAfterDays;
    private final io.yizhan.station.inventory.Stock stock;

    Consignors(JdbcClient jdbc, SecretBox box, Clock clock, AuditLog audit, io.yizhan.station.consignment.internal.ConsignmentProperties rules,
               io.yizhan.station.inventory.Stock stock) {
        this.eraseAfterDays = rules.eraseAfterDays();
        this.stock = stock;
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Registers a consignor; the calling clerk records that the consignor consented, now.
     *
     * @throws ConsignmentRefused {@code BAD_ID_NUMBER}, {@code BAD_PHONE}, {@code BAD_NAME}, {@code BAD_TERMS},
     *                            {@code BAD_ACCOUNT}, {@code DUPLICATE_CONSIGNOR} or {@code KEY_MISSING}
     */
    @Transactional
    public Consignor register(ConsignorDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 40) {
            throw new ConsignmentRefused("BAD_NAME", 400, "consignment.error.name");
        }
        String phone = draft.phone() == null ? "" : draft.phone().replaceAll("[\\s-]", "");
        if (!phone.matches("1[3-9]\\d{9}|0\\d{9,11}")) {
            throw new ConsignmentRefused("BAD_PHONE", 400, "consignment.error.phone");
        }
        String id = IdNumbers.normalise(draft.idNumber()).orElseThrow(() -> new ConsignmentRefused("BAD_ID_NUMBER", 400, "consignment.error.id-number"));
        if (draft.payoutMethod() == null || draft.endAction() == null || draft.commissionCounterPct() < 0 || draft.commissionCounterPct() > 100
                || draft.commissionOnlinePct() < 0 || draft.commissionOnlinePct() > 100 || draft.periodDays() < 1 || draft.periodDays() > 365
                || (draft.floorPriceFen() != null && draft.floorPriceFen() < 0)) {
            throw new ConsignmentRefused("BAD_TERMS", 400, "consignment.error.terms");
        }
        if (draft.endAction() == EndAction.MARKDOWN && draft.floorPriceFen() == null) {
            throw new ConsignmentRefused("BAD_TERMS", 400, "consignment.error.floor-price");
        }
        String account = draft.payoutAccount() == null ? "" : draft.payoutAccount().strip();
        if (draft.payoutMethod() != PayoutMethod.CASH && (account.length() < 4 || account.length() > 60)) {
            throw new ConsignmentRefused("BAD_ACCOUNT", 400, "consignment.error.account");
        }
        String proxy = draft.proxyName() == null || draft.proxyName().isBlank() ? null : draft.proxyName().strip();
        if (proxy != null && proxy.length() > 40) {
            throw new ConsignmentRefused("BAD_NAME", 400, "consignment.error.name");
        }
        String hash = box.hash(id);
        if (byIdNumber(id).isPresent()) {
            throw new ConsignmentRefused("DUPLICATE_CONSIGNOR", 409, "consignment.error.duplicate");
        }
        UUID consignorId = UuidV7.next(clock);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // the sequence's row stays locked until this registration commits: numbers are never handed out twice
        jdbc.sql("UPDATE consignment_sequence SET next_value = next_value + 1 WHERE name = 'account'").update();
        long accountNo = jdbc.sql("SELECT next_value - 1 FROM consignment_sequence WHERE name = 'account'").query(Long.class).single();
        try {
            jdbc.sql("""
                            INSERT INTO consignment_consignor (id, account_no, name, phone_enc, phone_masked, id_enc, id_hash, id_masked, payout_method,
                                payout_account_enc, payout_account_masked, proxy_name, commission_counter_pct, commission_online_pct, period_days,
                                end_action, floor_price_fen, consent_at, consent_by, created_at, last_activity_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(consignorId, accountNo, name, box.seal(phone), PersonalData.maskPhone(phone), box.seal(id), hash, PersonalData.maskIdNumber(id),
                            draft.payoutMethod().name(), account.isEmpty() ? null : box.seal(account),
                            account.isEmpty() ? null : PersonalData.maskAccount(account), proxy, draft.commissionCounterPct(),
                            draft.commissionOnlinePct(), draft.periodDays(), draft.endAction().name(), draft.floorPriceFen(), now,
                            audit.currentActor(), now, now)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ConsignmentRefused("DUPLICATE_CONSIGNOR", 409, "consignment.error.duplicate");
        }
        audit.record("consignment.consignor-registered", name + " " + PersonalData.maskIdNumber(id));
        return find(consignorId).orElseThrow();
    }

    public Optional<Consignor> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_consignor WHERE id = ?").param(id).query((rs, i) -> consignor(rs)).optional();
    }

    /** The consignor with this ID number (found by its keyed hash; the number itself is not searchable). */
    public Optional<Consignor> byIdNumber(String idNumber) {
        Optional<String> id = IdNumbers.normalise(idNumber);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_consignor WHERE id_hash = ?").param(box.hash(id.get()))
                .query((rs, i) -> consignor(rs)).optional();
    }

    /** Consignors whose name contains {@code q} (all when blank), by name; at most {@code limit}. */
    public List<Consignor> search(@Nullable String q, int limit) {
        String term = q == null ? "" : q.strip();
        if (term.matches("\\d{6,9}")) { // a consignor number
            return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_consignor WHERE account_no = ?").param(Long.parseLong(term))
                    .query((rs, i) -> consignor(rs)).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_consignor WHERE name LIKE ? ORDER BY name, id FETCH FIRST ? ROWS ONLY")
                .params("%" + term.replace("%", "\\%").replace("_", "\\_") + "%", limit).query((rs, i) -> consignor(rs)).list();
    }

    /**
     * The consignor's phone number in full, for what must carry it (the 承诺达标合格证's producer contact);
     * empty once erased. Each reading is in the audit log.
     */
    public Optional<String> phone(UUID consignorId) {
        Optional<String> sealed = jdbc.sql("SELECT phone_enc FROM consignment_consignor WHERE id = ? AND phone_enc IS NOT NULL").param(consignorId)
                .query(String.class).optional();
        sealed.ifPresent(s -> audit.record("consignment.phone-read", consignorId.toString()));
        return sealed.map(box::open);
    }

    private static Consignor consignor(java.sql.ResultSet rs) throws java.sql.SQLException {
        long floor = rs.getLong("floor_price_fen");
        Long floorFen = rs.wasNull() ? null : floor;
        OffsetDateTime erased = rs.getObject("erased_at", OffsetDateTime.class);
        return new Consignor(rs.getObject("id", UUID.class), rs.getLong("account_no"), rs.getString("name"), rs.getString("phone_masked"), rs.getString("id_masked"),
                PayoutMethod.valueOf(rs.getString("payout_method")), rs.getString("payout_account_masked"), rs.getString("proxy_name"),
                rs.getInt("commission_counter_pct"), rs.getInt("commission_online_pct"), rs.getInt("period_days"),
                EndAction.valueOf(rs.getString("end_action")), floorFen, rs.getObject("consent_at", OffsetDateTime.class).toInstant(),
                rs.getString("consent_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), erased == null ? null : erased.toInstant());
    }

    /**
     * Erases phone, ID and account numbers of consignors with nothing at the station for
     * {@code yizhan.consignment.erase-after-days} (three years) — no intake since and none of their
     * goods left in stock (the balance joins this with settlement): the name and the records of what
     * they sold stay. Returns how many were erased.
     */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${yizhan.consignment.erase-cron:0 40 3 * * *}",
            zone = "${yizhan.station.zone:Asia/Shanghai}")
    @Transactional
    public int eraseInactive() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<UUID> idle = jdbc.sql("SELECT id FROM consignment_consignor WHERE erased_at IS NULL AND last_activity_at < ?")
                .param(now.minusDays(eraseAfterDays)).query(UUID.class).list();
        int erased = 0;
        for (UUID id : idle) {
            if (stock.holdsStock(id.toString()) || owed(id) != 0) {
                continue; // goods of theirs are still at the station, or money is owed either way: they are not done with us
            }
            erased += jdbc.sql("""
                            UPDATE consignment_consignor SET phone_enc = NULL, phone_masked = NULL, id_enc = NULL, id_hash = NULL, id_masked = NULL,
                                   payout_account_enc = NULL, payout_account_masked = NULL, erased_at = ?
                            WHERE id = ? AND erased_at IS NULL""")
                    .params(now, id).update();
        }
        if (erased > 0) {
            audit.record("system", "station", "consignment.erased", String.valueOf(erased));
        }
        return erased;
    }

    /** Shares not yet paid out (negative: paid more than sold since, e.g. a refund after a payout). */
    private long owed(UUID id) {
        return jdbc.sql("""
                        SELECT (SELECT COALESCE(SUM(share_fen), 0) FROM consignment_sale_line WHERE consignor_id = ?)
                             - (SELECT COALESCE(SUM(amount_fen), 0) FROM consignment_payout WHERE consignor_id = ?)""")
                .params(id, id).query(Long.class).single();
    }

    /**
     * The 4-digit check code printed beside a consignor's number: a keyed hash of it, so only a
     * document the station printed tells it (a number alone, or a phone number, shows nothing).
     */
    public String checkCode(long accountNo) {
        return String.format("%04d", Long.parseLong(box.hash("kiosk:" + accountNo).substring(0, 12), 16) % 10_000);
    }

    /** What the kiosk scanner reads on an intake receipt or statement: {@code YZC} + number + {@code -} + check code. */
    public String kioskBarcode(Consignor consignor) {
        return "YZC" + consignor.accountNo() + "-" + checkCode(consignor.accountNo());
    }

    /** The consignor with this number, when the check code printed beside it is right. */
    public Optional<Consignor> byAccount(long accountNo, String checkCode) {
        String expected = checkCode(accountNo);
        if (!java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                (checkCode == null ? "" : checkCode.strip()).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consignment_consignor WHERE account_no = ? AND erased_at IS NULL").param(accountNo)
                .query((rs, n) -> consignor(rs)).optional();
    }

    /** True when the station can register consignors (a key is configured, or demo mode). */
    public boolean ready() {
        return box.configured();
    }

}
