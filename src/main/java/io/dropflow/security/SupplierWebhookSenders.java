package io.dropflow.security;

import java.util.Optional;

/**
 * Suppliers whose webhook calls are refused whatever they present: those no adapter serves in production
 * (Dropflow sent them nothing, so nothing they report can be true of a purchase order it placed). The
 * supplier feature knows who they are; the webhook filter asks it here, so security depends on no feature.
 */
public interface SupplierWebhookSenders {

    /** @return why the supplier's webhook calls are refused, naming the binding; empty when they are taken */
    Optional<String> refusedBecause(String supplierCode);

    /** Every supplier's calls are taken (checked by token or signature). */
    SupplierWebhookSenders ALL = supplierCode -> Optional.empty();
}
