package io.dropflow.order.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** One product of an order: which, how many, at what unit price. */
@Entity
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int lineNo;
    private String sku;
    private int quantity;
    /** Unit price the consumer paid. */
    private BigDecimal salePrice;

    protected OrderLine() {
    }

    OrderLine(int lineNo, String sku, int quantity, BigDecimal salePrice) {
        this.lineNo = lineNo;
        this.sku = sku;
        this.quantity = quantity;
        this.salePrice = salePrice;
    }

    void substitute(String sku) {
        this.sku = sku;
    }

    public BigDecimal total() {
        return salePrice.multiply(BigDecimal.valueOf(quantity));
    }

    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public int getQuantity() { return quantity; }
    public BigDecimal getSalePrice() { return salePrice; }
}
