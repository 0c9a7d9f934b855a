package io.yizhan.station.shopping.internal;

import io.yizhan.station.shopping.ShopOrder;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Orders with their lines, saved whole (Spring Data JDBC); state changes are guarded updates in {@code Shopping}. */
public interface ShopOrderRepository extends ListCrudRepository<ShopOrder, UUID> {

    Optional<ShopOrder> findByIdempotencyKey(String idempotencyKey);

    Optional<ShopOrder> findByOrderNo(String orderNo);
}
