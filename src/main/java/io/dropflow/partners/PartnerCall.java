package io.dropflow.partners;

import java.time.Duration;
import java.util.function.Function;

/**
 * One kind of call to a partner, as {@link PartnerCalls} limits and measures it.
 *
 * @param partner e.g. "cj", "shopify", "kuaidi100", "17track" (a metrics tag and a settings key)
 * @param account the partner account the limit belongs to, e.g. a CJ supplier code or a shop domain
 * @param operation what is called, e.g. "createOrderV2" (a metrics tag: a name, never an id)
 * @param limit the account's own limit; null for the partner's default ({@code dropflow.partners.limits.<partner>})
 * @param pacer the partner's own pace beyond calls per second (Shopify's query cost bucket); null for none
 * @param unavailable the adapter's "try again later" exception for a call that cannot go out now
 */
public record PartnerCall(String partner, String account, String operation, Limit limit, Pacer pacer,
        Function<String, RuntimeException> unavailable) {

    public PartnerCall(String partner, String account, String operation, Limit limit,
            Function<String, RuntimeException> unavailable) {
        this(partner, account, operation, limit, null, unavailable);
    }

    public PartnerCall(String partner, String account, String operation, Function<String, RuntimeException> unavailable) {
        this(partner, account, operation, null, null, unavailable);
    }

    /** The same call, also paced by the partner's own measure. */
    public PartnerCall pacedBy(Pacer pacer) {
        return new PartnerCall(partner, account, operation, limit, pacer, unavailable);
    }

    /**
     * @param requestsPerSecond how many calls may start per second (e.g. 1 for CJ's lower levels)
     * @param clusterWide whether the limit is the account's across every node (a token bucket in the
     *     database) rather than each node's own
     */
    public record Limit(double requestsPerSecond, boolean clusterWide) {
    }

    /**
     * A partner's own measure of how fast we may call, consulted for every try of the call after the
     * account's pause and rate limit, with what is left of the partner's {@code max-wait}.
     */
    @FunctionalInterface
    public interface Pacer {

        /**
         * Books this try.
         *
         * @return how long to wait before sending it (zero: at once), or null if that is longer than
         *     {@code maxWait} (nothing is booked then; the call fails to be retried later)
         */
        Duration reserve(Duration maxWait);
    }
}
