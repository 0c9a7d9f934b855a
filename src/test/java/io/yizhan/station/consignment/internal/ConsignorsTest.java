package io.yizhan.station.consignment.internal;

import io.yizhan.station.shared.SecretBox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.consignment.Consignor;
import io.yizhan.station.consignment.ConsignorDraft;
import io.yizhan.station.consignment.Consignors;
import io.yizhan.station.consignment.EndAction;
import io.yizhan.station.consignment.IdNumbers;
import io.yizhan.station.consignment.PayoutMethod;
import io.yizhan.station.staff.Role;
import io.yizhan.station.support.SignedIn;
import io.yizhan.station.support.StationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Consignors: the GB 11643 check, one consignor per ID number, numbers encrypted at rest and found by
 * their keyed hash, masked everywhere they are shown, and a restored copy of the database read back
 * with the key (and not without it).
 */
@StationTest
class ConsignorsTest {

    @Autowired
    Consignors consignors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    io.yizhan.station.support.MutableClock clock;

    @BeforeEach
    void clerk() {
        SignedIn.as(security, "clerk", Role.CLERK);
    }

    @AfterEach
    void out() {
        SignedIn.out(security);
    }

    /** A valid ID number no other test uses: a real birth date and the right check character. */
    static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format("3301%02d%04d%02d%02d%03d", r.nextInt(1, 99), r.nextInt(1940, 2000), r.nextInt(1, 13), r.nextInt(1, 29),
                r.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static ConsignorDraft draft(String id) {
        return new ConsignorDraft("王大伯", "138 1234 5678", id, PayoutMethod.BANK, "6222 0212 3456 7890", "王小明", 10, 15, 7, EndAction.MARKDOWN, 300L);
    }

    @Test
    void checkDigitsAndBirthDatesAreVerified() {
        assertThat(IdNumbers.normalise("11010519491231002x")).contains("11010519491231002X");
        assertThat(IdNumbers.normalise("110105194912310021")).as("wrong check character").isEmpty();
        assertThat(IdNumbers.normalise("110105194902300020")).as("30 February").isEmpty();
        assertThat(IdNumbers.normalise("1101051949123")).isEmpty();
        assertThatThrownBy(() -> consignors.register(draft("110105194912310021"))).extracting("code").isEqualTo("BAD_ID_NUMBER");
        assertThatThrownBy(() -> consignors.register(new ConsignorDraft("李", "12345", idNumber(), PayoutMethod.CASH, null, null, 10, 10, 7,
                EndAction.RETURN, null))).extracting("code").isEqualTo("BAD_PHONE");
        assertThatThrownBy(() -> consignors.register(new ConsignorDraft("李", "13812345678", idNumber(), PayoutMethod.CASH, null, null, 101, 10, 7,
                EndAction.RETURN, null))).extracting("code").isEqualTo("BAD_TERMS");
        assertThatThrownBy(() -> consignors.register(new ConsignorDraft("李", "13812345678", idNumber(), PayoutMethod.CASH, null, null, 10, 10, 7,
                EndAction.MARKDOWN, null))).extracting("code").isEqualTo("BAD_TERMS");
        assertThatThrownBy(() -> consignors.register(new ConsignorDraft("李", "13812345678", idNumber(), PayoutMethod.WECHAT, "", null, 10, 10, 7,
                EndAction.RETURN, null))).extracting("code").isEqualTo("BAD_ACCOUNT");
    }

    @Test
    void numbersAreEncryptedAtRestFoundByKeyedHashAndShownMasked() {
        String id = idNumber();
        Consignor c = consignors.register(draft(id));
        assertThat(c.idMasked()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(c.phoneMasked()).isEqualTo("138****5678");
        assertThat(c.payoutAccountMasked()).isEqualTo("****7890");
        assertThat(c.consentBy()).isEqualTo("clerk");
        String row = jdbc.sql("SELECT CONCAT(name, '|', phone_enc, '|', id_enc, '|', id_hash, '|', payout_account_enc) FROM consignment_consignor WHERE id = ?")
                .param(c.id()).query(String.class).single();
        assertThat(row).doesNotContain(id).doesNotContain("13812345678").doesNotContain("6222021234567890").contains("v1:");
        assertThat(consignors.byIdNumber(id.toLowerCase())).map(Consignor::id).contains(c.id());
        assertThat(consignors.phone(c.id())).contains("13812345678");
        assertThatThrownBy(() -> consignors.register(draft(id))).extracting("code").isEqualTo("DUPLICATE_CONSIGNOR");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_audit WHERE subject LIKE ?").param("%" + id + "%").query(Long.class).single())
                .as("the audit log has only the masked number").isZero();
    }

    @Test
    void aRestoredDatabaseReadsTheNumbersBackWithTheKeyAndNotWithout() throws Exception {
        String id = idNumber();
        Consignor c = consignors.register(draft(id));
        Path script = Files.createTempFile(Path.of("target"), "consignors-", ".sql");
        jdbc.sql("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "' TABLE consignment_consignor").query(String.class).list();
        String restored = "jdbc:h2:mem:restored-" + UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(restored)) {
            db.createStatement().execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            ResultSet rs = db.createStatement().executeQuery("SELECT id_enc, phone_enc FROM consignment_consignor WHERE id = '" + c.id() + "'");
            assertThat(rs.next()).isTrue();
            SecretBox sameKey = new SecretBox(SecretBox.DEMO_KEY);
            assertThat(sameKey.open(rs.getString(1))).isEqualTo(id);
            assertThat(sameKey.open(rs.getString(2))).isEqualTo("13812345678");
            SecretBox otherKey = new SecretBox(java.util.Base64.getEncoder().encodeToString(new byte[32]));
            String sealed = rs.getString(1);
            assertThatThrownBy(() -> otherKey.open(sealed)).isInstanceOf(IllegalStateException.class);
            assertThat(otherKey.hash(id)).as("another key finds nobody").isNotEqualTo(sameKey.hash(id));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void afterThreeYearsWithoutDealingsTheNumbersAreErasedAndTheNameStays() {
        Consignor c = consignors.register(draft(idNumber()));
        assertThat(consignors.eraseInactive()).as("not yet").isZero();
        clock.advance(java.time.Duration.ofDays(1_096));
        try {
            assertThat(consignors.eraseInactive()).isPositive();
            Consignor erased = consignors.find(c.id()).orElseThrow();
            assertThat(erased.name()).isEqualTo("王大伯");
            assertThat(erased.idMasked()).isNull();
            assertThat(erased.phoneMasked()).isNull();
            assertThat(erased.erasedAt()).isNotNull();
            assertThat(consignors.phone(c.id())).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM consignment_consignor WHERE id = ? AND id_enc IS NULL AND id_hash IS NULL AND payout_account_enc IS NULL")
                    .param(c.id()).query(Long.class).single()).isEqualTo(1);
        } finally {
            clock.advance(java.time.Duration.ofDays(-1_096));
        }
    }
}
