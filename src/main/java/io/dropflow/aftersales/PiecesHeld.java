package io.dropflow.aftersales;

import io.dropflow.order.OrderSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Pieces of an order that after-sales cases hold: a claim that is open or paid the consumer back, a
 * return that is not refused. A consumer is paid back for a piece once, through a claim or a return,
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
     * their pieces: for the first such line, "line 1 has 1 piece(s), 1 of them claimed or returned
     * already (DF-CL3: …)". The order's cases are read once, whatever the number of lines.
     * @param ownKind whether cases of {@code kind} count too (returns count their own kind themselves)
     */
    public Optional<String> tooFewLeft(OrderSummary order, CaseKind kind, boolean ownKind, List<CaseLine> wanted) {
        List<AfterSalesCase<?>> holding = holding(order.id(), kind, ownKind);
        for (CaseLine line : wanted) {
            int lineNo = line.getLineNo();
            int lineQuantity = order.lines().stream().filter(l -> l.lineNo() == lineNo)
                    .mapToInt(OrderSummary.Line::quantity).sum();
            int pieces = 0;
            String last = null;
            for (AfterSalesCase<?> c : holding) {
                if (c.piecesOf(lineNo) > 0) {
                    pieces += c.piecesOf(lineNo);
                    last = c.number();
                }
            }
            if (pieces + line.getQuantity() > lineQuantity) {
                return Optional.of("line " + lineNo + " has " + lineQuantity + " piece(s), " + pieces
                        + " of them claimed or returned already (" + last + "; the consumer is paid back for a"
                        + " piece once); " + line.getQuantity() + " more cannot be "
                        + (kind == CaseKind.CLAIM ? "claimed" : "returned"));
            }
        }
        return Optional.empty();
    }

    /** The order's cases that hold their pieces: of other kinds than {@code kind}, and of it too when {@code ownKind}. */
    private List<AfterSalesCase<?>> holding(Long orderId, CaseKind kind, boolean ownKind) {
        List<AfterSalesCase<?>> holding = new ArrayList<>();
        for (CaseRepository<?> repository : cases) {
            if (repository.kind() == kind && !ownKind) {
                continue;
            }
            for (AfterSalesCase<?> c : repository.findByOrderIdOrderById(orderId)) {
                if (c.holdsItsPieces()) {
                    holding.add(c);
                }
            }
        }
        return holding;
    }
}
