package io.dropflow.processengine.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class InboxMessage {

    /**
     * PENDING until delivered; EXPIRED when no process waited for it in time; NOT_AWAITED when the
     * process it was meant for ended without waiting for it (overtaken, e.g. a supplier's acceptance
     * by the consumer's cancellation); FAILED when its process waited for it but taking it failed
     * try after try: held, with its error, for an operator (an incident on the waiting process), neither
     * tried again nor expired until that incident is resolved, then PENDING again.
     */
    public enum Status { PENDING, DELIVERED, EXPIRED, NOT_AWAITED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String source;
    private String sourceEventId;
    private String messageName;
    private String businessKey;
    private String correlationVar;
    private String correlationValue;
    private String payload;
    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;
    private int attempts;
    private Instant receivedAt;
    private Instant deliveredAt;
    private String lastError;
    private Instant nextTryAt;

    protected InboxMessage() {
    }

    public InboxMessage(String source, String sourceEventId, String messageName, String businessKey, String correlationVar,
            String correlationValue, String payload, Instant receivedAt) {
        this.receivedAt = receivedAt;
        this.source = source;
        this.sourceEventId = sourceEventId;
        this.messageName = messageName;
        this.businessKey = businessKey;
        this.correlationVar = correlationVar;
        this.correlationValue = correlationValue;
        this.payload = payload;
    }

    public void delivered(Instant now) {
        status = Status.DELIVERED;
        deliveredAt = now;
        attempts++;
        lastError = null;
    }

    /** A delivery failed: the sweep tries it again at its next run, whatever it had planned. */
    public void failed(String error) {
        attempts++;
        nextTryAt = null;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    /**
     * The sweep found no process waiting for it: it tries again after half the time the message has
     * waited so far, at least {@code interval} and at most {@code longest} later. A process that
     * reaches its wait takes its pending messages at once; the sweep is only for the race at receipt
     * and for a node that died between an event's commit and its delivery.
     */
    public void notAwaitedYet(Instant now, java.time.Duration interval, java.time.Duration longest) {
        java.time.Duration half = java.time.Duration.between(receivedAt, now).dividedBy(2);
        java.time.Duration wait = half.compareTo(interval) < 0 ? interval : half.compareTo(longest) > 0 ? longest : half;
        nextTryAt = now.plus(wait);
    }

    /** Its delivery failed too often: held for an operator, with its last error, until {@link #release}. */
    public void heldForOperator() {
        status = Status.FAILED;
        nextTryAt = null;
    }

    /** The operator resolved its incident: pending again, with a fresh count of tries. */
    public void release() {
        status = Status.PENDING;
        attempts = 0;
        nextTryAt = null;
    }

    public void expire() {
        status = Status.EXPIRED;
    }

    public void notAwaited() {
        status = Status.NOT_AWAITED;
    }

    public Long getId() { return id; }
    public String getSource() { return source; }
    public String getSourceEventId() { return sourceEventId; }
    public String getMessageName() { return messageName; }
    public String getBusinessKey() { return businessKey; }
    public String getCorrelationVar() { return correlationVar; }
    public String getCorrelationValue() { return correlationValue; }
    public String getPayload() { return payload; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getLastError() { return lastError; }
    public Instant getNextTryAt() { return nextTryAt; }
}
