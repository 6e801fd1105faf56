package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.web.InvalidRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner webhooks")
class CarrierWebhookController {

    private final EarlyCarrierEvents events;

    CarrierWebhookController(EarlyCarrierEvents events) {
        this.events = events;
    }

    @PostMapping("/api/webhooks/carriers/events")
    @Operation(summary = "A carrier pushes a tracking event (normalized format)",
            description = "Idempotent on carrierCode + eventId. An event for a tracking number no shipment has yet"
                    + " (scanned before the supplier's SHIPPED reached us) is kept and answered KEPT: Dropflow takes it"
                    + " when the shipment comes, or shows it to an operator. So is one dated before the purchase order"
                    + " of the shipment with its number was placed (another parcel's under a number used again): it is"
                    + " shown to an operator, never applied. RECORDED: on its shipment now; ALREADY_RECORDED: on its"
                    + " shipment before; ALREADY_RECEIVED: a kept event sent again after it was settled (taken, or closed"
                    + " by an operator), nothing happens.")
    Map<String, String> receive(@Valid @RequestBody CarrierEvent event) {
        if (!CarrierEvent.isDatable(event.occurredAt())) {
            throw new InvalidRequest("Invalid tracking event", List.of(new InvalidRequest.FieldError("occurredAt",
                    "must be a date between the years 1900 and 9999")));
        }
        return Map.of("result", events.receive(event));
    }
}
