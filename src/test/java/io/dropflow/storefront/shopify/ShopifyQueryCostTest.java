package io.dropflow.storefront.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shop's cost bucket as Shopify reports it in {@code extensions.cost}
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): the shape of the answers
 * below follows the page's examples.
 */
class ShopifyQueryCostTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private long now = 1_000_000_000_000L;
    private final ShopifyQueryCost cost = new ShopifyQueryCost(() -> now);

    private void move(Duration by) {
        now += by.toNanos();
    }

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
        move(Duration.ofSeconds(1));
        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).as("85 points back since the last call went")
                .isZero();
    }

    @Test
    void eachDocumentCostsWhatShopifyLastRequestedForItAndAnUnknownOneErrsOnTheSideOfWaiting() throws Exception {
        cost.observe("OrderFulfillments", cost(3, 4, 2000, 100));

        assertThat(cost.reserve("OrderFulfillments", TEN_SECONDS)).isZero();
        assertThat(cost.reserve("FulfillmentCreate", TEN_SECONDS)).as("not seen yet: 50 points, 1 left")
                .isEqualTo(Duration.ofMillis(490));
    }

    @Test
    void aWaitLongerThanTheCallerMayWaitBooksNothing() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 1000, 0.5));

        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).as("20 s for 10 points at 0.5 points/s").isNull();
        move(Duration.ofSeconds(12));
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).as("6 points back; nothing was booked before")
                .isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theBucketRefillsNoFurtherThanItsSize() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 20, 100));
        move(Duration.ofMinutes(5));

        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isZero();
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isZero();
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void anAnswerArrivingWhileCallsWaitKeepsTheirBookings() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 1000, 100));
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(100));
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(200));

        // Another call's answer at once: Shopify's bucket is still empty, and it does not know of the
        // two calls booked for 100 and 200 ms from now.
        cost.observe("RefundCreate", cost(10, 0, 1000, 100));

        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).as("behind the two booked calls, not beside them")
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aThrottledCallWaitsForThePointsItLacksAndIsBookedOnceWhenTried() throws Exception {
        // The page's THROTTLED example: 70 requested, 66 available, 50 restored per second.
        cost.observe("SuggestedRefund", new ObjectMapper().readTree("{\"requestedQueryCost\":70,\"actualQueryCost\":null,"
                + "\"throttleStatus\":{\"maximumAvailable\":1000,\"currentlyAvailable\":66,\"restoreRate\":50}}"));

        assertThat(cost.untilRoomFor("SuggestedRefund")).isEqualTo(Duration.ofMillis(80));
        assertThat(cost.reserve("SuggestedRefund", TEN_SECONDS)).as("the retry books itself when it is tried, once")
                .isEqualTo(Duration.ofMillis(80));
        assertThat(cost.reserve("SuggestedRefund", TEN_SECONDS)).as("the next one waits behind the retry")
                .isEqualTo(Duration.ofMillis(1480));
    }

    @Test
    void aThrottledAnswerWithoutTheBucketWaitsBehindTheCallsAlreadyBooked() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 1000, 100));
        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isEqualTo(Duration.ofMillis(100));
        cost.observe("RefundCreate", new ObjectMapper().readTree("{\"requestedQueryCost\":10}"));

        assertThat(cost.untilRoomFor("RefundCreate")).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aShopThatRestoresNothingIsNotPacedAndAThrottledCallWaitsASecond() throws Exception {
        cost.observe("RefundCreate", cost(10, 0, 1000, 0));

        assertThat(cost.reserve("RefundCreate", TEN_SECONDS)).isZero();
        assertThat(cost.untilRoomFor("RefundCreate")).isEqualTo(Duration.ofSeconds(1));
    }
}
