package io.dropflow.order.internal;

import io.dropflow.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A storefrontOrderId Dropflow took an order under, sent again with another content: a 422, as the
 * IETF's Idempotency-Key draft answers a key reused with a different payload
 * (https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/, "Error Scenarios"; its
 * 409 is for a request still being processed). The problem names the fields that differ and the order.
 */
class StorefrontOrderIdReused extends ApiProblem {

    StorefrontOrderIdReused(String storefrontOrderId, Long orderId, List<String> differingFields) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "storefront-order-id-reused", "Storefront order id already used",
                "storefront order " + storefrontOrderId + " was taken as order " + orderId + " with another content ("
                        + String.join(", ", differingFields) + " differ): send it unchanged to read that order, or a"
                        + " new storefrontOrderId for another order");
        property("storefrontOrderId", storefrontOrderId);
        property("orderId", orderId);
        property("differingFields", List.copyOf(differingFields));
    }
}
