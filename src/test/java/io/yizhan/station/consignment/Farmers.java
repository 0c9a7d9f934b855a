package io.yizhan.station.consignment;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Consignors for tests: each with an ID number of its own (a valid birth date and check character), paid in cash, 15 % online. */
final class Farmers {

    private Farmers() {
    }

    static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format("3607%02d19%02d0%d1%d%03d", r.nextInt(10, 99), r.nextInt(40, 99), r.nextInt(1, 9), r.nextInt(0, 9), r.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static Consignor register(Consignors consignors, String name, int counterPct, int periodDays, EndAction end, @Nullable Long floorPriceFen) {
        return consignors.register(new ConsignorDraft(name, "13612345678", idNumber(), PayoutMethod.CASH, null, null, counterPct, 15, periodDays, end,
                floorPriceFen));
    }
}
