package io.dropflow.supplier.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventOutcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every supplier event id, remembered with what the event said (partner "supplier" in partner_delivery,
 * in the webhook's transaction): a redelivery is told from an id the supplier used again for something
 * else, whether or not the first event changed anything. A stale event is recorded by
 * {@link StaleSupplierEvents}; every other one here, in one insert.
 */
@Component
class SupplierEventIds {

    static final String PARTNER = "supplier";

    /** What the event's id was before it came. */
    enum Earlier {
        /** Not received before. */
        NONE,
        /** Received before with the same content (or before its content was kept): a redelivery. */
        SAME,
        /** Received before with other content: the id was used again. */
        OTHER
    }

    /** Lazily: the recorded deliveries take the stale events' handler in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;
    private final ObjectMapper json;

    SupplierEventIds(ObjectProvider<PartnerDeliveries> deliveries, ObjectMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    Earlier earlier(String supplierCode, SupplierEvent event) {
        return deliveries.getObject().recordedPayload(PARTNER, supplierCode, event.eventId())
                .map(said -> said.isEmpty() || sameContent(said, payload(event)) ? Earlier.SAME : Earlier.OTHER)
                .orElse(Earlier.NONE);
    }

    /** The same fields with the same values, however the JSON was written (spacing, order, a later release's layout). */
    private boolean sameContent(String recorded, String now) {
        try {
            return json.readTree(recorded).equals(json.readTree(now));
        } catch (JsonProcessingException notJson) {
            return recorded.equals(now);
        }
    }

    /** An event that was not stale: recorded with what it came to, e.g. topic "applied/SHIPPED". */
    void taken(String supplierCode, SupplierEvent event, SupplierEventOutcome outcome) {
        deliveries.getObject().recordTaken(PARTNER, supplierCode,
                outcome.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/" + event.type(), event.eventId(),
                payload(event));
    }

    /** The event as the supplier sent it (its fields that were set): what a redelivery is compared with. */
    String payload(SupplierEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", event.eventId());
        fields.put("type", event.type());
        fields.put("purchaseOrderNumber", event.purchaseOrderNumber());
        fields.put("supplierReference", event.supplierReference());
        fields.put("reasonCode", event.reasonCode());
        fields.put("carrierCode", event.carrierCode());
        fields.put("trackingNumber", event.trackingNumber());
        fields.put("missingLines", event.missingLines());
        fields.put("cancellationNumber", event.cancellationNumber());
        fields.values().removeIf(Objects::isNull);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return fields.toString();
        }
    }
}
