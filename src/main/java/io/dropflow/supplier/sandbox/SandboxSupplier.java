package io.dropflow.supplier.sandbox;

import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.sandbox.PartnerCallbacks;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.sandbox.SandboxSupplierSettings.SupplierBehaviour;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventType;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierGateway.ShipByReminder;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A supplier that behaves like a remote one: it takes purchase orders idempotently (the same key
 * twice is one order), and answers later through our webhook: accepts and ships, runs out of
 * stock, rejects, or never ships, as configured per supplier code. It serves every supplier no real
 * adapter serves (it is the last adapter asked).
 */
@Component
@Profile({"demo", "test", "bench"})
@Order(Ordered.LOWEST_PRECEDENCE)
public class SandboxSupplier implements SupplierAdapter {

    /** The carrier a sandbox supplier ships with: the sandbox carrier's. */
    public static final String CARRIER_CODE = "SANDBOX-POST";

    private static final Logger log = LoggerFactory.getLogger(SandboxSupplier.class);

    /** One purchase order as this supplier holds it, with how often it was sent to us. */
    public static final class Received {
        private final PlacePurchaseOrder order;
        private final String reference;
        private final AtomicInteger deliveries = new AtomicInteger(1);
        private volatile PartnerCallbacks.Callback pendingShipment;
        private final List<String> cancellationKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<LineCancellation> lineCancellations = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<ShipByReminder> reminders = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<String> investigationKeys = new java.util.concurrent.CopyOnWriteArrayList<>();

        Received(PlacePurchaseOrder order, String reference) {
            this.order = order;
            this.reference = reference;
        }

        public PlacePurchaseOrder order() { return order; }
        public String reference() { return reference; }
        public int deliveries() { return deliveries.get(); }
        public List<String> cancellationRequests() { return List.copyOf(cancellationKeys); }
        public List<LineCancellation> lineCancellations() { return List.copyOf(lineCancellations); }
        public List<ShipByReminder> reminders() { return List.copyOf(reminders); }
        public List<String> investigationRequests() { return List.copyOf(investigationKeys); }
    }

    private final SandboxSupplierSettings settings;
    private final PartnerCallbacks callbacks;
    private final Map<String, Received> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresToInject = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusalsToInject = new ConcurrentHashMap<>();
    private final AtomicInteger references = new AtomicInteger(1000);
    private final Map<String, SandboxSupplierSettings.ReturnBehaviour> returnBehaviours = new ConcurrentHashMap<>();
    // Looked up when a return parcel arrives: purchasing and the adapters need this adapter themselves
    private final ObjectProvider<Tracking> tracking;
    private final ObjectProvider<Purchasing> purchasing;
    private final ObjectProvider<SupplierAdapter> adapters;

    SandboxSupplier(SandboxSupplierSettings settings, PartnerCallbacks callbacks, ObjectProvider<Tracking> tracking,
            ObjectProvider<Purchasing> purchasing, ObjectProvider<SupplierAdapter> adapters) {
        this.settings = settings;
        this.callbacks = callbacks;
        this.tracking = tracking;
        this.purchasing = purchasing;
        this.adapters = adapters;
    }

    @Override
    public boolean serves(String supplierCode) {
        return true;
    }

    @Override
    public String placePurchaseOrder(PlacePurchaseOrder command) {
        AtomicInteger refusals = refusalsToInject.get(command.supplierCode());
        boolean refuse = refusals != null && refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (refuse || settings.behaviourOf(command.supplierCode()) == SupplierBehaviour.REFUSES_AT_ONCE) {
            byIdempotencyKey.putIfAbsent(command.idempotencyKey(), new Received(command, null));
            throw new SupplierRefusedException("UNKNOWN_SKU", "sandbox supplier " + command.supplierCode()
                    + " does not know " + command.lines().get(0).supplierSku());
        }
        String reference = receive(command);
        AtomicInteger failures = failuresToInject.get(command.supplierCode());
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // The order arrived, but the answer is lost on the way back, like a timeout.
            throw new SupplierUnavailableException("sandbox supplier " + command.supplierCode() + " timed out");
        }
        return reference;
    }

    /**
     * Fault injection: the next {@code calls} purchase orders to this supplier are received but
     * answered with a timeout.
     */
    public void failNextCalls(String supplierCode, int calls) {
        failuresToInject.put(supplierCode, new AtomicInteger(calls));
    }

    /** Fault injection: the next {@code calls} purchase orders to this supplier are refused in the answer to our call. */
    public void refuseNextCalls(String supplierCode, int calls) {
        refusalsToInject.put(supplierCode, new AtomicInteger(calls));
    }

    private String receive(PlacePurchaseOrder command) {
        Received known = byIdempotencyKey.get(command.idempotencyKey());
        if (known != null) {
            known.deliveries.incrementAndGet();
            return known.reference; // same key, same answer: never a second order
        }
        Received received = new Received(command, command.supplierCode() + "-" + references.incrementAndGet());
        if (byIdempotencyKey.putIfAbsent(command.idempotencyKey(), received) != null) {
            return receive(command);
        }
        SupplierBehaviour behaviour = settings.behaviourOf(command.supplierCode());
        log.info("Sandbox supplier {} received {} ({}), behaving {}", command.supplierCode(),
                command.purchaseOrderNumber(), received.reference, behaviour);
        Duration delay = settings.answerDelay();
        switch (behaviour) {
            case SHIPS, SHIPS_LOST -> {
                answer(received, delay, SupplierEventType.ACCEPTED, null);
                received.pendingShipment = callbacks.post(received.reference, delay.multipliedBy(2), path(command),
                        shippedEvent(received, behaviour == SupplierBehaviour.SHIPS_LOST));
            }
            case OUT_OF_STOCK -> answer(received, delay, SupplierEventType.OUT_OF_STOCK, "OUT_OF_STOCK");
            case REJECTS -> answer(received, delay, SupplierEventType.REJECTED, "DISCONTINUED");
            case ACCEPTS_ONLY -> answer(received, delay, SupplierEventType.ACCEPTED, null);
            case ANSWERS_IMMEDIATELY -> {
                callbacks.postNow(path(command), new SupplierEvent(UUID.randomUUID().toString(),
                        SupplierEventType.ACCEPTED, command.purchaseOrderNumber(), received.reference, null, null, null));
                received.pendingShipment = callbacks.post(received.reference, delay, path(command),
                        shippedEvent(received, false));
            }
            case MANUAL, REFUSES_AT_ONCE -> { }
        }
        return received.reference;
    }

    @Override
    public void requestCancellation(RequestCancellation command) {
        Received received = byIdempotencyKey.get(command.purchaseOrderNumber());
        if (received == null) {
            return;
        }
        if (received.cancellationKeys.contains(command.idempotencyKey())) {
            return;
        }
        received.cancellationKeys.add(command.idempotencyKey());
        if (settings.behaviourOf(command.supplierCode()) == SupplierBehaviour.MANUAL) {
            return;
        }
        PartnerCallbacks.Callback shipment = received.pendingShipment;
        boolean stopped = shipment == null || shipment.callOff();
        if (stopped) {
            answer(received, settings.answerDelay(), SupplierEventType.CANCELLATION_ACCEPTED, null);
        } else {
            answer(received, settings.answerDelay(), SupplierEventType.CANCELLATION_REFUSED, "ALREADY_SHIPPED");
        }
    }

    /**
     * Taking lines off a batch's purchase order: once per key; agreed while the parcel has not been
     * handed over, refused once it has (unless the supplier is driven by hand).
     */
    @Override
    public void requestLineCancellation(LineCancellation command) {
        Received received = byIdempotencyKey.get(command.purchaseOrderNumber());
        if (received == null || received.lineCancellations.stream()
                .anyMatch(c -> c.idempotencyKey().equals(command.idempotencyKey()))) {
            return;
        }
        received.lineCancellations.add(command);
        if (settings.behaviourOf(command.supplierCode()) == SupplierBehaviour.MANUAL) {
            return;
        }
        PartnerCallbacks.Callback shipment = received.pendingShipment;
        boolean shipped = shipment != null && shipment.isMade();
        callbacks.post(received.reference, settings.answerDelay(), path(received.order), new SupplierEvent(
                UUID.randomUUID().toString(), shipped ? SupplierEventType.CANCELLATION_REFUSED
                        : SupplierEventType.CANCELLATION_ACCEPTED, received.order.purchaseOrderNumber(), received.reference,
                shipped ? "ALREADY_SHIPPED" : null, null, null, null, command.cancellationNumber()));
    }

    /** Investigations are recorded, once per key; the sandbox carrier's parcel does not come back. */
    @Override
    public void requestInvestigation(SupplierGateway.InvestigationRequest request) {
        Received received = byIdempotencyKey.get(request.purchaseOrderNumber());
        if (received != null && !received.investigationKeys.contains(request.idempotencyKey())) {
            received.investigationKeys.add(request.idempotencyKey());
            log.info("Sandbox supplier {} asked to investigate parcel {} {}", request.supplierCode(),
                    request.carrierCode(), request.trackingNumber());
        }
    }

    /** Reminders are recorded, once per key; the sandbox supplier does not ship any faster for them. */
    @Override
    public void remindOfShipBy(ShipByReminder reminder) {
        Received received = byIdempotencyKey.get(reminder.purchaseOrderNumber());
        if (received != null && received.reminders.stream().noneMatch(r -> r.idempotencyKey().equals(reminder.idempotencyKey()))) {
            received.reminders.add(reminder);
            log.info("Sandbox supplier {} reminded to ship {} by {}", reminder.supplierCode(),
                    reminder.purchaseOrderNumber(), reminder.shipBy());
        }
    }

    /** Claim rounds as received, once per key (claim number and round). */
    private final Map<String, ClaimRound> claimRounds = new ConcurrentHashMap<>();

    @Override
    public void sendClaim(ClaimRound claim) {
        if (claimRounds.putIfAbsent(claim.idempotencyKey(), claim) != null) {
            return; // the same round again: answered before
        }
        SandboxSupplierSettings.ClaimBehaviour behaviour = settings.claimBehaviourOf(claim.supplierCode());
        log.info("Sandbox supplier {} received claim {} round {}, behaving {}", claim.supplierCode(), claim.claimNumber(),
                claim.round(), behaviour);
        boolean reject = behaviour == SandboxSupplierSettings.ClaimBehaviour.REJECTS_FIRST_THEN_ACCEPTS && claim.round() == 1;
        if (behaviour == SandboxSupplierSettings.ClaimBehaviour.MANUAL) {
            return;
        }
        String path = "/api/webhooks/suppliers/" + claim.supplierCode() + "/claim-answers";
        Map<String, Object> answer = Map.of("eventId", UUID.randomUUID().toString(), "claimNumber", claim.claimNumber(),
                "round", claim.round(), "answer", reject ? "REJECTED" : "ACCEPTED",
                "reason", reject ? "no damage visible on the photos" : "sorry for the trouble");
        if (behaviour == SandboxSupplierSettings.ClaimBehaviour.ACCEPTS_AT_ONCE) {
            callbacks.postNow(path, answer);
        } else {
            callbacks.post(claim.claimNumber(), settings.answerDelay(), path, answer);
        }
    }

    private final Map<String, ReturnRound> returnRounds = new ConcurrentHashMap<>();

    @Override
    public void requestReturn(ReturnRound request) {
        if (returnRounds.putIfAbsent(request.idempotencyKey(), request) != null) {
            return;
        }
        SandboxSupplierSettings.ReturnBehaviour behaviour = returnBehaviourOf(request.supplierCode());
        log.info("Sandbox supplier {} asked to take back {} round {}, behaving {}", request.supplierCode(),
                request.returnNumber(), request.round(), behaviour);
        if (behaviour == SandboxSupplierSettings.ReturnBehaviour.MANUAL) {
            return;
        }
        boolean alternative = behaviour == SandboxSupplierSettings.ReturnBehaviour.PROPOSES_PARTIAL_REFUND_FIRST && request.round() == 1;
        Map<String, Object> answer = new java.util.HashMap<>(Map.of("eventId", UUID.randomUUID().toString(),
                "returnNumber", request.returnNumber(), "round", request.round(),
                "answer", alternative ? "ALTERNATIVE" : "ACCEPTED"));
        if (alternative) {
            answer.put("refundShare", 0.5);
            answer.put("reason", "keep the item, we refund half");
        }
        callbacks.post(request.returnNumber(), settings.answerDelay(),
                "/api/webhooks/suppliers/" + request.supplierCode() + "/return-answers", answer);
    }

    /**
     * A returned parcel arrived at a supplier this sandbox serves: the supplier inspects it and reports it in
     * order (unless it is driven by hand), as a real supplier does. That is the supplier this sandbox was asked to
     * take the goods back; or, for a return the supplier need not agree to (its own fault: DEFECTIVE,
     * NOT_AS_DESCRIBED, so no round was sent), the supplier of the purchase order whose goods come back. Return
     * numbers are "DF-RT" and the return id.
     */
    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.returnId() == null || event.status() != TrackingStatus.DELIVERED) {
            return;
        }
        String returnNumber = "DF-RT" + event.returnId();
        Optional<String> asked = returnRounds.values().stream().filter(r -> r.returnNumber().equals(returnNumber))
                .findFirst().map(ReturnRound::supplierCode);
        Optional<String> supplier = asked.isPresent() ? asked : supplierOfReturnParcel(event.shipmentId());
        supplier.filter(code -> returnBehaviourOf(code) != SandboxSupplierSettings.ReturnBehaviour.MANUAL)
                .ifPresent(code -> callbacks.post(returnNumber, settings.answerDelay(),
                        "/api/webhooks/suppliers/" + code + "/return-inspections",
                        // The event's id follows from the parcel's: posted again (its delivery taken again after a
                        // failed hand-over), Dropflow takes it once.
                        Map.of("eventId", "inspection-" + event.eventId(), "returnNumber", returnNumber, "result", "OK",
                                "note", asked.isPresent() ? "complete and unused" : "received, the fault as described")));
    }

    /**
     * The supplier whose goods the return parcel brings back (its purchase order's), when this sandbox serves it
     * (no real adapter does: the sandbox is asked last); empty for a supplier a real adapter serves, which reports
     * for itself.
     */
    private Optional<String> supplierOfReturnParcel(Long shipmentId) {
        Long purchaseOrderId = shipmentId == null ? null : tracking.getObject().shipment(shipmentId).purchaseOrderId();
        if (purchaseOrderId == null) {
            return Optional.empty();
        }
        String code = purchasing.getObject().purchaseOrder(purchaseOrderId).supplierCode();
        // The real adapters (Spring leaves this one out of its own provider; left out here too, should it not)
        boolean servedElsewhere = adapters.orderedStream()
                .filter(adapter -> adapter != this && AopProxyUtils.getSingletonTarget(adapter) != this)
                .anyMatch(adapter -> adapter.serves(code));
        return servedElsewhere ? Optional.empty() : Optional.of(code);
    }

    /** How the supplier answers returns: as configured, unless a test said otherwise ({@link #answerReturns}). */
    private SandboxSupplierSettings.ReturnBehaviour returnBehaviourOf(String supplierCode) {
        return returnBehaviours.getOrDefault(supplierCode, settings.returnBehaviourOf(supplierCode));
    }

    /**
     * Test hook: the supplier answers returns (and inspects returned parcels) as {@code behaviour} from now on,
     * instead of as configured; null goes back to the configuration.
     */
    public void answerReturns(String supplierCode, SandboxSupplierSettings.ReturnBehaviour behaviour) {
        if (behaviour == null) {
            returnBehaviours.remove(supplierCode);
        } else {
            returnBehaviours.put(supplierCode, behaviour);
        }
    }

    public List<ReturnRound> returnRoundsReceived(String returnNumber) {
        return returnRounds.values().stream().filter(r -> r.returnNumber().equals(returnNumber)).toList();
    }

    /** The claim rounds this supplier received, in no particular order. */
    public List<ClaimRound> claimRoundsReceived(String claimNumber) {
        return claimRounds.values().stream().filter(c -> c.claimNumber().equals(claimNumber)).toList();
    }

    public Received received(String purchaseOrderNumber) {
        return byIdempotencyKey.get(purchaseOrderNumber);
    }

    public List<Received> receivedFor(Long orderId) {
        String prefix = "DF-" + orderId + "-";
        return byIdempotencyKey.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).toList();
    }

    private void answer(Received received, Duration delay, SupplierEventType type, String reason) {
        callbacks.post(received.reference, delay, path(received.order), new SupplierEvent(UUID.randomUUID().toString(), type,
                received.order.purchaseOrderNumber(), received.reference, reason, null, null));
    }

    private SupplierEvent shippedEvent(Received received, boolean lost) {
        String tracking = (lost ? "SBXLOST" : "SBX") + Math.abs(received.reference.hashCode())
                + Integer.toString(received.order.purchaseOrderNumber().hashCode() & 0xffff, 36).toUpperCase();
        return new SupplierEvent(UUID.randomUUID().toString(), SupplierEventType.SHIPPED,
                received.order.purchaseOrderNumber(), received.reference, null, CARRIER_CODE, tracking);
    }

    private static String path(PlacePurchaseOrder order) {
        return "/api/webhooks/suppliers/" + order.supplierCode() + "/events";
    }
}
