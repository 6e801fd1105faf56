package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.OrderTimeline;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The operator gives the supplier {@code extendByHours} more SLA hours from now. The new deadline
 * is enforced like the first: a reminder at three quarters, a breach when it passes.
 */
@Component("extendShipByDeadline")
class ExtendShipByDeadline implements JavaDelegate {

    private final Purchasing purchasing;
    private final SlaSettings sla;
    private final OrderTimeline timeline;
    private final Clock clock;

    ExtendShipByDeadline(Purchasing purchasing, SlaSettings sla, OrderTimeline timeline, Clock clock) {
        this.clock = clock;
        this.purchasing = purchasing;
        this.sla = sla;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long hours = ((Number) execution.getVariable(Variables.EXTEND_BY_HOURS)).longValue();
        Instant now = clock.instant();
        Instant shipBy = now.plus(sla.hours(hours));
        PurchaseOrderView po = purchasing.extendShipBy((Long) execution.getVariable(Variables.PURCHASE_ORDER_ID), shipBy);
        execution.setVariable(Variables.SHIP_BY_AT, Date.from(shipBy));
        execution.setVariable(Variables.REMINDER_AT, Date.from(sla.reminderDue(now, shipBy)));
        timeline.record(po.orderId(), "Ship-by deadline of " + po.number() + " extended by " + hours
                + " h to " + shipBy);
    }
}
