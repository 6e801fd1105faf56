package io.dropflow.supplier.http;

import io.dropflow.security.WebhookSigningKeys;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Suppliers on Dropflow's supplier API sign their webhook calls with the secret configured for them. */
@Component
class SupplierApiSigningKeys implements WebhookSigningKeys {

    private final HttpSupplierSettings settings;

    SupplierApiSigningKeys(HttpSupplierSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<SigningKey> of(String supplierCode) {
        return settings.webhookSecret(supplierCode)
                .map(secret -> new SigningKey(secret, settings.signatureTolerance(supplierCode)));
    }
}
