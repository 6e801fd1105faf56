package io.dropflow.partners.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dropflow.partners}: which storefront adapter serves the shop, each partner's default call
 * limits, and how long Dropflow keeps retrying a webhook delivery it could not take.
 *
 * @param storefront shopify, or sandbox in the demo and test profiles
 * @param limits by partner ("cj", "shopify", "kuaidi100", "17track")
 * @param deliveries parking of webhook deliveries
 */
@ConfigurationProperties("dropflow.partners")
public record PartnerSettings(String storefront, Map<String, Limit> limits, Deliveries deliveries) {

    public PartnerSettings {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        deliveries = deliveries == null ? new Deliveries(null, null, null, true, null) : deliveries;
    }

    public Limit limit(String partner) {
        return Optional.ofNullable(limits.get(partner)).orElse(Limit.DEFAULT);
    }

    /**
     * @param requestsPerSecond calls that may start per second and account
     * @param clusterWide the limit holds for the whole cluster (a token bucket in the database)
     * @param maxWait how long a call waits for its turn before it fails to be retried later
     * @param maxRetryAfter the longest Retry-After waited out inside the call; a longer one pauses the account
     */
    public record Limit(Double requestsPerSecond, Boolean clusterWide, Duration maxWait, Duration maxRetryAfter) {

        static final Limit DEFAULT = new Limit(null, null, null, null);

        public Limit {
            requestsPerSecond = requestsPerSecond == null ? 5.0 : requestsPerSecond;
            clusterWide = clusterWide != null && clusterWide;
            maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
            maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(5) : maxRetryAfter;
        }
    }

    /**
     * @param retryEvery the first wait before a parked delivery is tried again (doubling up to an hour)
     * @param deadline how long after receipt a delivery that still cannot be taken goes to an operator
     * @param sweepInterval how often parked deliveries are looked at
     * @param sweepEnabled off in tests, which sweep themselves
     * @param decisionTime how long an operator's task about such a delivery waits before supervisors see it too
     *     (operations' incident triage, not an analyst's number: ADR 0016)
     */
    public record Deliveries(Duration retryEvery, Duration deadline, Duration sweepInterval, Boolean sweepEnabled,
            Duration decisionTime) {

        public Deliveries {
            retryEvery = retryEvery == null ? Duration.ofMinutes(1) : retryEvery;
            deadline = deadline == null ? Duration.ofHours(24) : deadline;
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
            sweepEnabled = sweepEnabled == null || sweepEnabled;
            decisionTime = decisionTime == null ? Duration.ofHours(8) : decisionTime;
        }
    }
}
