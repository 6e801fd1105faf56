package io.dropflow.supplier;

/**
 * A supplier adapter that serves the suppliers configured for it (Dropflow's supplier API, CJ
 * Dropshipping); {@link SupplierGatewayRouter} sends each supplier's calls to the adapter that
 * serves it, and all others to the fallback (the sandbox, where enabled).
 */
public interface SupplierAdapter extends SupplierGateway {

    boolean serves(String supplierCode);
}
