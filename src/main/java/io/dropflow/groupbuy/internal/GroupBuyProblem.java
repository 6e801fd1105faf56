package io.dropflow.groupbuy.internal;

import io.dropflow.web.ApiProblem;
import io.dropflow.web.InvalidRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/** What group buying turns down, as the problem the API answers with; each names what is wrong. */
public class GroupBuyProblem extends ApiProblem {

    private GroupBuyProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static GroupBuyProblem unknownPickupPoint(String code) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-pickup-point",
                "Unknown pickup point", "there is no pickup point " + code);
        p.property("pickupPoint", code);
        return p;
    }

    static GroupBuyProblem inactivePickupPoint(PickupPoint point) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "inactive-pickup-point",
                "Pickup point not taking orders", point.isActive()
                        ? "pickup point " + point.getCode() + " takes no orders: its leader " + point.getLeader().getCode()
                                + " is inactive"
                        : "pickup point " + point.getCode() + " is not active: it takes no orders");
        p.property("pickupPoint", point.getCode());
        return p;
    }

    static GroupBuyProblem notOffered(List<String> skus) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not-offered-for-group-buying",
                "Not offered for group buying", "SKU " + String.join(", ", skus) + " is not offered for group buying");
        p.property("skus", List.copyOf(skus));
        return p;
    }

    static GroupBuyProblem noActiveSupplier(List<String> skus) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "no-active-supplier",
                "No supplier offers it now", "no active supplier offers SKU " + String.join(", ", skus)
                        + " now (each offering one is suspended, not served by an adapter, or has its offer switched off),"
                        + " and a batch is bought"
                        + " at its cutoff without a review");
        p.property("skus", List.copyOf(skus));
        return p;
    }

    static GroupBuyProblem aboveStockCap(String sku, int asked, int left, String pickupPoint) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "above-stock-cap",
                "Above the offer's stock cap", asked + " of SKU " + sku + " asked, but this batch of pickup point "
                        + pickupPoint + " has " + left + " left");
        p.property("sku", sku);
        p.property("left", left);
        return p;
    }

    static GroupBuyProblem belowCost(List<String> problems, List<String> lines, List<String> skus) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "below-cost", "Sold below cost",
                "sold below cost, and a batch is bought at its cutoff without a review: " + String.join("; ", problems));
        p.property("lines", List.copyOf(lines));
        p.property("skus", List.copyOf(skus));
        return p;
    }

    /** The same type and hint as the settlement's {@code NoExchangeRate}, saying why a group-buy order needs the rate. */
    static GroupBuyProblem noExchangeRate(String from, String to, Instant at) {
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "no-exchange-rate", "No exchange rate",
                "no exchange rate from " + from + " to " + to + " valid at " + at + ": a group-buy order's sale is "
                        + "checked against its cost in " + to + " before it is taken, since a batch is bought at its "
                        + "cutoff without a review; add one (POST /api/exchange-rates)");
        p.property("currency", from);
        p.property("settlementCurrency", to);
        return p;
    }

    static GroupBuyProblem pickupCode(String detail) {
        return new GroupBuyProblem(HttpStatus.CONFLICT, "pickup-code-conflict", "Pickup code cannot be used", detail);
    }

    static GroupBuyProblem notYourPickupPoint(String user, PickupPoint point) {
        Leader leader = point.getLeader();
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.FORBIDDEN, "not-your-pickup-point",
                "Not your pickup point", leader.isUser(user) && !leader.isActive()
                        ? user + " is the login of leader " + leader.getCode() + " of pickup point " + point.getCode()
                                + ", who is inactive"
                        : user + " is not the leader of pickup point " + point.getCode());
        p.property("pickupPoint", point.getCode());
        return p;
    }

    /**
     * Nothing to confirm. When an operator decides on a parcel the carrier never delivered (a problem on its way, or
     * late), the problem says so, names its purchases ({@code parcelsWithOperator}) and what the leader can do.
     */
    static GroupBuyProblem nothingToReceive(Long batchId, List<Integer> withOperator) {
        if (withOperator.isEmpty()) {
            return new GroupBuyProblem(HttpStatus.CONFLICT, "nothing-to-receive", "No parcel to confirm",
                    "no parcel of batch " + batchId + " waits for its receipt to be confirmed (not delivered yet, or "
                            + "confirmed before)");
        }
        GroupBuyProblem p = new GroupBuyProblem(HttpStatus.CONFLICT, "nothing-to-receive", "No parcel to confirm",
                "no parcel of batch " + batchId + " waits for its receipt to be confirmed: the carrier has not delivered "
                        + "the parcel of purchase " + withOperator.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + " to the pickup point (a problem on its "
                        + "way, or late), and an operator decides on it (\"Decide on missing parcel\"); if it is at the "
                        + "point, tell an operator, who records it as at the point");
        p.property("parcelsWithOperator", withOperator);
        return p;
    }

    static GroupBuyProblem busy(String detail) {
        return new GroupBuyProblem(HttpStatus.CONFLICT, "group-buy-busy", "Being ordered right now", detail);
    }

    static GroupBuyProblem duplicate(String detail) {
        return new GroupBuyProblem(HttpStatus.CONFLICT, "catalog-duplicate", "Already in the catalog", detail);
    }

    static GroupBuyProblem staleVersion(String what, long expected, long actual) {
        return new GroupBuyProblem(HttpStatus.CONFLICT, "catalog-stale-version", "Changed in the meantime",
                what + " is at version " + actual + ", the change was made to version " + expected
                        + ": read it again and repeat the change");
    }

    /** A 400 naming the field, in {@code errors} as a refused request body names its fields. */
    static InvalidRequest invalid(String field, String message) {
        return new InvalidRequest("Invalid catalog entry", List.of(new InvalidRequest.FieldError(field, message)));
    }
}
