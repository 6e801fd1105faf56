package io.dropflow.supplier;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A supplier applies under a code the catalog already has (and that was not turned down): 409. */
public class SupplierCodeTakenException extends ApiProblem {

    public SupplierCodeTakenException(String code, SupplierStatus status) {
        super(HttpStatus.CONFLICT, "supplier-code-taken", "Supplier code taken",
                "the catalog has a supplier " + code + " already (" + status + "); apply under another code");
        property("code", code);
    }
}
