package io.dropflow.order.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.order.internal.OrderIntake;
import io.dropflow.order.internal.PlaceOrder;
import io.dropflow.storefront.shopify.ShopifyWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopify's {@code orders/create} webhook: verified by its HMAC, mapped to our order intake (the
 * Shopify order id is the storefront order id, so a redelivery is the same order), validated like
 * any order. A wrong HMAC is a 401 and creates nothing; an order we cannot take is a 4xx problem
 * that Shopify keeps redelivering until it is fixed, so nothing is lost.
 */
@RestController
@Tag(name = "Partner webhooks")
class ShopifyOrderWebhook {

    static final String PATH = "/api/webhooks/shopify/orders-create";

    private static final Logger log = LoggerFactory.getLogger(ShopifyOrderWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopifyWebhooks webhooks;
    private final OrderIntake intake;
    private final Validator validator;

    ShopifyOrderWebhook(ShopifyWebhooks webhooks, OrderIntake intake, Validator validator) {
        this.webhooks = webhooks;
        this.intake = intake;
        this.validator = validator;
    }

    @PostMapping(PATH)
    @Operation(summary = "Shopify's orders/create webhook (verified by X-Shopify-Hmac-Sha256)")
    ResponseEntity<?> orderCreated(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = ShopifyWebhooks.HMAC_HEADER, required = false) String hmac) {
        if (body == null || !webhooks.verify(body, hmac)) {
            log.warn("Shopify webhook refused: {}", webhooks.configured() ? "HMAC does not match" : "Shopify is not configured");
            return problem(HttpStatus.UNAUTHORIZED, "missing or wrong " + ShopifyWebhooks.HMAC_HEADER);
        }
        PlaceOrder order;
        try {
            order = map(JSON.readTree(body));
        } catch (java.io.IOException | RuntimeException e) {
            return problem(HttpStatus.BAD_REQUEST, "not a Shopify order: " + e.getMessage());
        }
        Set<ConstraintViolation<PlaceOrder>> violations = validator.validate(order);
        if (!violations.isEmpty()) {
            List<String> errors = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).toList();
            return problem(HttpStatus.BAD_REQUEST, "the Shopify order cannot be taken: " + String.join("; ", errors));
        }
        OrderIntake.Intake result;
        try {
            result = intake.place(order);
        } catch (DataIntegrityViolationException concurrentRedelivery) {
            return ResponseEntity.ok(Map.of("result", "ALREADY_RECEIVED"));
        }
        return ResponseEntity.ok(Map.of("result", result.created() ? "CREATED" : "ALREADY_RECEIVED",
                "orderId", result.order().getId()));
    }

    /** Shopify's order JSON in our words. */
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
        List<PlaceOrder.Line> lines = new ArrayList<>();
        for (JsonNode item : o.path("line_items")) {
            lines.add(new PlaceOrder.Line(text(item, "sku"), item.path("quantity").asInt(),
                    item.hasNonNull("price") ? new BigDecimal(item.path("price").asText()) : null));
        }
        if (!o.hasNonNull("id")) {
            throw new IllegalArgumentException("no id");
        }
        return new PlaceOrder(o.path("id").asText(), text(o, "currency"), null,
                new PlaceOrder.ConsumerContact(consumerName.isBlank() ? name.trim() : consumerName, email,
                        text(ship, "phone") != null ? text(ship, "phone") : text(customer, "phone")),
                new PlaceOrder.Address(name.trim(), text(ship, "address1"), text(ship, "address2"), text(ship, "city"),
                        text(ship, "zip"), text(ship, "province_code"), text(ship, "country_code")),
                lines);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dropflow.io/problems/shopify-webhook"));
        return ResponseEntity.status(status).body(problem);
    }
}
