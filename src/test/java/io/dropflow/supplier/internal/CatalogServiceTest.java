package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.support.DropflowTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalog's lookups on its tables: what an order, a return or a group buy asks of it. */
@DropflowTest
class CatalogServiceTest {

    @Autowired
    Catalog catalog;
    @Autowired
    Suppliers suppliers;
    @Autowired
    SupplierOffers offers;
    @Autowired
    TransactionTemplate transaction;

    /** SKUs of this test alone: the application's database is shared by the tests. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String mug = "MUG-" + run;
    private final String cup = "CUP-" + run;
    private final String vase = "VASE-" + run;
    private Supplier acme;
    private Supplier dormant;

    @BeforeEach
    void catalogue() {
        transaction.executeWithoutResult(tx -> {
            acme = suppliers.save(new Supplier("ACME-" + run, "Acme", "EU", 80));
            dormant = suppliers.save(new Supplier("DORMANT-" + run, "Dormant", "EU", 90));
            offers.save(offer(acme, mug, "AC-MUG"));
            offers.save(offer(acme, cup, "AC-CUP"));
            SupplierOffer withdrawn = offer(acme, vase, "AC-VASE");
            withdrawn.change(new OfferTerms("AC-VASE", new BigDecimal("9.00"), "EUR", new BigDecimal("2.00"), 100, "DE", 48,
                    "general", false), Instant.now());
            offers.save(withdrawn);
            offers.save(offer(dormant, mug, "DO-MUG"));
            dormant.suspend("late shipments", Instant.now());
        });
    }

    @Test
    void aSuppliersOffersAreTheOnesAskedForEachOnceWithdrawnOnesAndSuspendedSuppliersIncluded() {
        List<OfferView> found = catalog.offersOf(acme.getId(), List.of(mug, vase, mug, "NOT-" + run));

        assertThat(found).extracting(o -> o.sku() + " " + o.supplierSku())
                .containsExactlyInAnyOrder(mug + " AC-MUG", vase + " AC-VASE");
        assertThat(catalog.offersOf(acme.getId(), List.of())).isEmpty();
        assertThat(catalog.offersOf(dormant.getId(), List.of(cup))).isEmpty();
        // A suspended supplier's offers are still its own: a return of what it shipped is judged by them.
        assertThat(catalog.offersOf(dormant.getId(), List.of(mug))).extracting(OfferView::supplierSku)
                .containsExactly("DO-MUG");
    }

    /** Asked again before a ranked supplier is tried (routing item 1): why it can take no new purchase order. */
    @Test
    void aSupplierSuspendedOrWithAnOfferSwitchedOffOrGoneCanTakeNoNewPurchaseOrder() {
        assertThat(catalog.whyNoNewPurchaseOrder(acme.getId(), List.of(mug, cup))).isEmpty();
        assertThat(catalog.whyNoNewPurchaseOrder(acme.getId(), List.of(mug, vase))).contains(
                "its offer of " + vase + " is switched off");
        assertThat(catalog.whyNoNewPurchaseOrder(acme.getId(), List.of("NOT-" + run))).contains(
                "it no longer offers NOT-" + run);
        assertThat(catalog.whyNoNewPurchaseOrder(dormant.getId(), List.of(mug)))
                .as("with the reason the seller gave (exploratory test s15 D3)").contains("it is suspended (late shipments)");
    }

    /**
     * Exploratory test s15 D3: an order only a suspended supplier offers read "no supplier offers … any more". The
     * catalog names the suspended suppliers that offer the SKUs (switched-on offers only), with the seller's reason.
     */
    @Test
    void aSuspendedSupplierOfferingTheSkusIsNamedWithTheSellersReason() {
        transaction.executeWithoutResult(tx -> {
            Supplier paused = suppliers.save(new Supplier("PAUSED-" + run, "Paused", "EU", 70));
            SupplierOffer off = offer(paused, cup, "PA-CUP");
            off.change(new OfferTerms("PA-CUP", new BigDecimal("5.00"), "EUR", new BigDecimal("2.00"), 100, "DE", 48,
                    "general", false), Instant.now());
            offers.save(off);
            paused.suspend("recall", Instant.now());
        });

        assertThat(catalog.suspendedOffering(List.of(mug, cup, vase, mug)))
                .as("acme is active; PAUSED's only offer is switched off").singleElement().satisfies(s -> {
                    assertThat(s.supplier().code()).isEqualTo(dormant.getCode());
                    assertThat(s.skus()).containsExactly(mug);
                    assertThat(s.why()).isEqualTo("it is suspended (late shipments)");
                });
    }

    @Test
    void selectionChoosesFromActiveOffersOfActiveSuppliersEachOnce() {
        List<OfferView> found = catalog.activeOffersFor(List.of(mug, cup, vase, cup));

        assertThat(found).extracting(o -> o.supplier().code() + " " + o.sku())
                .containsExactlyInAnyOrder(acme.getCode() + " " + mug, acme.getCode() + " " + cup);
    }

    @Test
    void aSuppliersOffersAreFoundAgainOnceItIsActiveAgain() {
        transaction.executeWithoutResult(tx -> suppliers.findById(dormant.getId()).orElseThrow().reactivate(Instant.now()));

        assertThat(catalog.activeOffersFor(List.of(mug))).extracting(o -> o.supplier().code())
                .containsExactlyInAnyOrder(acme.getCode(), dormant.getCode());
    }

    /**
     * V30: whoever writes the offers (the catalog API refuses it first), the database takes no second offer of a
     * supplier under a supplier SKU it has; another supplier may use the same text for its own article.
     */
    @Test
    void theDatabaseTakesNoSecondOfferOfASupplierUnderOneSupplierSku() {
        String fan = "FAN-" + run;

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> offers.saveAndFlush(offer(acme, fan, "AC-MUG"))))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        transaction.executeWithoutResult(tx -> offers.saveAndFlush(offer(dormant, fan, "AC-MUG")));
        assertThat(offers.findFirstBySupplierIdAndSupplierSku(acme.getId(), "AC-MUG").map(SupplierOffer::getSku))
                .contains(mug);
    }

    private static SupplierOffer offer(Supplier supplier, String sku, String supplierSku) {
        return new SupplierOffer(supplier, sku, supplierSku, new BigDecimal("6.00"), new BigDecimal("2.50"), "EUR", 100,
                "DE", 48);
    }
}
