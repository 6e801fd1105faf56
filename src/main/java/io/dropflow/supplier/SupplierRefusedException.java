package io.dropflow.supplier;

/** The supplier answered that it will not take the request; retrying will not change that. */
public class SupplierRefusedException extends RuntimeException {

    private final String reasonCode;

    public SupplierRefusedException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
