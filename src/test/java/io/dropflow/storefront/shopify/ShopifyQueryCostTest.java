package io.dropflow.storefront.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The shop's cost bucket as Shopify reports it in {@code extensions.cost}
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): the shape of the answers
 * below follows the page's example.
 */
class ShopifyQueryCostTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private final MovingClock clock = new MovingClock();
    private final ShopifyQueryCost cost = new ShopifyQueryCost(clock);

    private static JsonNode cost(int requested, double available, double maximum, double restoreRate) throws Exception {
        return new ObjectMapper().readTree("{\"requestedQueryCost\":" + requested + ",\"actualQueryCost\":" + requested
                + ",\"throttleStatus\":{\"maximumAvailable\":" + maximum + ",\"currentlyAvailable\":" + available
                + ",\"restoreRate\":" + restoreRate + "}}");
    }

    @Test
    void beforeShopifyHasSaidAnythingTheFirstCallGoesAtOnce() {
        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).isZero();
    }

    @Test
    void aCallWaitsUntilTheBucketHoldsItsCostAndTheNextOneWaitsBehindIt() throws Exception {
        cost.observe("FulfillmentCreate", cost(10, 5, 2000, 100));

        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(50));
        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(150));
        clock.move(Duration.ofSeconds(1));
        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).as("85 points back since the last call went")
                .isZero();
    }

    @Test
    void eachDocumentCostsWhatShopifyLastRequestedForIt() throws Exception {
        cost.observe("OrderFulfillments", cost(3, 4, 2000, 100));

        assertThat(cost.reserve("OrderFulfillments", TEN_SECONDS)).isZero();
        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).as("unknown yet: a mutation's 10 points, 1 left")
                .isEqualTo(Duration.ofMillis(90));
    }

    @Test
    void aWaitLongerThanTheCallerMayWaitTakesNothing() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 1000, 0.5));

        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).as("20 s for 10 points at 0.5 points/s").isNull();
        clock.move(Duration.ofSeconds(12));
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).as("6 points back; nothing was taken before")
                .isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theBucketRefillsNoFurtherThanItsSize() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 20, 100));
        clock.move(Duration.ofMinutes(5));

        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isZero();
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isZero();
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void afterAThrottledAnswerTheRetryWaitsForTheMissingPointsOnly() throws Exception {
        // The page's THROTTLED example: 70 requested, 66 available, 50 restored per second.
        cost.observe("SuggestedRefund", new ObjectMapper().readTree("{\"requestedQueryCost\":70,\"actualQueryCost\":null,"
                + "\"throttleStatus\":{\"maximumAvailable\":1000,\"currentlyAvailable\":66,\"restoreRate\":50}}"));

        assertThat(cost.untilRoomFor("SuggestedRefund")).isEqualTo(Duration.ofMillis(80));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
