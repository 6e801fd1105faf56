package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner webhooks")
class CarrierWebhookController {

    private final Tracking tracking;

    CarrierWebhookController(Tracking tracking) {
        this.tracking = tracking;
    }

    @PostMapping("/api/webhooks/carriers/events")
    @Operation(summary = "A carrier pushes a tracking event (normalized format)",
            description = "Idempotent on carrierCode + eventId.")
    Map<String, String> receive(@Valid @RequestBody CarrierEvent event) {
        return Map.of("result", tracking.receive(event) ? "RECORDED" : "ALREADY_RECORDED");
    }
}
