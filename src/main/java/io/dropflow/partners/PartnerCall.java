package io.dropflow.partners;

import java.util.function.Function;

/**
 * One kind of call to a partner, as {@link PartnerCalls} limits and measures it.
 *
 * @param partner e.g. "cj", "shopify", "kuaidi100", "17track" (a metrics tag and a settings key)
 * @param account the partner account the limit belongs to, e.g. a CJ supplier code or a shop domain
 * @param operation what is called, e.g. "createOrderV2" (a metrics tag: a name, never an id)
 * @param limit the account's own limit; null for the partner's default ({@code dropflow.partners.limits.<partner>})
 * @param unavailable the adapter's "try again later" exception for a call that cannot go out now
 */
public record PartnerCall(String partner, String account, String operation, Limit limit,
        Function<String, RuntimeException> unavailable) {

    public PartnerCall(String partner, String account, String operation, Function<String, RuntimeException> unavailable) {
        this(partner, account, operation, null, unavailable);
    }

    /**
     * @param requestsPerSecond how many calls may start per second (e.g. 1 for CJ's lower levels)
     * @param clusterWide whether the limit is the account's across every node (a token bucket in the
     *     database) rather than each node's own
     */
    public record Limit(double requestsPerSecond, boolean clusterWide) {
    }
}
