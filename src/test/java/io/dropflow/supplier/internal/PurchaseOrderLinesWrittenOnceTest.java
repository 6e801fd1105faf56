package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.JpaSliceTest;
import io.dropflow.support.RowsWritten;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A purchase order's lines are written with their purchase order's id in their insert, once (see
 * {@code OrderLinesWrittenOnceTest}).
 */
@JpaSliceTest
class PurchaseOrderLinesWrittenOnceTest {

    @Autowired
    private Suppliers suppliers;
    @Autowired
    private PurchaseOrders purchaseOrders;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aPurchaseOrdersLinesAreInsertedWithItAndNeverUpdated() {
        Supplier acme = suppliers.save(new Supplier("LINES-ONCE", "Acme", "EU", 80));
        PurchaseOrder po = new PurchaseOrder(null, acme, "PO-LINES-ONCE-1", List.of(
                new PurchaseOrderLine("DEMO-MUG", "AC-MUG", 2, new BigDecimal("6.00")),
                new PurchaseOrderLine("DEMO-CUP", "AC-CUP", 1, new BigDecimal("3.00"))),
                new BigDecimal("4.90"), "EUR", Instant.parse("2026-03-02T10:00:00Z"));

        Long id = purchaseOrders.saveAndFlush(po).getId();

        assertThat(RowsWritten.inThisTransaction(jdbc, "purchase_order_line")).isEqualTo(new RowsWritten(2, 0, 0));
        assertThat(jdbc.queryForList("select supplier_sku from purchase_order_line where purchase_order_id = ? order by id",
                String.class, id)).containsExactly("AC-MUG", "AC-CUP");
    }
}
