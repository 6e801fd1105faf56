package io.dropflow.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Suppliers that sign their webhook calls with a secret of their own (Dropflow's supplier API)
 * instead of presenting the shared webhook token. The supplier feature knows who they are; the
 * webhook filter asks it here, so security depends on no feature.
 */
public interface WebhookSigningKeys {

    /** @return the supplier's signing secret and how old a signed call may be; empty when it does not sign */
    Optional<SigningKey> of(String supplierCode);

    /** Never printed: the secret stays out of logs. */
    record SigningKey(String secret, Duration tolerance) {

        @Override
        public String toString() {
            return "SigningKey[tolerance=" + tolerance + "]";
        }
    }

    /** No supplier signs. */
    WebhookSigningKeys NONE = supplierCode -> Optional.empty();
}
