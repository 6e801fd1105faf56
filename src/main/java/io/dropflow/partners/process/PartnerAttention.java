package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.ATTENTION_DECISION_TIME;
import static io.dropflow.partners.process.PartnerAttentionProcess.ATTENTION_TITLE;
import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;

import io.dropflow.partners.internal.AttentionTasks;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts the partner-attention process for a delivery, in the caller's transaction (one task per delivery: its business key). */
@Component
class PartnerAttention implements AttentionTasks {

    private final RuntimeService runtime;
    private final Duration decisionTime;

    PartnerAttention(RuntimeService runtime,
            @Value("${dropflow.partners.deliveries.decision-time:PT8H}") Duration decisionTime) {
        this.runtime = runtime;
        this.decisionTime = decisionTime;
    }

    @Override
    public String open(Long deliveryId, String title) {
        return runtime.startProcessInstanceByKey(PartnerAttentionProcess.PROCESS_KEY,
                PartnerAttentionProcess.businessKey(deliveryId), Map.of(DELIVERY_ID.name(), deliveryId,
                        ATTENTION_TITLE.name(), title, ATTENTION_DECISION_TIME.name(),
                        ATTENTION_DECISION_TIME.stored(decisionTime))).getId();
    }
}
