package io.dropflow.returns.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The returns API: asking to return goods, answering an offer, and what a return looks like now. */
@RestController
@Tag(name = "Returns")
@SecurityRequirement(name = "basic")
class ReturnController {

    private final ReturnIntake intake;
    private final ReturnViews views;

    ReturnController(ReturnIntake intake, ReturnViews views) {
        this.intake = intake;
        this.views = views;
    }

    @PostMapping("/api/orders/{orderId}/returns")
    @Operation(summary = "The consumer asks to return goods, for a refund or an exchange",
            description = "Only for a delivered order within the return window; pieces already claimed or returned cannot be "
                    + "returned again. The return policy (bpmn/return-policy.dmn) decides the rest.")
    @ApiResponse(responseCode = "201", description = "Return requested; its process has started")
    @ApiResponse(responseCode = "400", description = "Invalid request; the problem lists each bad field")
    @ApiResponse(responseCode = "409", description = "Not delivered, return window closed, or pieces already claimed or returned")
    @ApiResponse(responseCode = "422", description = "Lines the order does not have, or an exchange SKU the supplier does not offer")
    ResponseEntity<ReturnView> request(@PathVariable Long orderId, @Valid @RequestBody RequestReturn request) {
        ReturnRequest r = intake.request(orderId, request);
        return ResponseEntity.created(URI.create("/api/returns/" + r.getId())).body(views.of(r.getId()));
    }

    @GetMapping("/api/returns/{id}")
    @Operation(summary = "A return: policy, negotiation, return parcel, inspection, refund and history")
    ReturnView get(@PathVariable Long id) {
        return views.of(id);
    }

    @GetMapping("/api/orders/{orderId}/returns")
    @Operation(summary = "The returns of an order")
    List<ReturnView> ofOrder(@PathVariable Long orderId) {
        return views.ofOrder(orderId);
    }

    record ConsumerAnswer(@NotNull Boolean accept) {
    }

    @PostMapping("/api/returns/{id}/consumer-answer")
    @Operation(summary = "The consumer accepts or declines an alternative offer (a partial refund, keeping the goods)")
    @ApiResponse(responseCode = "200", description = "Answer taken, or the same answer again (nothing changes)")
    @ApiResponse(responseCode = "409", description = "No offer waits for an answer (the same answer again is a 200 that changes nothing)")
    ReturnView consumerAnswer(@PathVariable Long id, @Valid @RequestBody ConsumerAnswer answer) {
        intake.consumerAnswered(id, answer.accept());
        return views.of(id);
    }
}
