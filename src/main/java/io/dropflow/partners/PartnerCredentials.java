package io.dropflow.partners;

import java.time.Instant;
import java.util.List;

/**
 * A partner adapter's settings (a {@code @ConfigurationProperties} record) that tell from the settings
 * alone what the adapter lacks: an account without its key, a shop without its secret. The adapter
 * ({@link PartnerBinding}) that takes them in its constructor reports the same through
 * {@link PartnerBinding#unbound()}; PartnerCredentialsCheck checks them before any bean is created, so a
 * node that misses a partner's secret refuses before it migrates the database or deploys a model.
 */
public interface PartnerCredentials {

    /**
     * @param now the time a partner's own schedule is judged at (Shopify's supported API versions)
     */
    List<PartnerBinding.Unbound> unbound(Instant now);
}
