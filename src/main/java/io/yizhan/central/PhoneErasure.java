package io.yizhan.central;

import io.yizhan.station.shared.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Privacy at central: phone numbers are masked in text messages and in the stored
 * {@code NotificationRequested} events, and manifest lines lose theirs, once they are older than
 * {@code yizhan.central.erase-phone-after-days} (default 30). The records stay, without the number.
 */
@Service
public class PhoneErasure {

    private static final Logger log = LoggerFactory.getLogger(PhoneErasure.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final int days;

    PhoneErasure(JdbcClient jdbc, JsonMapper json, Clock clock, @Value("${yizhan.central.erase-phone-after-days:30}") int days) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "${yizhan.central.zone:Asia/Shanghai}")
    public void nightly() {
        int n = eraseBefore(clock.instant().minus(Duration.ofDays(days)));
        if (n > 0) {
            log.info("Masked the phone numbers of {} records older than {} days", n, days);
        }
    }

    /** Masks what is older than {@code before}; returns how many records changed. */
    @Transactional
    public int eraseBefore(Instant before) {
        OffsetDateTime t = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        int changed = jdbc.sql("SELECT id, phone FROM central_sms WHERE created_at <= ? AND phone NOT LIKE '%*%'").param(t)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list().stream()
                .mapToInt(r -> jdbc.sql("UPDATE central_sms SET phone = ? WHERE id = ?").params(mask((String) r[1]), r[0]).update()).sum();
        changed += jdbc.sql("SELECT id, phone FROM central_sms_sandbox WHERE sent_at <= ? AND phone NOT LIKE '%*%'").param(t)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list().stream()
                .mapToInt(r -> jdbc.sql("UPDATE central_sms_sandbox SET phone = ? WHERE id = ?").params(mask((String) r[1]), r[0]).update()).sum();
        changed += erasePayloads("""
                        SELECT arrival, payload FROM central_event
                        WHERE type = 'NotificationRequested' AND received_at <= ? AND payload NOT LIKE '%****%'""",
                "UPDATE central_event SET payload = ? WHERE arrival = ?", t);
        changed += erasePayloads("SELECT cursor_no, payload FROM central_feed WHERE feed = 'manifests' AND created_at <= ? AND payload NOT LIKE '%****%'",
                "UPDATE central_feed SET payload = ? WHERE cursor_no = ?", t);
        return changed;
    }

    private int erasePayloads(String select, String update, OffsetDateTime before) {
        record Row(long key, String payload) {
        }
        List<Row> rows = jdbc.sql(select).param(before).query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).list();
        int changed = 0;
        for (Row row : rows) {
            ObjectNode payload = (ObjectNode) json.readTree(row.payload());
            String phone = payload.path("phone").asString("");
            if (!phone.isEmpty() && !phone.contains("*")) {
                payload.put("phone", mask(phone));
                changed += jdbc.sql(update).params(payload.toString(), row.key()).update();
            }
        }
        return changed;
    }

    private static String mask(String phone) {
        return PersonalData.maskPhone(phone);
    }
}
