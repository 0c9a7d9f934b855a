package io.yizhan.central;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The built-in SMS provider: nothing leaves the machine; each message is recorded in
 * {@code central_sms_sandbox} for operators to read. Numbers starting with
 * {@code yizhan.central.sms.sandbox-unreachable} (default {@code 1700000}) fail, so the failure path
 * can be seen end to end.
 */
@Component
class SandboxSmsProvider implements SmsProvider {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String unreachable;

    SandboxSmsProvider(JdbcClient jdbc, Clock clock, @Value("${yizhan.central.sms.sandbox-unreachable:1700000}") String unreachable) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unreachable = unreachable;
    }

    @Override
    public void send(String phone, String text) throws Undeliverable {
        if (!unreachable.isEmpty() && phone.startsWith(unreachable)) {
            throw new Undeliverable("号码无法接通 number unreachable (sandbox)");
        }
        jdbc.sql("INSERT INTO central_sms_sandbox (id, phone, text, sent_at) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), phone, text, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }
}
