package io.dropflow.supplier.internal;

import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierScorecard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Suppliers")
class SupplierController {

    private final Scorecards scorecards;

    SupplierController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/api/suppliers/{supplierCode}/scorecard")
    @Operation(summary = "How a supplier performed over the rolling window",
            description = "Computed from its purchase orders: acceptance rate, share shipped within 48 hours, on-time "
                    + "rate against each purchase order's own ship-by deadline, stock-out rate. A supplier shipping "
                    + "fewer than 90 % within 48 hours is flagged and ranked behind its backups.")
    SupplierScorecard scorecard(@PathVariable String supplierCode) {
        return scorecards.of(supplierCode);
    }
}
