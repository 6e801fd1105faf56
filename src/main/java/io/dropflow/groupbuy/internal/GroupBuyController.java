package io.dropflow.groupbuy.internal;

import io.dropflow.security.Groups;
import io.dropflow.web.MostRows;
import io.dropflow.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group buying for consumers' storefronts, operators and group leaders: a group-buy order with its
 * pickup code, batches, the leader's receipt of a batch's parcels, and pickups against codes. A
 * leader sees and acts for their own pickup points only, and only while active (403 otherwise);
 * operators, supervisors and analysts for all.
 */
@RestController
@RequestMapping("/api/group-buy")
@Tag(name = "Group buying")
@SecurityRequirement(name = "basic")
class GroupBuyController {

    private static final Set<String> STAFF = Set.of("GROUP_" + Groups.OPERATORS, "GROUP_" + Groups.SUPERVISORS,
            "GROUP_" + Groups.ANALYSTS, "GROUP_" + Groups.ADMINS);
    private static final List<String> BATCH_SORTS = List.of("cutoffAt", "id");

    private final GroupBuyViews views;
    private final Collection collection;
    private final BatchProcess process;
    private final Arrivals arrivals;

    GroupBuyController(GroupBuyViews views, Collection collection, BatchProcess process, Arrivals arrivals) {
        this.views = views;
        this.collection = collection;
        this.process = process;
        this.arrivals = arrivals;
    }

    record PickupRequest(@Schema(description = "The code the consumer shows", example = "K7Q2M9XP")
            @NotBlank @Size(max = 16) String pickupCode) {

        /** A code typed with spaces around it (" K7Q2M9XP ") is the code. */
        PickupRequest {
            pickupCode = pickupCode == null ? null : pickupCode.strip();
        }
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "A group-buy order: its pickup point, batch, cutoff, pickup code and what became of each line")
    GroupBuyViews.OrderView order(@PathVariable Long orderId) {
        return views.order(orderId);
    }

    @GetMapping("/batches")
    @Operation(summary = "Batches, a page at a time", description = "Filters: pickupPoint, status (OPEN, CLOSED, "
            + "ENDED_EMPTY, SETTLED). A leader sees the batches of their own points only (another point is a 403). "
            + "Newest cutoff first; sort by cutoffAt or id.")
    PageView<GroupBuyViews.BatchSummary> batches(
            @RequestParam(required = false) String pickupPoint, @RequestParam(required = false) Batch.Status status,
            @PageableDefault(size = 20) @MostRows(200) Pageable page, Authentication caller) {
        boolean staff = isStaff(caller);
        if (!staff && pickupPoint != null) {
            requireLeader(caller, views.pointOfCode(pickupPoint));
        }
        return PageView.of(views.batches(pickupPoint, staff ? null : caller.getName(), status,
                GroupBuyCatalogController.sorted(page, BATCH_SORTS, Sort.by(Sort.Direction.DESC, "cutoffAt"))));
    }

    @GetMapping("/batches/{batchId}")
    @Operation(summary = "A batch: cutoff, purchase orders per supplier (and backups), orders and their lines",
            description = "Pickup codes are shown to staff, never to the leader.")
    GroupBuyViews.BatchView batch(@PathVariable Long batchId, Authentication caller) {
        boolean staff = isStaff(caller);
        if (!staff) {
            requireLeader(caller, views.pointOf(batchId));
        }
        return views.batch(batchId, staff);
    }

    @PostMapping("/batches/{batchId}/receipt")
    @Operation(summary = "The leader confirms the batch's delivered parcels are at the pickup point",
            description = "Completes the receipt task of every parcel of the batch the carrier delivered, and takes "
                    + "a late receipt of a delivered parcel an operator decides on (reported missing, or not confirmed "
                    + "in time) or chose to keep waiting for. When it answers, the goods are at the point and can be handed out; the consumers are "
                    + "told right after. 409 when none waits (saying so when an operator decides on a parcel the "
                    + "carrier did not deliver); 403 for another point's leader; 404 for a batch that does not exist.")
    @Transactional
    Map<String, List<Integer>> receipt(@PathVariable Long batchId, Authentication caller) {
        PickupPoint point = views.pointOf(batchId); // a batch that does not exist is a 404, for staff too
        if (!isStaff(caller)) {
            requireLeader(caller, point);
        }
        List<Integer> confirmed = process.confirmReceipt(batchId, caller.getName());
        if (confirmed.isEmpty()) {
            throw GroupBuyProblem.nothingToReceive(batchId, process.parcelsWithOperator(batchId));
        }
        // At the point as the receipt is answered: the leader hands the goods out at once (the consumers are told
        // by each purchase's "Tell consumers it is ready", which finds the lines there)
        confirmed.forEach(purchaseNo -> arrivals.atThePoint(batchId, purchaseNo, caller.getName()));
        return Map.of("confirmedPurchases", confirmed);
    }

    @PostMapping("/pickup-points/{code}/pickups")
    @Operation(summary = "A consumer collects at the pickup point: the leader scans the pickup code",
            description = "Hands over every line of the order that is at the point. 409 when the code is not one of "
                    + "this point's, was used already, or nothing of its order has arrived; 403 for another point's leader.")
    @Transactional
    Collection.Pickup pickup(@PathVariable String code, @Valid @RequestBody PickupRequest request,
            Authentication caller) {
        return collection.pickup(code, request.pickupCode(), caller.getName(), isStaff(caller));
    }

    private static boolean isStaff(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }

    private static void requireLeader(Authentication caller, PickupPoint point) {
        if (!point.isLedBy(caller.getName())) {
            throw GroupBuyProblem.notYourPickupPoint(caller.getName(), point);
        }
    }
}
