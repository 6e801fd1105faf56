package io.dropflow.returns;

import io.dropflow.settlement.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer's wish to send goods back, to the supplier that shipped them: the policy's answer,
 * the negotiation with the supplier, an alternative offered to the consumer, the return parcel,
 * the supplier's inspection and the refund. The process moves it; the history is in
 * {@link ReturnHistoryEntry}.
 */
@Entity
public class ReturnRequest {

    /** Who pays the return label (return-policy.dmn). */
    public enum ShippingPaidBy { SUPPLIER, CONSUMER, SELLER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long purchaseOrderId;
    private Long supplierId;
    @Enumerated(EnumType.STRING)
    private ReturnReason reason;
    @Enumerated(EnumType.STRING)
    private ReturnWish wish;
    private String exchangeSku;
    @Enumerated(EnumType.STRING)
    private ReturnStatus status = ReturnStatus.REQUESTED;
    private String channel;
    private String currency;
    private BigDecimal returnedValue;
    private BigDecimal supplyValue;
    private Boolean allowed;
    @Enumerated(EnumType.STRING)
    private ShippingPaidBy returnShippingPaidBy;
    private BigDecimal restockingFeeRate;
    private Boolean supplierMustAgree;
    private Boolean exchangeAfterReceipt;
    private String policyRule;
    private int roundNo;
    private String supplierAnswer;
    private BigDecimal supplierOfferAmount;
    private String supplierReason;
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
    private String outcomeReason;
    private boolean escalated;
    private String processInstanceId;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    private Instant closedAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "return_id", nullable = false)
    @OrderBy("lineNo")
    private List<ReturnLine> lines = new ArrayList<>();

    protected ReturnRequest() {
    }

    ReturnRequest(Long orderId, Long purchaseOrderId, Long supplierId, ReturnReason reason, ReturnWish wish,
            String exchangeSku, String channel, String currency, List<ReturnLine> lines, BigDecimal supplyValue) {
        this.orderId = orderId;
        this.purchaseOrderId = purchaseOrderId;
        this.supplierId = supplierId;
        this.reason = reason;
        this.wish = wish;
        this.exchangeSku = exchangeSku;
        this.channel = channel;
        this.currency = currency;
        this.lines.addAll(lines);
        this.returnedValue = lines.stream().map(ReturnLine::getSaleValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.supplyValue = supplyValue;
    }

    /** The return number partners and consumers see. */
    public String number() {
        return "DF-RT" + id;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void applyPolicy(boolean allowed, ShippingPaidBy paidBy, BigDecimal restockingFeeRate, boolean supplierMustAgree,
            boolean exchangeAfterReceipt, String rule) {
        this.allowed = allowed;
        this.returnShippingPaidBy = paidBy;
        this.restockingFeeRate = restockingFeeRate;
        this.supplierMustAgree = supplierMustAgree;
        this.exchangeAfterReceipt = exchangeAfterReceipt;
        this.policyRule = rule;
        touch();
    }

    public void moveTo(ReturnStatus next) {
        if (!status.isOpen() || status == next) {
            return;
        }
        status = next;
        if (!next.isOpen()) {
            closedAt = Instant.now();
        }
        touch();
    }

    public void closeBecause(ReturnStatus end, String reason) {
        this.outcomeReason = reason;
        moveTo(end);
    }

    /** Round {@code round} goes to the supplier; repeating it changes nothing. */
    public void startRound(int round) {
        if (roundNo >= round) {
            return;
        }
        roundNo = round;
        supplierAnswer = null;
        supplierOfferAmount = null;
        supplierReason = null;
        status = ReturnStatus.WITH_SUPPLIER;
        touch();
    }

    /** @return false for an answer to another round, or a second answer, which changes nothing */
    boolean recordSupplierAnswer(int round, String answer, BigDecimal offerAmount, String reason) {
        if (round != roundNo || supplierAnswer != null) {
            return false;
        }
        this.supplierAnswer = answer;
        this.supplierOfferAmount = offerAmount;
        this.supplierReason = reason;
        if ("ACCEPTED".equals(answer)) {
            supplierAgreed = true;
        }
        touch();
        return true;
    }

    /** Alternative {@code number} goes to the consumer; repeating it changes nothing. */
    public void offerToConsumer(int number, BigDecimal amount) {
        if (offerNo >= number) {
            return;
        }
        offerNo = number;
        offerAmount = amount;
        consumerAnswer = null;
        status = ReturnStatus.AWAITING_CONSUMER;
        touch();
    }

    /** @return false when no offer waits for an answer */
    boolean recordConsumerAnswer(boolean accept) {
        if (status != ReturnStatus.AWAITING_CONSUMER || consumerAnswer != null) {
            return false;
        }
        consumerAnswer = accept ? "ACCEPTED" : "DECLINED";
        touch();
        return true;
    }

    public void labelBooked(String carrierCode, String trackingNumber, String labelUrl) {
        this.returnCarrierCode = carrierCode;
        this.returnTrackingNumber = trackingNumber;
        this.returnLabelUrl = labelUrl;
        this.goodsReturned = true;
        status = ReturnStatus.RETURN_IN_TRANSIT;
        touch();
    }

    /** @return false for a second inspection report */
    boolean recordInspection(String result, String note) {
        if (inspectionResult != null) {
            return false;
        }
        inspectionResult = result;
        inspectionNote = note;
        touch();
        return true;
    }

    /**
     * The refund the policy gives for goods returned in order: their value, less the restocking
     * fee, less the return label when the consumer pays for it; never below zero.
     */
    public BigDecimal refundPerPolicy(BigDecimal returnLabelCost) {
        BigDecimal fee = returnedValue.multiply(restockingFeeRate == null ? BigDecimal.ZERO : restockingFeeRate);
        BigDecimal label = returnShippingPaidBy == ShippingPaidBy.CONSUMER ? returnLabelCost : BigDecimal.ZERO;
        return Money.inMinorUnits(returnedValue.subtract(fee).subtract(label).max(BigDecimal.ZERO), currency);
    }

    public void settleRefund(BigDecimal amount) {
        refundAmount = amount;
        touch();
    }

    public void exchangeOrdered(Long purchaseOrderId) {
        exchangePurchaseOrderId = purchaseOrderId;
        touch();
    }

    public void escalate() {
        escalated = true;
        touch();
    }

    public boolean covers(int lineNo) {
        return lines.stream().anyMatch(l -> l.getLineNo() == lineNo);
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getPurchaseOrderId() { return purchaseOrderId; }
    public Long getSupplierId() { return supplierId; }
    public ReturnReason getReason() { return reason; }
    public ReturnWish getWish() { return wish; }
    public String getExchangeSku() { return exchangeSku; }
    public ReturnStatus getStatus() { return status; }
    public String getChannel() { return channel; }
    public String getCurrency() { return currency; }
    public BigDecimal getReturnedValue() { return returnedValue; }
    public BigDecimal getSupplyValue() { return supplyValue; }
    public Boolean getAllowed() { return allowed; }
    public ShippingPaidBy getReturnShippingPaidBy() { return returnShippingPaidBy; }
    public BigDecimal getRestockingFeeRate() { return restockingFeeRate; }
    public Boolean getSupplierMustAgree() { return supplierMustAgree; }
    public Boolean getExchangeAfterReceipt() { return exchangeAfterReceipt; }
    public String getPolicyRule() { return policyRule; }
    public int getRoundNo() { return roundNo; }
    public String getSupplierAnswer() { return supplierAnswer; }
    public BigDecimal getSupplierOfferAmount() { return supplierOfferAmount; }
    public String getSupplierReason() { return supplierReason; }
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
    public String getOutcomeReason() { return outcomeReason; }
    public boolean isEscalated() { return escalated; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<ReturnLine> getLines() { return List.copyOf(lines); }
}
