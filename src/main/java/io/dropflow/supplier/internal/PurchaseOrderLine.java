package io.dropflow.supplier.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

@Entity
class PurchaseOrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String supplierSku;
    private int quantity;
    private BigDecimal supplyPrice;

    protected PurchaseOrderLine() {
    }

    PurchaseOrderLine(String sku, String supplierSku, int quantity, BigDecimal supplyPrice) {
        this.sku = sku;
        this.supplierSku = supplierSku;
        this.quantity = quantity;
        this.supplyPrice = supplyPrice;
    }

    BigDecimal total() {
        return supplyPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public String getSku() { return sku; }
    public String getSupplierSku() { return supplierSku; }
    public int getQuantity() { return quantity; }
    public BigDecimal getSupplyPrice() { return supplyPrice; }
}
