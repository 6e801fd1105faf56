package io.dropflow.partners;

import java.util.function.Function;

/**
 * Every call to a partner goes through here: it waits for the partner account's rate limit (in
 * this node, and across the cluster where the partner's limit is per account, as CJ's is), waits
 * out a short {@code Retry-After} and tries again, and records the call's count, latency and
 * result by partner, operation and code. A call that cannot go out within its wait fails with the
 * adapter's own "try again later" exception, so the engine's retry cycle takes over.
 */
public interface PartnerCalls {

    /**
     * @param body the call; it reports the partner's answer code through {@link Outcome#code} (HTTP
     *     status or the partner's own code), and throws {@link PartnerThrottled} for a 429 or a
     *     partner's "slow down" code
     */
    <T> T call(PartnerCall call, Function<Outcome, T> body);

    /**
     * A limit several accounts of one partner share on top of each account's own, for
     * {@link PartnerCall#pacedBy}: e.g. CJ's "no more than 10 requests/second per IP address", whichever
     * account calls. Cluster-wide, every node's calls count (nodes may leave through one address).
     *
     * @param key what shares the limit, e.g. "per-ip"; kept apart from the partner's accounts
     * @return a pacer; this default paces nothing (test doubles of this interface)
     */
    default PartnerCall.Pacer sharedPace(String partner, String key, PartnerCall.Limit limit) {
        return maxWait -> java.time.Duration.ZERO;
    }

    /** What the call's body tells about the answer, for the metrics. */
    interface Outcome {

        /** The partner's answer code (e.g. "200", "1600200", "-18010003"); bounded by the partner's code table. */
        void code(String code);
    }
}
