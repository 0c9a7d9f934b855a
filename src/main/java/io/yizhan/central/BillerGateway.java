package io.yizhan.central;

import io.yizhan.contract.Billers;
import java.time.LocalDate;
import java.util.List;

/**
 * The billers (water, electricity, gas), the phone top-up aggregator and the social-security bureau
 * as central sees them. Stations call it with their station key; every write-off is per station and
 * keyed by the station's order number, which never writes off twice.
 */
public interface BillerGateway {

    /** What the account owes now. */
    Billers.Due lookup(String kind, String account);

    /** A write-off made (or found: the same order number again answers about the first), and whether its answer is lost on the way back. */
    record Written(Billers.WriteOffState state, boolean answerLost) {
    }

    Written writeOff(String station, Billers.WriteOff request);

    Billers.WriteOffState query(String station, String stationOrderNo);

    /** Gives up an order number central has not seen: it can never write off afterwards. A known one is answered as it stands. */
    Billers.WriteOffState cancel(String station, String stationOrderNo);

    Billers.Carrier carrier(String phone);

    Billers.PensionRecord pension(String name, String idNumber);

    /** Every write-off and top-up the station asked for that day (central's zone), cancelled numbers left out. */
    List<Billers.WriteOffState> writeOffs(String station, LocalDate day);
}
