package io.dropflow.returns.internal;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Money;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A consumer's wish to send goods back, to the supplier that shipped them: the policy's answer,
 * the negotiation with the supplier, an alternative offered to the consumer, the return parcel,
 * the supplier's inspection and the refund. The process moves it; the history is the after-sales
 * {@link io.dropflow.aftersales.CaseHistory}.
 */
@Entity
@AttributeOverride(name = "supplierAmount", column = @Column(name = "supplier_offer_amount"))
@AssociationOverride(name = "lines", joinTable = @JoinTable(name = "return_line", joinColumns = @JoinColumn(name = "return_id")))
public class ReturnRequest extends AfterSalesCase<ReturnStatus> {

    /** Who pays the return label (return-policy.dmn). */
    public enum ShippingPaidBy { SUPPLIER, CONSUMER, SELLER }

    @Enumerated(EnumType.STRING)
    private ReturnReason reason;
    @Enumerated(EnumType.STRING)
    private ReturnWish wish;
    private String exchangeSku;
    @Enumerated(EnumType.STRING)
    private ReturnStatus status = ReturnStatus.REQUESTED;
    private BigDecimal returnedValue;
    private BigDecimal supplyValue;
    private Boolean allowed;
    @Enumerated(EnumType.STRING)
    private ShippingPaidBy returnShippingPaidBy;
    /** The return label's cost in the return's currency, fixed when the policy was applied. */
    private BigDecimal labelCost;
    private BigDecimal restockingFeeRate;
    private Boolean supplierMustAgree;
    private Boolean exchangeAfterReceipt;
    private String policyRule;
    private int offerNo;
    private BigDecimal offerAmount;
    private String consumerAnswer;
    private String returnCarrierCode;
    private String returnTrackingNumber;
    private String returnLabelUrl;
    private String inspectionResult;
    private String inspectionNote;
    private BigDecimal refundAmount;
    private boolean goodsReturned;
    private boolean supplierAgreed;
    private Long exchangePurchaseOrderId;

    protected ReturnRequest() {
    }

    /** @param supplyValue what we paid the supplier for the returned pieces: its credit if it takes them back */
    public ReturnRequest(Long orderId, Long purchaseOrderId, Long supplierId, ReturnReason reason, ReturnWish wish,
            String exchangeSku, String channel, String currency, List<CaseLine> lines, BigDecimal supplyValue,
            Instant now) {
        super(orderId, purchaseOrderId, supplierId, channel, currency, lines, now);
        this.reason = reason;
        this.wish = wish;
        this.exchangeSku = exchangeSku;
        this.returnedValue = saleValue();
        this.supplyValue = supplyValue;
    }

    @Override
    protected void setStatus(ReturnStatus status) {
        this.status = status;
    }

    @Override
    public CaseKind kind() {
        return CaseKind.RETURN;
    }

    /** @param labelCost what the return label costs, converted into the return's currency */
    public void applyPolicy(boolean allowed, ShippingPaidBy paidBy, BigDecimal restockingFeeRate, boolean supplierMustAgree,
            boolean exchangeAfterReceipt, String rule, BigDecimal labelCost, Instant now) {
        this.allowed = allowed;
        this.returnShippingPaidBy = paidBy;
        this.labelCost = Money.inMinorUnits(labelCost, getCurrency());
        this.restockingFeeRate = restockingFeeRate;
        this.supplierMustAgree = supplierMustAgree;
        this.exchangeAfterReceipt = exchangeAfterReceipt;
        this.policyRule = rule;
        touch(now);
    }

    /** A round asks the supplier to take the goods back. */
    @Override
    protected ReturnStatus waitingForSupplier() {
        return ReturnStatus.WITH_SUPPLIER;
    }

    /** @return false for an answer to another round, or a second answer, which changes nothing */
    public boolean recordSupplierAnswer(int round, ReturnAnswerEvent.Answer answer, BigDecimal offerAmount, String reason,
            Instant now) {
        if (!answerRound(round, answer, offerAmount, reason, now)) {
            return false;
        }
        if (answer == ReturnAnswerEvent.Answer.ACCEPTED) {
            supplierAgreed = true;
        }
        return true;
    }

    /** Alternative {@code number} goes to the consumer; repeating it changes nothing. */
    public void offerToConsumer(int number, BigDecimal amount, Instant now) {
        if (offerNo >= number) {
            return;
        }
        offerNo = number;
        offerAmount = amount;
        consumerAnswer = null;
        status = ReturnStatus.AWAITING_CONSUMER;
        touch(now);
    }

    /** @return false when no offer waits for an answer */
    public boolean recordConsumerAnswer(boolean accept, Instant now) {
        if (status != ReturnStatus.AWAITING_CONSUMER || consumerAnswer != null) {
            return false;
        }
        consumerAnswer = accept ? "ACCEPTED" : "DECLINED";
        touch(now);
        return true;
    }

    public void labelBooked(String carrierCode, String trackingNumber, String labelUrl, Instant now) {
        this.returnCarrierCode = carrierCode;
        this.returnTrackingNumber = trackingNumber;
        this.returnLabelUrl = labelUrl;
        this.goodsReturned = true;
        status = ReturnStatus.RETURN_IN_TRANSIT;
        touch(now);
    }

    /** @return false for a second inspection report */
    public boolean recordInspection(String result, String note, Instant now) {
        if (inspectionResult != null) {
            return false;
        }
        inspectionResult = result;
        inspectionNote = note;
        touch(now);
        return true;
    }

    /**
     * The refund the policy gives for goods returned in order: their value, less the restocking
     * fee, less the return label when the consumer pays for it; never below zero.
     */
    public BigDecimal refundPerPolicy() {
        BigDecimal fee = returnedValue.multiply(restockingFeeRate == null ? BigDecimal.ZERO : restockingFeeRate);
        BigDecimal label = returnShippingPaidBy == ShippingPaidBy.CONSUMER ? getLabelCost() : BigDecimal.ZERO;
        return Money.inMinorUnits(returnedValue.subtract(fee).subtract(label).max(BigDecimal.ZERO), getCurrency());
    }

    /**
     * Whether the supplier took the goods back, and so credits what we paid for them: they came
     * back, and the supplier agreed or the policy did not ask it to.
     */
    public boolean supplierTookGoodsBack() {
        return goodsReturned && (supplierAgreed || !Boolean.TRUE.equals(supplierMustAgree));
    }

    /** Whether a return label was booked that the supplier does not pay for. */
    public boolean returnLabelOnOurAccount() {
        return goodsReturned && returnShippingPaidBy != ShippingPaidBy.SUPPLIER;
    }

    /** Whether the supplier's last answer proposed a partial refund, the consumer keeping the goods. */
    public boolean supplierProposedAlternative() {
        return ReturnAnswerEvent.Answer.ALTERNATIVE.name().equals(supplierAnswerName());
    }

    public void settleRefund(BigDecimal amount, Instant now) {
        refundAmount = amount;
        touch(now);
    }

    public void exchangeOrdered(Long purchaseOrderId, Instant now) {
        exchangePurchaseOrderId = purchaseOrderId;
        touch(now);
    }

    public ReturnReason getReason() { return reason; }
    public ReturnWish getWish() { return wish; }
    public String getExchangeSku() { return exchangeSku; }
    @Override
    public ReturnStatus getStatus() { return status; }
    public BigDecimal getReturnedValue() { return returnedValue; }
    public BigDecimal getSupplyValue() { return supplyValue; }
    public Boolean getAllowed() { return allowed; }
    public ShippingPaidBy getReturnShippingPaidBy() { return returnShippingPaidBy; }
    public BigDecimal getLabelCost() { return labelCost == null ? BigDecimal.ZERO : labelCost; }
    public BigDecimal getRestockingFeeRate() { return restockingFeeRate; }
    public Boolean getSupplierMustAgree() { return supplierMustAgree; }
    public Boolean getExchangeAfterReceipt() { return exchangeAfterReceipt; }
    public String getPolicyRule() { return policyRule; }
    /** ACCEPTED, REJECTED or ALTERNATIVE; null until the supplier answers the current round. */
    public String getSupplierAnswer() { return supplierAnswerName(); }
    public int getOfferNo() { return offerNo; }
    public BigDecimal getOfferAmount() { return offerAmount; }
    public String getConsumerAnswer() { return consumerAnswer; }
    public String getReturnCarrierCode() { return returnCarrierCode; }
    public String getReturnTrackingNumber() { return returnTrackingNumber; }
    public String getReturnLabelUrl() { return returnLabelUrl; }
    public String getInspectionResult() { return inspectionResult; }
    public String getInspectionNote() { return inspectionNote; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public boolean isGoodsReturned() { return goodsReturned; }
    public boolean isSupplierAgreed() { return supplierAgreed; }
    public Long getExchangePurchaseOrderId() { return exchangePurchaseOrderId; }
}
