package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;

import io.dropflow.partners.internal.DeliveryTaskFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** What the operator's form shows: the recorded delivery's facts ({@link DeliveryTaskFacts}). */
@Component("describePartnerDelivery")
class DescribePartnerDelivery implements TaskListener {

    private final DeliveryTaskFacts facts;

    DescribePartnerDelivery(DeliveryTaskFacts facts) {
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        facts.of(DELIVERY_ID.from(task)).setLocal(task);
    }
}
