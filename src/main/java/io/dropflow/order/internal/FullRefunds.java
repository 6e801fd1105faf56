package io.dropflow.order.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Orders' own full refunds as planned, by order id: one per order. */
interface FullRefunds extends JpaRepository<FullRefund, Long> {
}
