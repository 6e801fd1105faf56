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
            description = "Computed from its purchase orders: acceptance rate, share shipped within the hours "
                    + "supplier-scorecard.dmn sets, on-time rate against each purchase order's own ship-by deadline, "
                    + "stock-out rate. A supplier whose share is below the table's bar is flagged and ranked behind "
                    + "its backups; the answer's why says the numbers it was judged by.")
    SupplierScorecard scorecard(@PathVariable String supplierCode) {
        return scorecards.of(supplierCode);
    }
}
