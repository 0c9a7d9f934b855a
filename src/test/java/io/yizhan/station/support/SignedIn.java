package io.yizhan.station.support;

import io.yizhan.station.staff.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Signs a staff member in (or out) for a browserless view test, on both the application's
 * injected {@link SecurityContextHolderStrategy} and the static holder Vaadin's access checks read.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(SecurityContextHolderStrategy security, String username, Role role) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(username, null, role.authorities());
        security.getContext().setAuthentication(auth);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    public static void out(SecurityContextHolderStrategy security) {
        security.clearContext();
        SecurityContextHolder.clearContext();
    }
}
