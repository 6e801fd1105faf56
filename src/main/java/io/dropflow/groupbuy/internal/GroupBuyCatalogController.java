package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyCatalog.LeaderDetails;
import io.dropflow.groupbuy.internal.GroupBuyCatalog.OfferDetails;
import io.dropflow.groupbuy.internal.GroupBuyCatalog.PickupPointDetails;
import io.dropflow.security.Groups;
import io.dropflow.web.DecimalDigits;
import io.dropflow.web.MostRows;
import io.dropflow.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group buying in the catalog API: leaders, pickup points and the SKUs offered for group buying.
 * Anyone logged in reads them; supervisors and analysts change them, as they change the suppliers.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Catalog")
@SecurityRequirement(name = "basic")
class GroupBuyCatalogController {

    static final String EDITORS = Groups.MASTER_DATA_EDITORS;
    private static final String CODE = "[A-Z0-9][A-Z0-9_-]{0,63}";
    private static final String CODE_RULE = "must be 1 to 64 upper-case letters, digits, '_' or '-'";

    private final GroupBuyCatalog catalog;

    GroupBuyCatalogController(GroupBuyCatalog catalog) {
        this.catalog = catalog;
    }

    @Schema(description = "A group leader (团长): runs pickup points, earns a commission on what consumers collect")
    // Sent back as a GET answered it: the view's own read-only fields are taken and ignored (api.md)
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"createdAt", "updatedAt"})
    record LeaderRequest(
            @Schema(example = "LEO") @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
            @Schema(example = "Leo Leader") @NotBlank @Size(max = 200) String name,
            @Schema(example = "+86 21 5555 0101") @Size(max = 40) String phone,
            @Email @Size(max = 320) String email,
            @Schema(description = "The leader's login (Tasklist and the leader API): an engine user in group leaders",
                    example = "leo")
            @NotBlank @Size(max = 64) String userId,
            @Schema(description = "Share of a collected order's sale, 0 to 0.5", example = "0.10")
            @NotNull @DecimalMin("0") @DecimalMax("0.5") @DecimalDigits(integer = 1, fraction = 4) BigDecimal commissionRate,
            @Schema(description = "false: kept, but acts for no pickup point (leader API), and their points take no orders")
            Boolean active,
            @Schema(description = "The version read; required to change a leader") Long version) {

        GroupBuyCatalog.LeaderData data() {
            return new GroupBuyCatalog.LeaderData(name, phone, email, userId, commissionRate, active == null || active);
        }
    }

    @Schema(description = "A pickup point (自提点): where a neighbourhood's group-buy orders are delivered and collected")
    // Sent back as a GET answered it: the view's own read-only fields are taken and ignored (api.md)
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"createdAt", "updatedAt"})
    record PickupPointRequest(
            @Schema(example = "DEMO-POINT") @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
            @Schema(example = "Lakeside Convenience Store") @NotBlank @Size(max = 200) String name,
            @Schema(example = "88 Lakeside Road") @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Schema(example = "Shanghai") @NotBlank @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Schema(description = "An input of group-buy-cutoff.dmn", example = "Shanghai") @Size(max = 100) String region,
            @Schema(example = "CN") @NotBlank @io.dropflow.web.CountryCode String country,
            @Schema(description = "The cutoff's time zone (IANA id)", example = "Asia/Shanghai") @NotBlank @Size(max = 64) String timeZone,
            @Schema(description = "The leader's code", example = "LEO") @NotBlank @Size(max = 64) String leader,
            @Schema(description = "false: takes no new orders; its open batch goes on") Boolean active,
            @Schema(description = "The version read; required to change a pickup point") Long version) {

        GroupBuyCatalog.PickupPointData data() {
            return new GroupBuyCatalog.PickupPointData(new PickupPoint.Address(name, line1, line2, city, postalCode,
                    region, country), timeZone, leader, active == null || active);
        }
    }

    @Schema(description = "An SKU offered for group buying; a supplier's offer in the catalog must exist")
    // Sent back as a GET answered it: the view's own read-only fields are taken and ignored (api.md)
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"createdAt", "updatedAt"})
    record OfferRequest(
            @Schema(example = "DEMO-MUG") @NotBlank @Size(max = 64) String sku,
            @Schema(description = "Pieces one batch (one pickup point, one cutoff) may take", example = "100")
            @Min(1) @Max(1_000_000) int stockCap,
            Boolean active,
            @Schema(description = "The version read; required to change an offer") Long version) {
    }

    @GetMapping("/leaders")
    @Operation(summary = "Group leaders, a page at a time", description = "Filter: active. Sort by code or name.")
    PageView<LeaderDetails> leaders(@RequestParam(required = false) Boolean active,
            @PageableDefault(size = 20) @MostRows(200) Pageable page) {
        return PageView.of(catalog.leaders(active, sorted(page, List.of("code", "name"), "code")));
    }

    @PostMapping("/leaders")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add a group leader", description = "409 when the code is taken.")
    @ApiResponse(responseCode = "201", description = "Leader added (Location: its address)")
    @ApiResponse(responseCode = "409", description = "The code is taken")
    ResponseEntity<LeaderDetails> addLeader(@Valid @RequestBody LeaderRequest l) {
        LeaderDetails created = catalog.addLeader(l.code(), l.data());
        return ResponseEntity.created(URI.create("/api/leaders/" + created.code())).body(created);
    }

    @GetMapping("/leaders/{code}")
    @Operation(summary = "A group leader")
    LeaderDetails leader(@PathVariable String code) {
        return catalog.leader(code);
    }

    @PutMapping("/leaders/{code}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a group leader", description = "Send the version you read; a change to an older version is a 409.")
    LeaderDetails changeLeader(@PathVariable String code, @Valid @RequestBody LeaderRequest l) {
        sameKey("code", "leader's code", code, l.code());
        return catalog.changeLeader(code, l.data(), required(l.version()));
    }

    @GetMapping("/pickup-points")
    @Operation(summary = "Pickup points, a page at a time",
            description = "Filters: active, leader (code), country, city. Sort by code, name, city or country.")
    PageView<PickupPointDetails> points(@RequestParam(required = false) Boolean active,
            @RequestParam(required = false) String leader, @RequestParam(required = false) String country,
            @RequestParam(required = false) String city,
            @PageableDefault(size = 20) @MostRows(200) Pageable page) {
        return PageView.of(catalog.points(new GroupBuyCatalog.PointFilter(active, leader, country, city),
                sorted(page, List.of("code", "name", "city", "country"), "code")));
    }

    @PostMapping("/pickup-points")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add a pickup point", description = "409 when the code is taken; 400 for an unknown leader or time zone.")
    @ApiResponse(responseCode = "201", description = "Pickup point added (Location: its address)")
    @ApiResponse(responseCode = "409", description = "The code is taken")
    ResponseEntity<PickupPointDetails> addPoint(@Valid @RequestBody PickupPointRequest p) {
        PickupPointDetails created = catalog.addPoint(p.code(), p.data());
        return ResponseEntity.created(URI.create("/api/pickup-points/" + created.code())).body(created);
    }

    @GetMapping("/pickup-points/{code}")
    @Operation(summary = "A pickup point")
    PickupPointDetails point(@PathVariable String code) {
        return catalog.point(code);
    }

    @PutMapping("/pickup-points/{code}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a pickup point",
            description = "Send the version you read; a change to an older version is a 409. An inactive point takes no new orders.")
    PickupPointDetails changePoint(@PathVariable String code, @Valid @RequestBody PickupPointRequest p) {
        sameKey("code", "pickup point's code", code, p.code());
        return catalog.changePoint(code, p.data(), required(p.version()));
    }

    @GetMapping("/group-buy-offers")
    @Operation(summary = "SKUs offered for group buying, a page at a time", description = "Filter: active. Sort by sku or stockCap.")
    PageView<OfferDetails> offers(@RequestParam(required = false) Boolean active,
            @PageableDefault(size = 50) @MostRows(200) Pageable page) {
        return PageView.of(catalog.offers(active, sorted(page, List.of("sku", "stockCap"), "sku")));
    }

    @PostMapping("/group-buy-offers")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Offer an SKU for group buying",
            description = "409 when it is offered already; 400 when no supplier offers the SKU.")
    @ApiResponse(responseCode = "201", description = "SKU offered for group buying (Location: its address)")
    @ApiResponse(responseCode = "409", description = "The SKU is offered for group buying already")
    ResponseEntity<OfferDetails> addOffer(@Valid @RequestBody OfferRequest o) {
        OfferDetails created = catalog.addOffer(o.sku(), o.stockCap(), o.active() == null || o.active());
        return ResponseEntity.created(URI.create("/api/group-buy-offers/" + created.sku())).body(created);
    }

    @GetMapping("/group-buy-offers/{sku}")
    @Operation(summary = "One SKU offered for group buying")
    OfferDetails offer(@PathVariable String sku) {
        return catalog.offer(sku);
    }

    @PutMapping("/group-buy-offers/{sku}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a group-buy offer", description = "Send the version you read; a change to an older version is a 409.")
    OfferDetails changeOffer(@PathVariable String sku, @Valid @RequestBody OfferRequest o) {
        sameKey("sku", "offer's SKU", sku, o.sku());
        return catalog.changeOffer(sku, o.stockCap(), o.active() == null || o.active(), required(o.version()));
    }

    private static void sameKey(String field, String what, String path, String body) {
        if (!path.equals(body)) {
            throw GroupBuyProblem.invalid(field, "is the " + what + ", which cannot change (" + path + " to " + body + ")");
        }
    }

    private static long required(Long version) {
        if (version == null) {
            throw GroupBuyProblem.invalid("version", "is required: send the version you read");
        }
        return version;
    }

    private static Pageable sorted(Pageable page, List<String> allowed, String fallback) {
        return sorted(page, allowed, Sort.by(fallback));
    }

    /**
     * The page as asked for (at most 200 rows: {@link MostRows} on each list), sorted by the properties {@code allowed} only (else a 400
     * naming the property, as the supplier lists answer), or by {@code fallback} when no sort is asked for.
     */
    static Pageable sorted(Pageable page, List<String> allowed, Sort fallback) {
        return PageRequest.of(page.getPageNumber(), page.getPageSize(),
                io.dropflow.web.ListSorting.orElse(page.getSort(), allowed, fallback));
    }
}
