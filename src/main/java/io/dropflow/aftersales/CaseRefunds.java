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
     *         already, or the order was refunded in full: nothing is recorded then, and the case's history
     *         says so (once, however often the step is retried)
     * @throws IllegalStateException while the order's own full refund is planned but not done: nothing is
     *         recorded, and the step is retried until the order is refunded (then it is withheld)
     */
    Optional<Withheld> record(AfterSalesCase<?> c, BigDecimal amount);

    /**
     * A refund withheld: {@code why} is the history's sentence ("line 1 has 1 piece(s), 1 of them paid back
     * already (DF-CL3; ...)"), {@code reason} why the case ends without paying, for the case's outcome and
     * the consumer.
     */
    record Withheld(String why, String reason) {

        /**
         * Other cases paid back the pieces of {@code line} already: "paid back already through DF-CL3 (line 1,
         * 1 of 1 piece(s)): a piece is paid back once, so nothing more is paid".
         */
        public static Withheld paidBackByCases(String why, PiecesHeld.Shortfall line) {
            return new Withheld(why, "paid back already through " + String.join(", ", line.heldBy()) + " (line "
                    + line.lineNo() + ", " + line.held() + " of " + line.lineQuantity() + " piece(s)): a piece is paid"
                    + " back once, so nothing more is paid");
        }

        /**
         * The order itself was refunded in full (a lost parcel given up, a cancellation) while the case was
         * under way: the consumer has had the whole sale back.
         */
        public static Withheld orderRefundedInFull(String orderNumber, String status) {
            return new Withheld("order " + orderNumber + " was refunded in full (" + status + "): the consumer has had"
                    + " the whole sale back", "paid back already: order " + orderNumber + " was refunded in full, so"
                    + " nothing more is paid");
        }
    }
}
