package io.dropflow.order.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.order.OrderConflictException;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.UnknownSkuException;
import io.dropflow.order.internal.Order;
import io.dropflow.order.internal.OrderIntake;
import io.dropflow.order.internal.PlaceOrder;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.settlement.Currencies;
import io.dropflow.settlement.Money;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Shopify's order webhooks taken in (payloads as in https://shopify.dev/docs/api/webhooks?reference=toml,
 * topics orders/create, orders/paid, orders/cancelled, orders/edited, refunds/create):
 *
 * <ul>
 * <li>An order enters only when paid: orders/paid, or orders/create of an order already paid
 *     ({@code financial_status} paid). Test orders ({@code test: true}) and cancelled ones never enter.
 *     The Shopify order id is the storefront order id, so both topics give one order.
 * <li>Line prices are what the consumer paid net of discounts ({@code discount_allocations}, each an amount
 *     for the whole line) and of taxes included in the price; what the consumer paid for shipping (net of its
 *     discounts and taxes) is spread over the lines by their value, so the order's sale total, and its margin,
 *     are right. Every amount is in the currency's minor units and the lines add up to what Shopify charged
 *     exactly: shipping is shared by largest remainder, and a line whose total does not divide by its quantity
 *     becomes two lines of the SKU one minor unit apart ({@link #pieces}).
 * <li>What is bought is what is left after removals: Shopify keeps a line's pieces removed in an order edit (or
 *     refunded) in the payload, its {@code quantity} the one first ordered, and says how many are still bought in
 *     {@code current_quantity} (https://shopify.dev/changelog/addition-of-lineitem-current_quantity-on-admin-rest-api);
 *     a line with none left is left out. Its discounts and included taxes stay Shopify's for every piece first
 *     ordered, removed ones included, and the payload does not say which share a removed piece had: a line with
 *     pieces removed and a discount or an included tax cannot be priced exactly, and its order goes to an operator,
 *     not forwarded. A shipping line removed in an edit stays in the payload with {@code is_removed: true}
 *     (https://shopify.dev/changelog/add-and-remove-shipping-lines-with-new-mutations-on-the-order-editing-api):
 *     not charged, left out.
 * <li>orders/cancelled becomes the consumer's cancellation; one that comes too late (shipped) goes to an operator.
 *     One of an order Dropflow never took (unpaid, or its orders/paid parked) is taken and kept
 *     ({@link #cancelledBeforeTaken}): an orders/create or orders/paid of that order, parked or coming later, is
 *     then never placed.
 * <li>refunds/create made in Shopify is written on the order's timeline, read as Shopify documents the Refund
 *     (https://shopify.dev/docs/api/admin-rest/2025-01/resources/refund): the money returned is its successful
 *     {@code transactions[]} of kind refund, each {@code amount} with its {@code currency}. One that cannot be right for
 *     the order goes to an operator, not written: an amount that is no number, below zero or with more decimals than
 *     the currency has, a currency other than the order's (the buyer's: Shopify refunds only in it), or more than the
 *     buyer paid (the order's sale) and the taxes and duties the refund says it gives back
 *     ({@code refund_line_items[].total_tax_set}, {@code refund_shipping_lines[].tax_amount_set},
 *     {@code order_adjustments[].tax_amount_set}, {@code duties[].amount_set}, each its {@code presentment_money}):
 *     Shopify refunds more than was paid when asked to (RefundInput.allowOverRefunding,
 *     https://shopify.dev/docs/api/admin-graphql/unstable/input-objects/RefundInput). Each refund is compared with the
 *     order alone (no sum of earlier refunds is kept).
 * <li>orders/edited of an order Dropflow has already taken goes to an operator with the edit (Dropflow
 *     does not change a forwarded order by itself). An orders/paid of the order as it was after an edit carries
 *     it, read as above. A refund or an edit of an order not taken yet is taken and marked ({@link #orderKey}) with
 *     when Shopify made it (the payload's {@code created_at}, {@code committed_at}), not when its delivery came: an
 *     orders/create or orders/paid of the order as it was before it (its {@code updated_at} not after) is Shopify's
 *     order as it was, and goes to an operator, not forwarded, whenever it comes or is tried again. Shopify's times are
 *     whole seconds: one of the same second as the change is taken when its payload shows it ({@link ShopifyChanges}).
 * </ul>
 * Every delivery about one Shopify order locks its {@link #orderKey} row first, so an orders/cancelled, refund or
 * edit and an orders/paid of the same order being taken at the same moment wait for each other: the later one
 * sees what the earlier one did. A paid order whose every line was removed is taken with nothing to forward.
 * An order the consumer paid in another currency than the shop's ({@code presentment_currency}, Shopify Markets) is
 * taken in the buyer's currency with the amounts the buyer paid ({@code *_set.presentment_money}), as Shopify refunds
 * it only in that currency (RefundInput.currency, https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/RefundInput).
 * An order that cannot be taken (no address, an SKU no supplier offers yet) is parked and retried;
 * past its deadline it is "Storefront order needs attention".
 */
@Component
class ShopifyOrderDeliveries implements DeliveryHandler {

    static final String PARTNER = "shopify";
    private static final Logger log = LoggerFactory.getLogger(ShopifyOrderDeliveries.class);
    /** As many digits before the point as an order's sale price may have. */
    private static final int MAX_DIGITS = 13;

    private final OrderIntake intake;
    private final OrderTimeline timeline;
    private final Validator validator;
    /** Lazily: the recorded deliveries take this handler in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;

    ShopifyOrderDeliveries(OrderIntake intake, OrderTimeline timeline, Validator validator,
            ObjectProvider<PartnerDeliveries> deliveries) {
        this.deliveries = deliveries;
        this.intake = intake;
        this.timeline = timeline;
        this.validator = validator;
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public String attentionTitle(Delivery delivery) {
        return "Storefront order needs attention";
    }

    @Override
    public Result handle(Delivery delivery) {
        JsonNode payload;
        try {
            payload = delivery.json();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Result.unusable("not one JSON value: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            return Result.unusable("not a JSON object");
        }
        return switch (delivery.topic()) {
            case "orders/create", "orders/paid" -> order(payload, delivery);
            case "orders/cancelled" -> cancelled(payload, delivery);
            case "refunds/create" -> refunded(payload, delivery);
            case "orders/edited" -> edited(payload, delivery);
            default -> Result.taken("topic " + delivery.topic() + " changes no order");
        };
    }

    private Result order(JsonNode o, Delivery delivery) {
        String topic = delivery.topic();
        if (o.path("test").asBoolean(false)) {
            return Result.taken("a test order: not forwarded");
        }
        if (o.hasNonNull("cancelled_at")) {
            return Result.taken("cancelled in Shopify: not forwarded");
        }
        String financial = o.path("financial_status").asText("");
        if (!"paid".equals(financial)) {
            return Result.taken("not paid (" + (financial.isBlank() ? "no financial_status" : financial)
                    + "): waits for orders/paid");
        }
        String shopifyOrder = o.path("id").asText();
        // waits for a cancellation, refund or edit of the same order being taken at this moment, and they for it
        Optional<Instant> changed = shopifyOrder.isBlank() ? Optional.empty()
                : deliveries.getObject().lock(PARTNER, delivery.account(), orderKey(shopifyOrder));
        if (deliveries.getObject().recordedPayload(PARTNER, delivery.account(),
                cancelledBeforeTaken(shopifyOrder)).isPresent()) {
            return Result.taken("cancelled in Shopify before Dropflow took it (orders/cancelled came first): not forwarded");
        }
        // the payload is Shopify's order as it was at its updated_at: it carries a refund or an edit made before then;
        // one made in the same second (Shopify's times are whole seconds) is carried when the payload shows it
        Instant asOf = shopifyTime(o, "updated_at").orElse(delivery.receivedAt());
        if (changed.isPresent() && (asOf == null || !asOf.isAfter(changed.get()))
                && !(asOf != null && asOf.equals(changed.get()) && ShopifyChanges.carried(o, asOf,
                        deliveries.getObject().changes(PARTNER, delivery.account(), orderKey(shopifyOrder))))
                && intake.findByStorefrontOrderId(shopifyOrder).isEmpty()) {
            return Result.unusable("Shopify's order " + shopifyOrder + " was refunded or edited in Shopify after the order"
                    + " this " + delivery.topic() + " carries and before Dropflow took it: this payload is Shopify's order as"
                    + " it was before, so it is not forwarded; place it by hand as Shopify has it now (or not at all), then close this");
        }
        PlaceOrder order;
        try {
            order = map(o);
        } catch (NotPriceable e) {
            return Result.unusable("Shopify's order " + o.path("id").asText() + " was changed before Dropflow took it: "
                    + e.getMessage() + "; not forwarded: place it by hand with Shopify's current prices, then close this");
        } catch (RuntimeException e) {
            return Result.unusable("not a Shopify order: " + e.getMessage());
        }
        if (order.lines().isEmpty() && !o.path("line_items").isEmpty()) {
            return Result.taken("every line of Shopify's order " + shopifyOrder + " was removed in Shopify: nothing to forward");
        }
        Set<ConstraintViolation<PlaceOrder>> violations = validator.validate(order);
        if (!violations.isEmpty()) {
            List<String> errors = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).toList();
            return Result.notYet("the Shopify order cannot be taken: " + String.join("; ", errors));
        }
        try {
            OrderIntake.Intake result = intake.place(order);
            return Result.taken((result.created() ? "order " : "already order ") + result.order().getId() + " (" + topic + ")"
                    + (inBuyersCurrency(o) ? " in the buyer's currency " + order.currency() + " (the shop's is "
                            + text(o, "currency") + ")" : "")
                    + (result.differingFields().isEmpty() ? "" : "; Shopify's order now differs in "
                            + String.join(", ", result.differingFields()) + ", not a conflict: Dropflow goes on with"
                            + " the order it took, an edit comes as orders/edited"));
        } catch (UnknownSkuException unknown) {
            return Result.notYet(unknown.getMessage());
        }
    }

    private Result cancelled(JsonNode o, Delivery delivery) {
        String shopifyOrder = o.path("id").asText();
        if (!shopifyOrder.isBlank()) {
            // an orders/paid of it being taken at this moment is waited for: its order is then found
            deliveries.getObject().lock(PARTNER, delivery.account(), orderKey(shopifyOrder));
        }
        Optional<Order> taken = intake.findByStorefrontOrderId(shopifyOrder);
        if (taken.isEmpty()) {
            // kept, so that an orders/create or orders/paid of it still parked (an SKU not offered yet) or coming
            // late is never placed: Shopify cancelled it
            if (!shopifyOrder.isBlank()) {
                deliveries.getObject().recordNotApplied(PARTNER, delivery.account(), "orders/cancelled",
                        cancelledBeforeTaken(shopifyOrder), delivery.payload(), "Shopify's order " + shopifyOrder
                                + " was cancelled before Dropflow took it: it is never placed", false);
            }
            return Result.taken("never taken: nothing to cancel, and it will not be placed");
        }
        Order order = taken.get();
        if (order.getStatus() == OrderStatus.CANCELLED || order.getStatus() == OrderStatus.CANCELLATION_REQUESTED) {
            return Result.taken("cancelled before");
        }
        try {
            intake.cancel(order.getId());
            timeline.record(order.getId(), "Cancelled in Shopify");
            return Result.taken("order " + order.getId() + " is being cancelled");
        } catch (OrderConflictException tooLate) {
            return Result.unusable("cancelled in Shopify, but " + tooLate.getMessage());
        }
    }

    /** The id under which a cancellation of a Shopify order Dropflow never took is kept. */
    static String cancelledBeforeTaken(String shopifyOrder) {
        return "cancelled-before-taken:" + shopifyOrder;
    }

    /**
     * The key Shopify's deliveries about one order wait for each other on; marked when the order is refunded or edited
     * in Shopify before Dropflow took it (an orders/create or orders/paid that came before is then not placed).
     */
    static String orderKey(String shopifyOrder) {
        return "shopify-order:" + shopifyOrder;
    }

    /**
     * A refund or an edit of an order Dropflow has not taken: the paid order that comes after it is Shopify's order as
     * it is now, but one that came before it (parked: an SKU not offered yet) is not; the key is marked, and such an
     * orders/create or orders/paid goes to an operator when it is tried again.
     */
    private Result changedBeforeTaken(String shopifyOrder, Delivery delivery, String what, Optional<Instant> madeAt,
            String change) {
        if (!shopifyOrder.isBlank()) {
            deliveries.getObject().mark(PARTNER, delivery.account(), orderKey(shopifyOrder), madeAt
                    .or(() -> Optional.ofNullable(delivery.receivedAt())).orElseGet(Instant::now), change);
        }
        return Result.taken(what + " of an order Dropflow never took (not taken yet): kept; an orders/paid of it that came before"
                + " goes to an operator, not forwarded");
    }

    private Optional<Order> lockedOrder(String shopifyOrder, Delivery delivery) {
        if (!shopifyOrder.isBlank()) {
            deliveries.getObject().lock(PARTNER, delivery.account(), orderKey(shopifyOrder));
        }
        return intake.findByStorefrontOrderId(shopifyOrder);
    }

    private Result refunded(JsonNode refund, Delivery delivery) {
        String shopifyOrder = refund.path("order_id").asText();
        Optional<Order> taken = lockedOrder(shopifyOrder, delivery);
        if (taken.isEmpty()) {
            // when the refund was made (created_at), not when its delivery came: Shopify retries a delivery for hours,
            // and a newer orders/paid, which carries the refund, can come before it
            return changedBeforeTaken(shopifyOrder, delivery, "refund", shopifyTime(refund, "created_at"),
                    ShopifyChanges.refund(refund));
        }
        Order order = taken.get();
        String refundId = refund.path("id").asText("");
        String currency = order.getCurrency();
        int decimals = Currencies.isActive(currency) ? Currencies.minorUnits(currency) : Currencies.mostMinorUnits();
        BigDecimal total = BigDecimal.ZERO;
        JsonNode transactions = refund.path("transactions");
        for (int i = 0; i < transactions.size(); i++) {
            JsonNode t = transactions.get(i);
            if (!"refund".equals(t.path("kind").asText()) || !"success".equals(t.path("status").asText())) {
                continue;
            }
            String field = "transactions[" + i + "].amount";
            JsonNode sent = t.path("amount");
            Optional<BigDecimal> amount = refundAmount(sent);
            if (amount.isEmpty()) {
                return refundNotRead(refundId, shopifyOrder, field, sent, order.getId());
            }
            String paidIn = text(t, "currency") == null ? currency : text(t, "currency").toUpperCase(java.util.Locale.ROOT);
            if (!paidIn.equalsIgnoreCase(currency)) {
                return Result.unusable("refund " + refundId + " of Shopify's order " + shopifyOrder + " is "
                        + sent.asText() + " " + paidIn + " (" + field + "), but order " + order.getId() + " is in "
                        + currency + ": not written on its timeline; check the refund in Shopify and what the order"
                        + " earned, then close this");
            }
            if (amount.get().signum() < 0) {
                return Result.unusable("refund " + refundId + " of Shopify's order " + shopifyOrder + ": " + field + " "
                        + sent.asText() + " " + currency + " is below zero; not written on order " + order.getId()
                        + "'s timeline: check the refund in Shopify and what the order earned, then close this");
            }
            if (amount.get().stripTrailingZeros().scale() > decimals) {
                return Result.unusable("refund " + refundId + " of Shopify's order " + shopifyOrder + ": " + field + " "
                        + sent.asText() + " " + currency + " has more decimals than " + currency + " has (" + decimals
                        + "); not written on order " + order.getId() + "'s timeline: check the refund in Shopify and"
                        + " what the order earned, then close this");
            }
            total = total.add(amount.get());
        }
        // what the buyer paid (the order's sale: net of taxes, shipping spread over its lines) and what this refund
        // says it gives back besides: taxes (included in the prices or on top) and duties
        BigDecimal besides = BigDecimal.ZERO;
        for (String[] part : REFUNDED_BESIDES) {
            JsonNode parts = refund.path(part[0]);
            for (int i = 0; i < parts.size(); i++) {
                JsonNode money = parts.get(i).path(part[1]).path("presentment_money");
                String code = text(money, "currency_code");
                if (!money.has("amount") || (code != null && !code.equalsIgnoreCase(currency))) {
                    continue; // not in the order's currency: not counted, so the refund is rather sent to an operator
                }
                Optional<BigDecimal> amount = refundAmount(money.path("amount"));
                if (amount.isEmpty()) {
                    String field = part[0] + "[" + i + "]." + part[1] + ".presentment_money.amount";
                    return refundNotRead(refundId, shopifyOrder, field, money.path("amount"), order.getId());
                }
                besides = besides.add(amount.get().abs());
            }
        }
        BigDecimal paid = order.saleTotal();
        if (total.compareTo(paid.add(besides)) > 0) {
            return Result.unusable("refund " + refundId + " of Shopify's order " + shopifyOrder + " is "
                    + plain(total, decimals) + " " + currency + ", more than order " + order.getId() + "'s "
                    + plain(paid, decimals) + " " + currency + " and the " + plain(besides, decimals) + " " + currency
                    + " of taxes and duties the refund gives back: not written on its timeline; check the refund in"
                    + " Shopify and the order Dropflow took, then close this");
        }
        timeline.record(order.getId(), "Refund of " + plain(total, decimals) + " " + currency + " made in Shopify"
                + (refund.hasNonNull("note") ? " (" + refund.path("note").asText() + ")" : ""));
        return Result.taken("recorded on order " + order.getId());
    }

    /** A refund with an amount that is none (no number, or none money can be): Shopify's data, for an operator. */
    private static Result refundNotRead(String refundId, String shopifyOrder, String field, JsonNode sent, Long orderId) {
        return Result.unusable("refund " + refundId + " of Shopify's order " + shopifyOrder + ": " + field + " "
                + shown(sent) + " is not an amount (a number of at most 13 digits before the point); not written on order "
                + orderId + "'s timeline: check the refund in Shopify and what the order earned, then close this");
    }

    /**
     * Money a Shopify Refund gives back besides the goods and shipping the order's sale holds, each a MoneyBag with its
     * {@code presentment_money} in the buyer's currency: a refunded line's tax ({@code refund_line_items[].total_tax_set},
     * GraphQL RefundLineItem.totalTaxSet), a refunded shipping line's ({@code refund_shipping_lines[].tax_amount_set},
     * RefundShippingLine.taxAmountSet), a shipping refund's tax ({@code order_adjustments[].tax_amount_set}) and duties
     * ({@code duties[].amount_set}) (https://shopify.dev/docs/api/admin-rest/2025-01/resources/refund,
     * https://shopify.dev/docs/api/admin-graphql/2025-10/objects/RefundLineItem,
     * https://shopify.dev/docs/api/admin-graphql/2025-10/objects/RefundShippingLine).
     */
    private static final String[][] REFUNDED_BESIDES = {{"refund_line_items", "total_tax_set"},
            {"refund_shipping_lines", "tax_amount_set"}, {"order_adjustments", "tax_amount_set"}, {"duties", "amount_set"}};

    /**
     * One of a Shopify Refund's amounts (a decimal string as Shopify writes money, or a JSON number); empty when it is
     * none, or one no money can be (more than {@link #MAX_DIGITS} digits before the point, an exponent out of range).
     */
    private static Optional<BigDecimal> refundAmount(JsonNode sent) {
        if (!sent.isTextual() && !sent.isNumber()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = sent.isNumber() ? sent.decimalValue() : new BigDecimal(sent.asText().strip());
            if ((long) amount.precision() - amount.scale() > MAX_DIGITS || !io.dropflow.web.DecimalInput.fits(amount)) {
                return Optional.empty();
            }
            return Optional.of(amount);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A value as sent, for a message: quoted text, or the JSON, cut short. */
    private static String shown(JsonNode sent) {
        String text = sent.isMissingNode() ? "(missing)" : sent.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** An amount in the currency's decimals (5.5 EUR is 5.50, 3000.0 JPY is 3000). */
    private static String plain(BigDecimal amount, int decimals) {
        return amount.setScale(Math.max(decimals, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private Result edited(JsonNode edit, Delivery delivery) {
        String shopifyOrder = edit.path("order_edit").path("order_id").asText(edit.path("order_id").asText(""));
        return lockedOrder(shopifyOrder, delivery)
                .map(order -> Result.unusable("order " + order.getId() + " (" + order.getStatus() + ") was edited in"
                        + " Shopify after Dropflow took it: apply the edit by hand (cancel and re-place, or ask the supplier)"))
                .orElseGet(() -> changedBeforeTaken(shopifyOrder, delivery, "edit",
                        // when the edit was committed to the order (committed_at, since 2024-07; created_at is when the
                        // edit began: https://shopify.dev/changelog/new-committed_at-timestamp-added-to-orders-edited-webhook-payload)
                        shopifyTime(edit.path("order_edit"), "committed_at"), ShopifyChanges.edit(edit.path("order_edit"))));
    }

    /** Whether the consumer paid in another currency than the shop's (Shopify Markets). */
    private static boolean inBuyersCurrency(JsonNode o) {
        String presentment = text(o, "presentment_currency");
        return presentment != null && !presentment.equalsIgnoreCase(String.valueOf(text(o, "currency")));
    }

    /**
     * Shopify's order JSON in our words, with prices net of discounts and included taxes, and shipping spread over
     * the lines, in the currency's minor units; an amount of Shopify's finer than those is refused, never rounded.
     * The order is in the currency the consumer paid in ({@code presentment_currency}), with what they paid in it
     * ({@link Paid}).
     */
    static PlaceOrder map(JsonNode o) {
        JsonNode ship = o.path("shipping_address");
        JsonNode customer = o.path("customer");
        String name = text(ship, "name");
        if (name == null) {
            name = (text(ship, "first_name") == null ? "" : text(ship, "first_name") + " ")
                    + (text(ship, "last_name") == null ? "" : text(ship, "last_name"));
        }
        String email = text(o, "email") != null ? text(o, "email") : text(customer, "email");
        String consumerName = ((text(customer, "first_name") == null ? "" : text(customer, "first_name") + " ")
                + (text(customer, "last_name") == null ? "" : text(customer, "last_name"))).trim();
        Paid paid = Paid.of(o);
        String currency = paid.currency();
        boolean taxesIncluded = o.path("taxes_included").asBoolean(false);
        List<JsonNode> kept = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (JsonNode item : o.path("line_items")) {
            int ordered = item.path("quantity").asInt();
            // current_quantity: the pieces still bought, after removals in an order edit (and refunds); quantity is
            // what was first ordered (https://shopify.dev/changelog/addition-of-lineitem-current_quantity-on-admin-rest-api)
            boolean current = item.hasNonNull("current_quantity");
            int quantity = current ? item.path("current_quantity").asInt() : ordered;
            if (current && (quantity < 0 || quantity > ordered)) {
                throw new IllegalArgumentException("line " + text(item, "sku") + ": current_quantity " + quantity
                        + " is not between 0 and its quantity " + ordered);
            }
            if (current && quantity == 0) {
                continue; // every piece removed: nothing of it is bought
            }
            if (paid.has(item, "price")) {
                // price is one piece's before discounts; a discount allocation and a tax line are the whole line's,
                // removed pieces' shares included (GraphQL LineItem.discountAllocations): which share a removed piece
                // had is not in the payload, so a line with pieces removed is priced only when it has neither
                BigDecimal discounts = paid.sum(item.path("discount_allocations"), "amount");
                BigDecimal taxes = taxesIncluded ? paid.sum(item.path("tax_lines"), "price") : BigDecimal.ZERO;
                if (quantity < ordered && (discounts.signum() != 0 || taxes.signum() != 0)) {
                    throw new NotPriceable("line " + text(item, "sku") + ": " + (ordered - quantity) + " of its " + ordered
                            + " pieces were removed in Shopify, and its discounts and included taxes are Shopify's for"
                            + " all " + ordered + " pieces: what the " + quantity
                            + " left cost is not in Shopify's order, so Dropflow cannot price them exactly");
                }
                totals.add(paid.amount(item, "price").multiply(BigDecimal.valueOf(quantity))
                        .subtract(discounts).subtract(taxes));
            } else {
                totals.add(null);
            }
            kept.add(item);
            skus.add(text(item, "sku"));
            quantities.add(quantity);
        }
        BigDecimal shipping = BigDecimal.ZERO;
        for (JsonNode s : o.path("shipping_lines")) {
            if (s.path("is_removed").asBoolean(false)) {
                continue; // removed in an order edit, still in the payload (Shopify's changelog, 2024-04): not charged
            }
            BigDecimal line = (paid.has(s, "price") ? paid.amount(s, "price") : BigDecimal.ZERO)
                    .subtract(paid.sum(s.path("discount_allocations"), "amount"));
            shipping = shipping.add(taxesIncluded ? line.subtract(paid.sum(s.path("tax_lines"), "price")) : line);
        }
        List<PlaceOrder.Line> lines = new ArrayList<>();
        if (!Currencies.isActive(currency)) {
            // nothing to count minor units in: the intake refuses the currency and names it
            for (int i = 0; i < kept.size(); i++) {
                lines.add(new PlaceOrder.Line(skus.get(i), quantities.get(i),
                        paid.has(kept.get(i), "price") ? paid.amount(kept.get(i), "price") : null));
            }
        } else {
            List<BigDecimal> shares = shippingShares(new Money(shipping, currency), quantities, totals);
            for (int i = 0; i < skus.size(); i++) {
                int quantity = quantities.get(i);
                if (totals.get(i) == null || quantity <= 0) {
                    lines.add(new PlaceOrder.Line(skus.get(i), quantity, null));
                } else {
                    lines.addAll(pieces(skus.get(i), quantity, totals.get(i).add(shares.get(i)), currency));
                }
            }
        }
        if (!o.hasNonNull("id")) {
            throw new IllegalArgumentException("no id");
        }
        return new PlaceOrder(o.path("id").asText(), currency, null,
                new PlaceOrder.ConsumerContact(consumerName.isBlank() ? name.trim() : consumerName, email,
                        text(ship, "phone") != null ? text(ship, "phone") : text(customer, "phone")),
                new PlaceOrder.Address(name.trim(), text(ship, "address1"), text(ship, "address2"), text(ship, "city"),
                        text(ship, "zip"), text(ship, "province_code"), text(ship, "country_code")),
                lines, null, null);
    }

    /**
     * What the consumer paid for shipping, spread over the priced lines by their value (by their quantity when
     * the goods are free), in the currency's minor units and adding up to it exactly ({@link Money#allocate}).
     */
    static List<BigDecimal> shippingShares(Money shipping, List<Integer> quantities, List<BigDecimal> totals) {
        List<BigDecimal> none = java.util.Collections.nCopies(quantities.size(), BigDecimal.ZERO);
        if (shipping.isZero()) {
            return none;
        }
        List<BigDecimal> byValue = new ArrayList<>();
        List<BigDecimal> byQuantity = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            boolean priced = totals.get(i) != null && quantities.get(i) > 0;
            byValue.add(priced ? totals.get(i).max(BigDecimal.ZERO) : BigDecimal.ZERO);
            byQuantity.add(priced ? BigDecimal.valueOf(quantities.get(i)) : BigDecimal.ZERO);
        }
        List<BigDecimal> weights = byValue.stream().anyMatch(w -> w.signum() > 0) ? byValue : byQuantity;
        if (weights.stream().noneMatch(w -> w.signum() > 0)) {
            return none; // no priced line to carry it: the intake refuses the unpriced lines
        }
        return shipping.allocate(weights).stream().map(Money::amount).toList();
    }

    /**
     * A Shopify line as our lines: {@code quantity} pieces that together cost {@code total} (what Shopify charged
     * for the line, net), each piece at a price in the currency's minor units. Our order line has a unit price, so a
     * total that does not divide evenly becomes two lines of the same SKU whose prices differ by one minor unit, as
     * Shopify itself spreads a line's discount over its pieces ("a quantity of 3 with a discount of 4 cents" is
     * 0.01, 0.01, 0.02: FinancialSummaryDiscountAllocation in the GraphQL Admin API): 29.00 EUR for 3 pieces is
     * 2 × 9.67 and 1 × 9.66, never 9.6667. The line totals add up to what Shopify charged, to the minor unit.
     */
    static List<PlaceOrder.Line> pieces(String sku, int quantity, BigDecimal total, String currency) {
        int scale = Currencies.minorUnits(currency);
        BigDecimal count = BigDecimal.valueOf(quantity);
        BigDecimal lower = total.divide(count, scale, RoundingMode.FLOOR);
        int dearer = total.subtract(lower.multiply(count)).movePointRight(scale).intValueExact();
        if (dearer == 0) {
            return List.of(new PlaceOrder.Line(sku, quantity, lower));
        }
        BigDecimal higher = lower.add(BigDecimal.ONE.movePointLeft(scale));
        return List.of(new PlaceOrder.Line(sku, dearer, higher), new PlaceOrder.Line(sku, quantity - dearer, lower));
    }

    /** One of Shopify's amounts (in the order's currency); one finer than the currency's minor units is refused, never rounded. */
    private static BigDecimal amount(String text, String currency) {
        BigDecimal amount = new BigDecimal(text);
        if ((long) amount.precision() - amount.scale() > MAX_DIGITS) { // before any arithmetic: 1E+999999999 is 10^9 digits
            throw new IllegalArgumentException("the amount " + text + " has more than " + MAX_DIGITS + " digits before the point");
        }
        if (!io.dropflow.web.DecimalInput.fits(amount)) { // 1e-2147483647: its decimals are never written out
            throw new IllegalArgumentException("the amount " + text + " " + io.dropflow.web.DecimalInput.OUT_OF_RANGE);
        }
        if (Currencies.isActive(currency) && Currencies.hasMoreDecimals(amount, currency)) {
            throw new IllegalArgumentException("the amount " + Currencies.moreDecimalsThan(amount, currency));
        }
        return amount;
    }

    /**
     * What the consumer paid, in the currency they paid in: Shopify's order is in the shop's currency ({@code currency})
     * and in the buyer's ({@code presentment_currency}, Shopify Markets), each amount {@code x} with its
     * {@code x_set.shop_money} and {@code x_set.presentment_money} (https://shopify.dev/docs/api/admin-rest/2026-07/resources/order,
     * the orders/paid payload https://shopify.dev/docs/api/webhooks/2026-07?reference=toml). Dropflow takes the order in
     * the presentment currency with the presentment amounts, since Shopify refunds it only in that currency ("This must
     * be the presentment currency", https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/RefundInput). The
     * plain {@code x} is the shop's: read only where both currencies are one (and no {@code x_set} is sent); one
     * without its presentment amount in an order of two currencies is refused, never taken in the wrong currency.
     */
    private record Paid(String currency, String shopCurrency) {

        static Paid of(JsonNode o) {
            String shop = text(o, "currency");
            String presentment = text(o, "presentment_currency");
            return new Paid(presentment != null ? presentment.toUpperCase(java.util.Locale.ROOT) : shop, shop);
        }

        private boolean oneCurrency() {
            return currency == null || currency.equalsIgnoreCase(String.valueOf(shopCurrency));
        }

        private static JsonNode presentment(JsonNode holder, String field) {
            return holder.path(field + "_set").path("presentment_money");
        }

        /** Whether {@code holder} has an amount {@code field}. */
        boolean has(JsonNode holder, String field) {
            return presentment(holder, field).hasNonNull("amount") || holder.hasNonNull(field);
        }

        /** The amount {@code field} of {@code holder} in {@link #currency}. */
        BigDecimal amount(JsonNode holder, String field) {
            JsonNode money = presentment(holder, field);
            if (money.hasNonNull("amount")) {
                String code = text(money, "currency_code");
                if (code != null && currency != null && !code.equalsIgnoreCase(currency)) {
                    throw new IllegalArgumentException(field + "_set.presentment_money is in " + code
                            + ", not in the order's presentment_currency " + currency);
                }
                return ShopifyOrderDeliveries.amount(money.path("amount").asText(), currency);
            }
            if (!oneCurrency()) {
                throw new IllegalArgumentException("the order was paid in " + currency + " and its " + field
                        + " has no " + field + "_set.presentment_money, only the shop's amount in " + shopCurrency);
            }
            return ShopifyOrderDeliveries.amount(holder.path(field).asText(), currency);
        }

        /** The amounts {@code field} of an array's elements, in {@link #currency}. */
        BigDecimal sum(JsonNode array, String field) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode n : array) {
                if (has(n, field)) {
                    sum = sum.add(amount(n, field));
                }
            }
            return sum;
        }
    }

    /** A Shopify order whose lines cannot be priced exactly from its payload: an operator places it by hand. */
    static final class NotPriceable extends RuntimeException {
        NotPriceable(String message) {
            super(message);
        }
    }

    /**
     * One of the payload's own times (ISO 8601 with an offset, as Shopify writes them): when the order was last changed
     * ({@code updated_at}), a refund made ({@code created_at}), an edit committed ({@code committed_at}). Signed with the
     * body (X-Shopify-Hmac-Sha256), unlike the X-Shopify-Triggered-At header, and kept with the recorded delivery.
     * Empty when missing or unreadable: the delivery's receipt is then its time, as before.
     */
    static Optional<Instant> shopifyTime(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
