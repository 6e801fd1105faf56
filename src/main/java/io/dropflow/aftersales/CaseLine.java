package io.dropflow.aftersales;

import io.dropflow.order.OrderSummary;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An order line a case is about: how many of its pieces, and their sale value. */
@Embeddable
public class CaseLine {

    private int lineNo;
    private String sku;
    private int quantity;
    private BigDecimal saleValue;

    protected CaseLine() {
    }

    public CaseLine(int lineNo, String sku, int quantity, BigDecimal saleValue) {
        this.lineNo = lineNo;
        this.sku = sku;
        this.quantity = quantity;
        this.saleValue = saleValue;
    }

    /** {@code quantity} pieces of the order line, at the price the consumer paid for each. */
    public static CaseLine of(OrderSummary.Line line, int quantity) {
        return new CaseLine(line.lineNo(), line.sku(), quantity, line.salePrice().multiply(BigDecimal.valueOf(quantity)));
    }

    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public int getQuantity() { return quantity; }
    public BigDecimal getSaleValue() { return saleValue; }
}
