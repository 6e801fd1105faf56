package io.dropflow.onboarding.internal;

import io.dropflow.supplier.SupplierLifecycle;
import java.util.List;

/** An agreement's offers as the catalog takes them. */
final class Agreements {

    private Agreements() {
    }

    static List<SupplierLifecycle.AgreedOffer> offers(ApplicationForm.ProposedAgreement agreement) {
        return agreement.offers().stream().map(o -> new SupplierLifecycle.AgreedOffer(o.sku(), o.supplierSku(),
                o.supplyPrice(), agreement.currency(), o.shippingCost(), o.stock(), o.shipFrom(), o.shipByHours(),
                o.category())).toList();
    }

    static List<SupplierLifecycle.AgreedOffer> offers(SupplierApplication application) {
        return application.getOffers().stream().map(o -> new SupplierLifecycle.AgreedOffer(o.getSku(),
                o.getSupplierSku(), o.getSupplyPrice(), application.getAgreementCurrency(), o.getShippingCost(),
                o.getStock(), o.getShipFrom(), o.getShipByHours(), o.getCategory())).toList();
    }
}
