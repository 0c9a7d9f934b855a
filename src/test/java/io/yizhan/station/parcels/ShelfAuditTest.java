package io.yizhan.station.parcels;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.station.support.StationTest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@StationTest
class ShelfAuditTest {

    @Autowired
    Parcels parcels;
    @Autowired
    ShelfAudit audit;

    private Parcel checkIn() {
        return parcels.checkIn(new CheckIn("ZT" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)),
                "13812345678", null, null, false, null));
    }

    @Test
    void missingMisplacedAndUnknownParcelsAreReported() {
        List<Parcel> some = List.of(checkIn(), checkIn(), checkIn(), checkIn(), checkIn(), checkIn());
        int shelf = some.getFirst().shelf();
        List<Parcel> here = parcels.onShelf(shelf);
        Parcel elsewhere = parcels.byStatus(ParcelStatus.IN_STORE, 10_000).stream().filter(p -> p.shelf() != shelf)
                .findFirst().orElseGet(() -> parcels.checkIn(new CheckIn("ZT" + String.format("%013d",
                        ThreadLocalRandom.current().nextLong(1_000_000_000_000L)), "13812345678", null, null, true, null)));

        List<String> scanned = new java.util.ArrayList<>(here.stream().skip(1).map(Parcel::waybill).toList());
        scanned.add(elsewhere.waybill().toLowerCase());
        scanned.add("NOTHERE123456");

        ShelfAudit.Result result = audit.audit(shelf, scanned);
        assertThat(result.missing()).extracting(Parcel::id).containsExactly(here.getFirst().id());
        assertThat(result.found()).hasSize(here.size() - 1);
        assertThat(result.misplaced()).extracting(Parcel::id).containsExactly(elsewhere.id());
        assertThat(result.unknown()).containsExactly("NOTHERE123456");
    }
}
