package io.yizhan.station.kiosk;

import io.yizhan.station.terminals.CurrentTerminal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A resident typing or scanning a code that proves who they are (a receipt's check code, a
 * consignor's number) at this kiosk: wrong ones count towards the kiosk's lock ({@link WrongCodeGuard}),
 * and the failure that locks it calls the staff; a right one clears the count.
 */
@Service
public class CodeEntry {

    private final WrongCodeGuard guard;
    private final StaffCalls staff;

    CodeEntry(WrongCodeGuard guard, StaffCalls staff) {
        this.guard = guard;
        this.staff = staff;
    }

    /** Until when this kiosk's code entry is locked, if it is. */
    public Optional<Instant> locked() {
        return guard.lockedUntil(CurrentTerminal.name());
    }

    /** A wrong code: counted; the end of the lock when it locked the kiosk (and the staff were called). */
    public Optional<Instant> wrong() {
        Optional<Instant> lock = guard.failed(CurrentTerminal.name());
        lock.ifPresent(until -> staff.call(CurrentTerminal.name()));
        return lock;
    }

    public void right() {
        guard.succeeded(CurrentTerminal.name());
    }
}
