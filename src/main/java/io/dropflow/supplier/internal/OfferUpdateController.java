package io.dropflow.supplier.internal;

import io.dropflow.supplier.OfferReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supplier pushes its stock and prices (Dropflow's supplier API, docs/partners/supplier-api.md):
 * absolute values per supplier SKU, taken once per eventId, so a redelivered or replayed push changes
 * nothing (and cannot overwrite a newer one). One push is applied
 * whole or not at all; supplier SKUs we do not know are listed back, not guessed at.
 */
@RestController
@Tag(name = "Partner webhooks")
class OfferUpdateController {

    private final CatalogMaintenance catalog;

    OfferUpdateController(CatalogMaintenance catalog) {
        this.catalog = catalog;
    }

    record OfferUpdates(@NotBlank @Size(max = 100) String eventId, @NotEmpty @Size(min = 1, max = 1000) List<@NotNull @Valid Update> offers) {
    }

    @Schema(description = "A new stock level, a new supply price with its currency, or both")
    record Update(@NotBlank @Size(max = 64) String supplierSku, @PositiveOrZero Integer stock,
            @OfferAmount BigDecimal supplyPrice, @Size(max = 3) String currency) {

        @AssertTrue(message = "an update names a stock, or a supply price with its currency")
        @Schema(hidden = true)
        public boolean isComplete() {
            return (stock != null || supplyPrice != null) && (supplyPrice == null) == (currency == null);
        }

        OfferReport report() {
            return new OfferReport(supplierSku, stock, supplyPrice, currency);
        }
    }

    /** @param redelivered the push's eventId was taken before: nothing changed */
    record Result(int applied, List<String> unknownSupplierSkus, boolean redelivered) {
    }

    @PostMapping("/api/webhooks/suppliers/{supplierCode}/offers")
    @Operation(summary = "A supplier reports stock levels and supply prices",
            description = "Absolute values per supplier SKU; the whole push is applied or, if one value is invalid "
                    + "(400), none. Supplier SKUs without an offer are listed in the answer.")
    Result receive(@PathVariable String supplierCode, @Valid @RequestBody OfferUpdates push) {
        List<OfferReport> reports = push.offers().stream().map(Update::report).toList();
        java.util.Optional<List<String>> taken;
        try {
            taken = catalog.supplierPushed(supplierCode, push.eventId(), reports);
        } catch (org.springframework.dao.DuplicateKeyException sameIdAtThisMoment) {
            taken = java.util.Optional.empty(); // the other request took it; this one changed nothing
        }
        if (taken.isEmpty()) {
            return new Result(0, List.of(), true);
        }
        long reported = reports.stream().map(OfferReport::supplierSku).distinct().count();
        return new Result((int) reported - taken.get().size(), taken.get(), false);
    }
}
