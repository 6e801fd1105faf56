package io.dropflow.storefront.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify's GraphQL Admin limit as Shopify publishes it
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): a leaky bucket of cost points
 * per app and shop, refilled at the plan's restore rate (Standard 100 points/s, Advanced 200, Plus
 * 1 000); a query starts only if the bucket holds its requested cost. Every answer, a THROTTLED one
 * too, carries the bucket's state in {@code extensions.cost.throttleStatus}, and that state is the
 * shop's, shared by every node.
 *
 * <p>Before a call: the bucket as the last answer left it, refilled since at its restore rate, less
 * what this node's calls have taken since. If that does not hold the document's requested cost (as
 * Shopify last computed it for that document), the call waits until it will; a wait longer than the
 * caller may wait is not taken (the job is retried later). Nothing is known before the first answer,
 * so the first call goes at once. Each answer replaces this node's estimate with the shop's own
 * figure, which other nodes' calls have spent too; a call Shopify still finds no room for (THROTTLED)
 * waits for the points it lacks and is sent again.
 */
final class ShopifyQueryCost {

    /** A document's cost until Shopify has told us: a mutation's (10 points), more than any of our queries. */
    static final int UNKNOWN_COST = 10;

    private final Clock clock;
    private final Map<String, Integer> requested = new ConcurrentHashMap<>();
    private Bucket bucket;

    ShopifyQueryCost(Clock clock) {
        this.clock = clock;
    }

    /** The bucket at a moment: points available, its size and the points restored per second. */
    private record Bucket(double available, double maximum, double restoreRate, Instant at) {

        double availableAt(Instant when) {
            double seconds = Math.max(0, Duration.between(at, when).toNanos() / 1e9);
            return Math.min(maximum, available + restoreRate * seconds);
        }
    }

    /**
     * Takes the document's requested cost from the bucket this node sees.
     *
     * @return how long to wait before sending it (zero to send at once), or null if that is longer than {@code maxWait}
     *     (nothing is taken then)
     */
    synchronized Duration reserve(String document, Duration maxWait) {
        if (bucket == null || bucket.restoreRate() <= 0) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        int cost = requested.getOrDefault(document, UNKNOWN_COST);
        // After this node's earlier calls that are still waiting for their points.
        Instant from = bucket.at().isAfter(now) ? bucket.at() : now;
        double available = bucket.availableAt(from);
        Duration refill = available >= cost ? Duration.ZERO : seconds((cost - available) / bucket.restoreRate());
        Instant sendAt = from.plus(refill);
        Duration wait = Duration.between(now, sendAt);
        if (wait.compareTo(maxWait) > 0) {
            return null;
        }
        bucket = new Bucket(Math.max(0, available + bucket.restoreRate() * refill.toNanos() / 1e9 - cost), bucket.maximum(),
                bucket.restoreRate(), sendAt);
        return wait;
    }

    /** Reads an answer's {@code extensions.cost}: the document's requested cost and the shop's bucket. */
    synchronized void observe(String document, JsonNode cost) {
        if (cost == null || !cost.isObject()) {
            return;
        }
        if (cost.path("requestedQueryCost").isNumber()) {
            requested.put(document, cost.path("requestedQueryCost").asInt());
        }
        JsonNode status = cost.path("throttleStatus");
        if (status.path("currentlyAvailable").isNumber() && status.path("restoreRate").isNumber()) {
            bucket = new Bucket(status.path("currentlyAvailable").asDouble(),
                    status.path("maximumAvailable").asDouble(Double.MAX_VALUE), status.path("restoreRate").asDouble(),
                    clock.instant());
        }
    }

    /** After a THROTTLED answer (already observed): how long until the bucket holds the document's cost again. */
    synchronized Duration untilRoomFor(String document) {
        if (bucket == null || bucket.restoreRate() <= 0) {
            return Duration.ofSeconds(1);
        }
        double missing = requested.getOrDefault(document, UNKNOWN_COST) - bucket.availableAt(clock.instant());
        return missing <= 0 ? Duration.ofMillis(50) : seconds(missing / bucket.restoreRate());
    }

    /** To the microsecond: the bucket's figures are not more precise than that. */
    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e6) * 1000);
    }
}
