package io.yizhan.station.staff;

import java.time.Instant;

/** A staff member who signs in at the counter or calls the API. */
public record StaffAccount(StaffId id, String username, String displayName, Role role, boolean enabled,
                           Instant createdAt) {
}
