package io.dropflow.supplier.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.supplier.PurchaseOrderEventNotApplied;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A supplier's event that no longer fits its purchase order (STALE): never dropped in silence. It is
 * recorded once per event id (partner "supplier", in partner_delivery) in the webhook's transaction,
 * the order's timeline says so ({@link PurchaseOrderEventNotApplied}), and when it contradicts what
 * Dropflow did in a way that costs money or leaves the consumer without the goods, an operator gets a
 * "Partner attention" task at once ({@link #judge}): one while it is open for a purchase order and verdict
 * (and parcel), so the same fact under another event id is on the timeline only. The supplier gets its 200
 * either way.
 */
@Service
class StaleSupplierEvents implements DeliveryHandler {

    static final String PARTNER = SupplierEventIds.PARTNER;
    static final String TOPIC = "not-applied/";

    private static final Logger log = LoggerFactory.getLogger(StaleSupplierEvents.class);
    private static final Set<PurchaseOrderStatus> NOT_ASKED_TO_CANCEL = EnumSet.of(PurchaseOrderStatus.FORWARDING,
            PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED);

    /** What a stale event means to the seller; those with a title need an operator (the task's title). */
    enum Verdict {
        /** Says what happened anyway, or arrived out of order: recorded on the timeline only. */
        RECORDED(null),
        SHIPPED_AFTER_CANCELLATION("Supplier shipped a cancelled purchase order"),
        SHIPPED_AFTER_DECLINE("Supplier shipped a declined purchase order"),
        DECLINED_AFTER_SHIPPING("Supplier declined a shipped purchase order"),
        CANCELLED_AFTER_SHIPPING("Supplier cancelled a shipped purchase order"),
        CANCELLED_UNASKED("Supplier cancelled a purchase order unasked"),
        /**
         * ACCEPTED again for an accepted purchase order, with other missing lines than it was accepted with (any
         * for one accepted whole): the purchase order stays accepted as it was, nothing is reordered.
         */
        MISSING_AFTER_ACCEPTANCE("Supplier reported lines missing on an accepted purchase order", "missing-lines"),
        /**
         * CANCELLATION_ACCEPTED for a purchase order whose cancellation Dropflow asked and the supplier refused, whose
         * case took the refusal and went on (a claim's replacement): asked, but no longer awaited. A consumer order's
         * own purchase order takes it as the answer to its cancellation, still under way ({@link PurchaseOrder#cancel}).
         */
        CANCELLED_AFTER_REFUSAL("Supplier cancelled a purchase order after refusing to", "after-refusal"),
        /** CANCELLATION_ACCEPTED with a cancellation number Dropflow never sent for this (batch) purchase order. */
        LINES_CANCELLED_UNASKED("Supplier took lines off a purchase order unasked", "lines"),
        /**
         * A first SHIPPED under a carrier code and tracking number another purchase order's parcel has (carriers' numbers
         * are one parcel's): not followed for this purchase order, which still waits for its shipment.
         */
        NUMBER_OF_ANOTHER_PARCEL("Supplier shipped under another order's tracking number", "number-taken");

        final String title;
        /** Added to the recorded topic where type and status alone do not tell this verdict ({@link #verdictOf}). */
        final String topicSuffix;

        Verdict(String title) {
            this(title, null);
        }

        Verdict(String title, String topicSuffix) {
            this.title = title;
            this.topicSuffix = topicSuffix;
        }

        boolean toOperator() {
            return title != null;
        }
    }

    /**
     * Whether a stale event needs an operator: when goods left that nobody waits for (SHIPPED after the
     * supplier cancelled or declined: the consumer may be refunded, or a backup supplier ships), or when
     * the supplier takes back a parcel or a purchase order the order still counts on (a decline or an
     * accepted cancellation after SHIPPED; a cancellation Dropflow never asked for, or one it asked, was refused
     * and no longer awaits: {@link Verdict#CANCELLED_AFTER_REFUSAL}, told by the caller). Everything else
     * agrees with what happened or only came late: an acceptance (if goods then leave, their SHIPPED comes
     * here), a decline or refusal while a cancellation is asked or done, a refused cancellation, an
     * accepted cancellation of a declined purchase order, an answer about lines of a purchase order that
     * has no such request ({@code lineAnswer}).
     */
    static Verdict judge(SupplierEventType type, PurchaseOrderStatus status, boolean lineAnswer) {
        if (lineAnswer) {
            return Verdict.RECORDED;
        }
        return switch (type) {
            case SHIPPED -> status == PurchaseOrderStatus.CANCELLED ? Verdict.SHIPPED_AFTER_CANCELLATION
                    : status == PurchaseOrderStatus.DECLINED ? Verdict.SHIPPED_AFTER_DECLINE : Verdict.RECORDED;
            case REJECTED, OUT_OF_STOCK -> status == PurchaseOrderStatus.SHIPPED ? Verdict.DECLINED_AFTER_SHIPPING
                    : Verdict.RECORDED;
            case CANCELLATION_ACCEPTED -> status == PurchaseOrderStatus.SHIPPED ? Verdict.CANCELLED_AFTER_SHIPPING
                    : NOT_ASKED_TO_CANCEL.contains(status) ? Verdict.CANCELLED_UNASKED : Verdict.RECORDED;
            case ACCEPTED, CANCELLATION_REFUSED -> Verdict.RECORDED;
        };
    }

    /** What the operator's task says: what the supplier did, what Dropflow does about it, what to do. */
    static String why(Verdict verdict, String supplierCode, SupplierEventType type, PurchaseOrderState po,
            SupplierEvent event) {
        String number = po.number();
        return switch (verdict) {
            case SHIPPED_AFTER_CANCELLATION -> supplierCode + " shipped purchase order " + number + " as "
                    + event.carrierCode() + " " + event.trackingNumber() + (Purchasing.NO_ANSWER.equals(po.reasonCode()) ? " after it had not answered its cancellation in time"
                            : Purchasing.GIVEN_UP.equals(po.reasonCode()) ? " after Dropflow had given up on it and asked it to cancel"
                            : Purchasing.EMPTIED.equals(po.reasonCode()) ? " after it had taken every line off it and Dropflow had asked it to cancel"
                            : " after it had cancelled it")
                    + ": Dropflow does not"
                    + " follow this parcel, and the order may have been refunded or sent to another supplier. Ask the"
                    + " supplier to recall it or settle its cost, then close this task";
            case SHIPPED_AFTER_DECLINE -> supplierCode + " shipped purchase order " + number + " as "
                    + event.carrierCode() + " " + event.trackingNumber() + " after it had declined it: Dropflow does not"
                    + " follow this parcel, and the order may have been refunded or sent to another supplier. Ask the"
                    + " supplier to recall it or settle its cost, then close this task";
            case DECLINED_AFTER_SHIPPING -> supplierCode + " reported " + io.dropflow.processengine.OperatorWords.of(type) + " for purchase order " + number
                    + ", which it had shipped: the order still follows that parcel. Ask the supplier whether it left;"
                    + " if not, reship or refund when the order's parcel is decided on, then close this task";
            case CANCELLED_AFTER_SHIPPING -> supplierCode + " accepted a cancellation of purchase order " + number
                    + ", which it had shipped: the order still follows that parcel. Ask the supplier whether it left;"
                    + " if not, reship or refund when the order's parcel is decided on, then close this task";
            case CANCELLED_UNASKED -> supplierCode + " reported purchase order " + number + " cancelled, which"
                    + " Dropflow had not asked for: the order still waited for it to ship. Ask the supplier whether it"
                    + " will ship; if not, reroute or cancel at the ship-by deadline (nothing is left to do if the order"
                    + " has ended meanwhile), then close this task";
            case CANCELLED_AFTER_REFUSAL -> supplierCode + " accepted the cancellation of purchase order " + number
                    + " that it had refused (" + io.dropflow.processengine.OperatorWords.ofCode(po.reasonCode()) + "): Dropflow had taken the refusal and still counts"
                    + " on the purchase order. Ask the supplier whether it will ship; if not, settle it (another"
                    + " supplier or a refund), then close this task";
            case MISSING_AFTER_ACCEPTANCE -> supplierCode + " accepted purchase order " + number
                    + (po.acceptedWithout().isEmpty() ? " whole" : " without " + po.acceptedWithout())
                    + " and now reports " + reported(event, po) + " missing: Dropflow changed nothing and still waits for"
                    + " the goods it accepted. Ask the supplier whether it will ship them; if not, settle the missing"
                    + " pieces (another supplier or a refund) when its parcel comes short, then close this task";
            case LINES_CANCELLED_UNASKED -> supplierCode + " reported lines of purchase order " + number
                    + " taken off under cancellation " + event.cancellationNumber() + ", which Dropflow had not asked"
                    + " of it: nothing changed, the purchase order still counts on every line. Ask the supplier which"
                    + " lines it will not deliver and settle them (another supplier or a refund), then close this task";
            case NUMBER_OF_ANOTHER_PARCEL -> supplierCode + " shipped purchase order " + number + " as "
                    + event.carrierCode() + " " + event.trackingNumber() + ", the number of the parcel of purchase order "
                    + po.numberHeldBy() + ": Dropflow does not follow it for this order, which still waits for its"
                    + " shipment (its ship-by deadline runs). Ask the supplier for this parcel's own number (it reports"
                    + " SHIPPED again with it, under a new event id) or whether it packed both orders in one parcel"
                    + " (then settle it with the consumer), then close this task";
            case RECORDED -> supplierCode + " reported " + io.dropflow.processengine.OperatorWords.of(type) + " for purchase order " + number + ", which is "
                    + io.dropflow.processengine.OperatorWords.of(po.status()) + ": nothing changed";
        };
    }

    /**
     * An applicant's sample it declined and shipped all the same: no consumer order waits for it or was refunded; when
     * the applicant declined it, its application went back to the supervisors' audit (bpmn/supplier-onboarding.bpmn).
     */
    static String sampleShippedAfterDecline(String supplierCode, String number, SupplierEvent event) {
        return supplierCode + " shipped sample purchase order " + number + " as " + event.carrierCode() + " "
                + event.trackingNumber() + " after it had declined it: Dropflow does not follow this parcel. It is the"
                + " applicant's sample, not a consumer's order; when the applicant declined it, its application went back"
                + " to the supervisors' audit. Tell them the sample is on its way to the quality check (they may order"
                + " another or decide without it), then close this task";
    }

    /**
     * The missing lines an event reports, in the purchase order's SKUs as {@code acceptedWithout} lists them,
     * each with the supplier's own SKU beside it where that differs: "KETTLE (SP-KETTLE)×1, MUG×2".
     */
    private static String reported(SupplierEvent event, PurchaseOrderState po) {
        return event.missingLines() == null ? "no lines" : event.missingLines().stream()
                .map(m -> {
                    String ours = po.skusBySupplierSku().get(m.supplierSku());
                    String named = ours == null || ours.equals(m.supplierSku()) ? m.supplierSku()
                            : ours + " (" + m.supplierSku() + ")";
                    return named + "×" + m.quantity();
                }).reduce((a, b) -> a + ", " + b).orElse("no lines");
    }

    /**
     * The little of a purchase order this needs; {@code acceptedWithout} as {@link PurchaseOrder#acceptedWithout},
     * {@code skusBySupplierSku} its lines' SKUs by the supplier's.
     */
    record PurchaseOrderState(String number, PurchaseOrderStatus status, String reasonCode, String acceptedWithout,
            java.util.Map<String, String> skusBySupplierSku, String numberHeldBy) {

        PurchaseOrderState(String number, PurchaseOrderStatus status, String reasonCode) {
            this(number, status, reasonCode, "", java.util.Map.of(), null);
        }

        PurchaseOrderState(String number, PurchaseOrderStatus status, String reasonCode, String acceptedWithout,
                java.util.Map<String, String> skusBySupplierSku) {
            this(number, status, reasonCode, acceptedWithout, skusBySupplierSku, null);
        }

        /** {@code numberHeldBy}: the purchase order whose parcel has the event's tracking number, if another's. */
        static PurchaseOrderState of(PurchaseOrder po, String numberHeldBy) {
            java.util.Map<String, String> skus = new java.util.HashMap<>();
            po.getLines().forEach(l -> skus.putIfAbsent(l.getSupplierSku(), l.getSku()));
            return new PurchaseOrderState(po.getIdempotencyKey(), po.getStatus(), po.getReasonCode(), po.acceptedWithout(),
                    skus, numberHeldBy);
        }
    }

    /** Lazily: the recorded deliveries take this handler (and every other partner's) in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;
    private final ApplicationEventPublisher events;
    private final SupplierEventIds eventIds;
    private final ObjectMapper json;

    StaleSupplierEvents(ObjectProvider<PartnerDeliveries> deliveries, ApplicationEventPublisher events,
            SupplierEventIds eventIds, ObjectMapper json) {
        this.deliveries = deliveries;
        this.events = events;
        this.eventIds = eventIds;
        this.json = json;
    }

    /**
     * Records the stale event in the caller's transaction (the webhook's, which holds the purchase
     * order's lock) and tells the order's timeline; an operator's task when {@link #judge} says so.
     *
     * @param type what the event says (OUT_OF_STOCK for an acceptance that misses every line)
     * @return false when this event id was recorded before: a redelivery, nothing done again
     */
    boolean record(String supplierCode, SupplierEvent event, SupplierEventType type, PurchaseOrder po,
            boolean lineAnswer) {
        return record(supplierCode, event, type, po, judge(type, po.getStatus(), lineAnswer));
    }

    /**
     * Records an event that contradicts what the supplier answered before, which its type and the purchase order's
     * status alone do not tell ({@link Verdict#MISSING_AFTER_ACCEPTANCE}, {@link Verdict#LINES_CANCELLED_UNASKED}),
     * as {@link #record(String, SupplierEvent, SupplierEventType, PurchaseOrder, boolean)} does.
     */
    boolean recordContradiction(String supplierCode, SupplierEvent event, PurchaseOrder po, Verdict verdict) {
        return record(supplierCode, event, event.type(), po, verdict, null);
    }

    /**
     * Records a first SHIPPED whose tracking number is the parcel of purchase order {@code numberHeldBy}
     * ({@link Verdict#NUMBER_OF_ANOTHER_PARCEL}), as {@link #recordContradiction} does.
     */
    boolean recordNumberOfAnotherParcel(String supplierCode, SupplierEvent event, PurchaseOrder po,
            String numberHeldBy) {
        return record(supplierCode, event, event.type(), po, Verdict.NUMBER_OF_ANOTHER_PARCEL, numberHeldBy);
    }

    private boolean record(String supplierCode, SupplierEvent event, SupplierEventType type, PurchaseOrder po,
            Verdict verdict) {
        return record(supplierCode, event, type, po, verdict, null);
    }

    private boolean record(String supplierCode, SupplierEvent event, SupplierEventType type, PurchaseOrder po,
            Verdict verdict, String numberHeldBy) {
        String why = po.getApplicationId() != null && verdict == Verdict.SHIPPED_AFTER_DECLINE
                ? sampleShippedAfterDecline(supplierCode, po.getIdempotencyKey(), event)
                : why(verdict, supplierCode, type, PurchaseOrderState.of(po, numberHeldBy), event);
        Optional<String> asked = verdict.toOperator() ? askedAlready(supplierCode, verdict, event) : Optional.empty();
        boolean toOperator = verdict.toOperator() && asked.isEmpty();
        if (asked.isPresent()) {
            why = why + " (the operator's task for event " + asked.get() + " says the same: no second task)";
        }
        String topic = TOPIC + type + "/" + po.getStatus() + (verdict.topicSuffix == null ? "" : "/" + verdict.topicSuffix);
        boolean first = deliveries.getObject().recordNotApplied(PARTNER, supplierCode, topic,
                event.eventId(), eventIds.payload(event), why, toOperator);
        if (!first) {
            log.info("Supplier {} event {} ({} for {}) was received before and changed nothing: acknowledged",
                    supplierCode, event.eventId(), event.type(), event.purchaseOrderNumber());
            return false;
        }
        if (toOperator) {
            log.warn("Supplier {} event {} changed nothing and goes to an operator: {}", supplierCode, event.eventId(),
                    why);
        } else if (asked.isPresent()) {
            log.info("Supplier {} event {} changed nothing and says what event {} did, whose operator task is open",
                    supplierCode, event.eventId(), asked.get());
        } else {
            log.info("Supplier {} event {} {} for {} changed nothing (purchase order is {})", supplierCode,
                    event.eventId(), event.type(), event.purchaseOrderNumber(), po.getStatus());
        }
        events.publishEvent(new PurchaseOrderEventNotApplied(supplierCode + ":" + event.eventId(), po.getOrderId(),
                po.getId(), po.getIdempotencyKey(), type, po.getStatus(), event.carrierCode(), event.trackingNumber(),
                toOperator, supplierCode, new PartnerDeliveries.Recorded(PARTNER, supplierCode, event.eventId()),
                numberHeldBy));
        return true;
    }

    /**
     * The event id of an open operator task about the same fact: the same purchase order and verdict (and for a
     * parcel the same tracking number, however spelled: {@link io.dropflow.carrier.TrackingNumbers#same}). The supplier
     * sent it again under another id: one task is enough.
     */
    private Optional<String> askedAlready(String supplierCode, Verdict verdict, SupplierEvent event) {
        return deliveries.getObject().awaitingOperator(PARTNER, supplierCode).stream()
                .filter(asked -> verdict == verdictOf(asked) && sameFact(verdict, event, said(asked)))
                .map(DeliveryHandler.Delivery::deliveryId).findFirst();
    }

    private static boolean sameFact(Verdict verdict, SupplierEvent event, JsonNode said) {
        boolean parcel = verdict == Verdict.SHIPPED_AFTER_CANCELLATION || verdict == Verdict.SHIPPED_AFTER_DECLINE
                || verdict == Verdict.NUMBER_OF_ANOTHER_PARCEL;
        boolean request = verdict == Verdict.LINES_CANCELLED_UNASKED;
        return event.purchaseOrderNumber().equals(said.path("purchaseOrderNumber").asText(null))
                && (!parcel || io.dropflow.carrier.TrackingNumbers.same(event.trackingNumber(),
                        said.path("trackingNumber").asText(null)))
                && (!request || Objects.equals(event.cancellationNumber(), said.path("cancellationNumber").asText(null)));
    }

    /**
     * The verdict of a recorded stale event, from its topic ({@code not-applied/<type>/<status>}, with the
     * verdict's suffix where it has one); null if none.
     */
    private static Verdict verdictOf(DeliveryHandler.Delivery delivery) {
        if (!delivery.topic().startsWith(TOPIC)) {
            return null;
        }
        String[] said = delivery.topic().substring(TOPIC.length()).split("/");
        if (said.length > 2) {
            return java.util.Arrays.stream(Verdict.values()).filter(v -> said[2].equals(v.topicSuffix)).findFirst()
                    .orElse(null);
        }
        try {
            return judge(SupplierEventType.valueOf(said[0]), PurchaseOrderStatus.valueOf(said[1]), false);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException unknown) {
            return null;
        }
    }

    private JsonNode said(DeliveryHandler.Delivery delivery) {
        try {
            return json.readTree(delivery.payload());
        } catch (JsonProcessingException unreadable) {
            return json.createObjectNode();
        }
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    /** Nothing to take again: the event stays stale; the operator settles it and closes the task. */
    @Override
    public Result handle(Delivery delivery) {
        return Result.unusable("a supplier's event that changed nothing cannot be taken again: settle it with the"
                + " supplier and close the task");
    }

    @Override
    public String attentionTitle(Delivery delivery) {
        Verdict verdict = verdictOf(delivery);
        return verdict != null && verdict.toOperator() ? verdict.title : DeliveryHandler.super.attentionTitle(delivery);
    }
}
