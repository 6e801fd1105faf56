package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;
import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_PAYLOAD;
import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_SUMMARY;

import io.dropflow.partners.internal.RecordedDeliveries;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the operator's form shows: the delivery's facts and its raw payload, task-local and cut to what
 * a Camunda string variable holds (4 000 characters); the whole payload stays in partner_delivery.
 */
@Component("describePartnerDelivery")
class DescribePartnerDelivery implements TaskListener {

    /** A Camunda string variable holds at most 4 000 characters (ACT_RU_VARIABLE.TEXT_). */
    static final int SHOWN = 3_900;

    private final RecordedDeliveries deliveries;

    DescribePartnerDelivery(RecordedDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void notify(DelegateTask task) {
        Long id = DELIVERY_ID.from(task);
        Map<String, Object> d = deliveries.record(id);
        DELIVERY_SUMMARY.setLocal(task, "**" + d.get("partner") + "** (" + d.get("account") + "), topic **" + d.get("topic")
                + "**, delivery " + d.get("delivery_id") + ", received " + d.get("received_at") + ", tried "
                + d.get("attempts") + " times.\n\nWhy it was not taken: " + d.get("last_error"));
        String payload = deliveries.delivery(id).payload();
        DELIVERY_PAYLOAD.setLocal(task, payload.length() > SHOWN ? payload.substring(0, SHOWN) + "…" : payload);
    }
}
