package io.dropflow.partners.internal;

import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.SellerTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What the partner-attention form shows of a recorded delivery: who sent it, when it came, how
 * often it was tried and why it was not taken, and the first {@value #SHOWN} characters of its raw
 * payload; the whole payload stays in partner_delivery. A task about a fact several deliveries tell
 * (a carrier's scans of one parcel, {@link io.dropflow.partners.DeliveryHandler#sameFact}) lists those still
 * open, the latest first ({@value #LISTED} at most; their number in full), and the latest one's raw payload:
 * one taken or closed before (a "try again" that took some of them) is no longer the operator's.
 */
@Service
public class DeliveryTaskFacts {

    /**
     * The facts the partner-attention form shows, the start of the raw payload among them; and, once the operator's
     * "try again" did not get it taken, when that was ({@code retriedInVain}, from the process).
     */
    public static final Set<String> FACTS = Set.of("partner", "account", "topic", "deliveryNumber", "receivedAt",
            "attempts", "attemptsInWords", "lastError", "deliveryPayload", "deliveryCount", "deliveries", "latestPayload",
            "retriedInVain");

    /**
     * The facts a feature adds where it says what happened ({@link io.dropflow.partners.PartnerDeliveries#describe}):
     * the message itself and, as they apply, the order, its purchase order (and its status), the supplier, the parcel
     * and a carrier's scan with its time and the delivery's.
     */
    public static final Set<String> DESCRIBED = Set.of("whatHappened", "orderNumber", "purchaseOrder",
            "purchaseOrderStatus", "supplierCode", "parcel", "scan", "scannedAt", "deliveredAt");

    /** The stored statuses of deliveries no longer in front of the operator. */
    private static final Set<String> SETTLED = Set.of(RecordedDeliveries.Status.TAKEN.name(),
            RecordedDeliveries.Status.CLOSED.name());

    /** How many of a task's deliveries the form lists, the latest first. */
    static final int LISTED = 50;

    /** How much of the raw payload the form shows: enough to recognise the delivery, not a whole order export. */
    static final int SHOWN = 3_900;

    private final RecordedDeliveries deliveries;
    private final SellerTime time;

    DeliveryTaskFacts(RecordedDeliveries deliveries, SellerTime time) {
        this.deliveries = deliveries;
        this.time = time;
    }

    /** The facts of the recorded delivery {@code deliveryId}. */
    public FormFacts of(Long deliveryId) {
        Map<String, Object> d = deliveries.record(deliveryId);
        String payload = deliveries.delivery(deliveryId).payload();
        List<Map<String, Object>> together = deliveries.ofTheSameTask(deliveryId).stream()
                .filter(each -> !SETTLED.contains(text(each.get("status")))).toList();
        List<Map<String, Object>> listed = together.stream().limit(LISTED).map(each -> FormFacts.row(
                "receivedAt", each.get("received_at") == null ? null : time.format(DatabaseTime.instant(each.get("received_at"))),
                "topic", topicWords(text(each.get("topic"))), "deliveryNumber", text(each.get("delivery_id")))).toList();
        return new FormFacts()
                .put("partner", partnerWords(text(d.get("partner"))))
                .put("account", text(d.get("account")))
                .put("topic", topicWords(text(d.get("topic"))))
                .put("deliveryNumber", text(d.get("delivery_id")))
                .put("receivedAt", d.get("received_at") == null ? null : time.format(DatabaseTime.instant(d.get("received_at"))))
                .put("attempts", d.get("attempts") instanceof Number n ? n.intValue() : null)
                // "Tried: 1 time", not "1 times" (s18)
                .put("attemptsInWords", d.get("attempts") instanceof Number n ? OperatorWords.count(n.intValue(), "time",
                        "times") : null)
                .put("lastError", text(d.get("last_error")))
                .put("deliveryPayload", shown(payload))
                .put("deliveryCount", Math.max(1, together.size()))
                .rows("deliveries", listed)
                .put("latestPayload", together.size() > 1 && together.get(0).get("id") instanceof Number latest
                        ? shown(deliveries.delivery(latest.longValue()).payload()) : null);
    }

    /** Who sent a delivery, in words: the partner keys Dropflow records deliveries under; another key as it is. */
    private static final Map<String, String> PARTNERS = Map.of("supplier", "Supplier", "carrier", "Carrier",
            "carrier-after-delivery", "Carrier (after the delivery)", "cj", "CJ Dropshipping", "shopify", "Shopify",
            "kuaidi100", "Kuaidi100", "17track", "17TRACK", "order-given-up-parcel", "Carrier (parcel given up)",
            "supplier-take-back", "Supplier, about uncollected goods");

    static String partnerWords(String partner) {
        return partner == null ? null : PARTNERS.getOrDefault(partner, partner);
    }

    /**
     * A delivery's topic in words where Dropflow made it up (a supplier's event it did not apply,
     * "not-applied/SHIPPED/CANCELLED"; a carrier's scan, "tracking/IN_TRANSIT", also after the delivery; a supplier's
     * answer to a take-back of uncollected goods, "take-back/ALTERNATIVE"): what the
     * partner said and, for a supplier, the purchase order's status, as words; a partner's own topic ("orders/paid",
     * "ORDER") as it is. Chinese: operator-messages.zh.json's patterns (the form's {@code topic} is a message).
     */
    static String topicWords(String topic) {
        String[] part = topic == null ? new String[0] : topic.split("/");
        if (part.length >= 3 && part[0].equals("not-applied")) {
            String said = OperatorWords.of(part[1]);
            String how = part.length == 3 ? "" : part[3].equals("missing-lines") ? " with lines missing"
                    : part[3].equals("lines") ? " of some lines"
                    : part[3].equals("after-refusal") ? " after refusing it" : " (" + part[3] + ")";
            return said + how + " from the supplier, not applied (purchase order: " + OperatorWords.of(part[2]) + ")";
        }
        if (part.length == 2 && part[0].equals("tracking")) {
            return "Carrier scan: " + OperatorWords.of(part[1]);
        }
        if (part.length == 2 && part[0].equals("take-back")) {
            return TAKE_BACK_ANSWERS.getOrDefault(part[1], topic);
        }
        if (part.length == 2 && part[0].equals("after-delivery")) {
            return "Carrier scan after the delivery: " + OperatorWords.of(part[1]);
        }
        if (part.length == 2 && part[0].equals("given-up")) {
            return "Carrier scan of a given-up parcel: " + OperatorWords.of(part[1]);
        }
        return topic;
    }

    /** A supplier's answer to a take-back of uncollected goods, in words (operator-texts.zh.json has each). */
    private static final Map<String, String> TAKE_BACK_ANSWERS = Map.of(
            "ACCEPTED", "Take-back of uncollected goods: the supplier takes them back",
            "ALTERNATIVE", "Take-back of uncollected goods: the supplier offers a credit instead",
            "REJECTED", "Take-back of uncollected goods: the supplier refuses");

    /** The start of a raw payload, as the form shows it. */
    private static String shown(String payload) {
        return payload.length() > SHOWN ? payload.substring(0, SHOWN) + "…" : payload;
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
