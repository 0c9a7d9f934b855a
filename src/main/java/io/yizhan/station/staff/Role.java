package io.yizhan.station.staff;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Staff roles; each includes the ones below it: ADMIN &gt; MANAGER &gt; CLERK. */
public enum Role {
    CLERK, MANAGER, ADMIN;

    /** Names for {@code @RolesAllowed}. */
    public static final String CLERK_NAME = "CLERK";
    public static final String MANAGER_NAME = "MANAGER";
    public static final String ADMIN_NAME = "ADMIN";

    /** The granted roles: this one and every role it includes. */
    public List<GrantedAuthority> authorities() {
        return java.util.Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String translationKey() {
        return "staff.role." + name().toLowerCase(Locale.ROOT);
    }
}
