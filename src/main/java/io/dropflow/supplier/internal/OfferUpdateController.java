package io.dropflow.supplier.internal;

import io.dropflow.supplier.OfferReport;
import io.dropflow.supplier.http.HttpSupplierSettings;
import io.dropflow.web.PartnerTimestamp;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supplier pushes its stock and prices (Dropflow's supplier API, docs/partners/supplier-api.md):
 * absolute values per supplier SKU, taken once per eventId, so a redelivered or replayed push changes
 * nothing. A push made before the one an offer holds (it came late: the supplier's signature time, its
 * {@code X-Dropflow-Timestamp}, is older) is acknowledged and leaves that offer as it is, so older stock
 * or prices never overwrite newer ones; the answer names such SKUs. One push is applied
 * whole or not at all; supplier SKUs we do not know are listed back, not guessed at.
 */
@RestController
@Tag(name = "Partner webhooks")
class OfferUpdateController {

    /** The supplier API's signature time (Unix seconds): when the supplier made the push. */
    static final String PUSHED_AT = PartnerTimestamp.HEADER;

    private final CatalogMaintenance catalog;
    private final HttpSupplierSettings settings;
    private final Clock clock;

    OfferUpdateController(CatalogMaintenance catalog, HttpSupplierSettings settings, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
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

    /**
     * @param staleSupplierSkus supplier SKUs whose offers hold a newer push than this one (it came late): left as
     *     they are
     * @param redelivered the push's eventId was taken before: nothing changed
     */
    record Result(int applied, List<String> unknownSupplierSkus, List<String> staleSupplierSkus, boolean redelivered) {
    }

    @PostMapping("/api/webhooks/suppliers/{supplierCode}/offers")
    @Operation(summary = "A supplier reports stock levels and supply prices",
            description = "Absolute values per supplier SKU; the whole push is applied or, if one value is invalid "
                    + "(400), none. Supplier SKUs without an offer are listed in the answer; so are those whose offer "
                    + "holds a push made later than this one (X-Dropflow-Timestamp), which this one leaves as they are.")
    Result receive(@PathVariable String supplierCode, @RequestHeader(name = PUSHED_AT, required = false) String pushedAt,
            @Valid @RequestBody OfferUpdates push) {
        Instant madeAt = madeAt(pushedAt, settings.signatureTolerance(supplierCode));
        List<OfferReport> reports = push.offers().stream().map(Update::report).toList();
        Optional<OfferReport.Taken> taken;
        try {
            taken = catalog.supplierPushed(supplierCode, push.eventId(), madeAt, reports);
        } catch (org.springframework.dao.DuplicateKeyException sameIdAtThisMoment) {
            taken = Optional.empty(); // the other request took it; this one changed nothing
        }
        if (taken.isEmpty()) {
            return new Result(0, List.of(), List.of(), true);
        }
        long reported = reports.stream().map(OfferReport::supplierSku).distinct().count();
        List<String> unknown = taken.get().unknownSupplierSkus();
        List<String> stale = taken.get().staleSupplierSkus();
        return new Result((int) reported - unknown.size() - stale.size(), unknown, stale, false);
    }

    /**
     * When the supplier made the push: the Unix seconds it signed it with (checked against the clock by the
     * webhook filter for a supplier that signs), or, without them, now. A time further ahead than the
     * supplier's signature tolerance ({@code aheadAtMost}, the one the filter checks a signature with) is refused
     * for every supplier: taken, it would leave the offers deaf to every push until then.
     */
    private Instant madeAt(String pushedAt, java.time.Duration aheadAtMost) {
        Instant now = clock.instant();
        if (pushedAt == null || pushedAt.isBlank()) {
            return now;
        }
        Optional<PartnerTimestamp> timestamp = PartnerTimestamp.parse(pushedAt);
        Optional<Instant> madeAt = timestamp.flatMap(PartnerTimestamp::instant);
        if (madeAt.isEmpty()) {
            throw CatalogProblem.invalid(PUSHED_AT + " is not Unix seconds: " + pushedAt);
        }
        if (timestamp.get().aheadBy(aheadAtMost, now)) {
            throw CatalogProblem.invalid(PUSHED_AT + " " + pushedAt + " is more than " + PartnerTimestamp.words(aheadAtMost)
                    + " ahead of Dropflow's clock (is the supplier's clock right?)");
        }
        return madeAt.get();
    }
}
