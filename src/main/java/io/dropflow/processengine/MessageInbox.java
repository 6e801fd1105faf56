package io.dropflow.processengine;

import io.dropflow.processengine.inbox.InboxMessage;
import io.dropflow.processengine.inbox.InboxMessages;
import io.dropflow.processengine.inbox.PendingMessages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores partner events and delivers them to the process engine as messages.
 *
 * <p>An event is delivered when a process instance with the event's business key waits for the
 * message (and, where given, has the correlation variable's value). Until then it stays PENDING and
 * is delivered (1) right after the transaction in which a process reaches a wait state that calls
 * {@link #deliverPendingAfterCommit(String)}, and (2) by a periodic sweep that covers crashes
 * between those two moments. Events nobody ever waits for expire and stay visible in the table. One
 * whose delivery keeps failing while its process waits for it is held for an operator after
 * {@link #TRIES_BEFORE_INCIDENT} tries (FAILED, an incident on the waiting process) and delivered again
 * once that incident is resolved.
 */
@Service
public class MessageInbox {

    private static final Logger log = LoggerFactory.getLogger(MessageInbox.class);
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() { };
    /** Attempts of one try, 20 and 40 ms apart: what another transaction on the same instance takes to get out of the way. */
    private static final int DELIVERY_ATTEMPTS = 3;
    /**
     * Tries (each of {@link #DELIVERY_ATTEMPTS} attempts, the sweep's a few seconds apart) after which a message
     * its process waits for, whose delivery keeps failing (the process's step after it throws), goes to an
     * operator: held as FAILED, with an incident of type {@link #DELIVERY_FAILED} on the waiting process.
     */
    static final int TRIES_BEFORE_INCIDENT = 10;
    /** The incident a message whose delivery keeps failing raises on its waiting process; its configuration is the message's id. */
    public static final String DELIVERY_FAILED = "inboxDeliveryFailed";
    /** The longest the sweep leaves a pending message no process waits for untried (ADR 2, addendum). */
    static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final InboxMessages messages;
    private final PendingMessages pendingMessages;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ObjectMapper json;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate transaction;
    private final Duration expireAfter;
    private final boolean sweepEnabled;
    private final Duration sweepInterval;
    private final Clock clock;

    MessageInbox(InboxMessages messages, PendingMessages pendingMessages, RuntimeService runtime, HistoryService history,
            ObjectMapper json,
            PlatformTransactionManager transactions, @Value("${dropflow.inbox.expire-after}") Duration expireAfter,
            @Value("${dropflow.inbox.sweep-enabled:true}") boolean sweepEnabled,
            @Value("${dropflow.inbox.redelivery-interval}") Duration sweepInterval, Clock clock) {
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.messages = messages;
        this.pendingMessages = pendingMessages;
        this.runtime = runtime;
        this.history = history;
        this.json = json;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setName(HAND_OVER_TRANSACTION);
        this.expireAfter = expireAfter;
        this.sweepEnabled = sweepEnabled;
    }

    /**
     * The source of a consumer's request kept for a process that does not listen for it yet (a
     * cancellation before the order's first job ran). The consumer was told it is under way, so it
     * does not expire while its process runs; it ends NOT_AWAITED when the process ends without it.
     */
    public static final String CONSUMER = "consumer";

    private boolean processRuns(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0;
    }

    /** No instance with the business key runs, and one with it has ended. */
    private boolean processEnded(String businessKey) {
        return !processRuns(businessKey)
                && history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).finished().count() > 0;
    }

    /** A message for the engine; correlationVar/Value narrow it to the instance waiting for this very object. */
    public record Message(String source, String sourceEventId, String name, String businessKey, String correlationVar,
            Long correlationValue, Map<String, Object> variables) {
    }

    /**
     * Whether an event of this source with this id was received before: a partner's redelivery, or an
     * id it used twice, which the inbox would not hand over again.
     */
    public boolean received(String source, String sourceEventId) {
        return messages.existsBySourceAndSourceEventId(source, sourceEventId);
    }

    /** Whether an event of this source with this id was received before for another business key than this one. */
    public boolean receivedForAnother(String businessKey, String source, String sourceEventId) {
        return messages.businessKeysOf(source, sourceEventId).stream().anyMatch(key -> !key.equals(businessKey));
    }

    /**
     * Stores the message in the caller's transaction and, after commit, delivers the business key's
     * pending messages in the order they came, this one last: an earlier message whose delivery was
     * cut short (a node killed after storing it) is not overtaken by this one.
     * @return false when this event was received before (the redelivery is ignored)
     */
    public boolean accept(Message m) {
        if (messages.existsBySourceAndSourceEventId(m.source(), m.sourceEventId())) {
            return false;
        }
        InboxMessage stored = messages.save(new InboxMessage(m.source(), m.sourceEventId(), m.name(), m.businessKey(),
                m.correlationVar(), m.correlationValue() == null ? null : m.correlationValue().toString(),
                write(m.variables()), clock.instant()));
        // Read in this transaction (it sees this message and every one committed before it): no
        // transaction of its own after the commit.
        List<Long> pending = pendingMessages.idsFor(stored.getBusinessKey());
        HandOver handOver = HAND_OVER.get();
        if (handOver != null && handOver.allowed && pending.equals(List.of(stored.getId()))
                && HAND_OVER_TRANSACTION.equals(TransactionSynchronizationManager.getCurrentTransactionName())
                && Context.getCommandContext() == null && someoneWaitsFor(stored)) {
            handOver.tried = true; // from here on, a failure of this transaction is the hand-over's to take again
            correlate(stored);
            return true;
        }
        afterCommit(() -> deliverAccepted(stored.getBusinessKey(), pending));
        return true;
    }

    /**
     * A partner event taken by {@link #takeInOneTransaction}: may its message go to the process in that
     * transaction, was it tried, did that transaction commit? Never once the transaction ends: what
     * runs after its commit (deliveries, listeners) runs in transactions of its own.
     */
    private static final class HandOver implements TransactionSynchronization {
        boolean allowed = true;
        boolean tried;
        boolean committed;

        @Override
        public void beforeCompletion() {
            allowed = false;
        }

        @Override
        public void afterCompletion(int status) {
            allowed = false;
            committed |= status == STATUS_COMMITTED;
        }
    }

    private static final ThreadLocal<HandOver> HAND_OVER = new ThreadLocal<>();

    /** The transaction takeInOneTransaction opens: a message goes over in that one only, never in one nested inside it. */
    private static final String HAND_OVER_TRANSACTION = "dropflow-partner-event";

    /**
     * Takes a partner's event ({@code work}: record it, publish what it means) in one transaction in
     * which a message it accepts also goes to the process waiting for it, when the message is its
     * business key's only pending one and the process waits now: one commit instead of two (the
     * event's, then the delivery's). If that transaction fails once a message was handed over (most
     * often another transaction moved the same process instance: optimistic locking), {@code work}
     * runs again, this time storing its message for delivery after the commit as any other: the
     * event is not lost to a failed hand-over. Called inside a transaction already, {@code work}
     * runs in it as it is (an exception it throws and the caller catches does not doom that
     * transaction) and hands nothing over.
     */
    public <T> T takeInOneTransaction(TransactionCallback<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.doInTransaction(joined);
        }
        HandOver outer = HAND_OVER.get();
        HandOver handOver = new HandOver();
        HAND_OVER.set(handOver);
        try {
            return transaction.execute(tx -> {
                TransactionSynchronizationManager.registerSynchronization(handOver);
                return work.doInTransaction(tx);
            });
        } catch (RuntimeException e) {
            if (handOver.committed || !handOver.tried) {
                throw e; // committed (what failed ran after the commit), or nothing was handed over: not ours to retry
            }
            log.info("Handing a message over in its event's transaction failed ({}): the event is taken again, its"
                    + " message delivered after the commit", e.toString());
            return transaction.execute(work);
        } finally {
            if (outer == null) {
                HAND_OVER.remove();
            } else {
                HAND_OVER.set(outer);
            }
        }
    }

    /** The caller's transaction, joined as it is; marking it rollback-only marks the caller's. */
    private final TransactionStatus joined = new SimpleTransactionStatus(false) {
        @Override
        public void setRollbackOnly() {
            transaction.executeWithoutResult(TransactionStatus::setRollbackOnly);
        }
    };

    /**
     * Called by a process when it starts to wait: anything that arrived early is delivered once this
     * transaction commits. What is pending is read in the process's own transaction, so a wait with
     * nothing pending (the common case) costs no transaction after the commit. A message accepted
     * while this transaction ran, whose own delivery found no one waiting yet, is the one race this
     * read cannot see: every delivery on this node notes its business key before it looks for a
     * waiter ({@link #deliverAccepted}), and a wait that finds its key noted reads again after its commit.
     * Across nodes the sweep closes the same race ({@code dropflow.inbox.redelivery-interval}).
     */
    public void deliverPendingAfterCommit(String businessKey) {
        List<Long> pending = pendingMessages.idsFor(businessKey);
        afterCommit(() -> {
            Long noted = beingDelivered.get(businessKey);
            if (noted != null) {
                deliverAll(businessKey, messages.pendingIdsFor(businessKey), noted);
            } else {
                pending.forEach(this::tryDeliver);
            }
        });
    }

    /** Business keys whose delivery started on this node and may have left a message pending, with when it started. */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> beingDelivered = new java.util.concurrent.ConcurrentHashMap<>();

    /** Delivers {@code ids}; the business key's note ({@code noted}) goes once none is left pending. */
    private void deliverAll(String businessKey, List<Long> ids, Long noted) {
        boolean allDelivered = true;
        for (Long id : ids) {
            allDelivered &= tryDeliver(id);
        }
        if (allDelivered) {
            beingDelivered.remove(businessKey, noted);
        }
    }

    private void deliverAccepted(String businessKey, List<Long> pending) {
        Long started = System.nanoTime();
        beingDelivered.put(businessKey, started);
        deliverAll(businessKey, pending, started);
        if (beingDelivered.size() > 10_000) {
            // Left pending long ago: the sweep has them; keep the map small.
            long old = System.nanoTime() - Duration.ofMinutes(1).toNanos();
            beingDelivered.values().removeIf(at -> at < old);
        }
    }

    /**
     * Called when a process ends: what is still pending for its business key will never be awaited
     * (the process went another way); once the ending commits, it is marked NOT_AWAITED instead of
     * lingering as pending until it expires.
     */
    public void notAwaitedAfterCommit(String businessKey) {
        // Read in the ending transaction, again after it only when a delivery for the key was under
        // way meanwhile (see deliverPendingAfterCommit): most instances end with nothing pending.
        List<Long> pending = pendingMessages.idsFor(businessKey);
        afterCommit(() -> {
            List<Long> ids = beingDelivered.containsKey(businessKey) ? messages.pendingIdsFor(businessKey) : pending;
            for (Long id : ids) {
                endIfPending(id, m -> notAwaited(m, "its process ended without waiting for it"));
            }
        });
    }

    public void deliverPending(String businessKey) {
        for (Long id : messages.pendingIdsFor(businessKey)) {
            tryDeliver(id);
        }
    }

    public List<InboxMessage> messagesFor(String businessKey) {
        return messages.findByBusinessKeyOrderById(businessKey);
    }

    /** Periodic redelivery; the interval is {@code dropflow.inbox.redelivery-interval}. */
    @Scheduled(fixedDelayString = "${dropflow.inbox.redelivery-interval}", initialDelayString = "${dropflow.inbox.redelivery-interval}")
    public void sweep() {
        if (!sweepEnabled) {
            return;
        }
        sweepOnce();
        releaseResolved();
        expireUnawaited();
    }

    /**
     * Messages held for an operator (FAILED) whose incident is gone, resolved by the operator once the cause
     * is fixed (or gone with its execution: the process moved on or ended), are pending again with a fresh
     * count of tries, and tried at once. Part of the sweep.
     */
    void releaseResolved() {
        for (Long id : messages.failedIds(Limit.of(500))) {
            if (runtime.createIncidentQuery().incidentType(DELIVERY_FAILED).configuration(id.toString()).count() > 0) {
                continue;
            }
            boolean released = Boolean.TRUE.equals(newTransaction.execute(tx -> messages.lockById(id).map(m -> {
                if (m.getStatus() != InboxMessage.Status.FAILED) {
                    return false;
                }
                m.release();
                log.info("Inbox message {} ({} for {}): its incident was resolved, it is tried again", id,
                        m.getMessageName(), m.getBusinessKey());
                return true;
            }).orElse(false)));
            if (released) {
                tryDeliver(id);
            }
        }
    }

    /**
     * Tries the pending messages that are due: one no process waited for at its last try is tried
     * again after half the time it has waited so far (at least the sweep's interval, at most
     * {@link #LONGEST_SWEEP_INTERVAL}), so that a backlog of early events does not cost a
     * transaction each every few seconds.
     */
    void sweepOnce() {
        sweep(dueForSweep());
    }

    /** What the sweep would try now. */
    List<Long> dueForSweep() {
        Instant now = clock.instant();
        return messages.pendingIdsDue(now, now.plus(LONGEST_SWEEP_INTERVAL), Limit.of(500));
    }

    void sweep(List<Long> ids) {
        for (Long id : ids) {
            tryDeliver(id, true);
        }
    }

    /**
     * Ends what no process waited for within {@code dropflow.inbox.expire-after}, bar a consumer's
     * request whose process still runs ({@link #CONSUMER}). Part of the sweep.
     */
    public void expireUnawaited() {
        for (Long id : messages.pendingIdsReceivedBefore(clock.instant().minus(expireAfter), Limit.of(500))) {
            endIfPending(id, m -> {
                if (CONSUMER.equals(m.getSource()) && processRuns(m.getBusinessKey())) {
                    return; // the consumer was told it is under way: kept until its process takes it or ends
                }
                m.expire();
                log.warn("Inbox message {} ({} for {}) expired: no process waited for it since {}",
                        m.getId(), m.getMessageName(), m.getBusinessKey(), m.getReceivedAt());
            });
        }
    }

    /** Marks the message NOT_AWAITED (its process will never wait for it), saying why. */
    private static void notAwaited(InboxMessage m, String why) {
        m.notAwaited();
        log.info("Inbox message {} ({} for {}) not awaited: {}", m.getId(), m.getMessageName(), m.getBusinessKey(), why);
    }

    /** Ends a message that is still pending, in a transaction of its own holding its row lock. */
    private void endIfPending(Long id, java.util.function.Consumer<InboxMessage> end) {
        newTransaction.executeWithoutResult(tx -> messages.lockById(id).ifPresent(m -> {
            if (m.getStatus() == InboxMessage.Status.PENDING) {
                end.accept(m);
            }
        }));
    }

    /** @return true when the message was handed to a waiting process instance */
    boolean tryDeliver(Long id) {
        return tryDeliver(id, false);
    }

    private boolean tryDeliver(Long id, boolean sweeping) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            try {
                return deliver(id, sweeping);
            } catch (RuntimeException e) {
                // Most often another transaction moved the same process instance at the same time
                // (optimistic locking): a moment later the message either fits the new wait or stays pending.
                failure = e;
                if (attempt < DELIVERY_ATTEMPTS) {
                    pause(attempt * 20L);
                }
            }
        }
        // Still failing (e.g. the process's synchronous part throws): the message stays pending, the sweep
        // retries; after TRIES_BEFORE_INCIDENT tries it is held for an operator (each try above is one of them).
        String reason = reason(failure);
        int[] tries = new int[1];
        boolean held;
        try {
            held = Boolean.TRUE.equals(newTransaction.execute(tx -> messages.lockById(id).map(m -> {
                if (m.getStatus() != InboxMessage.Status.PENDING) {
                    return false;
                }
                m.failed(reason);
                tries[0] = m.getAttempts();
                return m.getAttempts() >= TRIES_BEFORE_INCIDENT && holdForOperator(m);
            }).orElse(false)));
        } catch (RuntimeException notNoted) {
            // e.g. the waiting execution moved on while the incident was raised: the next try notes it again
            log.warn("Inbox message {} not delivered yet, and its failure not noted: {}", id, notNoted.toString());
            return false;
        }
        if (!held) {
            log.warn("Inbox message {} not delivered yet (try {}; at {} an incident): {}", id, tries[0],
                    TRIES_BEFORE_INCIDENT, reason);
        }
        return false;
    }

    /** The failure, and its root cause where that is another (the database's words under the engine's). */
    private static String reason(RuntimeException failure) {
        Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
        return root == failure ? failure.toString() : failure + " (cause: " + root + ")";
    }

    /**
     * A message whose delivery failed {@link #TRIES_BEFORE_INCIDENT} times while its process waited for it:
     * held (FAILED, kept with its error) and an incident raised on the waiting execution, which Cockpit shows
     * on the process instance. Nothing is lost: once the incident is resolved, {@link #releaseResolved} tries it
     * again. When no process waits for it now, it stays pending as any other.
     *
     * @return whether it is held for an operator
     */
    private boolean holdForOperator(InboxMessage m) {
        List<org.camunda.bpm.engine.runtime.Execution> waiting = waitingFor(m).listPage(0, 1);
        if (waiting.isEmpty()) {
            return false;
        }
        m.heldForOperator();
        String text = "Inbox message " + m.getId() + " (" + m.getMessageName() + " from " + m.getSource() + ", event "
                + m.getSourceEventId() + "), which this process waits for, could not be taken in " + m.getAttempts()
                + " tries: " + m.getLastError() + ". The process still waits for it: decide nothing it would answer"
                + " (a parcel reported stalled may have been delivered) until it is in. Fix the cause, then resolve"
                + " this incident (DELETE /engine-rest/incident/{id}): the inbox delivers the message again.";
        runtime.createIncident(DELIVERY_FAILED, waiting.get(0).getId(), m.getId().toString(),
                text.length() > 3900 ? text.substring(0, 3900) : text);
        log.error("Inbox message {} ({} for {}) held for an operator after {} failed tries, incident {} raised: {}",
                m.getId(), m.getMessageName(), m.getBusinessKey(), m.getAttempts(), DELIVERY_FAILED, m.getLastError());
        return true;
    }

    private boolean deliver(Long id, boolean sweeping) {
        return Boolean.TRUE.equals(newTransaction.execute(tx -> {
            InboxMessage m = messages.lockById(id).orElse(null);
            if (m == null || m.getStatus() != InboxMessage.Status.PENDING) {
                return false;
            }
            if (!someoneWaitsFor(m)) {
                if (processEnded(m.getBusinessKey())) {
                    // Came after its process ended (or its end's look missed it: committed a moment after
                    // that look, or the node died before marking it): it will never be awaited.
                    notAwaited(m, "its process had ended");
                    return false;
                }
                if (sweeping) {
                    m.notAwaitedYet(clock.instant(), sweepInterval, LONGEST_SWEEP_INTERVAL);
                }
                log.debug("Inbox message {} ({} for {}) stays pending: no process waits for it yet", id,
                        m.getMessageName(), m.getBusinessKey());
                return false;
            }
            correlate(m);
            return true;
        }));
    }

    /**
     * Marks the message delivered and hands it to the process instance waiting for it, in the caller's
     * transaction (a failure undoes both). Marked first: when the process reaches its next wait in the
     * same transaction, its look for pending messages no longer finds this one and spends no
     * transaction of its own after the commit on it.
     */
    private void correlate(InboxMessage m) {
        m.delivered(clock.instant());
        MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(m.getMessageName())
                .processInstanceBusinessKey(m.getBusinessKey())
                .setVariables(read(m.getPayload()));
        if (m.getCorrelationVar() != null) {
            correlation.processInstanceVariableEquals(m.getCorrelationVar(), Long.valueOf(m.getCorrelationValue()));
        }
        correlation.correlateWithResult();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean someoneWaitsFor(InboxMessage m) {
        return waitingFor(m).count() > 0;
    }

    /** The executions that wait for the message (its name, business key and, where given, correlation variable). */
    private ExecutionQuery waitingFor(InboxMessage m) {
        ExecutionQuery waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(m.getMessageName())
                .processInstanceBusinessKey(m.getBusinessKey());
        if (m.getCorrelationVar() != null) {
            waiting.processVariableValueEquals(m.getCorrelationVar(), Long.valueOf(m.getCorrelationValue()));
        }
        return waiting;
    }

    private static void afterCommit(Runnable action) {
        log.debug("after commit: synchronization active {}", TransactionSynchronizationManager.isSynchronizationActive());
        AfterCommit.run(action);
    }

    private String write(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables == null ? Map.of() : variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Whole numbers come back as Long: process variables holding ids are Longs. */
    private Map<String, Object> read(String payload) {
        try {
            Map<String, Object> values = new HashMap<>(payload == null ? Map.of() : json.readValue(payload, PAYLOAD));
            values.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable inbox payload", e);
        }
    }
}
