package io.dropflow.supplier.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A catalog change that cannot be made: a duplicate, a stale version, an applicant's status (409), or
 * an entry that is not valid (400).
 */
class CatalogProblem extends ApiProblem {

    private CatalogProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static CatalogProblem duplicate(String detail) {
        return new CatalogProblem(HttpStatus.CONFLICT, "catalog-duplicate", "Already in the catalog", detail);
    }

    /**
     * Another offer of the supplier has this supplier SKU: a stock or price push names the supplier's SKU and
     * would reach one of the two only. The problem names that offer ({@code existingOffer}: its SKU and path).
     */
    static CatalogProblem supplierSkuTaken(String supplierCode, String supplierSku, String existingSku) {
        CatalogProblem problem = duplicate(supplierText(supplierCode, supplierSku, existingSku));
        problem.property("existingOffer", java.util.Map.of("sku", existingSku,
                "path", "/api/suppliers/" + supplierCode + "/offers/" + existingSku));
        return problem;
    }

    /** What {@link #supplierSkuTaken} says, also an import row's reason. */
    static String supplierText(String supplierCode, String supplierSku, String existingSku) {
        return "supplier SKU " + supplierSku + " is " + supplierCode + "'s offer of " + existingSku
                + " already: a supplier's stock and price pushes name its SKU and would reach one of two offers;"
                + " give this offer the supplier's own SKU for it, or change the offer of " + existingSku;
    }

    /** Somebody changed it since the caller read it: nothing is lost, the caller reads again and decides. */
    static CatalogProblem staleVersion(String what, long expected, long actual) {
        return new CatalogProblem(HttpStatus.CONFLICT, "catalog-stale-version", "Changed in the meantime",
                what + " is at version " + actual + ", the change was made to version " + expected
                        + ": read it again and repeat the change");
    }

    /** An applicant's status is its onboarding's to change. */
    static CatalogProblem applicant(String detail) {
        return new CatalogProblem(HttpStatus.CONFLICT, "supplier-onboarding", "Supplier is being onboarded", detail);
    }

    /** Suspended already for another reason: the first stays until the suspension is lifted. */
    static CatalogProblem suspendedAlready(String detail) {
        return new CatalogProblem(HttpStatus.CONFLICT, "supplier-suspended", "Supplier suspended already", detail);
    }

    static CatalogProblem invalid(String detail) {
        return new CatalogProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid catalog entry", detail);
    }
}
