package io.dropflow.order.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's and operators' REST API for orders: take one in, look at it, cancel it. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "basic")
class OrderController {

    private final OrderIntake intake;
    private final OrderViews views;

    OrderController(OrderIntake intake, OrderViews views) {
        this.intake = intake;
        this.views = views;
    }

    @PostMapping
    @Operation(summary = "Take in a paid consumer order from the storefront",
            description = "Idempotent on storefrontOrderId: the same order again (the same content, however often and "
                    + "however concurrently) returns the existing order with 200; the same id with another content is a "
                    + "422 naming the fields that differ and the existing order.")
    @ApiResponse(responseCode = "201", description = "Order created; fulfillment started")
    @ApiResponse(responseCode = "200", description = "This storefront order was received before")
    @ApiResponse(responseCode = "400", description = "Invalid order; the problem lists each bad field")
    @ApiResponse(responseCode = "422", description = "An SKU is not offered by any supplier (unknown-sku), or the "
            + "storefrontOrderId was taken before with another content (storefront-order-id-reused)")
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder request) {
        OrderIntake.Placed result;
        try {
            result = intake.placeAndView(request);
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // The same storefront order arrived twice at once and the other request won: asked again, the
            // intake finds the winner's order and compares this request with it (200, or 422 for another content).
            result = intake.placeAndView(request);
        }
        OrderView view = result.view();
        return result.created()
                ? ResponseEntity.created(URI.create("/api/orders/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An order with its purchase orders, parcel tracking, ledger and timeline")
    OrderView get(@PathVariable Long id) {
        return view(intake.find(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "The consumer cancels the order",
            description = "Possible until the supplier ships; the supplier is asked to cancel and may refuse "
                    + "because it already shipped. 409 once the parcel is on its way. The same cancellation again "
                    + "answers 202 with the order as it stands and records nothing new.")
    @ApiResponse(responseCode = "202", description = "Cancellation under way")
    @ApiResponse(responseCode = "409", description = "Too late to cancel")
    ResponseEntity<OrderView> cancel(@PathVariable Long id) {
        // The order's process may be moving at this very moment (a job, a partner's event): the
        // cancellation's transaction is then tried again; after three tries the caller gets a 409.
        for (int attempt = 1; ; attempt++) {
            try {
                intake.cancel(id);
                break;
            } catch (org.springframework.dao.ConcurrencyFailureException
                    | DataIntegrityViolationException busy) { // the latter: two early cancellations kept at once
                if (attempt == 3) {
                    throw busy;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(intake.find(id)));
    }

    private OrderView view(Order order) {
        return views.of(order.getId());
    }
}
