package io.dropflow.aftersales;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The consumer's refunds of after-sales cases, one per case: a piece of an order is paid back once,
 * through a claim or a return, never both, nor twice through either. Intake keeps a second case off a
 * piece ({@link PiecesHeld}); this is the guard at the payment itself, for cases taken in before intakes
 * took turns on the order (two claims, or a claim and a return, holding the same piece).
 */
public interface CaseRefunds {

    /**
     * Records that the consumer is paid {@code amount} back for the case, committed in a transaction of
     * its own under the order's row lock before the storefront is asked to pay: two cases of one order
     * paying at once take turns, and the second sees the first's refund. A retried step finds its own
     * refund recorded and may pay (the storefront's key makes it once).
     * @return why the refund is withheld, when other cases of the order paid back the case's pieces
     *         already ("line 1 has 1 piece(s), 1 of them paid back already (DF-CL3) ..."): nothing is
     *         recorded then, and the case's history says so (once, however often the step is retried)
     */
    Optional<String> record(AfterSalesCase<?> c, BigDecimal amount);
}
