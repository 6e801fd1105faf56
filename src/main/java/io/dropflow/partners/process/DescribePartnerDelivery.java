package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;
import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_PAYLOAD;

import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the operator's form shows: the delivery's facts, one variable each, and its raw payload,
 * task-local and cut to what a Camunda string variable holds (4 000 characters); the whole payload
 * stays in partner_delivery.
 */
@Component("describePartnerDelivery")
class DescribePartnerDelivery implements TaskListener {

    /** A Camunda string variable holds at most 4 000 characters (ACT_RU_VARIABLE.TEXT_). */
    static final int SHOWN = 3_900;

    private final RecordedDeliveries deliveries;
    private final SellerTime time;

    DescribePartnerDelivery(RecordedDeliveries deliveries, SellerTime time) {
        this.deliveries = deliveries;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        Long id = DELIVERY_ID.from(task);
        Map<String, Object> d = deliveries.record(id);
        new FormFacts().put("partner", text(d.get("partner"))).put("account", text(d.get("account")))
                .put("topic", text(d.get("topic"))).put("deliveryNumber", text(d.get("delivery_id")))
                .put("receivedAt", d.get("received_at") instanceof Timestamp at ? time.format(at.toInstant()) : null)
                .put("attempts", d.get("attempts") instanceof Number n ? n.intValue() : null)
                .put("lastError", text(d.get("last_error"))).setLocal(task);
        String payload = deliveries.delivery(id).payload();
        DELIVERY_PAYLOAD.setLocal(task, payload.length() > SHOWN ? payload.substring(0, SHOWN) + "…" : payload);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
