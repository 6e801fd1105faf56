package io.dropflow.groupbuy.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Consumers to be told their group-buy order is ready for pickup, and whether they were. */
public interface PickupNotices extends JpaRepository<PickupNotice, Long> {

    boolean existsByIdempotencyKey(String idempotencyKey);

    /** The purchase's notices the storefront has not taken yet, in the order they were recorded. */
    List<PickupNotice> findByPurchaseIdAndSentAtIsNullOrderById(Long purchaseId);

    /** A group-buy order's notices the storefront has not taken yet, of any purchase, in the order they were recorded. */
    List<PickupNotice> findByGroupBuyOrderIdAndSentAtIsNullOrderById(Long groupBuyOrderId);
}
