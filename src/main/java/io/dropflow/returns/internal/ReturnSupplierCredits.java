package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.Party;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Records on the return what return-refund-basis.dmn decided the supplier credits for the goods that came back,
 * before the return's refund is settled (so other cases of the order read it while that refund is paid) or, for an
 * exchange, before it is booked. The return's booking credits by it ({@link ReturnRequest#supplierTookGoodsBack}).
 */
@Service
public class ReturnSupplierCredits {

    private final Returns returns;
    private final CaseHistory history;
    private final Clock clock;

    ReturnSupplierCredits(Returns returns, CaseHistory history, Clock clock) {
        this.returns = returns;
        this.history = history;
        this.clock = clock;
    }

    /** @param why the table's reason ({@code rule}), for the history */
    public void decide(Long returnId, SupplierCredit credit, String why) {
        ReturnRequest r = returns.locked(returnId);
        if (credit == r.getSupplierCredit()) {
            return;
        }
        boolean creditedBefore = r.supplierTookGoodsBack();
        r.decideSupplierCredit(credit, clock.instant());
        if (creditedBefore && !r.supplierTookGoodsBack()) {
            history.record(r, Party.DROPFLOW, "No supplier credit for the returned goods (inspection: "
                    + (r.getInspectionResult() == null ? "none" : r.getInspectionResult()) + ")"
                    + (why == null ? "" : ": " + why));
        }
    }
}
