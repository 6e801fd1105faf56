package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.web.InvalidRequest;
import io.dropflow.web.IsoDates;
import io.dropflow.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's and operators' REST API for orders: take one in, find and look at them, cancel one. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "basic")
class OrderController {

    /** Rows of a page of orders unless the caller asks for another number. */
    static final int DEFAULT_PAGE_SIZE = 50;
    /** The most rows a page of orders has: a page is one statement, its lines another. */
    static final int MAX_PAGE_SIZE = 200;

    private final OrderIntake intake;
    private final OrderViews views;
    private final OrderSearch search;

    OrderController(OrderIntake intake, OrderViews views, OrderSearch search) {
        this.intake = intake;
        this.views = views;
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Orders, newest first, a page at a time",
            description = "Filters (each optional, all of them must hold): status (one or more, repeated or comma "
                    + "separated), storefrontOrderId, createdFrom (at or after) and createdTo (before), ISO-8601 "
                    + "instants such as 2026-12-01T00:00:00Z (years 1900 to 9999, to the microsecond at most). page "
                    + "from 0, size 1 to " + MAX_PAGE_SIZE + " (default " + DEFAULT_PAGE_SIZE + "). A bad value is a "
                    + "400 naming each parameter.")
    @ApiResponse(responseCode = "200", description = "A page of order summaries with the total count")
    @ApiResponse(responseCode = "400", description = "An unknown status, a time that is not an ISO-8601 instant, "
            + "one finer than a microsecond or outside the years 1900 to 9999, "
            + "createdTo not after createdFrom, a size outside 1-" + MAX_PAGE_SIZE + " or a negative page")
    PageView<OrderSummaryView> list(
            @Parameter(description = "OrderStatus values, e.g. SHIPPED or OUT_OF_STOCK,NEEDS_REVIEW")
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String storefrontOrderId,
            @Parameter(description = "Orders taken at or after this instant", example = "2026-12-01T00:00:00Z")
            @RequestParam(required = false) String createdFrom,
            @Parameter(description = "Orders taken before this instant", example = "2026-12-02T00:00:00Z")
            @RequestParam(required = false) String createdTo,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        Set<OrderStatus> statuses = statuses(status, errors);
        Instant from = instant("createdFrom", createdFrom, errors);
        Instant to = instant("createdTo", createdTo, errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new InvalidRequest.FieldError("createdTo", "must be after createdFrom (" + from + "), was " + to));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new InvalidRequest.FieldError("size", "must be from 1 to " + MAX_PAGE_SIZE + ", was " + size));
        }
        if (page < 0) {
            errors.add(new InvalidRequest.FieldError("page", "must not be negative (the first page is 0), was " + page));
        } else if ((long) page * Math.max(size, 1) > Integer.MAX_VALUE) {
            errors.add(new InvalidRequest.FieldError("page", "starts at row " + (long) page * size + " (page " + page
                    + " of " + size + " rows), beyond the last row that can be read (" + Integer.MAX_VALUE
                    + "); ask for a smaller page"));
        }
        if (storefrontOrderId != null && storefrontOrderId.indexOf('\u0000') >= 0) {
            // PostgreSQL takes no U+0000 in text, not even to compare: refused here, not a 500 at the database.
            errors.add(new InvalidRequest.FieldError("storefrontOrderId",
                    "must not contain the NUL character (U+0000)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        String storefrontId = storefrontOrderId == null || storefrontOrderId.isBlank() ? null : storefrontOrderId.trim();
        return PageView.of(search.find(new OrderSearch.Criteria(statuses, storefrontId, from, to), page, size));
    }

    /** ?status=SHIPPED&status=DELIVERED or ?status=SHIPPED,DELIVERED; an unknown one is named with those there are. */
    private static Set<OrderStatus> statuses(List<String> values, List<InvalidRequest.FieldError> errors) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(OrderStatus.valueOf(name.trim()));
                } catch (IllegalArgumentException unknown) {
                    errors.add(new InvalidRequest.FieldError("status", "has " + name.trim() + ", which is not one of "
                            + Arrays.toString(OrderStatus.values())));
                }
            }
        }
        return statuses;
    }

    /** Instants as a URL carries them: the offset's "+" written %2B, else it arrives as a space. */
    private static final String INSTANT_EXAMPLES = "2026-12-01T00:00:00Z or 2026-12-01T08:00:00%2B08:00 (a \"+\" is"
            + " sent as %2B in a URL)";

    /** A date-time whose offset's "+" was sent unencoded, so that it arrived as a space: "2026-12-01T08:00:00 08:00". */
    private static final java.util.regex.Pattern PLUS_SENT_UNENCODED = java.util.regex.Pattern.compile(
            "\\d{4,}-\\d{2}-\\d{2}T[0-9:.,]+ \\d{2}(:?\\d{2}){0,2}");

    private static Instant instant(String parameter, String value, List<InvalidRequest.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (PLUS_SENT_UNENCODED.matcher(text).matches()) {
            // "+08:00" written into a URL as it is arrives as " 08:00": the example the refusal gave was that very
            // spelling (exploratory test s18, H10)
            errors.add(new InvalidRequest.FieldError(parameter, "must be an ISO-8601 instant, was " + value + ": its"
                    + " offset arrived after a space, as a \"+\" sent unencoded in a URL does; send the \"+\" as %2B,"
                    + " such as 2026-12-01T08:00:00%2B08:00"));
            return null;
        }
        Optional<String> unreal = IsoDates.timeRefusal(text);
        if (unreal.isPresent()) {
            // java.time reads 23:59:60 as 23:59:59 on any day and takes offsets up to ±18:00 (exploratory test s18, H10)
            errors.add(new InvalidRequest.FieldError(parameter, "must be an ISO-8601 instant such as "
                    + INSTANT_EXAMPLES + ", was " + value + ": " + unreal.get()));
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            // Held as a request body's date-time is (years 1900 to 9999, to the microsecond), in its words: the
            // database's driver would round a finer time, and the filter applied would not be the one sent
            Optional<String> refusal = IsoDates.refusal(instant);
            refusal.ifPresent(why -> errors.add(new InvalidRequest.FieldError(parameter, why)));
            return refusal.isPresent() ? null : instant;
        } catch (DateTimeParseException notAnInstant) {
            errors.add(new InvalidRequest.FieldError(parameter, "must be an ISO-8601 instant such as "
                    + INSTANT_EXAMPLES + ", was " + value));
            return null;
        }
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
        // (DataIntegrityViolationException among the conflicts: two early cancellations kept at once)
        io.dropflow.processengine.OnConflict.retry(() -> intake.cancel(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(intake.find(id)));
    }

    private OrderView view(Order order) {
        return views.of(order.getId());
    }
}
