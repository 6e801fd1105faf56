package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every after-sales form shows about its case: rows, words, the seller's time, money. */
class TaskFormFactsTest {

    private final RecordedHistory history = new RecordedHistory();
    private final TaskFormFacts facts = new TaskFormFacts(mock(OrderLookup.class), mock(Purchasing.class), history,
            SellerTime.in("Asia/Shanghai"));
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);

    @Test
    void aFormShowsTheLatestFifteenEntriesOfTheHistoryOldestFirstInTheSellersTime() {
        IntStream.rangeClosed(1, 20).forEach(i -> history.record(sample, Party.SUPPLIER, "event " + i));

        List<Map<String, Object>> shown = facts.history(sample);

        assertThat(shown).hasSize(15);
        assertThat(shown.get(0)).isEqualTo(Map.of("at", "1970-01-01 08:00 (Asia/Shanghai)", "party", "Supplier",
                "what", "event 6"));
        assertThat(shown.get(14)).containsEntry("what", "event 20");
    }

    @Test
    void theLinesAreRowsWithTheirValueInTheCurrencysDecimals() {
        assertThat(TaskFormFacts.lines(sample)).isEqualTo(List.of(
                Map.of("line", 1, "quantity", 2, "sku", "DEMO-MUG", "value", "15.00 EUR")));
    }

    @Test
    void moneyHasItsCurrencysDecimalsAndCode() {
        assertThat(TaskFormFacts.money(new BigDecimal("7.5"), sample)).isEqualTo("7.50 EUR");
        assertThat(TaskFormFacts.money(null, sample)).isNull();
    }
}
