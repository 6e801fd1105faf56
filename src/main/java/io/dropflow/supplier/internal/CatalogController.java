package io.dropflow.supplier.internal;

import io.dropflow.security.Groups;
import io.dropflow.supplier.SupplierStatus;
import io.dropflow.web.InvalidRequest;
import io.dropflow.web.NoNulCharacter;
import io.dropflow.web.MostRows;
import io.dropflow.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog API: suppliers and their offers, imported and exported in bulk. Anyone logged in
 * reads it; only supervisors and analysts change it.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Catalog")
@SecurityRequirement(name = "basic")
class CatalogController {

    /** Who may change the catalog; operators read it. */
    static final String CATALOG_EDITORS = Groups.MASTER_DATA_EDITORS;
    /** 50 000 rows of a price list take about 5 MB. */
    static final int MAX_IMPORT_BYTES = 20_000_000;
    static final List<String> SUPPLIER_SORTS = List.of("code", "name", "region", "tier", "score");
    /** The offer's fields as the API names them (exploratory test s15 D8: {@code stockLevel}, the table's name, was asked for). */
    static final List<String> OFFER_SORTS = List.of("sku", "supplierSku", "category", "stock", "supplyPrice");

    private final CatalogMaintenance catalog;
    private final com.fasterxml.jackson.databind.ObjectReader jsonOffers;

    CatalogController(CatalogMaintenance catalog, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.catalog = catalog;
        this.jsonOffers = OfferImport.jsonOffers(mapper);
    }

    /** Rules of a new supplier's request only: a change takes its code from the path, any other is refused. */
    interface NewSupplierRules {
    }

    @Schema(description = "A supplier the seller buys from")
    // Sent back as a GET answered it: the view's own read-only fields are taken and ignored (api.md)
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"status", "suspensionReason", "rejectionReason", "flagged",
            "notServed", "createdAt", "updatedAt"})
    record SupplierRequest(
            @Schema(example = "ACME", description = "Required for a new supplier; a change may leave it out (the "
                    + "path's code), or must send the path's code")
            @NotBlank(groups = NewSupplierRules.class) @Pattern(groups = NewSupplierRules.class,
                    regexp = "[A-Z0-9][A-Z0-9_-]{0,63}", message = "must be 1 to 64 upper-case letters, digits, '_' or '-'")
            String code,
            @Schema(example = "Acme Homeware") @NotBlank @Size(max = 200) String name,
            @Schema(example = "DE") @NotBlank @io.dropflow.web.CountryCode String region,
            @Schema(description = "0-100, the seller's rating until the scorecard has enough facts", example = "80")
            @NotNull @Min(0) @Max(100) Integer score,
            @Schema(description = "1 preferred, 2 standard, 3 on probation", example = "2")
            @NotNull @Min(1) @Max(3) Integer tier,
            @Email @Size(max = 320) String contactEmail,
            @Schema(description = "The version read; required to change a supplier") Long version) {
    }

    record Suspension(@Schema(example = "business licence expired") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "What one supplier offers for one of our SKUs")
    // Sent back as a GET answered it: the view's own read-only fields are taken and ignored (api.md)
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"supplierCode", "updatedAt"})
    record OfferRequest(
            @Schema(example = "DEMO-MUG") @NotBlank @Size(max = 64) String sku,
            @Schema(example = "ACME-MUG-01") @NotBlank @Size(max = 64) String supplierSku,
            @Schema(example = "6.00") @NotNull @OfferAmount BigDecimal supplyPrice,
            @Schema(description = "ISO 4217, the supplier's currency", example = "EUR") @NotBlank String currency,
            @Schema(example = "2.50") @NotNull @OfferAmount BigDecimal shippingCost,
            @Schema(example = "500") @NotNull @PositiveOrZero Integer stock,
            @Schema(example = "DE") @NotBlank String shipFrom,
            @Schema(description = "The ship-by hours agreed with the supplier", example = "48")
            @NotNull @Min(1) @Max(720) Integer shipByHours,
            @Schema(example = "homeware") @NotBlank String category,
            @Schema(description = "false: kept, but not offered") Boolean active,
            @Schema(description = "The version read; required to change an offer") Long version) {

        OfferTerms terms() {
            return new OfferTerms(supplierSku, supplyPrice, currency, shippingCost, stock, shipFrom, shipByHours,
                    category, active == null || active);
        }
    }

    @GetMapping("/suppliers")
    @Operation(summary = "Suppliers, a page at a time", description = "Filters: status (ACTIVE, SUSPENDED, ONBOARDING, "
            + "REJECTED), region, tier, flagged (by the scorecard). Sort by code, name, region, tier or score.")
    PageView<SupplierDetails> suppliers(@RequestParam(required = false) SupplierStatus status,
            @RequestParam(required = false) @NoNulCharacter String region, @RequestParam(required = false) Integer tier,
            @RequestParam(required = false) Boolean flagged,
            @PageableDefault(size = 20) @MostRows(200) Pageable page) {
        return PageView.of(catalog.suppliers(new CatalogMaintenance.SupplierFilter(status, region, tier, flagged),
                sorted(page, SUPPLIER_SORTS, "code")));
    }

    @PostMapping("/suppliers")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Add a supplier", description = "409 when its code is taken.")
    @ApiResponse(responseCode = "201", description = "Supplier added (Location: its address)")
    @ApiResponse(responseCode = "409", description = "The code is taken")
    ResponseEntity<SupplierDetails> create(
            @Validated({Default.class, NewSupplierRules.class}) @RequestBody SupplierRequest s) {
        SupplierDetails created = catalog.create(new CatalogMaintenance.NewSupplier(s.code(), s.name(), s.region(),
                s.score(), s.tier(), s.contactEmail()));
        return ResponseEntity.created(URI.create("/api/suppliers/" + created.code())).body(created);
    }

    @GetMapping("/suppliers/{code}")
    @Operation(summary = "A supplier, with its status and whether its scorecard flags it")
    SupplierDetails supplier(@PathVariable String code) {
        return catalog.supplier(code);
    }

    @PutMapping("/suppliers/{code}")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Change a supplier", description = "Send the version you read; a change to an older version "
            + "is a 409. The code is the path's: leave it out of the body, or send the same; another is a 400.")
    SupplierDetails change(@PathVariable String code, @Valid @RequestBody SupplierRequest s) {
        if (s.code() != null && !code.equals(s.code())) {
            throw new InvalidRequest("Invalid catalog entry", List.of(new InvalidRequest.FieldError("code",
                    "is " + s.code() + " in the body but " + code + " in the path: a supplier's code cannot change; "
                            + "leave code out of the body or send " + code)));
        }
        return catalog.change(code, new CatalogMaintenance.SupplierChanges(s.name(), s.region(), s.score(), s.tier(),
                s.contactEmail(), required(s.version())));
    }

    @PostMapping("/suppliers/{code}/suspension")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Suspend a supplier", description = "It gets no new purchase orders; the ones it has keep running. "
            + "An applicant (ONBOARDING, REJECTED) is a 409: its onboarding decides.")
    SupplierDetails suspend(@PathVariable String code, @Valid @RequestBody Suspension suspension) {
        return catalog.suspend(code, suspension.reason());
    }

    @DeleteMapping("/suppliers/{code}/suspension")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Reactivate a suspended supplier")
    SupplierDetails reactivate(@PathVariable String code) {
        return catalog.reactivate(code);
    }

    @GetMapping("/suppliers/{code}/offers")
    @Operation(summary = "A supplier's offers, a page at a time", description = "Filters: category, active. Sort by "
            + "sku, supplierSku, category, stock or supplyPrice (within each currency: currency first).")
    PageView<OfferDetails> offersOf(@PathVariable String code,
            @RequestParam(required = false) @NoNulCharacter String category,
            @RequestParam(required = false) Boolean active,
            @PageableDefault(size = 50) @MostRows(200) Pageable page) {
        catalog.supplier(code);
        return PageView.of(catalog.offers(new CatalogMaintenance.OfferFilter(code, null, category, active),
                offersSorted(page)));
    }

    @GetMapping("/offers")
    @Operation(summary = "Offers of every supplier, a page at a time", description = "Filters: sku, supplier, category, active. "
            + "Sort by sku, supplierSku, category, stock or supplyPrice (within each currency: currency first).")
    PageView<OfferDetails> offers(@RequestParam(required = false) @NoNulCharacter String sku,
            @RequestParam(required = false) @NoNulCharacter String supplier,
            @RequestParam(required = false) @NoNulCharacter String category,
            @RequestParam(required = false) Boolean active,
            @PageableDefault(size = 50) @MostRows(200) Pageable page) {
        return PageView.of(catalog.offers(new CatalogMaintenance.OfferFilter(supplier, sku, category, active),
                offersSorted(page)));
    }

    @PostMapping("/suppliers/{code}/offers")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Add an offer", description = "409 when the supplier offers the SKU already, or another offer "
            + "of the supplier has the supplier SKU (the problem's existingOffer names it).")
    @ApiResponse(responseCode = "201", description = "Offer added (Location: its address)")
    @ApiResponse(responseCode = "409", description = "The supplier offers the SKU already, or prices its offers in another currency")
    ResponseEntity<OfferDetails> addOffer(@PathVariable String code, @Valid @RequestBody OfferRequest o) {
        OfferDetails added = catalog.addOffer(code, o.sku(), o.terms());
        return ResponseEntity.created(URI.create("/api/suppliers/" + code + "/offers/" + added.sku())).body(added);
    }

    /** Not the export's path: asked for in another format than CSV, the export answers 406, not "no offer". */
    @GetMapping("/suppliers/{code}/offers/{sku:(?!" + CatalogRules.EXPORT + "$).+}")
    @Operation(summary = "One offer")
    OfferDetails offer(@PathVariable String code, @PathVariable String sku) {
        return catalog.offer(code, sku);
    }

    @PutMapping("/suppliers/{code}/offers/{sku}")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Change an offer", description = "Send the version you read; a change to an older version is a 409.")
    OfferDetails changeOffer(@PathVariable String code, @PathVariable String sku, @Valid @RequestBody OfferRequest o) {
        if (!sku.equals(o.sku())) {
            throw new InvalidRequest("Invalid catalog entry", List.of(new InvalidRequest.FieldError("sku",
                    "cannot change: an offer's SKU is its path's (" + sku + " to " + o.sku() + ")")));
        }
        return catalog.changeOffer(code, sku, o.terms(), required(o.version()));
    }

    @PostMapping(path = "/suppliers/{code}/offers/import", consumes = "text/csv")
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Import a supplier's offers from CSV",
            description = "Header: sku,supplierSku,supplyPrice,currency,shippingCost,stock,shipFrom,shipByHours,category,"
                    + "active. Every row is checked; the answer lists each refused row with its line and why. The good "
                    + "rows are applied together; a row equal to its offer changes nothing, so importing the same file "
                    + "again changes nothing.")
    CatalogMaintenance.ImportReport importCsv(@PathVariable String code,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream file) throws IOException {
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return catalog.importOffers(code, OfferImport.fromCsv(upTo(MAX_IMPORT_BYTES, file, charset)));
    }

    @PostMapping(path = "/suppliers/{code}/offers/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CATALOG_EDITORS)
    @Operation(summary = "Import a supplier's offers from JSON", description = "A JSON array of offers with the CSV's "
            + "fields, each read as POST /offers reads an offer (a key twice, a field an offer does not have, a number as "
            + "text are refused); refused offers are reported by their position (1 = first), naming every fault.")
    CatalogMaintenance.ImportReport importJson(@PathVariable String code, InputStream body) throws IOException {
        return catalog.importOffers(code, OfferImport.fromJson(upTo(MAX_IMPORT_BYTES, body, StandardCharsets.UTF_8),
                jsonOffers));
    }

    /**
     * Read at most {@code max} bytes: a larger upload is refused before it fills the heap. Bytes that are
     * not of the charset become U+FFFD, which the import refuses with the row's line.
     */
    private static String upTo(int max, InputStream in, Charset charset) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new PayloadTooLarge("an import is at most " + max / 1_000_000 + " MB; split the file");
        }
        return new String(bytes, charset);
    }

    /** 413, as a problem. */
    static final class PayloadTooLarge extends io.dropflow.web.ApiProblem {

        PayloadTooLarge(String detail) {
            super(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large", detail);
        }
    }

    @GetMapping(path = "/suppliers/{code}/offers/export", produces = "text/csv")
    @Operation(summary = "A supplier's offers as CSV, in the import's format")
    ResponseEntity<String> export(@PathVariable String code) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"offers-" + code + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(OfferImport.toCsv(catalog.offersOf(code)));
    }

    /**
     * An offer list's sort, by the API's field names: {@code stock} is the offer's {@code stockLevel}, and prices are
     * compared within their currency (800 JPY is not less than 9.00 EUR): sorted by {@code supplyPrice}, the offers
     * are by {@code currency} first.
     */
    private static Pageable offersSorted(Pageable page) {
        List<Sort.Order> orders = new java.util.ArrayList<>();
        for (Sort.Order order : CatalogMaintenance.sortOf(page.getSort(), OFFER_SORTS, "sku")) {
            if (order.getProperty().equals("supplyPrice") && orders.stream().noneMatch(o -> o.getProperty().equals("currency"))) {
                orders.add(Sort.Order.asc("currency"));
            }
            orders.add(order.getProperty().equals("stock") ? order.withProperty("stockLevel") : order);
        }
        return PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(orders));
    }

    private static Pageable sorted(Pageable page, List<String> allowed, String fallback) {
        Sort sort = CatalogMaintenance.sortOf(page.getSort(), allowed, fallback);
        return PageRequest.of(page.getPageNumber(), page.getPageSize(), sort);
    }

    private static long required(Long version) {
        if (version == null) {
            throw new InvalidRequest("Invalid catalog entry", List.of(new InvalidRequest.FieldError("version",
                    "is required: send the version you read")));
        }
        return version;
    }
}
