package io.dropflow.supplier.internal;

import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierScorecard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner webhooks")
class SupplierWebhookController {

    private final Purchasing purchasing;

    SupplierWebhookController(Purchasing purchasing) {
        this.purchasing = purchasing;
    }

    @PostMapping("/api/webhooks/suppliers/{supplierCode}/events")
    @Operation(summary = "A supplier reports on a purchase order",
            description = "Idempotent on eventId: the same eventId with other content is a 409 and changes nothing. "
                    + "An event may arrive before the order's process waits for it: "
                    + "it is stored and delivered when the process gets there. "
                    + "Answered 200 with result APPLIED, ALREADY_APPLIED, RELABELLED or STALE (an event that no longer "
                    + "fits or contradicts an earlier answer, e.g. an ACCEPTED with other missingLines for a purchase "
                    + "order accepted already, or a cancellationNumber Dropflow did not send: recorded, not applied, "
                    + "shown to an operator where it costs money or goods). An invalid body is a 400 naming each field "
                    + "(a SHIPPED without carrierCode or trackingNumber names the missing one; a trackingNumber that is not "
                    + "letters and digits, spaces or hyphens between them, e.g. with a control character or an emoji, "
                    + "names trackingNumber); missingLines the "
                    + "purchase order does not have, or more pieces than a line ordered, a 422 supplier-event-refused "
                    + "naming missingLines[i].supplierSku or .quantity: nothing changed, the eventId not taken, send "
                    + "it corrected.")
    Map<String, String> receive(@PathVariable String supplierCode, @Valid @RequestBody SupplierEvent event) {
        return Map.of("result", purchasing.receive(supplierCode, event).name());
    }
}
