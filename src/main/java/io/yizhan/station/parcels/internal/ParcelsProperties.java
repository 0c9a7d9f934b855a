package io.yizhan.station.parcels.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yizhan.parcels.*}: the shelf layout, the overflow area, privacy, retention, and the printer
 * for sent parcels' waybills ({@code waybill-printer}: a device name, e.g. a 100 × 150 mm label
 * printer; empty prints the waybill on the terminal's receipt printer).
 */
@ConfigurationProperties("yizhan.parcels")
public record ParcelsProperties(List<Shelf> shelves, @DefaultValue("200") int overflowCapacity,
                                @DefaultValue("30") int erasePhoneAfterDays,
                                @DefaultValue({"3", "5"}) List<Integer> reminderDays,
                                @DefaultValue("7") int returnDays,
                                @DefaultValue("24") int coldReturnHours,
                                @DefaultValue("") String waybillPrinter) {

    public ParcelsProperties {
        shelves = shelves == null ? List.of() : List.copyOf(shelves);
        reminderDays = reminderDays == null ? List.of(3, 5) : reminderDays.stream().sorted().toList();
        for (Shelf s : shelves) {
            if (s.shelf() < 1 || s.shelf() > 99 || s.layers() < 1 || s.layers() > 9 || s.capacity() < 1 || s.capacity() > 9999) {
                throw new IllegalArgumentException("yizhan.parcels.shelves: shelf 1–99, layers 1–9, capacity 1–9999, got " + s);
            }
        }
    }

    public record Shelf(int shelf, int layers, int capacity, boolean cold) {
    }
}
