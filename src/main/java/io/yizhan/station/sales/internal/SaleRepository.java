package io.yizhan.station.sales.internal;

import io.yizhan.station.sales.Sale;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SaleRepository extends ListCrudRepository<Sale, UUID> {

    Optional<Sale> findByIdempotencyKey(String idempotencyKey);

    Optional<Sale> findByPaymentKey(String paymentKey);

    @Query("SELECT * FROM sales_sale WHERE status = 'PENDING' ORDER BY created_at FETCH FIRST 100 ROWS ONLY")
    List<Sale> pending();

    @Query("SELECT * FROM sales_sale WHERE status = 'CANCELLED' AND method = 'CODE' AND updated_at >= :since ORDER BY updated_at FETCH FIRST 100 ROWS ONLY")
    List<Sale> cancelledCodeSalesSince(java.time.Instant since);

    @Query("SELECT * FROM sales_sale WHERE terminal = :terminal ORDER BY created_at DESC FETCH FIRST 20 ROWS ONLY")
    List<Sale> latestAt(String terminal);
}
