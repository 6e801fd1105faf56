package io.dropflow.storefront.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.partners.PartnerBinding;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.partners.PartnerTokens;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Shopify's GraphQL Admin API as our storefront (Shopify's REST Admin API is legacy).
 *
 * <ul>
 * <li>Tracking: {@code fulfillmentCreate} for the open fulfillment orders of each location, with
 *     Shopify's name for the carrier and a tracking URL; a parcel whose order has no open fulfillment
 *     order left (a reship) is added to the latest fulfillment with {@code fulfillmentTrackingInfoUpdate};
 *     an order with neither fails the step instead of counting as synced. A number already on a
 *     fulfillment is not sent again.
 * <li>Refunds: Shopify's flow, {@code suggestedRefund} then {@code refundCreate} against the suggested
 *     transactions (all of them, up to what each can still refund), with {@code @idempotent(key:)}:
 *     Shopify itself applies a key once. Nothing left to refund (refunded in Shopify) is nothing to do. The refund
 *     is in the buyer's (presentment) currency, the order's in Dropflow, with the amounts in it, as Shopify requires.
 * <li>Messages to the consumer: a delay of a shipped parcel is a DELAYED fulfillment event (Shopify's
 *     shipping-update notification tells the buyer); other messages go by email with
 *     {@code orderInvoiceSend} and our text as its custom message. Shopify has no API for order timeline
 *     comments. Each message is marked on the order (metafield namespace dropflow), so a retried job
 *     does not send it twice.
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "dropflow.partners.storefront", havingValue = "shopify")
public class ShopifyStorefront implements StorefrontGateway, PartnerBinding {

    private static final Logger log = LoggerFactory.getLogger(ShopifyStorefront.class);

    private final ShopifySettings settings;
    private final ShopifyAdmin admin;
    private final Clock clock;

    ShopifyStorefront(ShopifySettings settings, PartnerCalls calls, PartnerTokens tokens, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.admin = new ShopifyAdmin(settings, calls, tokens, clock);
    }

    /** The shop, its app's credentials (client id and secret), or a supported API version, when missing. */
    @Override
    public List<Unbound> unbound() {
        java.time.Instant now = clock.instant();
        java.time.Instant released = ShopifySettings.released(settings.apiVersion());
        if (released != null && released.isBefore(now)) {
            warnOfSupportEnding(now, released);
        }
        return settings.unbound(now);
    }

    /**
     * A version Shopify released is never a reason not to start: once its 12 months are over Shopify answers in the
     * oldest version it still supports (it falls forward, {@link ShopifySettings#VERSIONING}), which the answers'
     * version header shows. Refusing it would stop every node on a date with nothing wrong yet; a WARN says it from
     * 90 days before its support ends, and after.
     */
    private void warnOfSupportEnding(java.time.Instant now, java.time.Instant released) {
        java.time.Instant ends = released.atOffset(java.time.ZoneOffset.UTC).plusYears(1).toInstant();
        if (now.isBefore(ends.minus(java.time.Duration.ofDays(90)))) {
            return;
        }
        log.warn("Shopify {} API version {} on {} (12 months from its release, {}): set dropflow.storefronts.shopify"
                + ".api-version to one it supports, {}; until then Shopify answers in the oldest version it supports",
                now.isBefore(ends) ? "stops supporting" : "no longer supports", settings.apiVersion(),
                ends.atOffset(java.time.ZoneOffset.UTC).toLocalDate(), ShopifySettings.VERSIONING,
                ShopifySettings.supportedVersionsText(now));
    }

    /**
     * fulfillmentTrackingInfoUpdate replaces a fulfillment's tracking info with what it is given: the
     * fulfillment that shows the former number gets the same list with the new number in its place (and
     * the consumer a shipping update). Shown already: nothing is sent. Shown nowhere: as {@link #syncTracking}.
     */
    @Override
    public void changeTracking(String storefrontOrderId, String formerCarrierCode, String formerTrackingNumber,
            String carrierCode, String trackingNumber, String idempotencyKey) {
        JsonNode order = admin.run("OrderFulfillments", Map.of("id", ShopifyAdmin.orderGid(storefrontOrderId))).path("order");
        if (order.isMissingNode() || order.isNull()) {
            throw new IllegalStateException("Shopify has no order " + storefrontOrderId);
        }
        JsonNode showing = null;
        for (JsonNode f : order.path("fulfillments")) {
            for (JsonNode t : f.path("trackingInfo")) {
                if (trackingNumber.equals(t.path("number").asText())) {
                    return; // changed before
                }
                if (formerTrackingNumber.equals(t.path("number").asText())) {
                    showing = f;
                }
            }
        }
        if (showing == null) {
            syncTracking(storefrontOrderId, carrierCode, trackingNumber, idempotencyKey);
            return;
        }
        List<String> numbers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (JsonNode t : showing.path("trackingInfo")) {
            boolean former = formerTrackingNumber.equals(t.path("number").asText());
            numbers.add(former ? trackingNumber : t.path("number").asText());
            urls.add(former ? settings.trackingUrl(carrierCode, trackingNumber) : t.path("url").asText(""));
        }
        ShopifyAdmin.requireNoUserErrors(admin.run("FulfillmentTrackingInfoUpdate", Map.of("fulfillmentId",
                showing.path("id").asText(), "notifyCustomer", true, "trackingInfoInput", Map.of("company",
                        settings.company(carrierCode), "numbers", numbers, "urls", urls)))
                .path("fulfillmentTrackingInfoUpdate"), "change tracking of order " + storefrontOrderId);
    }

    @Override
    public void syncTracking(String storefrontOrderId, String carrierCode, String trackingNumber, String idempotencyKey) {
        JsonNode order = admin.run("OrderFulfillments", Map.of("id", ShopifyAdmin.orderGid(storefrontOrderId))).path("order");
        if (order.isMissingNode() || order.isNull()) {
            throw new IllegalStateException("Shopify has no order " + storefrontOrderId);
        }
        JsonNode latest = null;
        for (JsonNode f : order.path("fulfillments")) {
            for (JsonNode t : f.path("trackingInfo")) {
                if (trackingNumber.equals(t.path("number").asText())) {
                    return; // sent before
                }
            }
            if (latest == null || f.path("createdAt").asText().compareTo(latest.path("createdAt").asText()) > 0) {
                latest = f;
            }
        }
        Map<String, List<String>> openByLocation = new LinkedHashMap<>();
        for (JsonNode fo : order.path("fulfillmentOrders").path("nodes")) {
            boolean open = List.of("OPEN", "IN_PROGRESS").contains(fo.path("status").asText());
            boolean fulfillable = false;
            for (JsonNode a : fo.path("supportedActions")) {
                fulfillable |= "CREATE_FULFILLMENT".equals(a.path("action").asText());
            }
            if (open && fulfillable) {
                openByLocation.computeIfAbsent(fo.path("assignedLocation").path("location").path("id").asText("?"),
                        l -> new ArrayList<>()).add(fo.path("id").asText());
            }
        }
        String company = settings.company(carrierCode);
        String url = settings.trackingUrl(carrierCode, trackingNumber);
        if (!openByLocation.isEmpty()) {
            // fulfillmentCreate takes fulfillment orders of one location at a time
            for (List<String> fulfillmentOrders : openByLocation.values()) {
                Map<String, Object> fulfillment = new LinkedHashMap<>();
                fulfillment.put("lineItemsByFulfillmentOrder", fulfillmentOrders.stream()
                        .map(id -> Map.of("fulfillmentOrderId", id)).toList());
                fulfillment.put("trackingInfo", Map.of("company", company, "number", trackingNumber, "url", url));
                fulfillment.put("notifyCustomer", true);
                ShopifyAdmin.requireNoUserErrors(admin.run("FulfillmentCreate", Map.of("fulfillment", fulfillment))
                        .path("fulfillmentCreate"), "fulfill order " + storefrontOrderId);
            }
            return;
        }
        if (latest == null) {
            throw new IllegalStateException("Shopify order " + storefrontOrderId + " has neither an open fulfillment order"
                    + " nor a fulfillment to add tracking " + trackingNumber + " to (check the order's fulfillment in Shopify)");
        }
        // A reship: the buyer's fulfillment gets the new parcel next to the ones it has.
        List<String> numbers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (JsonNode t : latest.path("trackingInfo")) {
            numbers.add(t.path("number").asText());
            urls.add(t.path("url").asText(""));
        }
        numbers.add(trackingNumber);
        urls.add(url);
        ShopifyAdmin.requireNoUserErrors(admin.run("FulfillmentTrackingInfoUpdate", Map.of("fulfillmentId",
                latest.path("id").asText(), "notifyCustomer", true, "trackingInfoInput", Map.of("company", company,
                        "numbers", numbers, "urls", urls))).path("fulfillmentTrackingInfoUpdate"),
                "add tracking to order " + storefrontOrderId);
    }

    @Override
    public void refund(String storefrontOrderId, BigDecimal amount, String currency, String reason, String idempotencyKey) {
        refundUpTo(storefrontOrderId, amount, currency, reason, idempotencyKey);
    }

    /**
     * The whole order: Shopify's suggested full refund (every line, shipping and the taxes charged on them),
     * all of what its transactions can still refund, not only the sale Dropflow booked net of tax.
     */
    @Override
    public void refundOrder(String storefrontOrderId, BigDecimal sale, String currency, String reason,
            String idempotencyKey) {
        refundUpTo(storefrontOrderId, null, currency, reason, idempotencyKey);
    }

    /** Shopify's refund flow against the suggested transactions, up to {@code cap} (null: all they can refund). */
    private void refundUpTo(String storefrontOrderId, BigDecimal cap, String currency, String reason,
            String idempotencyKey) {
        String order = ShopifyAdmin.orderGid(storefrontOrderId);
        JsonNode suggested = admin.run("SuggestedRefund", Map.of("id", order)).path("order").path("suggestedRefund");
        BigDecimal left = cap != null ? cap : new BigDecimal(Long.MAX_VALUE);
        List<Map<String, Object>> transactions = new ArrayList<>();
        for (JsonNode t : suggested.path("suggestedTransactions")) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal refundable = new BigDecimal(inRefundCurrency(t.path("maximumRefundableSet"), currency,
                    storefrontOrderId).path("amount").asText("0"));
            BigDecimal part = refundable.min(left);
            if (part.signum() > 0) {
                transactions.add(Map.of("orderId", order, "parentId", t.path("parentTransaction").path("id").asText(),
                        "amount", inMinorUnits(part, currency, storefrontOrderId), "gateway", t.path("gateway").asText(),
                        "kind", "REFUND"));
                left = left.subtract(part);
            }
        }
        if (transactions.isEmpty()) {
            log.info("Shopify order {} has nothing left to refund (refunded in Shopify): refund {} not sent",
                    storefrontOrderId, idempotencyKey);
            return;
        }
        if (cap != null && left.signum() > 0) {
            log.warn("Shopify order {} can refund only {} {} less than {}", storefrontOrderId, left, currency, cap);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", order);
        input.put("currency", currency);
        input.put("note", reason);
        input.put("notify", true);
        input.put("transactions", transactions);
        ShopifyAdmin.requireNoUserErrors(admin.run("RefundCreate", Map.of("input", input, "idempotencyKey", idempotencyKey))
                .path("refundCreate"), "refund order " + storefrontOrderId);
    }

    /**
     * The amount of a MoneyBag in the currency the refund is made in: the buyer's (presentment) currency, the order's
     * currency in Dropflow. Shopify refunds only in it ("This must be the presentment currency … required for orders
     * where the currency and presentment currency differ",
     * https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/RefundInput); its transactions' amounts are in it
     * too ("in the presentment currency of the order",
     * https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/OrderTransactionInput). A refund in
     * another currency than the buyer's is never sent converted: it fails the step, naming both.
     */
    private static JsonNode inRefundCurrency(JsonNode moneyBag, String currency, String storefrontOrderId) {
        JsonNode presentment = moneyBag.path("presentmentMoney");
        JsonNode money = presentment.hasNonNull("amount") ? presentment : moneyBag.path("shopMoney");
        String code = money.path("currencyCode").asText("");
        if (!code.equalsIgnoreCase(currency)) {
            throw new IllegalStateException("Shopify order " + storefrontOrderId + " is refunded in the buyer's currency "
                    + code + " only, not in " + currency + " (the order's currency in Dropflow): refund it in Shopify");
        }
        return money;
    }

    /** An amount as Shopify takes it, in its currency's decimals (JPY none, EUR 2, KWD 3); one finer is refused. */
    private static String inMinorUnits(BigDecimal amount, String currency, String storefrontOrderId) {
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalStateException("Shopify order " + storefrontOrderId + ": the refund amount "
                    + amount.toPlainString() + " has more decimals than " + currency + " has (" + digits + ")");
        }
        return amount.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public void notifyDelay(String storefrontOrderId, String message, String idempotencyKey) {
        tellConsumer(storefrontOrderId, "Your order is delayed", message, idempotencyKey, true);
    }

    @Override
    public void messageConsumer(String storefrontOrderId, String message, String idempotencyKey) {
        tellConsumer(storefrontOrderId, "About your order", message, idempotencyKey, false);
    }

    /** A Shopify shop is not a marketplace with a dispute process: the request goes on the order's staff note for the seller. */
    @Override
    public void openDispute(String storefrontOrderId, String claimNumber, String summary, String idempotencyKey) {
        String order = ShopifyAdmin.orderGid(storefrontOrderId);
        String note = admin.run("OrderNote", Map.of("id", order)).path("order").path("note").asText("");
        if (note.contains("[" + idempotencyKey + "]")) {
            return;
        }
        String line = "Dispute requested for claim " + claimNumber + ": " + summary + " [" + idempotencyKey + "]";
        ShopifyAdmin.requireNoUserErrors(admin.run("OrderNoteUpdate", Map.of("input", Map.of("id", order, "note",
                note.isBlank() ? line : note + "\n" + line))).path("orderUpdate"), "note on order " + storefrontOrderId);
    }

    private void tellConsumer(String storefrontOrderId, String subject, String message, String idempotencyKey,
            boolean delay) {
        String order = ShopifyAdmin.orderGid(storefrontOrderId);
        String mark = "msg-" + digest(idempotencyKey);
        JsonNode known = admin.run("OrderMessageSent", Map.of("id", order, "key", mark)).path("order");
        if (!known.path("metafield").isMissingNode() && !known.path("metafield").isNull()) {
            return; // sent before
        }
        JsonNode fulfillment = null;
        for (JsonNode f : known.path("fulfillments")) {
            fulfillment = f;
        }
        if (delay && fulfillment != null) {
            ShopifyAdmin.requireNoUserErrors(admin.run("FulfillmentEventCreate", Map.of("fulfillmentEvent", Map.of(
                    "fulfillmentId", fulfillment.path("id").asText(), "status", "DELAYED", "message", message)))
                    .path("fulfillmentEventCreate"), "report the delay of order " + storefrontOrderId);
        } else {
            ShopifyAdmin.requireNoUserErrors(admin.run("OrderInvoiceSend", Map.of("id", order, "email", Map.of(
                    "subject", subject, "customMessage", message))).path("orderInvoiceSend"),
                    "email the consumer of order " + storefrontOrderId);
        }
        ShopifyAdmin.requireNoUserErrors(admin.run("MessageMarked", Map.of("metafields", List.of(Map.of("ownerId", order,
                "namespace", "dropflow", "key", mark, "type", "single_line_text_field", "value", idempotencyKey))))
                .path("metafieldsSet"), "mark the message on order " + storefrontOrderId);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
