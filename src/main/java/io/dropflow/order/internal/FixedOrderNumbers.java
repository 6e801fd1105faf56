package io.dropflow.order.internal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order's own numbers ({@link OrderNumbers}): fixed once, then read by its use cases. */
@Service
public class FixedOrderNumbers {

    private final Orders orders;

    FixedOrderNumbers(Orders orders) {
        this.orders = orders;
    }

    @Transactional
    public void fix(Long orderId, OrderNumbers numbers) {
        orders.byId(orderId).fixNumbers(numbers);
    }

    /** Empty before the order's first job, and for orders started before the numbers were kept on the order. */
    @Transactional(readOnly = true)
    public Optional<OrderNumbers> of(Long orderId) {
        return Optional.ofNullable(orders.byId(orderId).getNumbers());
    }
}
