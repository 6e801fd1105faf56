package io.dropflow.returns;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** An order line being sent back, with how many pieces and their sale value. */
@Entity
public class ReturnLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int lineNo;
    private String sku;
    private int quantity;
    private BigDecimal saleValue;

    protected ReturnLine() {
    }

    ReturnLine(int lineNo, String sku, int quantity, BigDecimal saleValue) {
        this.lineNo = lineNo;
        this.sku = sku;
        this.quantity = quantity;
        this.saleValue = saleValue;
    }

    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public int getQuantity() { return quantity; }
    public BigDecimal getSaleValue() { return saleValue; }
}
