package io.dropflow.aftersales;

import io.dropflow.order.OrderSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Pieces of an order that after-sales cases hold: a claim that is open or paid the consumer back, a
 * return that is not refused (nor an exchange done without refund, nor closed as paid back already: the
 * case that paid holds those pieces). A consumer is paid back for a piece once, through a claim or a return,
 * never both, nor twice through either.
 */
@Component
public class PiecesHeld {

    private final List<CaseRepository<?>> cases;

    PiecesHeld(List<CaseRepository<?>> cases) {
        this.cases = cases;
    }

    /**
     * Why a case of {@code kind} cannot take the {@code wanted} lines, when other cases hold too many of
     * their pieces: for the first such line, "line 1 has 2 piece(s), 2 of them claimed or returned
     * already (DF-CL3, DF-RT4; the consumer is paid back for a piece once); 1 more cannot be returned", naming
     * every case that holds pieces of the line. Claims and returns count together, with each case's own rule of
     * whether it holds its pieces ({@link AfterSalesCase#holdsItsPieces}): a return taken for pieces a claim and
     * another return hold between them would be withheld at its refund, and with it the pieces nobody paid back.
     * Cases of {@code kind} count too (a claim after a claim, a return after a return); {@code kind} names what
     * cannot be done in the sentence. The order's cases are read once, whatever the number of lines.
     */
    public Optional<String> tooFewLeft(OrderSummary order, CaseKind kind, List<CaseLine> wanted) {
        return firstShortfall(order, wanted, holding(order.id())).map(s -> "line " + s.lineNo()
                + " has " + s.lineQuantity() + " piece(s), " + s.held() + " of them claimed or returned already ("
                + String.join(", ", s.heldBy()) + "; the consumer is paid back for a piece once); " + s.wanted()
                + " more cannot be " + (kind == CaseKind.CLAIM ? "claimed" : "returned"));
    }

    /**
     * The first of the {@code wanted} lines whose pieces, with those the {@code holding} cases have of it,
     * are more than the order line has: the count both the intake ({@link #tooFewLeft}) and the refund (a
     * piece paid back once, {@link CaseRefunds}) go by, each with its own sentence.
     */
    public static Optional<Shortfall> firstShortfall(OrderSummary order, List<CaseLine> wanted,
            List<? extends AfterSalesCase<?>> holding) {
        for (CaseLine line : wanted) {
            int lineNo = line.getLineNo();
            int lineQuantity = order.lines().stream().filter(l -> l.lineNo() == lineNo)
                    .mapToInt(OrderSummary.Line::quantity).sum();
            int pieces = 0;
            List<String> by = new ArrayList<>();
            for (AfterSalesCase<?> c : holding) {
                if (c.piecesOf(lineNo) > 0) {
                    pieces += c.piecesOf(lineNo);
                    by.add(c.number());
                }
            }
            if (pieces + line.getQuantity() > lineQuantity) {
                return Optional.of(new Shortfall(lineNo, lineQuantity, pieces, List.copyOf(by), line.getQuantity()));
            }
        }
        return Optional.empty();
    }

    /**
     * An order line with too few pieces left for a case: it has {@code lineQuantity}, the cases
     * {@code heldBy} (their numbers, in the order given) hold {@code held} of them, and {@code wanted} more
     * are asked for.
     */
    public record Shortfall(int lineNo, int lineQuantity, int held, List<String> heldBy, int wanted) {
    }

    /** The order's cases, of every kind, that hold their pieces. */
    private List<AfterSalesCase<?>> holding(Long orderId) {
        List<AfterSalesCase<?>> holding = new ArrayList<>();
        for (CaseRepository<?> repository : cases) {
            for (AfterSalesCase<?> c : repository.findByOrderIdOrderById(orderId)) {
                if (c.holdsItsPieces()) {
                    holding.add(c);
                }
            }
        }
        // In the order they were opened, whatever the order the repositories come in: a message names them alike each time
        holding.sort(java.util.Comparator.comparing((AfterSalesCase<?> c) -> c.getCreatedAt(),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(AfterSalesCase::number));
        return holding;
    }
}
