package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.supplier.SupplierLifecycle.AgreedOffer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agreement's offers as the catalog takes them: a supplier SKU is one offer's (V30's unique index would
 * otherwise stop the applicant's activation as an incident), so intake refuses an agreement that gives one
 * supplier SKU to two of our SKUs, naming both.
 */
class AgreedOffersTest {

    private final SupplierLifecycleService catalog = new SupplierLifecycleService(null, null, null, null,
            Clock.systemUTC(), null);

    private static AgreedOffer offer(String sku, String supplierSku) {
        return new AgreedOffer(sku, supplierSku, new BigDecimal("7.80"), "EUR", new BigDecimal("2.00"), 100, "CN", 72,
                "homeware");
    }

    @Test
    void anAgreementGivesEachSupplierSkuToOneOfferOnly() {
        assertThat(catalog.problemsOf(List.of(offer("TEST-WOK", "JD-WOK"), offer("TEST-PAN", "JD-PAN")))).isEmpty();

        assertThat(catalog.problemsOf(List.of(offer("TEST-WOK", "JD-WOK"), offer("TEST-PAN", "JD-WOK"))))
                .containsExactly("TEST-PAN: supplierSku JD-WOK is the offer of TEST-WOK already; each offer needs the "
                        + "supplier's own SKU for it");
    }
}
