package io.yizhan.station.parcels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * 盘点 of one shelf: staff scan every parcel on it; what the station expects there but was not
 * scanned is missing, what was scanned but belongs elsewhere is misplaced (with its right place),
 * and what was scanned but is not in the station at all is unknown. Changes nothing.
 */
@Service
public class ShelfAudit {

    /** The audit's findings. */
    public record Result(int shelf, List<Parcel> found, List<Parcel> missing, List<Parcel> misplaced, List<String> unknown) {
    }

    private final Parcels parcels;

    ShelfAudit(Parcels parcels) {
        this.parcels = parcels;
    }

    public Result audit(int shelf, Collection<String> scannedWaybills) {
        Set<String> scanned = new LinkedHashSet<>();
        scannedWaybills.forEach(w -> scanned.add(w.strip().toUpperCase(Locale.ROOT)));
        List<Parcel> expected = parcels.onShelf(shelf);
        List<Parcel> found = new ArrayList<>();
        List<Parcel> missing = new ArrayList<>();
        for (Parcel p : expected) {
            (scanned.contains(p.waybill()) ? found : missing).add(p);
        }
        Set<String> expectedWaybills = new LinkedHashSet<>();
        expected.forEach(p -> expectedWaybills.add(p.waybill()));
        List<Parcel> misplaced = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String w : scanned) {
            if (expectedWaybills.contains(w)) {
                continue;
            }
            parcels.byWaybill(w).stream().filter(p -> p.status() == ParcelStatus.IN_STORE).findFirst()
                    .ifPresentOrElse(misplaced::add, () -> unknown.add(w));
        }
        return new Result(shelf, found, missing, misplaced, unknown);
    }
}
