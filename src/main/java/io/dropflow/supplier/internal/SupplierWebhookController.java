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
                    + "it is stored and delivered when the process gets there.")
    Map<String, String> receive(@PathVariable String supplierCode, @Valid @RequestBody SupplierEvent event) {
        return Map.of("result", purchasing.receive(supplierCode, event).name());
    }
}
