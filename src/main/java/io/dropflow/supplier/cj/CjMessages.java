package io.dropflow.supplier.cj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferReport;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.settlement.Money;
import io.dropflow.web.ApiProblem;
import io.dropflow.web.NotFound;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * CJ's webhook messages, taken in after {@link CjWebhookController} recorded them (CJ's Webhook page:
 * https://developers.cjdropshipping.com/en/api/api2/api/webhook.html: answer 200 within 3 s; CJ retries
 * a failed message after 5 minutes, at most 3 times, and stops sending when half of them fail).
 *
 * <ul>
 * <li>{@code ORDER}: the order's status ({@code params.orderNumber} is our purchase order number)
 *     becomes a supplier event, see {@link CjSupplier#event}. A number we do not know yet is parked.
 * <li>{@code LOGISTIC}: the parcel of a CJ order ({@code params.orderId}, or one CJ split it into);
 *     its tracking number ships the purchase order if the ORDER message has not yet, and its track
 *     events become tracking events. A CJ order we cannot match yet is parked and retried.
 * <li>{@code ORDERSPLIT}: CJ split our order into several CJ orders; each new CJ order id is kept as
 *     an alias of our purchase order, so their LOGISTIC messages match. CJ's page lists the topic
 *     without a payload schema: the message's order ids are read wherever they are named
 *     ({@code orderId}/{@code cjOrderId}, {@code orderNumber}/{@code orderNum}, and the ids in any list);
 *     a message naming no order of ours goes to an operator.
 * <li>{@code STOCK}: stock levels of CJ variants by warehouse ({@code params}: per variant id, a list of
 *     {@code {vid, areaId, areaEn, countryCode, storageNum}}); each variant's stock, summed over its
 *     warehouses, becomes the stock of our offer whose supplier SKU is the vid.
 * <li>{@code VARIANT}: a variant changed; when its {@code variantSellPrice} changed (named in
 *     {@code fields}, or no {@code fields} given) it becomes the supply price of that offer, in USD
 *     ("variant sell price, USD" on CJ's Webhook page), as CJ sent it: a price with more decimals than the
 *     dollar has is refused, not rounded: the operator's task names the offer that keeps its old price, CJ's
 *     price, and how to set the offer's price by hand. Variants we offer nothing for are left alone.
 * <li>Every other topic (products, …) is taken and ignored.
 * </ul>
 */
@Component
class CjMessages implements DeliveryHandler {

    private static final Logger log = LoggerFactory.getLogger(CjMessages.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Message ids, order ids and numbers: printable ASCII without spaces (they end up in our tables). */
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:#/-]{1,80}");
    /** CJ prices its products in US dollars. */
    static final String CJ_CURRENCY = "USD";
    private static final DateTimeFormatter CJ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CjSettings settings;
    private final CjSupplier cj;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final JdbcTemplate jdbc;
    private final Catalog catalog;
    private final Clock clock;

    CjMessages(CjSettings settings, CjSupplier cj, Purchasing purchasing, Tracking tracking, JdbcTemplate jdbc,
            Catalog catalog, Clock clock) {
        this.settings = settings;
        this.cj = cj;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String partner() {
        return CjDropshipping.PARTNER;
    }

    @Override
    public Result handle(Delivery delivery) {
        if (delivery.topic().startsWith("attention/")) {
            // Raised by an answer of CJ (balance, payment): the call that met it retries by itself.
            return Result.taken("the call that met it is retried by its own job");
        }
        String supplierCode = delivery.account();
        Optional<CjSettings.Account> account = settings.account(supplierCode);
        if (account.isEmpty()) {
            return Result.unusable("no CJ account is configured for supplier " + supplierCode);
        }
        JsonNode message;
        try {
            message = delivery.json();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Result.unusable("body is not one JSON value: " + e.getOriginalMessage());
        }
        String messageId = message == null ? "" : message.path("messageId").asText("");
        JsonNode params = message == null ? null : message.path("params");
        if (!ID.matcher(messageId).matches() || params == null || !params.isObject()) {
            return Result.unusable("a CJ message needs a messageId (at most 80 letters, digits or _.:#/-) and params");
        }
        return switch (message.path("type").asText("")) {
            case "ORDER" -> order(supplierCode, messageId, params);
            case "LOGISTIC" -> logistic(supplierCode, account.get(), messageId, params);
            case "ORDERSPLIT" -> split(supplierCode, params);
            case "STOCK" -> stock(supplierCode, sentAt(delivery), params);
            case "VARIANT" -> variant(supplierCode, sentAt(delivery), params);
            default -> Result.taken("ignored: " + message.path("type").asText("") + " messages change no order");
        };
    }

    private Result split(String supplierCode, JsonNode params) {
        Set<String> ids = new LinkedHashSet<>();
        params.findValues("orderId").forEach(v -> collect(v, ids));
        params.findValues("cjOrderId").forEach(v -> collect(v, ids));
        params.findValues("orderIds").forEach(v -> collect(v, ids));
        params.findValues("splitOrderIds").forEach(v -> collect(v, ids));
        Optional<PurchaseOrderView> po = Optional.empty();
        for (String field : List.of("orderNumber", "orderNum", "originalOrderNumber")) {
            for (JsonNode v : params.findValues(field)) {
                if (po.isEmpty() && v.isValueNode()) {
                    po = purchasing.purchaseOrderNumbered(v.asText()).filter(p -> p.supplierCode().equals(supplierCode));
                }
            }
        }
        for (String id : ids) {
            if (po.isEmpty()) {
                po = matchCjOrder(supplierCode, id);
            }
        }
        if (po.isEmpty()) {
            return Result.notYet("the ORDERSPLIT message names no purchase order of " + supplierCode + " (yet): " + ids);
        }
        String number = po.get().number();
        for (String id : ids) {
            if (ID.matcher(id).matches() && !id.equals(po.get().supplierReference())) {
                jdbc.update("insert into cj_order_alias (supplier_code, cj_order_id, purchase_order_number) select ?, ?, ?"
                        + " where not exists (select 1 from cj_order_alias where supplier_code = ? and cj_order_id = ?)",
                        supplierCode, id, number, supplierCode, id);
            }
        }
        log.info("CJ split {} into orders {}", number, ids);
        return Result.taken("CJ orders " + ids + " belong to " + number);
    }

    /**
     * When CJ sent a message: its messages carry no time of their own, so the moment it was recorded. A
     * STOCK or VARIANT message tried again later (parked, or by an operator) is then not newer than a
     * message recorded after it, and does not overwrite what that one said. Unknown: now, on Dropflow's one
     * clock (the engine's, ADR 0009).
     */
    private java.time.Instant sentAt(Delivery delivery) {
        return delivery.receivedAt() != null ? delivery.receivedAt() : clock.instant();
    }

    private Result stock(String supplierCode, java.time.Instant sentAt, JsonNode params) {
        Map<String, Integer> byVid = new LinkedHashMap<>();
        List<JsonNode> warehouses = new ArrayList<>();
        params.forEach(v -> (v.isArray() ? v : List.of(v)).forEach(warehouses::add));
        warehouses.add(params);
        for (JsonNode w : warehouses) {
            String vid = w.path("vid").asText("");
            if (ID.matcher(vid).matches() && w.path("storageNum").canConvertToInt() && w.path("storageNum").asInt() >= 0) {
                byVid.merge(vid, w.path("storageNum").asInt(), Integer::sum);
            }
        }
        if (byVid.isEmpty()) {
            return Result.unusable("a STOCK message needs, per variant, warehouses with a vid and a storageNum");
        }
        return report(supplierCode, sentAt,
                byVid.entrySet().stream().map(e -> OfferReport.stock(e.getKey(), e.getValue())).toList());
    }

    private Result variant(String supplierCode, java.time.Instant sentAt, JsonNode params) {
        String vid = params.path("vid").asText("");
        JsonNode price = params.path("variantSellPrice");
        JsonNode fields = params.path("fields");
        boolean priceChanged = !fields.isArray() || fields.toString().contains("\"variantSellPrice\"");
        if (!ID.matcher(vid).matches()) {
            return Result.unusable("a VARIANT message needs params.vid");
        }
        if (!priceChanged || !price.isNumber() && !price.isTextual()) {
            return Result.taken("variant " + vid + ": no new price");
        }
        BigDecimal supplyPrice;
        try {
            // CJ's Webhook page (https://developers.cjdropshipping.cn/en/api/start/webhook.html, "Inbound message for
            // Variant"): variantSellPrice is "variant sell price, USD", a double, with no number of decimals named. Taken
            // as sent, never rounded: a price with more decimals than the dollar has is refused by the catalog (the
            // message goes to an operator) rather than turned into a price CJ did not name; trailing zeros are dropped.
            BigDecimal sent = new BigDecimal(price.asText());
            int cents = java.util.Currency.getInstance(CJ_CURRENCY).getDefaultFractionDigits();
            supplyPrice = sent.stripTrailingZeros().scale() > cents ? sent
                    : sent.setScale(cents, java.math.RoundingMode.UNNECESSARY);
            if (supplyPrice.scale() > cents) {
                // The offer keeps its old price, which sourcing ranks and prices with: the operator is told which offer,
                // CJ's price, and how to set one by hand (review s18, F7). No offer: the catalog says so below.
                Optional<OfferView> offer = catalog.offerWithSupplierSku(supplierCode, vid);
                if (offer.isPresent()) {
                    return Result.unusable("CJ now sells variant " + vid + " at " + sent.toPlainString() + " " + CJ_CURRENCY
                            + ", which has more decimals than " + CJ_CURRENCY + " has (" + cents + "): offer "
                            + offer.get().sku() + " of " + supplierCode + " keeps its price "
                            + Money.formatAsSent(offer.get().supplyPrice(), offer.get().currency())
                            + ", and sourcing ranks and prices it at that. If CJ's price holds, set the offer's supplyPrice"
                            + " by hand in whole cents (GET /api/suppliers/" + supplierCode + "/offers/" + offer.get().sku()
                            + ", then PUT it back with the new supplyPrice), then close this task");
                }
            }
        } catch (NumberFormatException | ArithmeticException notAPrice) {
            return Result.unusable("variantSellPrice is not a price: " + price.asText());
        }
        return report(supplierCode, sentAt, List.of(OfferReport.price(vid, supplyPrice, CJ_CURRENCY)));
    }

    private Result report(String supplierCode, java.time.Instant sentAt, List<OfferReport> reports) {
        try {
            OfferReport.Taken taken = catalog.supplierReported(supplierCode, sentAt, reports);
            List<String> unknown = taken.unknownSupplierSkus();
            List<String> stale = taken.staleSupplierSkus();
            return Result.taken((reports.size() - unknown.size() - stale.size()) + " offer(s) updated"
                    + (unknown.isEmpty() ? "" : "; no offer for variants " + unknown)
                    + (stale.isEmpty() ? "" : "; ignored as stale for variants " + stale + ": a newer message was applied"));
        } catch (ApiProblem refused) {
            return Result.unusable("the catalog refuses it: " + refused.getBody().getDetail());
        }
    }

    private static void collect(JsonNode value, Set<String> ids) {
        if (value.isArray()) {
            value.forEach(v -> collect(v, ids));
        } else if (value.isValueNode() && !value.asText().isBlank()) {
            ids.add(value.asText().trim());
        }
    }

    /** Our purchase order for a CJ order id: the one CJ named in its answer, or one CJ split it into. */
    private Optional<PurchaseOrderView> matchCjOrder(String supplierCode, String cjOrderId) {
        Optional<PurchaseOrderView> po = purchasing.purchaseOrderWithReference(supplierCode, cjOrderId);
        if (po.isPresent()) {
            return po;
        }
        return jdbc.queryForList("select purchase_order_number from cj_order_alias where supplier_code = ? and cj_order_id = ?",
                String.class, supplierCode, cjOrderId).stream().findFirst()
                .flatMap(purchasing::purchaseOrderNumbered);
    }

    private Result order(String supplierCode, String messageId, JsonNode params) {
        String number = text(params, "orderNumber").or(() -> text(params, "orderNum")).orElse(null);
        String cjOrderId = text(params, "cjOrderId").orElse(null);
        if (number == null || !ID.matcher(number).matches() || (cjOrderId != null && !ID.matcher(cjOrderId).matches())) {
            return Result.unusable("an ORDER message needs params.orderNumber (our purchase order number)"
                    + " and, if any, a plain params.cjOrderId");
        }
        Optional<PurchaseOrderView> po = purchasing.purchaseOrderNumbered(number)
                .filter(p -> p.supplierCode().equals(supplierCode));
        if (po.isEmpty()) {
            return Result.notYet("supplier " + supplierCode + " has no purchase order " + number + " (yet)");
        }
        String trackNumber = text(params, "trackNumber").filter(PushedText::isTrackingNumber).orElse(null);
        CjDropshipping.CjOrder order = new CjDropshipping.CjOrder(cjOrderId, number,
                CjOrderStatus.of(params.path("orderStatus").asText(null)), text(params, "logisticName").orElse(null),
                trackNumber);
        cj.event(messageId, number, order, po.get().status(), supplierCode)
                .ifPresentOrElse(event -> cj.receive(supplierCode, event),
                        () -> log.info("CJ order {} ({}) is {}: nothing to tell the order yet", number, cjOrderId,
                                order.status()));
        return Result.taken("order " + number + " is " + order.status());
    }

    private Result logistic(String supplierCode, CjSettings.Account account,
            String messageId, JsonNode params) {
        String cjOrderId = text(params, "orderId").orElse(null);
        String number = text(params, "trackingNumber").orElse(null);
        if (cjOrderId == null || !ID.matcher(cjOrderId).matches() || !PushedText.isTrackingNumber(number)) {
            return Result.unusable("a LOGISTIC message needs params.orderId and a usable trackingNumber");
        }
        List<CarrierEvent> events;
        try {
            events = trackEvents(account, number, params.path("logisticsTrackEvents"));
        } catch (RuntimeException bad) {
            return Result.unusable("logisticsTrackEvents: " + bad.getMessage());
        }
        Optional<PurchaseOrderView> po = matchCjOrder(supplierCode, cjOrderId);
        if (po.isEmpty()) {
            // CJ's order id is recorded once CJ's answer to our order is taken in: Dropflow tries again later.
            return Result.notYet("no purchase order of " + supplierCode + " is CJ order " + cjOrderId + " yet");
        }
        PurchaseOrderStatus status = po.get().status();
        // A parcel for a purchase order that is declined or cancelled here is taken as CJ's SHIPPED all the
        // same: it no longer fits, so it is recorded and goes to an operator (supplier-api.md, STALE).
        if (status != PurchaseOrderStatus.SHIPPED) {
            cj.event(messageId, po.get().number(), new CjDropshipping.CjOrder(cjOrderId, null,
                    CjOrderStatus.SHIPPED, text(params, "logisticName").orElse(null), number), status, supplierCode)
                    .ifPresent(event -> cj.receive(supplierCode, event));
        }
        try {
            for (CarrierEvent event : events) {
                if (tracking.parcelNumbered(event.carrierCode(), event.trackingNumber())
                        .filter(parcel -> !po.get().id().equals(parcel.purchaseOrderId())).isPresent()) {
                    // Another order's parcel has the number (CJ's SHIPPED under it was STALE): its scans are not ours
                    log.info("CJ tracks {} for {}, the number of another purchase order's parcel: not recorded",
                            number, po.get().number());
                    break;
                }
                tracking.receive(event);
            }
        } catch (NotFound untracked) {
            // A replacement's or exchange's parcel, or one shipped under another number: not followed here.
            log.info("CJ tracks {} for {}, which no shipment of ours has", number, po.get().number());
        }
        return Result.taken("parcel " + number + " of " + po.get().number());
    }

    /** CJ sends the track events as a JSON string holding an array (older messages: the array itself). */
    private static List<CarrierEvent> trackEvents(CjSettings.Account account, String number, JsonNode field)
            throws RuntimeException {
        JsonNode array = field;
        if (field.isTextual()) {
            try {
                array = field.asText().isBlank() ? JSON.createArrayNode() : JSON.readTree(field.asText());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("not a JSON array");
            }
        }
        List<CarrierEvent> events = new ArrayList<>();
        if (array == null || array.isMissingNode() || array.isNull()) {
            return events;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("not a JSON array");
        }
        for (JsonNode e : array) {
            String time = e.path("eventTime").asText("");
            String activity = e.path("activity").asText(e.path("statusDesc").asText(""));
            if (!e.path("status").canConvertToInt()) {
                throw new IllegalArgumentException("an event has no numeric status");
            }
            java.time.Instant at;
            try {
                at = LocalDateTime.parse(time, CJ_TIME).atZone(account.eventZone()).toInstant();
            } catch (java.time.DateTimeException badTime) {
                throw new IllegalArgumentException("an event's eventTime is not yyyy-MM-dd HH:mm:ss");
            }
            events.add(new CarrierEvent("cj-" + digest(time + "|" + e.path("status").asInt() + "|" + activity),
                    account.carrierCode(), number, CjTrackingStatuses.of(e.path("status").asInt()), at,
                    PushedText.clean(e.path("location").asText(null), 200), PushedText.clean(activity, 1000)));
        }
        return events;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText().trim()) : Optional.empty();
    }
}
