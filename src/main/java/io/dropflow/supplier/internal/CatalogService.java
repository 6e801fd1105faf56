package io.dropflow.supplier.internal;

import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferReport;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.SupplierStatus;
import io.dropflow.supplier.SupplierView;
import io.dropflow.web.NotFound;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog on its tables. */
@Service
class CatalogService implements Catalog {

    private final Suppliers suppliers;
    private final SupplierOffers offers;
    private final CatalogMaintenance maintenance;
    private final SupplierBindings bindings;

    CatalogService(Suppliers suppliers, SupplierOffers offers, CatalogMaintenance maintenance,
            SupplierBindings bindings) {
        this.suppliers = suppliers;
        this.offers = offers;
        this.maintenance = maintenance;
        this.bindings = bindings;
    }

    @Override
    public Optional<String> whyNotServed(String supplierCode) {
        return bindings.whyNotServed(supplierCode);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOffered(String sku) {
        return offers.existsBySku(sku);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OfferView> activeOffersFor(Collection<String> skus) {
        // A query per SKU, each through ix_supplier_offer_sku with a translation Hibernate keeps: a list
        // parameter was translated to SQL again at every call. An order has a few SKUs; a group-buy batch
        // at its cutoff asks for each of its SKUs once.
        return skus.stream().distinct().flatMap(sku -> offers.findActiveBySku(sku).stream())
                .map(SupplierOffer::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Suspended> suspendedOffering(Collection<String> skus) {
        java.util.Map<Supplier, java.util.Set<String>> offered = new java.util.TreeMap<>(
                java.util.Comparator.comparing(Supplier::getCode));
        if (skus.isEmpty()) {
            return List.of();
        }
        offers.findSuspendedBySkuIn(java.util.Set.copyOf(skus))
                .forEach(o -> offered.computeIfAbsent(o.getSupplier(), s -> new java.util.TreeSet<>()).add(o.getSku()));
        return offered.entrySet().stream().map(e -> new Suspended(e.getKey().view(), List.copyOf(e.getValue()),
                e.getKey().whySuspended())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OfferView> offersOf(Long supplierId, Collection<String> skus) {
        // Only the SKUs asked for, through uq_supplier_offer: a supplier's whole catalog can be tens of
        // thousands of offers, and one order needs a few.
        return skus.stream().distinct().map(sku -> offers.findBySupplierIdAndSku(supplierId, sku))
                .flatMap(Optional::stream).map(SupplierOffer::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> whyNoNewPurchaseOrder(Long supplierId, Collection<String> skus) {
        return offersToOrder(supplierId, skus).whyNot();
    }

    @Override
    @Transactional(readOnly = true)
    public OffersToOrder offersToOrder(Long supplierId, Collection<String> skus) {
        Supplier supplier = suppliers.findById(supplierId).orElseThrow(() -> NotFound.of("supplier", supplierId));
        if (supplier.getStatus() == SupplierStatus.SUSPENDED) {
            return cannot(supplier.whySuspended());
        }
        if (!supplier.isActive()) {
            return cannot("it is not active (" + supplier.getStatus() + ")");
        }
        Optional<String> notServed = bindings.whyNotServed(supplier.getCode());
        if (notServed.isPresent()) {
            return cannot(notServed.get());
        }
        List<OfferView> toOrder = new java.util.ArrayList<>();
        for (String sku : skus.stream().distinct().toList()) {
            Optional<SupplierOffer> offer = offers.findBySupplierIdAndSku(supplierId, sku);
            if (offer.isEmpty()) {
                return cannot("it no longer offers " + sku);
            }
            if (!offer.get().isActive()) {
                return cannot("its offer of " + sku + " is switched off");
            }
            toOrder.add(offer.get().view());
        }
        return new OffersToOrder(toOrder, Optional.empty());
    }

    private static OffersToOrder cannot(String why) {
        return new OffersToOrder(List.of(), Optional.of(why));
    }

    @Override
    @Transactional(readOnly = true)
    public SupplierView supplier(Long supplierId) {
        return suppliers.findById(supplierId).map(Supplier::view).orElseThrow(() -> NotFound.of("supplier", supplierId));
    }

    @Override
    @Transactional(readOnly = true)
    public SupplierView supplier(String supplierCode) {
        return suppliers.findByCode(supplierCode).map(Supplier::view)
                .orElseThrow(() -> NotFound.of("supplier", supplierCode));
    }

    @Override
    public OfferReport.Taken supplierReported(String supplierCode, java.time.Instant pushedAt, List<OfferReport> reports) {
        return maintenance.supplierReported(supplierCode, pushedAt, reports);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OfferView> offerWithSupplierSku(String supplierCode, String supplierSku) {
        return suppliers.findByCode(supplierCode)
                .flatMap(supplier -> offers.findFirstBySupplierIdAndSupplierSku(supplier.getId(), supplierSku))
                .map(SupplierOffer::view);
    }
}
