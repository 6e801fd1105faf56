package io.dropflow.groupbuy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Refunds paid to group-buy consumers, and the one of an order being paid now, if any. */
public interface GroupBuyRefunds extends JpaRepository<GroupBuyRefund, Long> {

    /** The order's refunds the storefront paid, by number (one claimed and not yet paid is not among them). */
    List<GroupBuyRefund> findByGroupBuyOrderIdAndRefundedAtIsNotNullOrderByRefundNo(Long groupBuyOrderId);

    /** The order's refund claimed and not yet paid: at most one, since an order's next refund is claimed after it. */
    Optional<GroupBuyRefund> findByGroupBuyOrderIdAndRefundedAtIsNull(Long groupBuyOrderId);

    /** Refunds claimed and not paid whose claim is older than {@code leaseStart}: their job died or was dropped. */
    List<GroupBuyRefund> findByRefundedAtIsNullAndSendingSinceBefore(Instant leaseStart);

    Optional<GroupBuyRefund> findByGroupBuyOrderIdAndRefundNo(Long groupBuyOrderId, int refundNo);
}
