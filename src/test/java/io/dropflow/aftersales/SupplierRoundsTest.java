package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.SupplierView;
import io.dropflow.web.NotFound;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SupplierRoundsTest {

    private final Catalog catalog = mock(Catalog.class);
    private final RecordedHistory history = new RecordedHistory();
    private final CommitBeforeCall commitFirst = mock(CommitBeforeCall.class);
    private final SupplierRounds rounds = new SupplierRounds(catalog, history, commitFirst, AfterSalesFixtures.CLOCK);
    /** Against supplier 3. */
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);

    @Test
    @SuppressWarnings("unchecked")
    void aRoundIsCommittedBeforeTheSupplierHearsOfIt() {
        CaseRepository<SampleCase> cases = mock(CaseRepository.class);
        when(cases.locked(7L)).thenReturn(sample);
        when(commitFirst.commit(any())).thenAnswer(call -> {
            assertThat(sample.getRoundNo()).as("not started outside the commit").isZero();
            return call.<Supplier<?>>getArgument(0).get();
        });

        assertThat(rounds.start(cases, 7L, 1).getRoundNo()).isEqualTo(1);
        verify(commitFirst).commit(any());
    }

    @Test
    void aSupplierAnswersAboutItsOwnCase() {
        when(catalog.supplier("ACME")).thenReturn(new SupplierView(3L, "ACME", "Acme", "EU", 80, true));

        SampleCase answered = rounds.caseAnswered("ACME", CaseKind.CLAIM, "DF-CL7", id -> Optional.of(sample));

        assertThat(answered).isSameAs(sample);
    }

    @Test
    void anotherSuppliersCaseIsAsUnknownToItAsAMissingOne() {
        when(catalog.supplier("OTHER")).thenReturn(new SupplierView(4L, "OTHER", "Other", "EU", 80, true));

        assertThatThrownBy(() -> rounds.caseAnswered("OTHER", CaseKind.CLAIM, "DF-CL7", id -> Optional.of(sample)))
                .isInstanceOf(NotFound.class).hasMessageContaining("supplier OTHER has no claim DF-CL7");
    }

    @Test
    void anAnswerReadsWithWhatIsOfferedAndWhy() {
        rounds.answered(sample, 2, SampleCase.Status.DONE, "a compensation of 4.00 EUR", "a discount instead");
        rounds.answered(sample, 3, SampleCase.Status.DROPPED, null, null);

        assertThat(history.lines()).containsExactly(
                "SUPPLIER: Round 2: Done, offering a compensation of 4.00 EUR (a discount instead)",
                "SUPPLIER: Round 3: Dropped");
    }
}
