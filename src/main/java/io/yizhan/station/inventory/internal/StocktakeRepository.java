package io.yizhan.station.inventory.internal;

import io.yizhan.station.inventory.Stocktake;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface StocktakeRepository extends ListCrudRepository<Stocktake, UUID> {

    @Query("SELECT * FROM inventory_stocktake ORDER BY started_at DESC FETCH FIRST 20 ROWS ONLY")
    List<Stocktake> latest();
}
