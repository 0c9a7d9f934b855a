package io.yizhan.station.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yizhan.station.shared.AuditableAction;
import io.yizhan.station.support.MutableClock;
import io.yizhan.station.support.StationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@StationTest
class StaffServicesTest {

    @Autowired
    StaffAccounts accounts;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    /** Browserless tests running earlier in this JVM may leave a Vaadin session bound to the thread. */
    @org.junit.jupiter.api.BeforeEach
    void noVaadinSessionOnThisThread() {
        com.vaadin.flow.internal.CurrentInstance.clearAll();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void demoAccountsExistWithTheirRoles() {
        assertThat(accounts.find("clerk")).get().extracting(StaffAccount::role).isEqualTo(Role.CLERK);
        assertThat(accounts.find("manager")).get().extracting(StaffAccount::role).isEqualTo(Role.MANAGER);
        assertThat(accounts.find("admin")).get().extracting(StaffAccount::role).isEqualTo(Role.ADMIN);
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.authorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_MANAGER", "ROLE_CLERK");
        assertThat(Role.MANAGER.authorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_MANAGER", "ROLE_CLERK");
        assertThat(Role.CLERK.authorities()).extracting(Object::toString).containsExactly("ROLE_CLERK");
    }

    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy security;

    private void signedInAs(String user, Role role) {
        security.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, role.authorities()));
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        security.clearContext();
    }

    @Test
    void adminCreatesAccountsWithRulesAndAnAuditTrail() {
        signedInAs("admin", Role.ADMIN);
        String name = unique("li");
        StaffAccount created = accounts.create(name.toUpperCase(), "李明", Role.CLERK, "long-enough");
        assertThat(created.username()).isEqualTo(name);
        assertThat(created.enabled()).isTrue();
        assertThat(audit.latest(0, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("staff.create");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.subject()).startsWith(name);
        });
        assertThatThrownBy(() -> accounts.create(name, "again", Role.CLERK, "long-enough"))
                .isInstanceOf(StaffException.class).extracting("messageKey").isEqualTo("staff.error.duplicate");
        assertThatThrownBy(() -> accounts.create(unique("x"), "短密码", Role.CLERK, "short"))
                .extracting("messageKey").isEqualTo("staff.error.password");
        assertThatThrownBy(() -> accounts.create("Bad Name!", "x", Role.CLERK, "long-enough"))
                .extracting("messageKey").isEqualTo("staff.error.username");
        assertThatThrownBy(() -> accounts.setEnabled("admin", false))
                .extracting("messageKey").isEqualTo("staff.error.disable-self");
        accounts.setEnabled(name, false);
        assertThat(accounts.find(name)).get().extracting(StaffAccount::enabled).isEqualTo(false);
    }

    @Test
    void onlyAnAdminManagesAccounts() {
        signedInAs("manager", Role.MANAGER);
        assertThatThrownBy(() -> accounts.create(unique("m"), "x", Role.ADMIN, "long-enough"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void fiveFailuresLockWithGrowingBackOffAndSuccessClearsIt() {
        String user = unique("u");
        String place = "terminal:counter-1";
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(user, place)).isEmpty();
        }
        Instant first = throttle.failed(user, place).orElseThrow();
        assertThat(Duration.between(clock.instant(), first)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.lockedUntil(user, place)).contains(first);
        assertThat(throttle.lockedUntil(user, "terminal:counter-2")).as("other terminal unaffected").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.lockedUntil(user, place)).isEmpty();
        for (int i = 0; i < 4; i++) {
            throttle.failed(user, place);
        }
        Instant second = throttle.failed(user, place).orElseThrow();
        assertThat(Duration.between(clock.instant(), second)).isEqualTo(Duration.ofSeconds(60));

        clock.advance(Duration.ofMinutes(2));
        throttle.succeeded(user, place);
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(user, place)).isEmpty();
        }
        assertThat(Duration.between(clock.instant(), throttle.failed(user, place).orElseThrow()))
                .as("a success resets the back-off").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void auditLogMasksPhoneAndIdNumbersAndRecordsModuleActions() {
        signedInAs("manager", Role.MANAGER);
        tx.executeWithoutResult(s -> events.publishEvent(new AuditableAction("test.action", "13812345678 / 11010519491231002X")));
        AuditEntry entry = audit.latest(0, 10).stream().filter(e -> e.action().equals("test.action")).findFirst().orElseThrow();
        assertThat(entry.subject()).isEqualTo("138****5678 / 1101**********002X");
        assertThat(entry.actor()).isEqualTo("manager");
    }
}
