package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Exploratory test s14 (production, defect 1): GAMMA, active in the catalog and bound to no adapter, was offered
 * purchase orders (each retried 10 min, then an incident) and its webhooks were taken with the shared token. A
 * supplier no adapter serves can take no new purchase order, says why naming its binding, and its webhooks are
 * refused; one an adapter serves is untouched.
 */
class SupplierBindingsTest {

    final Suppliers suppliers = mock(Suppliers.class);
    final SupplierOffers offers = mock(SupplierOffers.class);
    final SupplierAdapter http = mock(SupplierAdapter.class);
    final SupplierBindings bindings = new SupplierBindings(suppliers, List.of(http));
    final CatalogService catalog = new CatalogService(suppliers, offers, null, bindings);

    private Supplier active(long id, String code) {
        Supplier supplier = new Supplier(code, code + " Goods", "DE", 90);
        ReflectionTestUtils.setField(supplier, "id", id);
        when(suppliers.findById(id)).thenReturn(Optional.of(supplier));
        when(offers.findBySupplierIdAndSku(id, "MUG-1")).thenReturn(Optional.of(new SupplierOffer(supplier, "MUG-1",
                new OfferTerms(code + "-MUG", new BigDecimal("3.00"), "EUR", new BigDecimal("0.50"), 100, "DE", 48,
                        "home", true), Instant.EPOCH)));
        return supplier;
    }

    @Test
    void aSupplierNoAdapterServesTakesNoPurchaseOrderAndNoWebhookNamingItsBinding() {
        when(http.serves("ACME")).thenReturn(true);
        active(1, "ACME");
        Supplier gamma = active(2, "GAMMA");
        when(suppliers.findByStatus(SupplierStatus.ACTIVE)).thenReturn(List.of(gamma));

        assertThat(catalog.offersToOrder(1L, List.of("MUG-1")).whyNot()).isEmpty();
        assertThat(catalog.offersToOrder(2L, List.of("MUG-1")).whyNot()).hasValue("no adapter serves it: bind it under "
                + "dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA");
        assertThat(catalog.whyNotServed("ACME")).isEmpty();

        assertThat(bindings.refusedBecause("ACME")).isEmpty();
        assertThat(bindings.refusedBecause("GAMMA")).hasValueSatisfying(why -> assertThat(why)
                .contains("no adapter serves supplier GAMMA").contains("dropflow.suppliers.http.GAMMA"));

        assertThat(bindings.unbound()).as("nothing that refuses the start").isEmpty();
        assertThat(bindings.notUsed()).singleElement().asString()
                .startsWith("supplier GAMMA (GAMMA Goods): no adapter serves it, so sourcing leaves it out")
                .contains("dropflow.suppliers.http.GAMMA.base-url");
    }
}
