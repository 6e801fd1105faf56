package io.dropflow.returns.internal;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Money;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
    /** The restocking fee of the allowed lines, each at its own rate (null on returns judged as a whole). */
    private BigDecimal restockingFee;
    /** Each returned line as the policy judged it (a Set: the case's lines are already an eager list). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "return_line_policy", joinColumns = @JoinColumn(name = "return_id"))
    private Set<ReturnLinePolicy> linePolicies = new HashSet<>();
    private int offerNo;
    private BigDecimal offerAmount;
    private String consumerAnswer;
    private String returnCarrierCode;
    private String returnTrackingNumber;
    private String returnLabelUrl;
    /** The supplier's inspection report as received (only the first counts), kept until the return takes it. */
    private String inspectionResult;
    private String inspectionNote;
    /** When the return took the report: its parcel had arrived and the process received it; null while kept. */
    private Instant inspectionTakenAt;
    private BigDecimal refundAmount;
    private boolean goodsReturned;
    private boolean supplierAgreed;
    private Long exchangePurchaseOrderId;
    /**
     * What the supplier credits for the goods that came back, as return-refund-basis.dmn decided it from its
     * inspection and the dispute; null until decided, and on returns decided before V48 (they credit as before).
     */
    @Enumerated(EnumType.STRING)
    private SupplierCredit supplierCredit;
    /**
     * Whether return-refund-basis.dmn decided the credit knowing whether the supplier agreed to take the goods back
     * (V58): then its decision alone counts. False on returns decided before, which credit only when it agreed.
     */
    private boolean supplierCreditOnAgreement;
    /** Why the table decided the credit as it did ({@code rule}); null before V58. */
    private String supplierCreditReason;

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

    /** The returned lines with their product categories, for the policy to judge one by one. */
    public void linesToJudge(List<ReturnLinePolicy> lines) {
        linePolicies.addAll(lines);
    }

    /**
     * Judges the return line by line (docs/modeling.md, "A mixed return"): each line's own category
     * went through return-policy.dmn; a line the table does not allow is refused on its own and
     * leaves the return (its value is neither refunded nor credited by the supplier); the return is
     * refused only when no line is allowed. The allowed lines share one parcel, so its terms are the
     * strictest any of them has: the consumer pays the label if any line says so, else the seller if
     * any line says so, else the supplier; the supplier must agree first, and an exchange waits for
     * the goods, if any line asks it. The restocking fee is each allowed line's value at its own rate.
     *
     * @param labelCost what the return label costs, converted into the return's currency
     */
    public void judgeLines(List<ReturnPolicyTable.Policy> verdicts, BigDecimal labelCost, Instant now) {
        List<ReturnLinePolicy> lines = getLinePolicies();
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).judge(verdicts.get(i));
        }
        List<ReturnLinePolicy> kept = lines.stream().filter(ReturnLinePolicy::isAllowed).toList();
        String rules = lines.stream().map(l -> "Line " + l.getLineNo() + " (" + l.getSku() + "): " + l.getPolicyRule()
                + (l.isAllowed() ? "" : " Not part of this return.")).collect(Collectors.joining(" "));
        if (kept.isEmpty()) {
            applyPolicy(false, null, null, false, false, rules, labelCost, now);
            return;
        }
        ShippingPaidBy paidBy = kept.stream().anyMatch(l -> l.getReturnShippingPaidBy() == ShippingPaidBy.CONSUMER)
                ? ShippingPaidBy.CONSUMER
                : kept.stream().anyMatch(l -> l.getReturnShippingPaidBy() == ShippingPaidBy.SELLER) ? ShippingPaidBy.SELLER
                        : ShippingPaidBy.SUPPLIER;
        applyPolicy(true, paidBy, kept.stream().map(ReturnLinePolicy::getRestockingFeeRate).filter(r -> r != null)
                        .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO),
                kept.stream().anyMatch(l -> Boolean.TRUE.equals(l.getSupplierMustAgree())),
                kept.stream().anyMatch(l -> Boolean.TRUE.equals(l.getExchangeAfterReceipt())), rules, labelCost, now);
        returnedValue = kept.stream().map(ReturnLinePolicy::getSaleValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        supplyValue = kept.stream().map(ReturnLinePolicy::getSupplyValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        restockingFee = Money.inMinorUnits(kept.stream().map(ReturnLinePolicy::restockingFee)
                .reduce(BigDecimal.ZERO, BigDecimal::add), getCurrency());
    }

    /** The lines the policy refused, which stay with the consumer. */
    public List<ReturnLinePolicy> refusedLines() {
        return getLinePolicies().stream().filter(l -> Boolean.FALSE.equals(l.getAllowed())).toList();
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

    /**
     * Whether round {@code round} was answered with this very answer already: the same answer and
     * amount (the reason may be worded otherwise). The supplier sent its answer again.
     */
    public boolean answeredWith(int round, ReturnAnswerEvent.Answer answer, BigDecimal offerAmount) {
        BigDecimal recorded = getSupplierAmount();
        return round == getRoundNo() && answer.name().equals(supplierAnswerName())
                && (offerAmount == null ? recorded == null : recorded != null && offerAmount.compareTo(recorded) == 0);
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

    /**
     * Open, or ended with the goods taken back: a refused return leaves its pieces to other cases, and so
     * does a completed exchange without a refund (the goods it sent may be claimed like any delivered goods),
     * and a return closed as paid back already ({@link #isRefundWithheld}): the case that paid the consumer back
     * holds those pieces (a claim resolved with a refund, a completed return), and counting them again would
     * make them twice; the order refunded in full takes no case at all.
     */
    @Override
    public boolean holdsItsPieces() {
        boolean exchanged = status == ReturnStatus.COMPLETED && exchangePurchaseOrderId != null && refundAmount == null;
        return status != ReturnStatus.REFUSED && !exchanged && !isRefundWithheld();
    }

    /**
     * Whether the return closed as paid back already: its refund was settled, then withheld at the payment,
     * nothing paid (the model's "Refund withheld"). The only way a return ends CLOSED with a refund settled: one
     * closed without refund after a dispute never settles one.
     */
    public boolean isRefundWithheld() {
        return status == ReturnStatus.CLOSED && refundAmount != null;
    }

    /** Whether the consumer gave this very answer to the last offer already: the same request sent again. */
    public boolean answeredLastOfferWith(boolean accept) {
        return offerNo > 0 && (accept ? "ACCEPTED" : "DECLINED").equals(consumerAnswer);
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

    /**
     * Why the supplier's inspection report comes too late to be taken, when it does: the return
     * ended without one, or went on to an operator without it (the inspection time passed, or the
     * parcel stalled or had a problem) and no process waits for it any more. Empty while the return
     * waits for its parcel or its inspection: an early report (before the carrier delivered the parcel,
     * the label booked or not) is kept until the parcel arrives, then taken. Empty too for a second
     * report, which changes nothing anyway.
     */
    public Optional<String> tooLateForInspection() {
        if (inspectionResult != null) {
            return Optional.empty();
        }
        return tooLate("an inspection report", status != ReturnStatus.DISPUTED && status != ReturnStatus.AWAITING_EXCHANGE);
    }

    /** Whether the return waits for the inspection now: its parcel arrived and no report was taken yet. */
    public boolean awaitsInspection() {
        return status == ReturnStatus.AWAITING_INSPECTION && inspectionTakenAt == null;
    }

    /**
     * Why an inspection report of {@code result} is refused, when the parcel's inspection was reported
     * already as something else: only the first report counts. Empty for the report recorded, sent again
     * (its note may be worded otherwise), and while no report is recorded.
     */
    public Optional<String> refusedInspection(String result) {
        if (inspectionResult == null || inspectionResult.equals(result)) {
            return Optional.empty();
        }
        return Optional.of(kind().noun() + " " + number() + " is " + status + ": its parcel's inspection was reported as "
                + inspectionResult + " already; another report (" + result + ") is refused, only the first report counts");
    }

    /**
     * Records the supplier's report as received; it counts once the return takes it ({@link #takeInspection}).
     * @return false for a second inspection report
     */
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
     * The process took the report recorded: the parcel had arrived and its inspection is now the return's.
     * @return false when there is none, or it was taken already
     */
    public boolean takeInspection(Instant now) {
        if (inspectionResult == null || inspectionTakenAt != null) {
            return false;
        }
        inspectionTakenAt = now;
        touch(now);
        return true;
    }

    /** Whether the supplier's inspection counts: reported, and taken after the parcel arrived (not only kept). */
    public boolean isInspectionTaken() {
        return inspectionTakenAt != null;
    }

    /**
     * The refund the policy gives for goods returned in order: their value, less the restocking
     * fee, less the return label when the consumer pays for it; never below zero.
     */
    public BigDecimal refundPerPolicy() {
        BigDecimal fee = restockingFee != null ? restockingFee
                : returnedValue.multiply(restockingFeeRate == null ? BigDecimal.ZERO : restockingFeeRate);
        BigDecimal label = returnShippingPaidBy == ShippingPaidBy.CONSUMER ? getLabelCost() : BigDecimal.ZERO;
        return Money.inMinorUnits(returnedValue.subtract(fee).subtract(label).max(BigDecimal.ZERO), getCurrency());
    }

    /**
     * Whether the supplier took the goods back, and so credits what we paid for them: they came
     * back, the supplier agreed or the policy did not ask it to, and return-refund-basis.dmn did not
     * decide it credits nothing (its inspection found them damaged by the consumer or never received
     * them, whatever the operator then refunded the consumer). A return decided before that table
     * said so (V48) credits as before.
     */
    public boolean supplierTookGoodsBack() {
        if (supplierCreditOnAgreement) { // the table weighed the supplier's agreement: its decision counts
            return goodsReturned && supplierCredit == SupplierCredit.FULL;
        }
        return goodsReturned && supplierAgreedToTakeGoodsBack() && supplierCredit != SupplierCredit.NONE;
    }

    /** The supplier agreed to take the goods back, or the policy did not ask its agreement. */
    public boolean supplierAgreedToTakeGoodsBack() {
        return supplierAgreed || !Boolean.TRUE.equals(supplierMustAgree);
    }

    /**
     * return-refund-basis.dmn decided what the supplier credits for the goods that came back, having weighed whether
     * the supplier agreed to take them back ({@link #supplierAgreedToTakeGoodsBack}).
     * @param reason the table's {@code rule}
     */
    public void decideSupplierCredit(SupplierCredit credit, String reason, Instant now) {
        supplierCredit = credit;
        supplierCreditOnAgreement = true;
        supplierCreditReason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        touch(now);
    }

    /** Whether a return label was booked that the supplier does not pay for. */
    public boolean returnLabelOnOurAccount() {
        return goodsReturned && returnShippingPaidBy != ShippingPaidBy.SUPPLIER;
    }

    /** Whether the supplier's last answer proposed a partial refund, the consumer keeping the goods. */
    public boolean supplierProposedAlternative() {
        return ReturnAnswerEvent.Answer.ALTERNATIVE.name().equals(supplierAnswerName());
    }

    /**
     * The supplier took the goods back (the return's booking credits what we paid for them), or proposed the
     * alternative the consumer accepted (the booking charges the supplier its share of the refund, at most what it
     * proposed).
     */
    @Override
    public boolean supplierPaysForItsGoods() {
        boolean credit = supplierTookGoodsBack() && supplyValue != null && supplyValue.signum() > 0;
        boolean share = supplierProposedAlternative() && "ACCEPTED".equals(consumerAnswer) && refundAmount != null
                && getSupplierAmount() != null && refundAmount.min(getSupplierAmount()).signum() > 0;
        return credit || share;
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
    public BigDecimal getRestockingFee() { return restockingFee; }
    /** By line number. */
    public List<ReturnLinePolicy> getLinePolicies() {
        return linePolicies.stream().sorted(Comparator.comparingInt(ReturnLinePolicy::getLineNo)).toList();
    }
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
    /** FULL or NONE once decided; null before, and on returns decided before V48. */
    public SupplierCredit getSupplierCredit() { return supplierCredit; }
    public String getSupplierCreditReason() { return supplierCreditReason; }
}
