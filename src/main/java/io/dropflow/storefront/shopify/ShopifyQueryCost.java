package io.dropflow.storefront.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Shopify's GraphQL Admin limit as Shopify publishes it
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): a leaky bucket of cost points
 * per app and shop, refilled at the plan's restore rate (Standard 100 points/s, Advanced 200, Plus
 * 1 000); a query starts only if the bucket holds its requested cost. Every answer, a THROTTLED one
 * too, carries the bucket's state in {@code extensions.cost.throttleStatus}, and that state is the
 * shop's, shared by every node.
 *
 * <p>Before a call ({@link #reserve}): the bucket as the last answer left it, refilled since at its
 * restore rate, less what this node's calls have booked since. If that does not hold the
 * document's requested cost (as Shopify last computed it for that document), the call is booked for
 * the moment it will and waits until then; a wait longer than the caller may wait books nothing
 * (the job is retried later). Nothing is known before the first answer, so the first call goes at
 * once. An answer replaces the estimate with the shop's own figure (which other nodes' calls have
 * spent too) less the calls this node has booked and not yet sent. A call Shopify still finds no
 * room for (THROTTLED) is tried again when the bucket, behind the others, will hold it ({@link #untilRoomFor}),
 * and books itself then. A booked call that never reaches Shopify (a connection refused) stays counted
 * only until the next answer, whose figure replaces the estimate.
 * Each node estimates alone: N nodes can overshoot until the answers correct them, which THROTTLED
 * answers and their retries absorb.
 *
 * <p>Time is the JVM's monotonic clock, not the engine's (which tests freeze and move).
 */
final class ShopifyQueryCost {

    /**
     * A document's cost until Shopify has told us: a mutation costs 10 points, but a query with
     * lists (our order look-ups ask for up to 50 fulfillments) can request more; 50 errs on the side
     * of waiting.
     */
    static final int UNKNOWN_COST = 50;

    private final LongSupplier nanoTime;
    private final Map<String, Integer> requested = new ConcurrentHashMap<>();
    /** Calls booked and not yet sent: their cost and the moment they go. */
    private final Deque<Booking> booked = new ArrayDeque<>();
    /** Points available at {@link #at} (the last booked call's moment, or the last answer's). */
    private double level;
    private double maximum;
    private double restoreRate;
    private long at;
    private boolean known;

    private record Booking(int cost, long sendAt) {
    }

    ShopifyQueryCost(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Books the document's requested cost in the bucket this node sees.
     *
     * @return how long to wait before sending it (zero to send at once), or null if that is longer
     *     than {@code maxWait} (nothing is booked then)
     */
    synchronized Duration reserve(String document, Duration maxWait) {
        if (!known || restoreRate <= 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        forgetSent(now);
        int cost = costOf(document);
        long from = Math.max(now, at);
        double available = levelAt(from);
        long refill = available >= cost ? 0 : nanos((cost - available) / restoreRate);
        long sendAt = from + refill;
        if (sendAt - now > maxWait.toNanos()) {
            return null;
        }
        level = available + restoreRate * refill / 1e9 - cost;
        at = sendAt;
        booked.addLast(new Booking(cost, sendAt));
        return Duration.ofNanos(sendAt - now);
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
        if (!status.path("currentlyAvailable").isNumber() || !status.path("restoreRate").isNumber()) {
            return;
        }
        long now = nanoTime.getAsLong();
        forgetSent(now);
        double available = status.path("currentlyAvailable").asDouble();
        maximum = status.path("maximumAvailable").isNumber() ? status.path("maximumAvailable").asDouble()
                : Math.max(1000, available);
        restoreRate = status.path("restoreRate").asDouble();
        known = true;
        // Shopify's figure, then the calls this node booked and has not sent yet, in their order.
        level = available;
        at = now;
        for (Booking b : booked) {
            level = levelAt(b.sendAt()) - b.cost();
            at = b.sendAt();
        }
    }

    /**
     * After a THROTTLED answer (already observed): how long until the bucket, behind the calls
     * already booked, holds the document's cost. Books nothing: the retry books itself when it is
     * tried ({@link #reserve}), so a retried call is counted once.
     */
    synchronized Duration untilRoomFor(String document) {
        if (!known || restoreRate <= 0) {
            return Duration.ofSeconds(1);
        }
        long now = nanoTime.getAsLong();
        forgetSent(now);
        long from = Math.max(now, at);
        double available = levelAt(from);
        int cost = costOf(document);
        long sendAt = from + (available >= cost ? 0 : nanos((cost - available) / restoreRate));
        Duration wait = Duration.ofNanos(sendAt - now);
        return wait.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : wait;
    }

    private int costOf(String document) {
        return requested.getOrDefault(document, UNKNOWN_COST);
    }

    private double levelAt(long when) {
        double seconds = Math.max(0, (when - at) / 1e9);
        return Math.min(maximum, level + restoreRate * seconds);
    }

    private void forgetSent(long now) {
        while (!booked.isEmpty() && booked.peekFirst().sendAt() <= now) {
            booked.removeFirst();
        }
    }

    /** To the microsecond: the bucket's figures are not more precise than that. */
    private static long nanos(double seconds) {
        return Math.round(seconds * 1e6) * 1000;
    }
}
