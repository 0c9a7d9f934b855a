package io.yizhan.station.staff;

import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/**
 * A manager confirms on the clerk's screen (second verification, 二次验证): their own username and
 * password, checked and throttled like a sign-in, and only a manager or an admin passes. The clerk
 * stays signed in; the approval is audited with both names.
 */
@Service
public class ManagerApproval {

    private final StaffAuthenticationProvider authentication;
    private final AuditLog audit;

    ManagerApproval(StaffAuthenticationProvider authentication, AuditLog audit) {
        this.authentication = authentication;
        this.audit = audit;
    }

    /** The approving manager's username, or empty when the credentials are wrong or not a manager's. */
    public Optional<String> approve(String username, String password, String what) {
        try {
            var user = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            if (user.getAuthorities().stream().noneMatch(a -> ("ROLE_" + Role.MANAGER_NAME).equals(a.getAuthority()))) {
                return Optional.empty();
            }
            audit.record("staff.second-check", user.getName() + " · " + what);
            return Optional.of(user.getName());
        } catch (AuthenticationException refused) {
            return Optional.empty();
        }
    }
}
