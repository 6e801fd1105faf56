package io.dropflow.aftersales.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The consumer's refunds of after-sales cases. */
interface CaseRefundEntries extends JpaRepository<CaseRefund, Long> {

    List<CaseRefund> findByOrderIdOrderById(Long orderId);
}
