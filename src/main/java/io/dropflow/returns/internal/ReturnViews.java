package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseViews;
import io.dropflow.settlement.LedgerEntry;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds what the returns API shows. */
@Service
public class ReturnViews {

    private final Returns returns;
    private final CaseViews views;

    ReturnViews(Returns returns, CaseViews views) {
        this.returns = returns;
        this.views = views;
    }

    @Transactional(readOnly = true)
    public ReturnView of(Long returnId) {
        ReturnRequest r = returns.get(returnId);
        List<LedgerEntry> orderEntries = views.orderEntries(r);
        String cur = r.getCurrency();
        io.dropflow.settlement.Money margin = views.orderMargin(orderEntries);
        return new ReturnView(r.getId(), r.number(), r.getOrderId(), r.getStatus(), r.getReason(), r.getWish(),
                r.getExchangeSku(), r.getChannel(), cur, CaseViews.shown(r.getReturnedValue(), cur),
                CaseViews.lines(r),
                r.getAllowed() == null ? null : new ReturnView.Policy(r.getAllowed(),
                        r.getReturnShippingPaidBy() == null ? null : r.getReturnShippingPaidBy().name(),
                        r.getRestockingFeeRate(), CaseViews.shown(r.getRestockingFee(), cur), r.getSupplierMustAgree(), r.getExchangeAfterReceipt(),
                        r.getPolicyRule(), r.getLinePolicies().stream().map(l -> new ReturnView.LinePolicy(l.getLineNo(),
                                l.getSku(), l.getProductCategory(), CaseViews.shown(l.getSaleValue(), cur), l.getAllowed(),
                                l.getReturnShippingPaidBy() == null ? null : l.getReturnShippingPaidBy().name(),
                                l.getRestockingFeeRate(), l.getSupplierMustAgree(), l.getExchangeAfterReceipt(),
                                l.getPolicyRule())).toList()),
                r.getRoundNo(), r.getSupplierAnswer() == null ? null
                        : new ReturnView.SupplierAnswerView(r.getSupplierAnswer(), CaseViews.shown(r.getSupplierAmount(), cur),
                                r.getSupplierReason()),
                r.getOfferNo() == 0 ? null : new ReturnView.Offer(r.getOfferNo(), CaseViews.shown(r.getOfferAmount(), cur), r.getConsumerAnswer()),
                r.getReturnTrackingNumber() == null ? null : new ReturnView.Parcel(r.getReturnCarrierCode(),
                        r.getReturnTrackingNumber(), r.getReturnLabelUrl()),
                // a report kept until the parcel arrives is not the return's inspection yet (its history says it is kept)
                r.isInspectionTaken() ? r.getInspectionResult() : null, r.isInspectionTaken() ? r.getInspectionNote() : null,
                // a refund withheld was settled, never paid: the view says so rather than show it as refunded
                r.isRefundWithheld() ? null : CaseViews.shown(r.getRefundAmount(), cur),
                r.isRefundWithheld() ? CaseViews.shown(r.getRefundAmount(), cur) : null,
                r.getExchangePurchaseOrderId(),
                r.getOutcomeReason(), r.isEscalated(),
                CaseViews.caseEntries(r, orderEntries), margin.amount(), margin.currency(), views.orderSettlement(r),
                views.history(r),
                r.getProcessInstanceId(), r.getCreatedAt(), r.getClosedAt());
    }

    @Transactional(readOnly = true)
    public List<ReturnView> ofOrder(Long orderId) {
        return views.ofOrder(orderId, returns.findByOrderIdOrderById(orderId).stream().map(r -> of(r.getId())).toList());
    }
}
