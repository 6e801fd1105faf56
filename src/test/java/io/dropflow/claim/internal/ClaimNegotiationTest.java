package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CommitBeforeCall;
import io.dropflow.aftersales.DecisionRefused;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.order.OrderLookup;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.Purchasing;
import io.dropflow.claim.internal.ClaimNegotiation.NegotiationDecision;
import io.dropflow.claim.internal.ClaimNegotiation.ReviewDecision;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ClaimNegotiationTest {

    private final Claims claims = mock(Claims.class);
    private final RecordedHistory history = new RecordedHistory();
    private final Purchasing purchasing = mock(Purchasing.class);
    private final ClaimEvidenceFiles evidence = mock(ClaimEvidenceFiles.class);
    private final CommitBeforeCall commitFirst = mock(CommitBeforeCall.class);
    private final SupplierRounds rounds = mock(SupplierRounds.class);
    private final ClaimNegotiation negotiation = new ClaimNegotiation(claims, history, rounds,
            purchasing, evidence, commitFirst, mock(OrderLookup.class), mock(io.dropflow.order.OrderTimeline.class), mock(StorefrontGateway.class), CLOCK,
            "https://dropflow.example");
    private final Claim claim = stored(ClaimTest.claimWishing(Remedy.REFUND), 7L);

    @BeforeEach
    void theClaimIsOnFile() {
        when(claims.get(7L)).thenReturn(claim);
        when(claims.locked(7L)).thenReturn(claim);
        when(commitFirst.commit(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
    }

    private void negotiate(NegotiationDecision decision, String remedy, String amount) {
        negotiation.negotiate(7L, new ClaimNegotiation.Negotiated(decision, remedy, amount == null ? null : eur(amount),
                null), "mary");
    }

    @Test
    void theNextRoundIsStartedBeforeTheSupplierIsCalledWithTheEvidence() {
        when(rounds.start(claims, 7L, 2)).thenAnswer(call -> {
            claim.startRound(2, NOW);
            return claim;
        });
        when(evidence.listOf(7L)).thenReturn(List.of(
                new ClaimEvidenceFiles.Listed(11L, "broken.jpg", "image/jpeg", 2048L, "ab", null, Instant.EPOCH),
                new ClaimEvidenceFiles.Listed(12L, null, null, null, null, "https://photos.example.com/a.jpg", Instant.EPOCH)));

        assertThat(negotiation.sendNextRound(7L, 1)).isEqualTo(2);

        InOrder order = inOrder(rounds, purchasing);
        order.verify(rounds).start(claims, 7L, 2);
        ArgumentCaptor<Purchasing.ClaimRequest> sent = ArgumentCaptor.forClass(Purchasing.ClaimRequest.class);
        order.verify(purchasing).sendClaim(eq(2L), sent.capture());
        assertThat(sent.getValue().round()).isEqualTo(2);
        assertThat(sent.getValue().evidenceUrls()).containsExactly(
                "https://dropflow.example/api/claims/7/evidence/11", "https://photos.example.com/a.jpg");
        verify(rounds).sent(claim, 2, " sent to the supplier, asking for a full refund of 15.00 EUR");
    }

    @Test
    void rejectingAClaimNeedsAReasonForTheConsumer() {
        assertThatThrownBy(() -> negotiation.review(7L, ReviewDecision.REJECT, " ", null, "mary"))
                .isInstanceOf(DecisionRefused.class).hasMessageContaining("rejectionReason");
        assertThatThrownBy(() -> negotiation.review(7L, null, null, null, "mary"))
                .hasMessage("reviewDecision must be one of [accept, reject, more_evidence], was null");
    }

    @Test
    void anAcceptedReviewIsRecordedWithWhoAcceptedIt() {
        negotiation.review(7L, ReviewDecision.ACCEPT, null, null, "mary");

        assertThat(history.lines()).containsExactly("OPERATOR: mary accepted the claim");
    }

    /**
     * Exploratory s13 aftersales D4: a consumer who wished a compensation was asked of the supplier as 100 % of the
     * claimed value (25.00 USD for a 25.00 USD teapot the consumer keeps), and the review had no amount. Accepting
     * it now sets what round 1 asks for: a compensation of 5.00 EUR of the 15.00 EUR claimed.
     */
    @Test
    void acceptingACompensationWishAsksTheSupplierForTheAmountTheReviewSets() {
        Claim compensation = stored(ClaimTest.claimWishing(Remedy.COMPENSATION), 8L);
        when(claims.locked(8L)).thenReturn(compensation);
        assertThat(compensation.getProposedAmount()).as("nothing asked before the review").isNull();

        assertThatThrownBy(() -> negotiation.review(8L, ReviewDecision.ACCEPT, null, null, "mary"))
                .isInstanceOf(DecisionRefused.class).hasMessageContaining("accepting the claim needs remedyAmount");
        assertThatThrownBy(() -> negotiation.review(8L, ReviewDecision.ACCEPT, null, eur("15.01"), "mary"))
                .hasMessageContaining("at most the claimed value 15.00 EUR, was 15.01 EUR");
        assertThatThrownBy(() -> negotiation.review(8L, ReviewDecision.ACCEPT, null, eur("5.001"), "mary"))
                .hasMessageContaining("remedyAmount 5.001 has more decimals than EUR has (2)");
        assertThat(history.lines()).as("a refused review records nothing").isEmpty();

        negotiation.review(8L, ReviewDecision.ACCEPT, null, eur("5.00"), "mary");

        assertThat(compensation.getProposedRemedy()).isEqualTo(Remedy.COMPENSATION);
        assertThat(compensation.getProposedAmount()).isEqualByComparingTo("5.00");
        assertThat(history.lines()).containsExactly("OPERATOR: mary accepted the claim");
    }

    /** A refund wish asks the claimed value whatever amount comes with it; a claim filed before keeps what it asked. */
    @Test
    void otherWishesAndClaimsFiledBeforeTheReviewTookAnAmountAskWhatTheyDid() {
        negotiation.review(7L, ReviewDecision.ACCEPT, null, eur("5.00"), "mary");
        assertThat(claim.getProposedAmount()).isEqualByComparingTo("15.00");

        Claim filedBefore = stored(ClaimTest.claimWishing(Remedy.COMPENSATION), 9L);
        filedBefore.propose(Remedy.COMPENSATION, eur("15.00"), NOW); // what the claim asked when it was filed then
        when(claims.locked(9L)).thenReturn(filedBefore);
        negotiation.review(9L, ReviewDecision.ACCEPT, null, null, "sam");
        assertThat(filedBefore.getProposedAmount()).isEqualByComparingTo("15.00");
    }

    /** Exploratory test: a rejection read "Claim rejected: …" with nobody named, where an acceptance names mary. */
    @Test
    void aRejectionAndARequestForEvidenceAreRecordedWithWhoDecided() {
        negotiation.review(7L, ReviewDecision.REJECT, "the mug was dropped", null, "sam");
        negotiation.review(7L, ReviewDecision.MORE_EVIDENCE, null, null, "mary");

        assertThat(history.lines()).containsExactly("OPERATOR: sam rejected the claim", "OPERATOR: mary asked for more evidence");
    }

    @Test
    void anOfferTheSupplierNeverMadeCannotBeAccepted() {
        claim.startRound(1, NOW);
        claim.recordSupplierAnswer(1, SupplierClaimAnswer.REJECTED, null, null, "no", NOW);

        assertThatThrownBy(() -> negotiate(NegotiationDecision.ACCEPT_SUPPLIER_OFFER, null, null)).hasMessageContaining("no offer");
    }

    @Test
    void aCompensationMustBeAboveZeroAndAtMostTheClaimedValue() {
        // Money with its currency, the amount as the operator typed it
        assertThatThrownBy(() -> negotiate(NegotiationDecision.COUNTER, "COMPENSATION", "99.00"))
                .hasMessage("a compensation must be above 0 and at most the claimed value 15.00 EUR, was 99.00 EUR");
        assertThatThrownBy(() -> negotiate(NegotiationDecision.SELLER_PAYS, "COMPENSATION", null)).hasMessageContaining("remedyAmount");
        assertThatThrownBy(() -> negotiate(NegotiationDecision.COUNTER, "DISCOUNT", null)).hasMessageContaining("remedy must be");
    }

    /** Item 6 of the exploratory test: 5.001 and 12.345 EUR were rounded, not refused. */
    @Test
    void aCompensationWithMoreDecimalsThanTheClaimsCurrencyIsRefused() {
        assertThatThrownBy(() -> negotiate(NegotiationDecision.COUNTER, "COMPENSATION", "5.001"))
                .isInstanceOf(DecisionRefused.class).hasMessage("remedyAmount 5.001 has more decimals than EUR has (2)");
        assertThatThrownBy(() -> negotiate(NegotiationDecision.SELLER_PAYS, "COMPENSATION", "12.345"))
                .isInstanceOf(DecisionRefused.class).hasMessage("remedyAmount 12.345 has more decimals than EUR has (2)");
    }

    @Test
    void aCounterProposalIsRecordedBeforeItGoesToTheSupplier() {
        negotiate(NegotiationDecision.COUNTER, "COMPENSATION", "5.00");

        assertThat(claim.getProposedRemedy()).isEqualTo(Remedy.COMPENSATION);
        assertThat(claim.getProposedAmount()).isEqualByComparingTo("5.00");
        assertThat(history.lines()).containsExactly("OPERATOR: mary countered: a compensation of 5.00 EUR");
    }

    @Test
    void onlyAMarketplaceOrdersClaimCanGoToThePlatform() {
        assertThatThrownBy(() -> negotiate(NegotiationDecision.PLATFORM, null, null))
                .hasMessageContaining("only a marketplace order's claim").hasMessageContaining("Webshop");
    }

    @Test
    void closingWithoutARemedyNeedsAReason() {
        assertThatThrownBy(() -> negotiate(NegotiationDecision.CLOSE, null, null)).hasMessageContaining("closeReason");
    }

    @Test
    void whenTheSupplierPaysItsOfferIsTheRemedy() {
        claim.startRound(1, NOW);
        claim.recordSupplierAnswer(1, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, eur("4.00"), "half", NOW);

        assertThat(negotiation.agree(7L, CostBearer.SUPPLIER, null, null)).isEqualTo(Remedy.COMPENSATION);

        assertThat(claim.getRemedyAmount()).isEqualByComparingTo("4.00");
        assertThat(claim.getOutcomeReason()).isEqualTo("supplier accepted");
        assertThat(history.lines()).containsExactly(
                "DROPFLOW: Remedy agreed: a compensation of 4.00 EUR, paid by the supplier");
    }

    @Test
    void whenTheSellerPaysTheOperatorsRemedyIsAgreed() {
        assertThat(negotiation.agree(7L, CostBearer.SELLER, "RESHIP", null)).isEqualTo(Remedy.RESHIP);

        assertThat(claim.getCostBearer()).isEqualTo(CostBearer.SELLER);
        assertThat(claim.getRemedyAmount()).isNull();
    }
}
