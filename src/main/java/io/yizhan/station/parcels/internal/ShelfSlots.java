package io.yizhan.station.parcels.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shelf layout as slots (shelf × layer) with capacity and use. At start the configured layout is
 * written into {@code parcels_slot} (a removed shelf keeps its parcels but takes no new ones); the
 * overflow area is shelf 0, layer 0. A place is taken with a guarded UPDATE, so concurrent
 * check-ins can never overfill a layer: the database settles it.
 */
@Component
public class ShelfSlots implements SmartInitializingSingleton {

    public record Slot(int shelf, int layer) {
    }

    private final JdbcClient jdbc;
    private final ParcelsProperties layout;

    ShelfSlots(JdbcClient jdbc, ParcelsProperties layout) {
        this.jdbc = jdbc;
        this.layout = layout;
    }

    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        Set<String> configured = new HashSet<>();
        for (ParcelsProperties.Shelf shelf : layout.shelves()) {
            for (int layer = 1; layer <= shelf.layers(); layer++) {
                upsert(shelf.shelf(), layer, shelf.capacity(), shelf.cold());
                configured.add(shelf.shelf() + "-" + layer);
            }
        }
        upsert(0, 0, layout.overflowCapacity(), false);
        configured.add("0-0");
        record Key(int shelf, int layer) {
        }
        for (Key k : jdbc.sql("SELECT shelf, layer FROM parcels_slot").query((rs, i) -> new Key(rs.getInt(1), rs.getInt(2))).list()) {
            if (!configured.contains(k.shelf() + "-" + k.layer())) {
                jdbc.sql("UPDATE parcels_slot SET capacity = 0 WHERE shelf = ? AND layer = ?").params(k.shelf(), k.layer()).update();
            }
        }
    }

    private void upsert(int shelf, int layer, int capacity, boolean cold) {
        int n = jdbc.sql("UPDATE parcels_slot SET capacity = ?, cold = ? WHERE shelf = ? AND layer = ?")
                .params(capacity, cold, shelf, layer).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO parcels_slot (shelf, layer, capacity, used, cold) VALUES (?, ?, ?, 0, ?)")
                    .params(shelf, layer, capacity, cold).update();
        }
    }

    /** Takes a place for a parcel: the least-filled layer of the right kind, else the overflow area. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Slot> take(boolean cold) {
        record Candidate(Slot slot, double fill) {
        }
        // the fill is worked out here: in SQL it is a DECIMAL division, which costs more than the rest of the query
        List<Candidate> found = new java.util.ArrayList<>(jdbc.sql("""
                        SELECT shelf, layer, used, capacity FROM parcels_slot
                        WHERE cold = ? AND shelf > 0 AND used < capacity""")
                .param(cold).query((rs, i) -> new Candidate(new Slot(rs.getInt(1), rs.getInt(2)), (double) rs.getInt(3) / rs.getInt(4)))
                .list());
        found.sort(java.util.Comparator.comparingDouble(Candidate::fill).thenComparingInt(c -> c.slot().shelf())
                .thenComparingInt(c -> c.slot().layer()));
        // among the equally least-filled layers, one at random: two counters checking in at once
        // rarely want the same layer, so neither waits for the other's transaction to end
        List<Slot> candidates = new java.util.ArrayList<>(found.size());
        found.stream().filter(c -> found.isEmpty() || c.fill() == found.getFirst().fill()).map(Candidate::slot).forEach(candidates::add);
        java.util.Collections.shuffle(candidates);
        found.stream().filter(c -> c.fill() != found.getFirst().fill()).map(Candidate::slot).forEach(candidates::add);
        for (Slot slot : candidates) {
            if (claim(slot)) {
                return Optional.of(slot);
            }
        }
        Slot overflow = new Slot(0, 0);
        return claim(overflow) ? Optional.of(overflow) : Optional.empty();
    }

    private boolean claim(Slot slot) {
        return jdbc.sql("UPDATE parcels_slot SET used = used + 1 WHERE shelf = ? AND layer = ? AND used < capacity")
                .params(slot.shelf(), slot.layer()).update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void release(int shelf, int layer) {
        jdbc.sql("UPDATE parcels_slot SET used = used - 1 WHERE shelf = ? AND layer = ? AND used > 0").params(shelf, layer).update();
    }

    public int capacity() {
        return jdbc.sql("SELECT COALESCE(SUM(capacity), 0) FROM parcels_slot").query(Integer.class).single();
    }
}
