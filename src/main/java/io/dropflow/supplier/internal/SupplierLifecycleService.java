package io.dropflow.supplier.internal;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.SupplierCodeTakenException;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.supplier.SupplierStatus;
import io.dropflow.supplier.SupplierView;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's side of onboarding, on the catalog's tables: applicants, their samples (placed like
 * every purchase order, see {@link PurchasingService#placeOnce}), activation with the agreed offers
 * under the catalog's rules, and suspensions an onboarding makes and lifts.
 */
@Service
class SupplierLifecycleService implements SupplierLifecycle {

    private final Suppliers suppliers;
    private final SupplierOffers offers;
    private final PurchasingService purchasing;
    private final ScorecardService scorecards;
    private final Clock clock;
    private final SupplierBindings bindings;

    SupplierLifecycleService(Suppliers suppliers, SupplierOffers offers, PurchasingService purchasing,
            ScorecardService scorecards, Clock clock, SupplierBindings bindings) {
        this.bindings = bindings;
        this.suppliers = suppliers;
        this.offers = offers;
        this.purchasing = purchasing;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SupplierView registerApplicant(Applicant applicant) {
        Instant now = clock.instant();
        Supplier supplier = suppliers.findByCode(applicant.code()).map(known -> {
            if (!known.applyAgain(applicant.name(), applicant.region(), applicant.contactEmail(), now)) {
                throw new SupplierCodeTakenException(applicant.code(), known.getStatus());
            }
            return known;
        }).orElseGet(() -> Supplier.applicant(applicant.code(), applicant.name(), applicant.region(),
                applicant.contactEmail(), now));
        return suppliers.saveAndFlush(supplier).view();
    }

    @Override
    @Transactional(readOnly = true)
    public SupplierStatus status(String supplierCode) {
        return find(supplierCode).getStatus();
    }

    @Override
    public List<String> problemsOf(List<AgreedOffer> agreed) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, String> skuBySupplierSku = new java.util.HashMap<>();
        for (AgreedOffer offer : agreed) {
            CatalogRules.problemsOf(offer.sku(), terms(offer)).forEach(p -> problems.add(offer.sku() + ": " + p.text()));
            String holder = offer.supplierSku() == null ? null
                    : skuBySupplierSku.putIfAbsent(offer.supplierSku(), offer.sku());
            if (holder != null && !holder.equals(offer.sku())) {
                problems.add(offer.sku() + ": supplierSku " + offer.supplierSku() + " is the offer of " + holder
                        + " already; each offer needs the supplier's own SKU for it");
            }
        }
        return problems;
    }

    @Override
    @CallsPartner
    public PurchaseOrderView forwardSample(SampleOrder order) {
        String key = SupplierLifecycle.samplePurchaseOrderNumber(order.applicationId(), order.attempt());
        return purchasing.placeOnce(key, () -> {
            PurchaseOrder sample = new PurchaseOrder(null, find(order.supplierCode()), key, order.lines().stream()
                    .map(l -> new PurchaseOrderLine(l.sku(), l.supplierSku(), l.quantity(), l.supplyPrice())).toList(),
                    order.shippingCost(), order.currency(), clock.instant());
            sample.orderedAsSample(order.applicationId());
            return sample;
        }, order.shipTo(), order.shipByHours(), order.shipByTime());
    }

    /** An offer the supplier has already (added through the catalog meanwhile) takes the agreed terms. */
    @Override
    @Transactional
    public java.util.Optional<String> activate(String supplierCode, List<AgreedOffer> agreed, int score, int tier) {
        Supplier supplier = find(supplierCode);
        if (supplier.getStatus() != SupplierStatus.ONBOARDING) {
            return java.util.Optional.empty();
        }
        List<String> problems = problemsOf(agreed);
        if (!problems.isEmpty()) {
            throw CatalogProblem.invalid(String.join("; ", problems));
        }
        Instant now = clock.instant();
        supplier.activate(score, tier, now);
        // A scorecard read while it applied shows an applicant's score of 0, which selection would not use.
        scorecards.forget(supplier.getId());
        for (AgreedOffer offer : agreed) {
            offers.findBySupplierIdAndSku(supplier.getId(), offer.sku()).ifPresentOrElse(
                    known -> known.change(terms(offer), now),
                    () -> offers.save(new SupplierOffer(supplier, offer.sku(), terms(offer), now)));
        }
        return bindings.whyNotServed(supplierCode);
    }

    @Override
    @Transactional
    public void turnDown(String supplierCode, String reason) {
        find(supplierCode).turnDown(reason, clock.instant());
    }

    @Override
    @Transactional
    public boolean suspend(String supplierCode, String reason) {
        return find(supplierCode).suspend(reason, clock.instant());
    }

    @Override
    @Transactional
    public boolean reinstate(String supplierCode, String reason) {
        Supplier supplier = find(supplierCode);
        supplier.reinstate(reason, clock.instant());
        return supplier.isActive();
    }

    private static OfferTerms terms(AgreedOffer offer) {
        return new OfferTerms(offer.supplierSku(), offer.supplyPrice(), offer.currency(), offer.shippingCost(),
                offer.stock(), offer.shipFrom(), offer.shipByHours(), offer.category(), true);
    }

    private Supplier find(String code) {
        return suppliers.findByCode(code).orElseThrow(() -> NotFound.of("supplier", code));
    }
}
