package io.dropflow.supplier;

import io.dropflow.supplier.http.HttpSupplierApi;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Which adapter serves which supplier is configuration: suppliers listed under
 * {@code dropflow.suppliers.http} get Dropflow's supplier API over HTTP; every other supplier goes to
 * the fallback adapter (the sandbox, where enabled). A supplier nobody serves fails with a clear
 * message, so the job retries and then shows an incident.
 */
@Primary
@Component
class SupplierGatewayRouter implements SupplierGateway {

    private final HttpSupplierApi http;
    private final SupplierGateway fallback;

    SupplierGatewayRouter(HttpSupplierApi http, List<SupplierGateway> gateways) {
        this.http = http;
        this.fallback = gateways.stream().filter(g -> !(g instanceof SupplierGatewayRouter)).findFirst().orElse(null);
    }

    private SupplierGateway fallbackFor(String supplierCode) {
        if (fallback == null) {
            throw new IllegalStateException("no adapter serves supplier " + supplierCode
                    + ": configure it under dropflow.suppliers.http." + supplierCode);
        }
        return fallback;
    }

    @Override
    public String placePurchaseOrder(PlacePurchaseOrder command) {
        return http.serves(command.supplierCode()) ? http.placePurchaseOrder(command)
                : fallbackFor(command.supplierCode()).placePurchaseOrder(command);
    }

    @Override
    public void requestCancellation(RequestCancellation command) {
        if (http.serves(command.supplierCode())) {
            http.requestCancellation(command);
        } else {
            fallbackFor(command.supplierCode()).requestCancellation(command);
        }
    }

    @Override
    public void requestInvestigation(InvestigationRequest request) {
        if (http.serves(request.supplierCode())) {
            http.requestInvestigation(request);
        } else {
            fallbackFor(request.supplierCode()).requestInvestigation(request);
        }
    }

    @Override
    public void remindOfShipBy(ShipByReminder reminder) {
        if (http.serves(reminder.supplierCode())) {
            http.remindOfShipBy(reminder);
        } else {
            fallbackFor(reminder.supplierCode()).remindOfShipBy(reminder);
        }
    }

    @Override
    public void sendClaim(ClaimRound claim) {
        if (http.serves(claim.supplierCode())) {
            http.sendClaim(claim);
        } else {
            fallbackFor(claim.supplierCode()).sendClaim(claim);
        }
    }

    @Override
    public void requestReturn(ReturnRound request) {
        if (http.serves(request.supplierCode())) {
            http.requestReturn(request);
        } else {
            fallbackFor(request.supplierCode()).requestReturn(request);
        }
    }
}
