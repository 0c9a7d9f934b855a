package io.yizhan.station.staff;

import java.util.UUID;

public record StaffId(UUID value) {
}
