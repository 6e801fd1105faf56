package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AfterSalesCaseTest {

    private final SampleCase sample = new SampleCase(NOW);

    @Test
    void aRoundStartsOnceSoARetriedStepChangesNothing() {
        sample.startRound(1, NOW);
        sample.answer(1, SampleCase.Status.DONE, NOW);

        sample.startRound(1, NOW.plusSeconds(5));

        assertThat(sample.getRoundNo()).isEqualTo(1);
        assertThat(sample.supplierAnswerName()).as("the answer is kept").isEqualTo("DONE");
        assertThat(sample.getStatus()).as("waiting for the supplier").isEqualTo(SampleCase.Status.WAITING);
    }

    @Test
    void onlyTheFirstAnswerToTheCurrentRoundCounts() {
        sample.startRound(1, NOW);
        sample.startRound(2, NOW);

        assertThat(sample.answer(1, SampleCase.Status.DONE, NOW)).as("an answer to round 1").isFalse();
        assertThat(sample.answer(2, SampleCase.Status.DONE, NOW)).isTrue();
        assertThat(sample.answer(2, SampleCase.Status.DROPPED, NOW)).as("a second answer to round 2").isFalse();
        assertThat(sample.supplierAnswerName()).isEqualTo("DONE");
    }

    @Test
    void aNewRoundClearsTheAnswerToTheOneBefore() {
        sample.startRound(1, NOW);
        sample.answer(1, SampleCase.Status.DONE, NOW);

        sample.startRound(2, NOW);

        assertThat(sample.supplierAnswerName()).isNull();
        assertThat(sample.getSupplierReason()).isNull();
    }

    @Test
    void theCaseKnowsItsPiecesPerSkuAndTheirValue() {
        assertThat(sample.pieces()).isEqualTo(2);
        assertThat(sample.quantitiesBySku()).containsEntry("DEMO-MUG", 2);
        assertThat(sample.saleValue()).isEqualByComparingTo("15.00");
        assertThat(sample.covers(1)).isTrue();
        assertThat(sample.covers(2)).isFalse();
    }

    @Test
    void itsNumberIsWhatPartnersSee() {
        assertThat(AfterSalesFixtures.stored(new SampleCase(Instant.EPOCH), 42L).number()).isEqualTo("DF-CL42");
        assertThat(CaseKind.RETURN.idOf("DF-RT3")).isEqualTo(3L);
    }
}
