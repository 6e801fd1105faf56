package io.dropflow.supplier.internal;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.security.SupplierWebhookSenders;
import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which suppliers no adapter serves (each adapter reports its own missing settings). In the demo and test
 * profiles the sandbox supplier serves everyone, so nothing is missing there. In production a supplier of the
 * catalog nobody serves is simply not used: sourcing leaves it out (saying so on the order's timeline), its
 * webhooks are held back (503), the catalog's answers say so, and start-up warns about each active one; it is not
 * refused, since a catalog entry must not keep every node from starting.
 */
@Component
class SupplierBindings implements PartnerBinding, SupplierWebhookSenders {

    private final Suppliers suppliers;
    private final List<SupplierAdapter> adapters;

    SupplierBindings(Suppliers suppliers, List<SupplierAdapter> adapters) {
        this.suppliers = suppliers;
        this.adapters = List.copyOf(adapters);
    }

    /** Every active supplier is bound: what is missing is reported by {@link #notUsed()}, a warning. */
    @Override
    public List<Unbound> unbound() {
        return List.of();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Unbound> notUsed() {
        List<Unbound> unbound = new ArrayList<>();
        for (Supplier supplier : suppliers.findByStatus(SupplierStatus.ACTIVE)) {
            String code = supplier.getCode();
            if (!served(code)) {
                unbound.add(new Unbound("supplier " + code + " (" + supplier.getName() + ")", "no adapter serves it,"
                        + " so sourcing leaves it out and its webhooks are held back",
                        "dropflow.suppliers.http." + code + ".base-url, .token and .webhook-secret for Dropflow's "
                                + "supplier API, or dropflow.suppliers.cj." + code + ".api-key, .open-id and "
                                + ".logistic-name for CJ Dropshipping; or suspend it in the catalog"));
            }
        }
        return unbound;
    }

    /**
     * Why Dropflow can send the supplier nothing: no adapter serves it ("no adapter serves it: bind it under
     * dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA"). Empty when one does. Reads settings only.
     */
    Optional<String> whyNotServed(String supplierCode) {
        return served(supplierCode) ? Optional.empty() : Optional.of(notServed(supplierCode));
    }

    /** The words of {@link #whyNotServed}, as the order's timeline and the catalog show them. */
    static String notServed(String supplierCode) {
        return "no adapter serves it: bind it under dropflow.suppliers.http." + supplierCode
                + " or dropflow.suppliers.cj." + supplierCode;
    }

    @Override
    public Optional<String> refusedBecause(String supplierCode) {
        return served(supplierCode) ? Optional.empty() : Optional.of("no adapter serves supplier " + supplierCode
                + ", so Dropflow takes none of its webhook calls: bind it under dropflow.suppliers.http." + supplierCode
                + " (its own webhook-secret) or dropflow.suppliers.cj." + supplierCode);
    }

    private boolean served(String supplierCode) {
        return adapters.stream().anyMatch(a -> a.serves(supplierCode));
    }
}
