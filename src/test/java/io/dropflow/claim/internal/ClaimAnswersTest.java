package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.claim.ClaimAnswerEvent;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.InvalidClaimException;
import io.dropflow.claim.PlatformDecision;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimAnswersTest {

    private final SupplierRounds rounds = mock(SupplierRounds.class);
    private final ClaimProcess process = mock(ClaimProcess.class);
    private final Claims claims = mock(Claims.class);
    private final RecordedHistory history = new RecordedHistory();
    private final ClaimAnswers answers = new ClaimAnswers(claims, rounds, history, process, CLOCK);
    private final Claim claim = stored(ClaimTest.claimWishing(Remedy.REFUND), 7L);

    @BeforeEach
    void acmeIsInRoundTwoOfTheClaim() {
        when(rounds.caseAnswered(eq("ACME"), eq(CaseKind.CLAIM), eq("DF-CL7"), any())).thenReturn(claim);
        claim.startRound(1, NOW);
        claim.startRound(2, NOW);
    }

    private static ClaimAnswerEvent answer(int round, SupplierClaimAnswer answer, Remedy remedy, BigDecimal amount) {
        return new ClaimAnswerEvent("e-" + round, "DF-CL7", round, answer, remedy, amount, "because");
    }

    @Test
    void aClaimAnswerToAnEarlierRoundChangesNothing() {
        ClaimAnswers.Result result = answers.receive("ACME", answer(1, SupplierClaimAnswer.ACCEPTED, null, null));

        assertThat(result).isEqualTo(ClaimAnswers.Result.NOT_THE_CURRENT_ROUND);
        assertThat(claim.getSupplierAnswer()).isNull();
        verifyNoInteractions(process);
    }

    @Test
    void anAnswerToTheCurrentRoundIsRecordedAndHandedToTheProcessOnce() {
        assertThat(answers.receive("ACME", answer(2, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, eur("4.00"))))
                .isEqualTo(ClaimAnswers.Result.APPLIED);
        assertThat(answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.ALREADY_ANSWERED);

        assertThat(claim.getSupplierAmount()).isEqualByComparingTo("4.00");
        verify(process).supplierAnswered(claim, "supplier-claim:ACME", "e-2", SupplierClaimAnswer.COUNTER_OFFER);
    }

    /** Rounding 4.004 would agree to an amount the supplier did not offer. */
    @Test
    void anOfferWithMoreDecimalsThanItsCurrencyIsRefused() {
        assertThatThrownBy(() -> answers.receive("ACME", answer(2, SupplierClaimAnswer.COUNTER_OFFER,
                Remedy.COMPENSATION, eur("4.004"))))
                .isInstanceOf(InvalidClaimException.class).hasMessageContaining("4.004 has more decimals than EUR has (2)");
        verifyNoInteractions(process);
    }

    /** Money is named with its currency: the amount as sent, the claimed value in the currency's decimals. */
    @Test
    void anOfferAboveTheClaimedValueIsRefused() {
        assertThatThrownBy(() -> answers.receive("ACME", answer(2, SupplierClaimAnswer.COUNTER_OFFER,
                Remedy.COMPENSATION, eur("15.01"))))
                .isInstanceOf(InvalidClaimException.class)
                .hasMessage("the amount 15.01 EUR is more than the claimed value 15.00 EUR");
        verifyNoInteractions(process);
    }

    /** Item B of the exploratory test: "the amount 30 is more than the claimed value 15.00" named no currency. */
    @Test
    void aPlatformVerdictAboveTheClaimedValueNamesBothAmountsWithTheirCurrency() {
        claim.moveTo(ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(Optional.of(claim));

        assertThatThrownBy(() -> answers.platformDecided(new PlatformDecision("p-1", "DF-CL7",
                PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION, eur("30"), null)))
                .isInstanceOf(InvalidClaimException.class)
                .hasMessage("the amount 30 EUR is more than the claimed value 15.00 EUR");
        assertThat(claim.getPlatformVerdict()).isNull();
    }

    /** eventId is unique per supplier: an id taken before is a redelivery, whatever claim or answer it carries now. */
    @Test
    void anAnswerUnderAnEventIdTakenBeforeChangesNothing() {
        when(process.received("supplier-claim:ACME", "e-2")).thenReturn(true);

        assertThat(answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.ALREADY_RECEIVED);

        assertThat(claim.getSupplierAnswer()).isNull();
        verify(process, never()).supplierAnswered(any(), any(), any(), any());
    }

    /** The claim's history names an offer's money with its currency, as the operator reads it. */
    @Test
    void anOfferAndAPlatformVerdictAreRecordedWithTheirCurrency() {
        answers.receive("ACME", answer(2, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, eur("4")));
        verify(rounds).answered(claim, 2, SupplierClaimAnswer.COUNTER_OFFER, "a compensation of 4.00 EUR", "because");

        claim.moveTo(io.dropflow.claim.ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(java.util.Optional.of(claim));
        answers.platformDecided(new io.dropflow.claim.PlatformDecision("p-1", "DF-CL7",
                io.dropflow.claim.PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION, eur("2.5"), null));

        assertThat(history.lines()).containsExactly("PLATFORM: SELLER_REFUNDS: a compensation of 2.50 EUR");
    }

    /** An answer to a claim that ended without it (closed by supervisors after the supplier's silence) is refused. */
    @Test
    void anAnswerToAnEndedClaimIsRefusedAndChangesNothing() {
        claim.closeBecause(io.dropflow.claim.ClaimStatus.CLOSED, "the supplier never answered", NOW);

        assertThatThrownBy(() -> answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isInstanceOf(io.dropflow.claim.ClaimRefusedException.class).hasMessageContaining("DF-CL7 is CLOSED");

        assertThat(claim.getSupplierAnswer()).isNull();
        verifyNoInteractions(process);
    }

    /**
     * The supplier stayed silent past its answer time: the claim went on to the operator without it
     * (NEGOTIATING) and no process waits for round 2's answer. Taken, it would have been "APPLIED" and
     * sat unread in the inbox until it expired.
     */
    @Test
    void anAnswerThatCameTooLateIsRefusedAndChangesNothing() {
        claim.moveTo(io.dropflow.claim.ClaimStatus.NEGOTIATING, NOW);

        assertThatThrownBy(() -> answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isInstanceOf(io.dropflow.claim.ClaimRefusedException.class)
                .hasMessage("claim DF-CL7 no longer waits for an answer to round 2: it did not come in time, and the"
                        + " claim is NEGOTIATING with the seller");

        assertThat(claim.getSupplierAnswer()).isNull();
        verifyNoInteractions(process);
    }
}
