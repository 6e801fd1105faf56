package io.dropflow.returns.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/**
 * One returned line as return-policy.dmn judged it: its own product category through the table,
 * so a hygiene item in a mixed parcel is refused on its own line and does not decide the others.
 */
@Embeddable
public class ReturnLinePolicy {

    private int lineNo;
    private String sku;
    private String productCategory;
    private BigDecimal saleValue;
    /** What we paid the supplier for the line's pieces: its credit if it takes them back. */
    private BigDecimal supplyValue;
    private Boolean allowed;
    @Enumerated(EnumType.STRING)
    @Column(name = "return_shipping_paid_by")
    private ReturnRequest.ShippingPaidBy returnShippingPaidBy;
    private BigDecimal restockingFeeRate;
    private Boolean supplierMustAgree;
    private Boolean exchangeAfterReceipt;
    private String policyRule;

    protected ReturnLinePolicy() {
    }

    public ReturnLinePolicy(int lineNo, String sku, String productCategory, BigDecimal saleValue, BigDecimal supplyValue) {
        this.lineNo = lineNo;
        this.sku = sku;
        this.productCategory = productCategory;
        this.saleValue = saleValue;
        this.supplyValue = supplyValue;
    }

    /** The table's answer for this line. */
    void judge(ReturnPolicyTable.Policy policy) {
        allowed = policy.allowed();
        returnShippingPaidBy = policy.returnShippingPaidBy();
        restockingFeeRate = policy.allowed() ? policy.restockingFeeRate() : null;
        supplierMustAgree = policy.supplierMustAgree();
        exchangeAfterReceipt = policy.exchangeAfterReceipt();
        policyRule = policy.rule();
    }

    public boolean isAllowed() {
        return Boolean.TRUE.equals(allowed);
    }

    /** The line's restocking fee: its value at its own rate. */
    BigDecimal restockingFee() {
        return isAllowed() && restockingFeeRate != null ? saleValue.multiply(restockingFeeRate) : BigDecimal.ZERO;
    }

    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public String getProductCategory() { return productCategory; }
    public BigDecimal getSaleValue() { return saleValue; }
    public BigDecimal getSupplyValue() { return supplyValue; }
    public Boolean getAllowed() { return allowed; }
    public ReturnRequest.ShippingPaidBy getReturnShippingPaidBy() { return returnShippingPaidBy; }
    public BigDecimal getRestockingFeeRate() { return restockingFeeRate; }
    public Boolean getSupplierMustAgree() { return supplierMustAgree; }
    public Boolean getExchangeAfterReceipt() { return exchangeAfterReceipt; }
    public String getPolicyRule() { return policyRule; }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnLinePolicy l && l.lineNo == lineNo;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(lineNo);
    }
}
