package io.dropflow.aftersales;

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

    /** Pieces of order line {@code lineNo} that cases hold, and the last of them. */
    public record Held(int pieces, String lastCase) {
    }

    /** Pieces of order line {@code lineNo} held by cases of other kinds than {@code kind}, and of it too when {@code ownKind}. */
    public Held of(Long orderId, CaseKind kind, boolean ownKind, int lineNo) {
        int pieces = 0;
        String last = null;
        for (CaseRepository<?> repository : cases) {
            if (repository.kind() == kind && !ownKind) {
                continue;
            }
            for (AfterSalesCase<?> c : repository.findByOrderIdOrderById(orderId)) {
                if (c.holdsItsPieces() && c.piecesOf(lineNo) > 0) {
                    pieces += c.piecesOf(lineNo);
                    last = c.number();
                }
            }
        }
        return new Held(pieces, last);
    }

    /**
     * Why {@code wanted} more pieces of the line cannot be taken by a case of {@code kind}, when others
     * hold too many of them: "line 1 has 1 piece(s), 1 of them claimed or returned already (DF-CL3: …)".
     * @param ownKind whether cases of {@code kind} count too (returns count their own kind themselves)
     */
    public Optional<String> tooFewLeft(Long orderId, CaseKind kind, boolean ownKind, int lineNo, int lineQuantity,
            int wanted) {
        Held held = of(orderId, kind, ownKind, lineNo);
        if (held.pieces() + wanted <= lineQuantity) {
            return Optional.empty();
        }
        return Optional.of("line " + lineNo + " has " + lineQuantity + " piece(s), " + held.pieces()
                + " of them claimed or returned already (" + held.lastCase() + "; the consumer is paid back for a"
                + " piece once); " + wanted + " more cannot be " + (kind == CaseKind.CLAIM ? "claimed" : "returned"));
    }
}
