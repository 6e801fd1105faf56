package io.dropflow.supplier.internal;

import io.dropflow.processengine.AfterCommit;
import io.dropflow.supplier.SupplierEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Suppliers' answers to purchase orders ({@code dropflow_purchase_order_answers_total} by supplier
 * code and answer), counted once the answer committed. Supplier codes are the catalog's: bounded.
 */
@Component
class PurchaseOrderMeters {

    static final String ANSWERS = "dropflow.purchase.order.answers";

    private final MeterRegistry registry;

    PurchaseOrderMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String supplierCode, SupplierEventType answer) {
        Counter counter = Counter.builder(ANSWERS).description("Suppliers' answers to purchase orders")
                .tag("supplier", supplierCode).tag("answer", answer.name().toLowerCase(Locale.ROOT)).register(registry);
        AfterCommit.run(counter::increment);
    }
}
