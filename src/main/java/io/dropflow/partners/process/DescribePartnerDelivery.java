package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;
import static io.dropflow.partners.process.PartnerAttentionProcess.RETRIED_IN_VAIN;

import io.dropflow.partners.internal.DeliveryTaskFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the operator's form shows: the recorded delivery's facts ({@link DeliveryTaskFacts}) and, where a feature said
 * what happened ({@link io.dropflow.partners.PartnerDeliveries#describe}), that too: the task's description and the
 * facts that go with it. The task is named for what happened ({@code attentionTitle}, "Partner message not
 * matched"); the model names it "Attend to partner message", which Modeler and Cockpit show.
 */
@Component("describePartnerDelivery")
class DescribePartnerDelivery implements TaskListener {

    private final DeliveryTaskFacts facts;

    DescribePartnerDelivery(DeliveryTaskFacts facts) {
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        PartnerAttentionProcess.ATTENTION_TITLE.optionalFrom(task).ifPresent(task::setName);
        PartnerAttention.described(facts.of(DELIVERY_ID.from(task)), task)
                .put(RETRIED_IN_VAIN.name(), RETRIED_IN_VAIN.optionalFrom(task).orElse(null)).setLocal(task);
        PartnerAttentionProcess.ATTENTION_DESCRIPTION.optionalFrom(task).ifPresent(task::setDescription);
    }
}
