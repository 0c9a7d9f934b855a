package io.yizhan.station.staff;

import java.io.Serializable;
import java.security.Principal;

/** The signed-in staff member, as the security context holds it. */
public record StaffUser(StaffId id, String username, String displayName, Role role) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }
}
