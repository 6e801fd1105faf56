package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseLine;
import io.dropflow.aftersales.CommitBeforeCall;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.DecisionRefused;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import io.dropflow.supplier.Purchasing;
import io.dropflow.returns.internal.ReturnMediation.DisputeDecision;
import io.dropflow.returns.internal.ReturnMediation.MediationDecision;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReturnMediationTest {

    private final Returns returns = mock(Returns.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final ConsumerMessages consumer = mock(ConsumerMessages.class);
    private final CommitBeforeCall commitFirst = mock(CommitBeforeCall.class);
    private final RecordedHistory history = new RecordedHistory();
    private final SupplierRounds rounds = mock(SupplierRounds.class);
    private final ReturnMediation mediation = new ReturnMediation(returns, rounds, purchasing, consumer,
            commitFirst, history, CLOCK);
    /** Worth 15.00. */
    private final ReturnRequest request = stored(ReturnRequestTest.underPolicy(ShippingPaidBy.CONSUMER, "0", true), 3L);

    @BeforeEach
    void theReturnIsOnFile() {
        when(returns.get(3L)).thenReturn(request);
        when(returns.locked(3L)).thenReturn(request);
        when(commitFirst.commit(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
    }

    @Test
    void theFirstRoundTellsTheSupplierThePolicyAndLaterOnesAskAgain() {
        when(rounds.start(eq(returns), eq(3L), any(Integer.class))).thenAnswer(call -> {
            request.startRound(call.getArgument(2), NOW);
            return request;
        });

        assertThat(mediation.askSupplier(3L, 0)).isEqualTo(1);
        assertThat(mediation.askSupplier(3L, 1)).isEqualTo(2);

        ArgumentCaptor<Purchasing.ReturnRequest> asked = ArgumentCaptor.forClass(Purchasing.ReturnRequest.class);
        verify(purchasing, times(2)).requestReturn(eq(2L), asked.capture());
        assertThat(asked.getAllValues()).extracting(Purchasing.ReturnRequest::note)
                .containsExactly("policy: a rule", "we ask you again to take the goods back");
        assertThat(asked.getValue().skus()).containsExactly("DEMO-MUG");
        assertThat(request.getStatus()).isEqualTo(ReturnStatus.WITH_SUPPLIER);
    }

    @Test
    void anAlternativeIsPutToTheConsumerInCentsUnderItsOwnNumber() {
        assertThat(mediation.offerAlternative(3L, 0, eur("4.999"))).isEqualTo(1);

        assertThat(request.getOfferAmount()).isEqualByComparingTo("5.00");
        assertThat(request.getStatus()).isEqualTo(ReturnStatus.AWAITING_CONSUMER);
        verify(consumer).send(request, "offer-1", "About your return DF-RT3: instead of sending the goods back, "
                + "you may keep them and get 5.00 EUR back. Please accept or decline.");
    }

    /** KWD has three decimals, JPY none: an offer is in the return's currency's minor units, never in cents. */
    @Test
    void anAlternativeIsPutToTheConsumerInTheMinorUnitsOfTheReturnsCurrency() {
        ReturnRequest dinars = stored(new ReturnRequest(1L, 2L, 3L, ReturnReason.CHANGED_MIND, ReturnWish.REFUND, null,
                "WEBSHOP", "KWD", List.of(new CaseLine(1, "DEMO-MUG", 1, new BigDecimal("5.000"))), eur("2.000"), NOW), 4L);
        when(returns.locked(4L)).thenReturn(dinars);

        mediation.offerAlternative(4L, 0, new BigDecimal("2.345"));

        assertThat(dinars.getOfferAmount()).isEqualTo(new BigDecimal("2.345"));
        verify(consumer).send(dinars, "offer-1", "About your return DF-RT4: instead of sending the goods back, "
                + "you may keep them and get 2.345 KWD back. Please accept or decline.");

        ReturnRequest yen = stored(new ReturnRequest(1L, 2L, 3L, ReturnReason.CHANGED_MIND, ReturnWish.REFUND, null,
                "WEBSHOP", "JPY", List.of(new CaseLine(1, "DEMO-MUG", 1, new BigDecimal("1500"))), eur("800"), NOW), 5L);
        when(returns.locked(5L)).thenReturn(yen);

        mediation.offerAlternative(5L, 0, new BigDecimal("750"));

        assertThat(yen.getOfferAmount()).isEqualTo(new BigDecimal("750"));
        verify(consumer).send(yen, "offer-1", "About your return DF-RT5: instead of sending the goods back, "
                + "you may keep them and get 750 JPY back. Please accept or decline.");
    }

    @Test
    void anOfferAboveTheReturnedValueOrWithoutAnAmountIsRefused() {
        assertThatThrownBy(() -> mediation.mediated(3L, MediationDecision.OFFER_ALTERNATIVE, eur("15.01"), null, "mary"))
                .isInstanceOf(DecisionRefused.class)
                .hasMessage("offerAmount must be above 0 and at most the returned value 15.00 EUR, was 15.01 EUR");
        // Item B of the exploratory test: "…the returned value 15.00, was 99" named no currency; the amount typed
        // is named in the currency's decimals
        assertThatThrownBy(() -> mediation.disputeDecided(3L, DisputeDecision.PARTIAL_REFUND, new BigDecimal("99"), null, "sam"))
                .hasMessage("partialRefund must be above 0 and at most the returned value 15.00 EUR, was 99.00 EUR");
        assertThatThrownBy(() -> mediation.mediated(3L, MediationDecision.OFFER_ALTERNATIVE, null, null, "mary"))
                .hasMessage("offerAmount must be an amount, was null");
    }

    /** Item 6 of the exploratory test: 7.505 EUR was rounded to 7.51 and offered. */
    @Test
    void anAmountWithMoreDecimalsThanTheReturnsCurrencyIsRefusedNotRounded() {
        assertThatThrownBy(() -> mediation.mediated(3L, MediationDecision.OFFER_ALTERNATIVE, new java.math.BigDecimal("7.505"), null, "mary"))
                .isInstanceOf(DecisionRefused.class).hasMessage("offerAmount 7.505 has more decimals than EUR has (2)");
        assertThatThrownBy(() -> mediation.disputeDecided(3L, DisputeDecision.PARTIAL_REFUND, new java.math.BigDecimal("3.333"), null, "sam"))
                .isInstanceOf(DecisionRefused.class).hasMessage("partialRefund 3.333 has more decimals than EUR has (2)");
    }

    @Test
    void refusingAReturnOrARefundNeedsAReasonForTheConsumer() {
        assertThatThrownBy(() -> mediation.mediated(3L, MediationDecision.REFUSE, null, "", "mary")).hasMessageContaining("refuseReason");
        assertThatThrownBy(() -> mediation.disputeDecided(3L, DisputeDecision.NO_REFUND, null, null, "mary"))
                .hasMessageContaining("noRefundReason");
        assertThatThrownBy(() -> mediation.disputeDecided(3L, null, null, null, "mary"))
                .hasMessageStartingWith("disputeDecision must be one of [refund_per_policy, partial_refund, no_refund]");
    }

    /** Item 1 of the exploratory test: the history read "mary decided: offer_alternative", the form's code. */
    @Test
    void aDecisionThatCanWorkIsRecordedInTheDomainsWords() {
        mediation.mediated(3L, MediationDecision.ACCEPT_RETURN, null, null, "mary");
        mediation.mediated(3L, MediationDecision.OFFER_ALTERNATIVE, eur("4.5"), null, "mary");
        mediation.mediated(3L, MediationDecision.COUNTER, null, null, "mary");
        mediation.mediated(3L, MediationDecision.REFUSE, null, " Used goods cannot be taken back. ", "mary");
        mediation.mediated(3L, MediationDecision.ESCALATE, null, null, "mary");
        mediation.disputeDecided(3L, DisputeDecision.REFUND_PER_POLICY, null, null, "sam");
        mediation.disputeDecided(3L, DisputeDecision.PARTIAL_REFUND, eur("7.50"), null, "sam");
        mediation.disputeDecided(3L, DisputeDecision.NO_REFUND, null, "The parcel was never handed over.", "sam");

        assertThat(history.lines()).isEqualTo(List.of(
                "OPERATOR: mary decided to take the goods back anyway",
                "OPERATOR: mary decided to offer the consumer 4.50 EUR to keep the goods",
                "OPERATOR: mary decided to ask the supplier again",
                "OPERATOR: mary refused the return: Used goods cannot be taken back.",
                "OPERATOR: mary escalated the return to supervisors",
                "OPERATOR: sam decided on the disputed return: refund per policy",
                "OPERATOR: sam decided on the disputed return: a partial refund of 7.50 EUR",
                "OPERATOR: sam decided on the disputed return: no refund (The parcel was never handed over.)"));
    }
}
