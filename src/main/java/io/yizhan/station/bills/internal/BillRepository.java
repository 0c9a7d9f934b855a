package io.yizhan.station.bills.internal;

import io.yizhan.station.bills.BillPayment;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Bill payments, saved whole (Spring Data JDBC); state changes are guarded updates in {@code Bills}. */
public interface BillRepository extends ListCrudRepository<BillPayment, UUID> {

    Optional<BillPayment> findByIdempotencyKey(String idempotencyKey);

    Optional<BillPayment> findByOrderNo(String orderNo);
}
