package io.dropflow.aftersales;

import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the claims' and the returns' API show alike of a case: its lines, its bookings on the
 * order's ledger (next to the order's margin), and its history.
 */
@Component
public class CaseViews {

    public record LineView(int lineNo, String sku, int quantity, BigDecimal saleValue) {
    }

    public record LedgerView(String type, BigDecimal amount, Instant bookedAt) {
    }

    public record HistoryView(Instant at, String party, String what) {
    }

    private final Ledger ledger;
    private final CaseHistory history;

    CaseViews(Ledger ledger, CaseHistory history) {
        this.ledger = ledger;
        this.history = history;
    }

    public static List<LineView> lines(AfterSalesCase<?> c) {
        return c.getLines().stream().map(l -> new LineView(l.getLineNo(), l.getSku(), l.getQuantity(), l.getSaleValue()))
                .toList();
    }

    /** Every entry of the case's order: the order's margin is their sum. */
    public List<LedgerEntry> orderEntries(AfterSalesCase<?> c) {
        return ledger.entriesOf(c.getOrderId());
    }

    /** The entries the case booked: their reference is the case number. */
    public static List<LedgerView> caseEntries(AfterSalesCase<?> c, List<LedgerEntry> orderEntries) {
        return orderEntries.stream().filter(e -> e.reference().equals(c.number()))
                .map(e -> new LedgerView(e.type().name(), e.amount(), e.bookedAt())).toList();
    }

    public List<HistoryView> history(AfterSalesCase<?> c) {
        return history.of(c).stream().map(h -> new HistoryView(h.at(), h.party().name(), h.what())).toList();
    }
}
