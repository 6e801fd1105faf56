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
    private final ClaimAnswers answers = new ClaimAnswers(claims, rounds, history, process, mock(io.dropflow.order.OrderTimeline.class), CLOCK);
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
        inboxHolds("e-2"); // as the inbox does once it took the answer
        // The same event again (its id taken), whatever it says now
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

    /**
     * Item B of the exploratory test: "the amount 30 is more than the claimed value 15.00" named no currency;
     * and the amount sent as "30" is named in its currency's decimals, as the claimed value is.
     */
    @Test
    void aPlatformVerdictAboveTheClaimedValueNamesBothAmountsWithTheirCurrency() {
        claim.moveTo(ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(Optional.of(claim));

        assertThatThrownBy(() -> answers.platformDecided(new PlatformDecision("p-1", "DF-CL7",
                PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION, eur("30"), null)))
                .isInstanceOf(InvalidClaimException.class)
                .hasMessage("the amount 30.00 EUR is more than the claimed value 15.00 EUR");
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

        claim.moveTo(ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(java.util.Optional.of(claim));
        answers.platformDecided(new PlatformDecision("p-1", "DF-CL7",
                PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION, eur("2.5"), null));

        assertThat(history.lines()).containsExactly("PLATFORM: Ruled that the seller refunds: a compensation of 2.50 EUR");
    }

    /** An answer to a claim that ended without it (closed by supervisors after the supplier's silence) is refused. */
    @Test
    void anAnswerToAnEndedClaimIsRefusedAndChangesNothing() {
        claim.closeBecause(ClaimStatus.CLOSED, "the supplier never answered", NOW);

        assertThatThrownBy(() -> answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isInstanceOf(ClaimRefusedException.class).hasMessageContaining("DF-CL7 is CLOSED");

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
        claim.moveTo(ClaimStatus.NEGOTIATING, NOW);

        assertThatThrownBy(() -> answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("claim DF-CL7 no longer waits for an answer to round 2: it did not come in time, and the"
                        + " claim is NEGOTIATING with the seller");

        assertThat(claim.getSupplierAnswer()).isNull();
        verifyNoInteractions(process);
    }

    private void inboxHolds(String eventId) {
        when(process.received("supplier-claim:ACME", eventId)).thenReturn(true);
    }

    private static ClaimAnswerEvent answer(String eventId, int round, SupplierClaimAnswer answer, Remedy remedy,
            BigDecimal amount) {
        return new ClaimAnswerEvent(eventId, "DF-CL7", round, answer, remedy, amount, "worded otherwise");
    }

    private static PlatformDecision verdict(String eventId, PlatformDecision.Verdict verdict, Remedy remedy,
            BigDecimal amount) {
        return new PlatformDecision(eventId, "DF-CL7", verdict, remedy, amount, null);
    }

    /**
     * Item A of the exploratory test: a second, different answer to a round answered already (a new event, not a
     * redelivery) was acknowledged 200 ALREADY_ANSWERED as if it were the first. It contradicts the answer
     * recorded: a 409 naming the claim, its status and why; nothing changes.
     */
    @Test
    void anotherAnswerToARoundAnsweredAlreadyIsRefusedAndChangesNothing() {
        answers.receive("ACME", answer(2, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, eur("4.00")));
        inboxHolds("e-2");
        claim.moveTo(ClaimStatus.NEGOTIATING, NOW);

        assertThatThrownBy(() -> answers.receive("ACME", answer("e-2b", 2, SupplierClaimAnswer.ACCEPTED, Remedy.REFUND,
                null)))
                .isInstanceOfSatisfying(ClaimRefusedException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getBody().getProperties()).containsEntry("claimNumber", "DF-CL7")
                            .containsEntry("caseStatus", "NEGOTIATING");
                })
                .hasMessage("claim DF-CL7 is NEGOTIATING: round 2 was answered COUNTER_OFFER (a compensation of 4.00 EUR)"
                        + " already; another answer to it (ACCEPTED (a full refund of 15.00 EUR)) is refused, only a"
                        + " round's first answer counts");

        assertThat(claim.getSupplierAnswer()).isEqualTo(SupplierClaimAnswer.COUNTER_OFFER);
        assertThat(claim.getSupplierRemedy()).isEqualTo(Remedy.COMPENSATION);
        assertThat(claim.getSupplierAmount()).isEqualByComparingTo("4.00");
        verify(process).supplierAnswered(claim, "supplier-claim:ACME", "e-2", SupplierClaimAnswer.COUNTER_OFFER);
        verify(process, never()).supplierAnswered(any(), any(), eq("e-2b"), any());
    }

    /**
     * The same answer to the same round sent again under a new event id is a redelivery too (its reason may be
     * worded otherwise): acknowledged, changing nothing. An ACCEPTED naming the remedy we asked for is the same as
     * one naming none.
     */
    @Test
    void theSameAnswerSentAgainUnderANewEventIdChangesNothing() {
        assertThat(answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.APPLIED);
        inboxHolds("e-2");

        assertThat(answers.receive("ACME", answer("e-2b", 2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.ALREADY_ANSWERED);
        assertThat(answers.receive("ACME", answer("e-2c", 2, SupplierClaimAnswer.ACCEPTED, Remedy.REFUND, null)))
                .isEqualTo(ClaimAnswers.Result.ALREADY_ANSWERED);
        claim.moveTo(ClaimStatus.RESOLVED, NOW);
        assertThat(answers.receive("ACME", answer("e-2d", 2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .as("after the claim ended too").isEqualTo(ClaimAnswers.Result.ALREADY_ANSWERED);

        verify(process).supplierAnswered(claim, "supplier-claim:ACME", "e-2", SupplierClaimAnswer.ACCEPTED);
        verify(process, never()).supplierAnswered(any(), any(), eq("e-2b"), any());
    }

    /**
     * Item A of the exploratory test: on a RESOLVED claim, a new answer (new event id) that differs from the
     * answer recorded, or answers another round, was a 200. It comes after the claim ended: a 409; a
     * redelivery (an id taken before) is still acknowledged.
     */
    @Test
    void aNewAnswerAfterTheClaimEndedIsRefusedAndChangesNothing() {
        answers.receive("ACME", answer(2, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, eur("4.00")));
        inboxHolds("e-2");
        claim.moveTo(ClaimStatus.RESOLVED, NOW);

        assertThatThrownBy(() -> answers.receive("ACME", answer("ca-1", 2, SupplierClaimAnswer.ACCEPTED, Remedy.REFUND,
                null)))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageStartingWith("claim DF-CL7 is RESOLVED: round 2 was answered COUNTER_OFFER");
        assertThatThrownBy(() -> answers.receive("ACME", answer("ca-2", 1, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("claim DF-CL7 is RESOLVED: it ended in round 2, an answer to round 1 (ACCEPTED) comes too late");
        // Redeliveries: the answer taken, and an earlier round's event taken before
        assertThat(answers.receive("ACME", answer(2, SupplierClaimAnswer.ACCEPTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.ALREADY_ANSWERED);
        inboxHolds("e-1");
        assertThat(answers.receive("ACME", answer(1, SupplierClaimAnswer.REJECTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.NOT_THE_CURRENT_ROUND);

        assertThat(claim.getSupplierAnswer()).isEqualTo(SupplierClaimAnswer.COUNTER_OFFER);
        assertThat(claim.getSupplierAmount()).isEqualByComparingTo("4.00");
        verify(process).supplierAnswered(any(), any(), any(), any());
    }

    /**
     * Item A of the exploratory test: a contradicting verdict (CLAIM_REJECTED under a new event id) on a claim the
     * marketplace decided already was a 200 ALREADY_DECIDED. Refused now; the verdict sent again, or redelivered, is
     * still acknowledged.
     */
    @Test
    void anotherVerdictOnAClaimThePlatformDecidedIsRefused() {
        claim.moveTo(ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(Optional.of(claim));
        assertThat(answers.platformDecided(verdict("p-1", PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION,
                eur("6.00")))).isEqualTo(ClaimAnswers.Result.APPLIED);
        when(process.received(ClaimProcess.PLATFORM, "p-1")).thenReturn(true);

        assertThatThrownBy(() -> answers.platformDecided(verdict("p-2", PlatformDecision.Verdict.CLAIM_REJECTED, null,
                null)))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("claim DF-CL7 is WITH_PLATFORM: the marketplace decided it SELLER_REFUNDS already; another"
                        + " verdict (CLAIM_REJECTED) is refused, only its first verdict counts");
        assertThat(answers.platformDecided(verdict("p-1", PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION,
                eur("6.00")))).as("its event again").isEqualTo(ClaimAnswers.Result.ALREADY_DECIDED);
        // Explorer's D10: its event id with another verdict was a 200 ALREADY_DECIDED; refused as a supplier's is
        assertThatThrownBy(() -> answers.platformDecided(verdict("p-1", PlatformDecision.Verdict.CLAIM_REJECTED, null,
                null)))
                .isInstanceOf(PlatformEventIdReusedException.class)
                .hasMessage("the marketplace sent event p-1 before with other content (now CLAIM_REJECTED on claim"
                        + " DF-CL7): an eventId names one verdict, so this one changed nothing; send it under an id of"
                        + " its own");
        assertThat(answers.platformDecided(verdict("p-3", PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION,
                eur("6.00")))).as("the same verdict again").isEqualTo(ClaimAnswers.Result.ALREADY_DECIDED);
        // Before the remedy is agreed, another amount under a new id is another verdict (it counted as the same)
        assertThatThrownBy(() -> answers.platformDecided(verdict("p-3b", PlatformDecision.Verdict.SELLER_REFUNDS,
                Remedy.COMPENSATION, eur("8.00"))))
                .isInstanceOf(ClaimRefusedException.class).hasMessageContaining("another verdict (SELLER_REFUNDS: a"
                        + " compensation of 8.00 EUR) is refused");

        // Once the remedy it made the seller pay is agreed, another remedy or amount contradicts it too
        claim.agree(Remedy.COMPENSATION, eur("6.00"), io.dropflow.claim.CostBearer.SELLER, "the marketplace decided", NOW);
        claim.moveTo(ClaimStatus.RESOLVED, NOW);
        assertThatThrownBy(() -> answers.platformDecided(verdict("p-4", PlatformDecision.Verdict.SELLER_REFUNDS,
                Remedy.COMPENSATION, eur("9.00"))))
                .isInstanceOf(ClaimRefusedException.class).hasMessageStartingWith("claim DF-CL7 is RESOLVED: the"
                        + " marketplace decided it SELLER_REFUNDS already; another verdict (SELLER_REFUNDS: a"
                        + " compensation of 9.00 EUR)");
        assertThat(answers.platformDecided(verdict("p-5", PlatformDecision.Verdict.SELLER_REFUNDS, Remedy.COMPENSATION,
                eur("6")))).isEqualTo(ClaimAnswers.Result.ALREADY_DECIDED);

        assertThat(claim.getPlatformVerdict()).isEqualTo("SELLER_REFUNDS");
        verify(process).platformDecided(any(), any());
    }

    /** An event id the marketplace used for another claim's verdict names no verdict on this one: refused, not 200. */
    @Test
    void aVerdictUnderAnEventIdTakenForAnotherClaimIsRefused() {
        claim.moveTo(ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(Optional.of(claim));
        when(process.received(ClaimProcess.PLATFORM, "p-other")).thenReturn(true);

        assertThatThrownBy(() -> answers.platformDecided(verdict("p-other", PlatformDecision.Verdict.CLAIM_REJECTED,
                null, null)))
                .isInstanceOf(PlatformEventIdReusedException.class).hasMessageContaining("event p-other before");

        assertThat(claim.getPlatformVerdict()).isNull();
        verify(process, never()).platformDecided(any(), any());
    }

    /**
     * Review of session 11, L1: an eventId taken by the verdict on another claim, sent for this claim, decided the
     * same way already, was a 200 ALREADY_DECIDED; api.md says a verdict on another claim under a taken id is a 409.
     */
    @Test
    void anEventIdTakenForAnotherClaimIsRefusedAlsoWhenThisClaimWasDecidedTheSameWay() {
        claim.moveTo(ClaimStatus.WITH_PLATFORM, NOW);
        when(claims.lockById(7L)).thenReturn(Optional.of(claim));
        assertThat(answers.platformDecided(verdict("p-7", PlatformDecision.Verdict.CLAIM_REJECTED, null, null)))
                .isEqualTo(ClaimAnswers.Result.APPLIED);
        when(process.received(ClaimProcess.PLATFORM, "p-7")).thenReturn(true);
        when(process.received(ClaimProcess.PLATFORM, "p-other")).thenReturn(true);
        when(process.receivedForAnotherClaim(claim, ClaimProcess.PLATFORM, "p-other")).thenReturn(true);

        assertThatThrownBy(() -> answers.platformDecided(verdict("p-other", PlatformDecision.Verdict.CLAIM_REJECTED,
                null, null))).isInstanceOf(PlatformEventIdReusedException.class);
        assertThat(answers.platformDecided(verdict("p-7", PlatformDecision.Verdict.CLAIM_REJECTED, null, null)))
                .as("its own event again").isEqualTo(ClaimAnswers.Result.ALREADY_DECIDED);
    }
}
