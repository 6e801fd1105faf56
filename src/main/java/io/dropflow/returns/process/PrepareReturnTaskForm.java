package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnHistoryEntry;
import io.dropflow.returns.ReturnLine;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a return task: moves the return's status and puts a read-only summary (order,
 * supplier, the policy's result, the supplier's answer or the inspection, the history) into
 * task-local variables for the form.
 */
@Component("prepareReturnTaskForm")
class PrepareReturnTaskForm implements TaskListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Returns returns;
    private final ReturnHistory history;
    private final OrderLookup orders;
    private final Purchasing purchasing;

    PrepareReturnTaskForm(Returns returns, ReturnHistory history, OrderLookup orders, Purchasing purchasing) {
        this.returns = returns;
        this.history = history;
        this.orders = orders;
        this.purchasing = purchasing;
    }

    @Override
    public void notify(DelegateTask task) {
        ReturnRequest r = returns.findById((Long) task.getVariable(Variables.RETURN_ID)).orElseThrow();
        boolean mediation = ReturnNegotiationProcess.Elements.MEDIATE.equals(task.getTaskDefinitionKey());
        r.moveTo(mediation ? ReturnStatus.MEDIATING : ReturnStatus.DISPUTED);
        task.setVariableLocal(Variables.TASK_RETURN_SUMMARY, summary(r, task));
        List<ReturnHistoryEntry> entries = history.findByReturnIdOrderById(r.getId());
        task.setVariableLocal(Variables.TASK_HISTORY, entries.stream().skip(Math.max(0, entries.size() - 15))
                .map(e -> "- " + TIME.format(e.getAt()) + " " + e.getParty().toLowerCase(Locale.ROOT) + ": " + e.getWhat())
                .collect(Collectors.joining("\n")));
    }

    private String summary(ReturnRequest r, DelegateTask task) {
        OrderSummary order = orders.order(r.getOrderId());
        PurchaseOrderView po = purchasing.purchaseOrder(r.getPurchaseOrderId());
        StringBuilder text = new StringBuilder()
                .append("**Return ").append(r.number()).append("** on order ").append(order.id()).append(" (")
                .append(order.storefrontOrderId()).append(", ").append(r.getChannel()).append(") by ")
                .append(order.consumer().name()).append(": ").append(r.getReason()).append(", wishes ")
                .append(r.getWish() == null ? "?" : r.getWish().name().toLowerCase(Locale.ROOT))
                .append(r.getExchangeSku() == null ? "" : " to " + r.getExchangeSku()).append(".\n\n");
        for (ReturnLine line : r.getLines()) {
            text.append("- line ").append(line.getLineNo()).append(": ").append(line.getQuantity()).append(" × ")
                    .append(line.getSku()).append(" (").append(money(line.getSaleValue(), r)).append(")\n");
        }
        text.append("\nSupplier: **").append(po.supplierName()).append("** (").append(po.supplierCode())
                .append("), purchase order ").append(po.number()).append(".\n\n")
                .append("Policy: ").append(r.getPolicyRule()).append(" Return label paid by ")
                .append(r.getReturnShippingPaidBy()).append(", restocking fee ")
                .append(r.getRestockingFeeRate().multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString())
                .append(" %.\n\n");
        if (r.getSupplierAnswer() != null) {
            text.append("The supplier answered round ").append(r.getRoundNo()).append(" of ")
                    .append(task.getVariable(Variables.NEGOTIATION_ROUNDS)).append(": **").append(r.getSupplierAnswer())
                    .append("**").append(r.getSupplierOfferAmount() == null ? ""
                            : ", proposing a partial refund of " + money(r.getSupplierOfferAmount(), r) + " (the consumer keeps the goods)")
                    .append(r.getSupplierReason() == null ? "" : " (" + r.getSupplierReason() + ")").append(".\n\n");
        } else if (r.getRoundNo() > 0) {
            text.append("**The supplier has not answered round ").append(r.getRoundNo()).append(".**\n\n");
        }
        if (r.getConsumerAnswer() != null) {
            text.append("The consumer ").append(r.getConsumerAnswer().toLowerCase(Locale.ROOT)).append(" the offer of ")
                    .append(money(r.getOfferAmount(), r)).append(".\n\n");
        }
        if (r.getReturnTrackingNumber() != null) {
            text.append("Return parcel ").append(r.getReturnCarrierCode()).append(" ").append(r.getReturnTrackingNumber())
                    .append(r.getInspectionResult() == null ? ", no inspection report" : ", inspection: **"
                            + r.getInspectionResult() + "**" + (r.getInspectionNote() == null ? "" : " (" + r.getInspectionNote() + ")"))
                    .append(". The refund per policy would be ").append(money(r.refundPerPolicy(java.math.BigDecimal.ZERO), r))
                    .append(" before the label.\n\n");
        }
        Object reason = task.getVariable(Variables.ESCALATION_REASON);
        if (r.isEscalated() && reason != null) {
            text.append("Escalated: ").append(reason).append(".");
        }
        return text.toString();
    }

    private static String money(java.math.BigDecimal amount, ReturnRequest r) {
        return Money.format(amount, r.getCurrency());
    }
}
