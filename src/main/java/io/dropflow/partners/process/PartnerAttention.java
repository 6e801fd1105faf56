package io.dropflow.partners.process;

import static io.dropflow.partners.process.PartnerAttentionProcess.ATTENTION_DECISION_TIME;
import static io.dropflow.partners.process.PartnerAttentionProcess.ATTENTION_DESCRIPTION;
import static io.dropflow.partners.process.PartnerAttentionProcess.ATTENTION_FACTS;
import static io.dropflow.partners.process.PartnerAttentionProcess.ATTENTION_TITLE;
import static io.dropflow.partners.process.PartnerAttentionProcess.DELIVERY_ID;

import io.dropflow.partners.internal.AttentionTasks;
import io.dropflow.partners.internal.DeliveryTaskFacts;
import io.dropflow.partners.internal.PartnerSettings;
import io.dropflow.processengine.AfterCommit;
import io.dropflow.processengine.OnConflict;
import io.dropflow.processengine.FormFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts the partner-attention process for a delivery, in the caller's transaction (one task per delivery: its business key). */
@Component
class PartnerAttention implements AttentionTasks {

    private static final Logger log = LoggerFactory.getLogger(PartnerAttention.class);
    private final RuntimeService runtime;
    private final TaskService tasks;
    /** Lazily: the facts read the recorded deliveries, which open tasks here. */
    private final ObjectProvider<DeliveryTaskFacts> facts;
    private final Duration decisionTime;
    private final TransactionTemplate own;

    PartnerAttention(RuntimeService runtime, TaskService tasks, ObjectProvider<DeliveryTaskFacts> facts,
            PartnerSettings settings, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.facts = facts;
        this.decisionTime = settings.deliveries().decisionTime();
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A change of the instance's open task (its description, its facts), once the caller's transaction has
     * committed, in a transaction of its own: deliveries of one fact (a parcel's scans after its delivery)
     * that come at the same moment each change the one task, and the engine's optimistic locking lets one
     * of them commit. The other's change is tried again with the task as it is now (up to {@link OnConflict#TRIES}
     * times, ADR 0005), rather than failing the partner's request, which is recorded already, with a 500
     * (exploratory test s13). Still conflicting after that, the task keeps what the other said (the latest
     * said wins either way), and the log says so; every conflict {@link OnConflict} throws (a unique key's too)
     * ends there, never in the partner's request, which has committed.
     */
    private void changeTaskAfterCommit(String processInstanceId, String what, Runnable change) {
        AfterCommit.run(() -> {
            try {
                OnConflict.retry(() -> own.executeWithoutResult(tx -> {
                    if (running(processInstanceId)) {
                        change.run();
                    }
                }));
            } catch (RuntimeException busy) {
                if (!OnConflict.isConflict(busy)) {
                    throw busy;
                }
                if (Thread.currentThread().isInterrupted()) {
                    log.warn("Partner attention {}: {} not shown on its task, interrupted while it was changed"
                            + " meanwhile: {}", processInstanceId, what, busy.toString());
                } else {
                    log.warn("Partner attention {}: {} not shown on its task, changed {} times meanwhile: {}",
                            processInstanceId, what, OnConflict.TRIES, busy.toString());
                }
            }
        });
    }

    @Override
    public String open(Long deliveryId, String title) {
        return runtime.startProcessInstanceByKey(PartnerAttentionProcess.PROCESS_KEY,
                PartnerAttentionProcess.businessKey(deliveryId), Map.of(DELIVERY_ID.name(), deliveryId,
                        ATTENTION_TITLE.name(), title, ATTENTION_DECISION_TIME.name(),
                        ATTENTION_DECISION_TIME.stored(decisionTime))).getId();
    }

    /** The open task's form shows the deliveries of its fact again (those it shows: a task of an older form keeps its own). */
    @Override
    public void joined(String processInstanceId) {
        changeTaskAfterCommit(processInstanceId, "a delivery that joined it", () -> showJoined(processInstanceId));
    }

    private void showJoined(String processInstanceId) {
        for (var task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(PartnerAttentionProcess.Element.ATTEND.id()).list()) {
            DELIVERY_ID.optionalFrom(runtime.getVariables(processInstanceId, java.util.List.of(DELIVERY_ID.name())))
                    .ifPresent(deliveryId -> facts.getObject().of(deliveryId).refreshOn(tasks, task.getId()));
        }
    }

    /**
     * Kept on the instance for each task it opens ({@link DescribePartnerDelivery}), and shown on its open task now:
     * its description, and its facts with these (the latest said wins).
     */
    @Override
    public void describe(String processInstanceId, String whatHappened, FormFacts about) {
        changeTaskAfterCommit(processInstanceId, "what happened", () -> describeNow(processInstanceId, whatHappened, about));
    }

    private void describeNow(String processInstanceId, String whatHappened, FormFacts about) {
        runtime.setVariable(processInstanceId, ATTENTION_DESCRIPTION.name(), whatHappened);
        runtime.setVariable(processInstanceId, ATTENTION_FACTS.name(), ATTENTION_FACTS.stored(about));
        for (var task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(PartnerAttentionProcess.Element.ATTEND.id()).list()) {
            task.setDescription(whatHappened);
            tasks.saveTask(task);
            if (tasks.getVariableLocalTyped(task.getId(), FormFacts.VARIABLE, false) != null) {
                Long deliveryId = DELIVERY_ID.optionalFrom(runtime.getVariables(processInstanceId,
                        List.of(DELIVERY_ID.name()))).orElseThrow();
                FormFacts shown = facts.getObject().of(deliveryId).with(about).put(WHAT_HAPPENED, whatHappened);
                tasks.setVariableLocal(task.getId(), FormFacts.VARIABLE, shown.typed());
            }
        }
    }

    /** The form's fact that says what happened, as the task's description does. */
    static final String WHAT_HAPPENED = "whatHappened";

    /** A delivery's facts with what its instance was told happened ({@link #describe}), if anything. */
    static FormFacts described(FormFacts delivery, VariableScope task) {
        String what = ATTENTION_DESCRIPTION.optionalFrom(task).orElse(null);
        return what == null ? delivery
                : delivery.with(ATTENTION_FACTS.from(task, new FormFacts())).put(WHAT_HAPPENED, what);
    }

    /** Suspended counts as running: it is still there, in front of whoever activates it again. */
    @Override
    public boolean running(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** One query per {@value #IDS_PER_QUERY} instances (an SQL {@code in} list of that length at most). */
    @Override
    public java.util.Set<String> running(java.util.Collection<String> processInstanceIds) {
        java.util.List<String> ids = java.util.List.copyOf(new java.util.LinkedHashSet<>(processInstanceIds));
        java.util.Set<String> running = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            java.util.Set<String> some = new java.util.HashSet<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
            runtime.createProcessInstanceQuery().processInstanceIds(some).list()
                    .forEach(instance -> running.add(instance.getId()));
        }
        return running;
    }

    private static final int IDS_PER_QUERY = 500;
}
