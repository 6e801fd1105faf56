package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.returns.ReturnView;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds what the returns API shows. */
@Service
public class ReturnViews {

    private final Returns returns;
    private final CaseHistory history;
    private final Ledger ledger;

    ReturnViews(Returns returns, CaseHistory history, Ledger ledger) {
        this.returns = returns;
        this.history = history;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public ReturnView of(Long returnId) {
        ReturnRequest r = returns.returnRequest(returnId);
        List<LedgerEntry> orderEntries = ledger.entriesOf(r.getOrderId());
        return new ReturnView(r.getId(), r.number(), r.getOrderId(), r.getStatus(), r.getReason(), r.getWish(),
                r.getExchangeSku(), r.getChannel(), r.getCurrency(), r.getReturnedValue(),
                r.getLines().stream().map(l -> new ReturnView.LineView(l.getLineNo(), l.getSku(), l.getQuantity(),
                        l.getSaleValue())).toList(),
                r.getAllowed() == null ? null : new ReturnView.Policy(r.getAllowed(),
                        r.getReturnShippingPaidBy() == null ? null : r.getReturnShippingPaidBy().name(),
                        r.getRestockingFeeRate(), r.getSupplierMustAgree(), r.getExchangeAfterReceipt(), r.getPolicyRule()),
                r.getRoundNo(), r.getSupplierAnswer() == null ? null
                        : new ReturnView.SupplierAnswerView(r.getSupplierAnswer(), r.getSupplierOfferAmount(), r.getSupplierReason()),
                r.getOfferNo() == 0 ? null : new ReturnView.Offer(r.getOfferNo(), r.getOfferAmount(), r.getConsumerAnswer()),
                r.getReturnTrackingNumber() == null ? null : new ReturnView.Parcel(r.getReturnCarrierCode(),
                        r.getReturnTrackingNumber(), r.getReturnLabelUrl()),
                r.getInspectionResult(), r.getInspectionNote(), r.getRefundAmount(), r.getExchangePurchaseOrderId(),
                r.getOutcomeReason(), r.isEscalated(),
                orderEntries.stream().filter(e -> e.reference().equals(r.number()))
                        .map(e -> new ReturnView.LedgerView(e.type().name(), e.amount(), e.bookedAt())).toList(),
                Ledger.margin(orderEntries),
                history.of(r).stream().map(h -> new ReturnView.HistoryView(h.at(), h.party().name(), h.what())).toList(),
                r.getProcessInstanceId(), r.getCreatedAt(), r.getClosedAt());
    }

    @Transactional(readOnly = true)
    public List<ReturnView> ofOrder(Long orderId) {
        return returns.findByOrderIdOrderById(orderId).stream().map(r -> of(r.getId())).toList();
    }
}
