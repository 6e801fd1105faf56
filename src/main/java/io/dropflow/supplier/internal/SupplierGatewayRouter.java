package io.dropflow.supplier.internal;

import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierGateway;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Which adapter serves which supplier is configuration: suppliers listed under
 * {@code dropflow.suppliers.http} get Dropflow's supplier API over HTTP, those under
 * {@code dropflow.suppliers.cj} CJ Dropshipping; the sandbox supplier (demo and test profiles only)
 * is asked last and serves the rest. Sourcing leaves a supplier nobody serves out (SupplierBindings), so it
 * gets no new purchase order; a call about one it had before its binding was dropped fails with a clear
 * message, so the job retries and then shows an incident.
 */
@Primary
@Component
class SupplierGatewayRouter implements SupplierGateway {

    private final List<SupplierAdapter> adapters;

    SupplierGatewayRouter(List<SupplierAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    private SupplierGateway gatewayFor(String supplierCode) {
        return adapters.stream().filter(a -> a.serves(supplierCode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter serves supplier " + supplierCode
                        + ": configure it under dropflow.suppliers.http." + supplierCode + " or dropflow.suppliers.cj."
                        + supplierCode));
    }

    @Override
    public String placePurchaseOrder(PlacePurchaseOrder command) {
        return gatewayFor(command.supplierCode()).placePurchaseOrder(command);
    }

    @Override
    public void requestCancellation(RequestCancellation command) {
        gatewayFor(command.supplierCode()).requestCancellation(command);
    }

    @Override
    public void requestLineCancellation(LineCancellation command) {
        gatewayFor(command.supplierCode()).requestLineCancellation(command);
    }

    @Override
    public void requestInvestigation(InvestigationRequest request) {
        gatewayFor(request.supplierCode()).requestInvestigation(request);
    }

    @Override
    public void remindOfShipBy(ShipByReminder reminder) {
        gatewayFor(reminder.supplierCode()).remindOfShipBy(reminder);
    }

    @Override
    public void sendClaim(ClaimRound claim) {
        gatewayFor(claim.supplierCode()).sendClaim(claim);
    }

    @Override
    public void requestReturn(ReturnRound request) {
        gatewayFor(request.supplierCode()).requestReturn(request);
    }
}
