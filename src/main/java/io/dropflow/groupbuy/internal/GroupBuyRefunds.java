package io.dropflow.groupbuy.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Refunds paid to group-buy consumers. */
public interface GroupBuyRefunds extends JpaRepository<GroupBuyRefund, Long> {

    List<GroupBuyRefund> findByGroupBuyOrderIdOrderByRefundNo(Long groupBuyOrderId);
}
