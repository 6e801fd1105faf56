package io.dropflow.partners.process;

import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.duration;
import static io.dropflow.processengine.ProcessVariable.facts;
import static io.dropflow.processengine.ProcessVariable.flag;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ProcessVariable;
import java.time.Duration;

/**
 * Everything bpmn/partner-attention.bpmn, its form and the Java code share: a partner's webhook
 * delivery that Dropflow could not take, in front of an operator.
 */
public final class PartnerAttentionProcess {

    public static final String PROCESS_KEY = "partner_attention";
    public static final String MODEL = "partner-attention.bpmn";

    /** Business keys: "delivery-" and the partner_delivery id. */
    public static String businessKey(Long deliveryId) {
        return "delivery-" + deliveryId;
    }

    public static final ProcessVariable<Long> DELIVERY_ID = number("deliveryId");
    /** The task's title: "Storefront order needs attention" or "Partner message not matched". */
    public static final ProcessVariable<String> ATTENTION_TITLE = text("attentionTitle");
    /**
     * What happened and what the operator is to do, in words, from the feature that knows it (a message with values:
     * the task's description and the form's {@code whatHappened}); absent for a delivery nobody described
     * ({@link io.dropflow.partners.PartnerDeliveries#describe}).
     */
    public static final ProcessVariable<String> ATTENTION_DESCRIPTION = text("attentionDescription");
    /** The facts that go with it (which order, purchase order, parcel...), JSON as a task's facts; absent with it. */
    public static final ProcessVariable<FormFacts> ATTENTION_FACTS = facts("attentionFacts");
    /** How long the task may wait before supervisors are asked too. */
    public static final ProcessVariable<Duration> ATTENTION_DECISION_TIME = duration("attentionDecisionTime");
    /** Form partner-attention: retry or close. */
    public static final ProcessVariable<AttentionDecision> ATTENTION_DECISION =
            choice("attentionDecision", AttentionDecision.class);

    /** The choices of form partner-attention. */
    public enum AttentionDecision implements FormChoice { RETRY, CLOSE }

    /** Whether the operator's "try again" got the delivery taken. */
    public static final ProcessVariable<Boolean> DELIVERY_TAKEN = flag("deliveryTaken");
    /**
     * When the operator's "try again" did not get it taken: when it was tried, in words that say so (a message with
     * values), which the task it comes back to shows (its form's {@code retriedInVain}); absent before.
     */
    public static final ProcessVariable<String> RETRIED_IN_VAIN = text("retriedInVain");

    public enum Element implements ModelElement {
        START("start_delivery_not_taken"),
        ATTEND("user_attend_partner_delivery"),
        ATTENTION_OVERDUE("boundary_attention_overdue"),
        ESCALATE("service_escalate_partner_attention"),
        END_ESCALATED("end_attention_escalated"),
        RETRY("service_retry_partner_delivery"),
        CLOSE("service_close_partner_delivery"),
        END_TAKEN("end_delivery_taken"),
        END_CLOSED("end_delivery_closed");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    private PartnerAttentionProcess() {
    }
}
