package io.dropflow.claim;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** An order line the claim is about, with how many pieces and their sale value. */
@Entity
public class ClaimLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int lineNo;
    private String sku;
    private int quantity;
    private BigDecimal saleValue;

    protected ClaimLine() {
    }

    ClaimLine(int lineNo, String sku, int quantity, BigDecimal saleValue) {
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
