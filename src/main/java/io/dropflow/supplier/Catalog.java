package io.dropflow.supplier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Suppliers and what they offer, as the seller loaded them. */
public interface Catalog {

    /** Whether any supplier offers the SKU (active or not). */
    boolean isOffered(String sku);

    /** Offers of active suppliers for these SKUs. */
    List<OfferView> activeOffersFor(Collection<String> skus);

    /**
     * The suppliers that offer some of these SKUs (an offer switched on) but are suspended, by code: each with the
     * SKUs among these it offers and why it takes no new purchase order, naming the reason the seller gave when
     * suspending it ("it is suspended (Customs hold)", as {@link #whyNoNewPurchaseOrder} says it). Their offers are
     * not among {@link #activeOffersFor}; sourcing names them where an order would otherwise read as though nobody
     * offered the SKU.
     */
    List<Suspended> suspendedOffering(Collection<String> skus);

    /** A suspended supplier that offers {@code skus}; {@code why} as {@link #whyNoNewPurchaseOrder} words it. */
    record Suspended(SupplierView supplier, List<String> skus, String why) {

        public Suspended {
            skus = List.copyOf(skus);
        }
    }

    /**
     * What one supplier offers of these SKUs, active or not: an offer for each SKU it offers, none for
     * the others.
     */
    List<OfferView> offersOf(Long supplierId, Collection<String> skus);

    /**
     * Why Dropflow can send the supplier nothing: no adapter serves it (production, a supplier bound neither
     * under {@code dropflow.suppliers.http.<CODE>} nor {@code dropflow.suppliers.cj.<CODE>}): "no adapter serves
     * it: bind it under dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA". Sourcing leaves such a
     * supplier out. Empty when an adapter serves it (in the demo and test profiles the sandbox serves every one).
     */
    Optional<String> whyNotServed(String supplierCode);

    /**
     * Why the supplier can take no new purchase order for these SKUs now: it is no longer active
     * (suspended, for one: "it is suspended (Recall of lamp model 7)", with the seller's reason), no adapter serves it ({@link #whyNotServed}), or its offer of one of them is
     * switched off or gone. A ranking of
     * suppliers is kept while an order waits on one of them; this is asked again before the next is
     * tried.
     *
     * @return empty when it can take one
     * @throws io.dropflow.web.NotFound for an unknown supplier
     */
    Optional<String> whyNoNewPurchaseOrder(Long supplierId, Collection<String> skus);

    /**
     * What a new purchase order needs of the catalog, each row read once: the supplier's offer of each
     * of these SKUs when it can take one, else why not ({@link #whyNoNewPurchaseOrder}).
     *
     * @throws io.dropflow.web.NotFound for an unknown supplier
     */
    OffersToOrder offersToOrder(Long supplierId, Collection<String> skus);

    /**
     * @param offers one active offer for each SKU asked about; none when {@code whyNot} says why
     * @param whyNot empty when the supplier can take a new purchase order
     */
    record OffersToOrder(List<OfferView> offers, Optional<String> whyNot) {
    }

    /** @throws io.dropflow.web.NotFound for an unknown supplier */
    SupplierView supplier(Long supplierId);

    /** @throws io.dropflow.web.NotFound for an unknown supplier code */
    SupplierView supplier(String supplierCode);

    /**
     * A supplier's stock levels and supply prices, pushed through its webhook: applied whole, or (a
     * value the catalog refuses) not at all. Several reports for one supplier SKU apply in order. A push
     * arriving late, made before the push applied last to an offer, leaves that offer as it is.
     *
     * @param pushedAt when the supplier made the push (its own time where the message carries one)
     * @return the supplier SKUs the supplier has no offer for, and those left alone as stale
     * @throws io.dropflow.web.NotFound for an unknown supplier code
     */
    OfferReport.Taken supplierReported(String supplierCode, java.time.Instant pushedAt, List<OfferReport> reports);

    /** The offer a supplier names by its own SKU in its pushes ({@code supplierSku}), if it has one. */
    Optional<OfferView> offerWithSupplierSku(String supplierCode, String supplierSku);
}
