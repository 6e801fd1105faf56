package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.dropflow.order.OrderLookup;
import io.dropflow.supplier.Purchasing;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskFormFactsTest {

    private final RecordedHistory history = new RecordedHistory();
    private final TaskFormFacts facts = new TaskFormFacts(mock(OrderLookup.class), mock(Purchasing.class), history);
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);

    @Test
    void aFormShowsTheLatestFifteenEntriesOfTheHistoryOldestFirst() {
        IntStream.rangeClosed(1, 20).forEach(i -> history.record(sample, Party.SUPPLIER, "event " + i));

        String shown = facts.history(sample);

        assertThat(shown.lines()).hasSize(15);
        assertThat(shown.lines().findFirst()).hasValue("- 1970-01-01 00:00 supplier: event 6");
        assertThat(shown).endsWith("supplier: event 20");
    }

    @Test
    void theLinesReadAsAList() {
        assertThat(TaskFormFacts.lines(sample)).isEqualTo("- line 1: 2 × DEMO-MUG (15.00 EUR)\n");
        assertThat(TaskFormFacts.title(sample)).isEqualTo("**Claim DF-CL7**");
    }
}
