package io.dropflow.supplier;

import io.dropflow.processengine.CallsPartner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A supplier's life in the catalog, as its onboarding drives it: an applicant is in the catalog
 * from the day it applies (status ONBOARDING, so that its sample can be ordered and its code is
 * taken) but gets no regular purchase order until it is activated with the offers its agreement
 * lists. Afterwards its papers and its performance may suspend it and reinstate it.
 */
public interface SupplierLifecycle {

    /** Who applies: the code it will be known by, its name, its country, and whom to write to. */
    record Applicant(String code, String name, String region, String contactEmail) {
    }

    /** One offer an agreement lists, in the agreement's currency. */
    record AgreedOffer(String sku, String supplierSku, BigDecimal supplyPrice, String currency, BigDecimal shippingCost,
            int stock, String shipFrom, int shipByHours, String category) {
    }

    /**
     * A sample purchase order: one attempt of one application, shipped to the seller's quality
     * check, tracked like any purchase order (its events come through the supplier's webhook).
     */
    record SampleOrder(Long applicationId, int attempt, String supplierCode, List<Purchasing.Line> lines,
            BigDecimal shippingCost, String currency, SupplierGateway.Address shipTo, int shipByHours,
            Duration shipByTime) {
    }

    /** Our number for an application's sample purchase order, also its idempotency key: DF-ON{application}-SAMPLE{attempt}. */
    static String samplePurchaseOrderNumber(Long applicationId, int attempt) {
        return "DF-ON" + applicationId + "-SAMPLE" + attempt;
    }

    /**
     * Puts the applicant in the catalog as ONBOARDING; one turned down before applies again.
     * @throws SupplierCodeTakenException when the code belongs to another supplier
     */
    SupplierView registerApplicant(Applicant applicant);

    /** @throws io.dropflow.web.NotFound for an unknown supplier code */
    SupplierStatus status(String supplierCode);

    /** What the catalog would refuse about these offers (its rules for every offer); empty when nothing. */
    List<String> problemsOf(List<AgreedOffer> offers);

    /**
     * Places the sample purchase order with the applicant, once per application and attempt: a
     * retry sends the same number again.
     * @throws SupplierRefusedException when the applicant refuses in its answer
     */
    @CallsPartner
    PurchaseOrderView forwardSample(SampleOrder order);

    /**
     * The applicant becomes an ACTIVE supplier with the offers of its agreement, its first score
     * and tier. Done once: activating an active supplier again changes nothing.
     *
     * @return why Dropflow will not use it yet though active: no adapter serves it (production, not bound under
     *     dropflow.suppliers.http.CODE nor dropflow.suppliers.cj.CODE; {@link Catalog#whyNotServed}); empty when
     *     one does, or when nothing changed
     */
    java.util.Optional<String> activate(String supplierCode, List<AgreedOffer> offers, int score, int tier);

    /** The applicant was turned down (REJECTED); it never got an offer. */
    void turnDown(String supplierCode, String reason);

    /** @return false when it was not active (suspended already, or never activated): nothing changed */
    boolean suspend(String supplierCode, String reason);

    /**
     * Lifts a suspension made with exactly this reason; one made for another reason (by someone
     * else) stays.
     * @return whether the supplier is active again
     */
    boolean reinstate(String supplierCode, String reason);
}
