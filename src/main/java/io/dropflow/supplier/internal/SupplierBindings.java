package io.dropflow.supplier.internal;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierStatus;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which active suppliers of the catalog no adapter serves (each adapter reports its own missing
 * settings). In the demo and test profiles the sandbox supplier serves everyone, so nothing is
 * missing there; in production an unserved supplier would turn every one of its orders into an
 * incident.
 */
@Component
class SupplierBindings implements PartnerBinding {

    private final Suppliers suppliers;
    private final List<SupplierAdapter> adapters;

    SupplierBindings(Suppliers suppliers, List<SupplierAdapter> adapters) {
        this.suppliers = suppliers;
        this.adapters = List.copyOf(adapters);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Unbound> unbound() {
        List<Unbound> unbound = new ArrayList<>();
        for (Supplier supplier : suppliers.findByStatus(SupplierStatus.ACTIVE)) {
            String code = supplier.getCode();
            if (adapters.stream().noneMatch(a -> a.serves(code))) {
                unbound.add(new Unbound("supplier " + code + " (" + supplier.getName() + ")", "no adapter serves it",
                        "dropflow.suppliers.http." + code + ".base-url, .token and .webhook-secret for Dropflow's "
                                + "supplier API, or dropflow.suppliers.cj." + code + ".api-key, .open-id and "
                                + ".logistic-name for CJ Dropshipping; or suspend it in the catalog"));
            }
        }
        return unbound;
    }
}
