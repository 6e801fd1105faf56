package io.dropflow.aftersales;

import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.SupplierView;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The rounds a case goes to its supplier in: starting one before the supplier is called, whose
 * case an answer is about, and how rounds and answers read in the case's history. Answers are taken only for the current round; the kinds
 * decide what an answer does.
 */
@Component
public class SupplierRounds {

    private final Catalog catalog;
    private final CaseHistory history;
    private final CommitBeforeCall commitFirst;
    private final Clock clock;

    SupplierRounds(Catalog catalog, CaseHistory history, CommitBeforeCall commitFirst, Clock clock) {
        this.catalog = catalog;
        this.history = history;
        this.commitFirst = commitFirst;
        this.clock = clock;
    }

    /**
     * Starts round {@code round} of the case, committed before the supplier is called: an answer
     * that comes back inside the call finds the round it answers. A retried step starts the same
     * round again, which changes nothing.
     * @return the case, as committed
     */
    public <C extends AfterSalesCase<?>> C start(CaseRepository<C> cases, Long caseId, int round) {
        return commitFirst.commit(() -> {
            C c = cases.locked(caseId);
            c.startRound(round, clock.instant());
            return c;
        });
    }

    /**
     * The case a supplier answers about, locked. Another supplier's case is as unknown to it as a
     * missing one: "supplier ACME has no claim DF-CL7".
     */
    public <C extends AfterSalesCase<?>> C caseAnswered(String supplierCode, CaseKind kind, String number,
            Function<Long, Optional<C>> lockById) {
        SupplierView supplier = catalog.supplier(supplierCode);
        return lockById.apply(kind.idOf(number)).filter(c -> c.getSupplierId().equals(supplier.id()))
                .orElseThrow(() -> NotFound.of(kind.noun(), number, "supplier " + supplierCode + " has no "
                        + kind.noun() + " " + number));
    }

    /** "Round 2: COUNTER_OFFER, offering a compensation of 4.00 EUR (a discount instead)". */
    public void answered(AfterSalesCase<?> c, int round, Enum<?> answer, String offering, String reason) {
        history.record(c, Party.SUPPLIER, "Round " + round + ": " + io.dropflow.processengine.OperatorWords.of(answer)
                + (offering == null ? "" : ", offering " + offering)
                + (reason == null ? "" : " (" + reason + ")"));
    }

    /** "Round 2" and what was asked, once the supplier has it. */
    public void sent(AfterSalesCase<?> c, int round, String what) {
        history.record(c, Party.DROPFLOW, "Round " + round + what);
    }
}
