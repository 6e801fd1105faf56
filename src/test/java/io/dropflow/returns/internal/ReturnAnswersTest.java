package io.dropflow.returns.internal;

import io.dropflow.returns.InvalidReturnException;
import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnRefusedException;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReturnAnswersTest {

    private final SupplierRounds rounds = mock(SupplierRounds.class);
    private final ReturnProcess process = mock(ReturnProcess.class);
    private final Returns returns = mock(Returns.class);
    private final RecordedHistory history = new RecordedHistory();
    private final ReturnAnswers answers = new ReturnAnswers(returns, rounds, history, process, CLOCK);
    /** Worth 15.00, asked of ACME in round 1. */
    private final ReturnRequest request = stored(ReturnRequestTest.changeOfMind(), 3L);

    @BeforeEach
    void acmeWasAskedToTakeTheGoodsBack() {
        when(rounds.caseAnswered(eq("ACME"), eq(CaseKind.RETURN), anyString(), any())).thenReturn(request);
        when(returns.locked(3L)).thenReturn(request);
        request.startRound(1, NOW);
    }

    private static ReturnAnswerEvent alternative(int round, BigDecimal amount, BigDecimal share) {
        return new ReturnAnswerEvent("e-" + round, "DF-RT3", round, ReturnAnswerEvent.Answer.ALTERNATIVE, amount, share, null);
    }

    @Test
    void anAlternativeGivenAsAShareIsThatShareOfTheReturnedValue() {
        assertThat(answers.answer("ACME", alternative(1, null, new BigDecimal("0.333")))).isEqualTo(ReturnAnswers.Result.APPLIED);

        assertThat(request.getSupplierAmount()).isEqualByComparingTo("5.00");
        verify(process).supplierAnswered(request, "supplier-return:ACME", "e-1", "ALTERNATIVE");
    }

    @Test
    void anAnswerToAnotherRoundChangesNothing() {
        assertThat(answers.answer("ACME", alternative(2, eur("5.00"), null)))
                .isEqualTo(ReturnAnswers.Result.NOT_THE_CURRENT_ROUND);
        verifyNoInteractions(process);
    }

    @Test
    void anAlternativeAboveTheReturnedValueIsRefused() {
        assertThatThrownBy(() -> answers.answer("ACME", alternative(1, eur("20.00"), null)))
                .isInstanceOf(InvalidReturnException.class)
                .hasMessage("the amount 20.00 EUR is more than the returned value 15.00 EUR");
    }

    /**
     * A report before the carrier delivered the parcel (here before its label: the supplier still to agree) was a
     * 409 "no return parcel to inspect", or, on its way back, APPLIED and shown at once. It is kept, and taken when
     * the process takes it after the parcel arrived; only the first report counts.
     */
    @Test
    void anEarlyInspectionIsKeptUntilTheParcelArrivesThenTakenOnce() {
        InspectionEvent ok = new InspectionEvent("i-1", "DF-RT3", InspectionEvent.Result.OK, "fine");

        assertThat(answers.inspected("ACME", ok)).isEqualTo(ReturnAnswers.Result.KEPT);
        verify(process).inspectionReported(request, "supplier-inspection:ACME", "i-1", "OK");
        assertThat(request.isInspectionTaken()).isFalse();
        assertThat(history.of(CaseKind.RETURN, 3L)).extracting(e -> e.what())
                .containsExactly("Inspection report kept until the return parcel arrives: OK (fine)");
        assertThat(answers.inspected("ACME", ok)).isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);

        request.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        request.moveTo(ReturnStatus.AWAITING_INSPECTION, NOW);
        assertThat(request.isInspectionTaken()).as("taken by the process, not by the arrival").isFalse();
        answers.inspectionTaken(3L);
        answers.inspectionTaken(3L);

        assertThat(request.isInspectionTaken()).isTrue();
        assertThat(history.of(CaseKind.RETURN, 3L)).extracting(e -> e.what()).containsExactly(
                "Inspection report kept until the return parcel arrives: OK (fine)", "Inspected the returned parcel: OK (fine)");
        assertThat(answers.inspected("ACME", ok)).isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        verify(process).inspectionReported(any(), any(), any(), any());
    }

    /** Once the parcel arrived, the return waits for the report: taken at once. */
    @Test
    void anInspectionAfterTheParcelArrivedIsTakenAtOnce() {
        request.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        request.moveTo(ReturnStatus.AWAITING_INSPECTION, NOW);
        InspectionEvent ok = new InspectionEvent("i-1", "DF-RT3", InspectionEvent.Result.OK, null);

        assertThat(answers.inspected("ACME", ok)).isEqualTo(ReturnAnswers.Result.APPLIED);
        assertThat(request.isInspectionTaken()).isTrue();
        assertThat(answers.inspected("ACME", ok)).isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
    }

    /** eventId is unique per supplier: an id taken before is a redelivery, whatever return it names now. */
    @Test
    void anAnswerOrInspectionUnderAnEventIdTakenBeforeChangesNothing() {
        when(process.received("supplier-return:ACME", "e-1")).thenReturn(true);
        assertThat(answers.answer("ACME", alternative(1, eur("5.00"), null))).isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        assertThat(request.getSupplierAmount()).isNull();

        request.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        when(process.received("supplier-inspection:ACME", "i-1")).thenReturn(true);
        assertThat(answers.inspected("ACME", new InspectionEvent("i-1", "DF-RT3", InspectionEvent.Result.OK, null)))
                .isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        assertThat(request.getInspectionResult()).isNull();

        verify(process, never()).supplierAnswered(any(), any(), any(), any());
        verify(process, never()).inspectionReported(any(), any(), any(), any());
    }

    /** An answer to a return that ended without it (refused in mediation after the supplier's silence) is refused. */
    @Test
    void anAnswerToAnEndedReturnIsRefusedAndChangesNothing() {
        request.closeBecause(ReturnStatus.REFUSED, "the supplier never answered", NOW);

        assertThatThrownBy(() -> answers.answer("ACME", alternative(1, eur("5.00"), null)))
                .isInstanceOf(ReturnRefusedException.class).hasMessageContaining("DF-RT3 is REFUSED");

        assertThat(request.getSupplierAmount()).isNull();
        verifyNoInteractions(process);
    }

    /** The supplier stayed silent past its answer time: an operator mediates now, and no process waits for the answer. */
    @Test
    void anAnswerThatCameTooLateIsRefusedAndChangesNothing() {
        request.moveTo(ReturnStatus.MEDIATING, NOW);

        assertThatThrownBy(() -> answers.answer("ACME", alternative(1, eur("5.00"), null)))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessageContaining("DF-RT3 no longer waits for an answer to round 1: it did not come in time");

        assertThat(request.getSupplierAmount()).isNull();
        verifyNoInteractions(process);
    }

    /**
     * Item 2 of the exploratory test: "No inspection" fired, an operator decides the disputed return without
     * the report, and no process waits for it. Taken, it was "APPLIED" and sat unread in the inbox.
     */
    @Test
    void anInspectionThatCameTooLateIsRefusedAndChangesNothing() {
        request.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        request.moveTo(ReturnStatus.AWAITING_INSPECTION, NOW);
        request.moveTo(ReturnStatus.DISPUTED, NOW);
        InspectionEvent damaged = new InspectionEvent("i-1", "DF-RT3", InspectionEvent.Result.DAMAGED_BY_CONSUMER, "cracked");

        assertThatThrownBy(() -> answers.inspected("ACME", damaged)).isInstanceOf(ReturnRefusedException.class)
                .hasMessage("return DF-RT3 no longer waits for an inspection report: it did not come in time, and the"
                        + " return is DISPUTED with the seller");

        request.moveTo(ReturnStatus.CLOSED, NOW);
        assertThatThrownBy(() -> answers.inspected("ACME", damaged))
                .hasMessage("return DF-RT3 is CLOSED: it ended without an inspection report");
        assertThat(request.getInspectionResult()).isNull();
        verifyNoInteractions(process);
    }

    private static ReturnAnswerEvent answer(String eventId, int round, ReturnAnswerEvent.Answer answer, BigDecimal amount) {
        return new ReturnAnswerEvent(eventId, "DF-RT3", round, answer, amount, null, "worded otherwise");
    }

    /**
     * Item A of the exploratory test: a new answer (new event id) that differs from the one recorded for the round
     * was acknowledged 200 ALREADY_RECEIVED as if it were the first. It contradicts the answer recorded: a 409 naming
     * the return, its status and why. The same answer sent again under a new id, or the same event, changes nothing.
     */
    @Test
    void anotherAnswerToARoundAnsweredAlreadyIsRefusedAndChangesNothing() {
        assertThat(answers.answer("ACME", alternative(1, eur("5.00"), null))).isEqualTo(ReturnAnswers.Result.APPLIED);
        when(process.received("supplier-return:ACME", "e-1")).thenReturn(true);
        request.moveTo(ReturnStatus.MEDIATING, NOW);

        assertThatThrownBy(() -> answers.answer("ACME", answer("e-1b", 1, ReturnAnswerEvent.Answer.ACCEPTED, null)))
                .isInstanceOfSatisfying(ReturnRefusedException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getBody().getProperties()).containsEntry("returnNumber", "DF-RT3")
                            .containsEntry("caseStatus", "MEDIATING");
                })
                .hasMessage("return DF-RT3 is MEDIATING: round 1 was answered ALTERNATIVE 5.00 EUR already; another answer"
                        + " to it (ACCEPTED) is refused, only a round's first answer counts");
        assertThatThrownBy(() -> answers.answer("ACME", answer("e-1c", 1, ReturnAnswerEvent.Answer.ALTERNATIVE, eur("6.00"))))
                .isInstanceOf(ReturnRefusedException.class).hasMessageContaining("another answer to it (ALTERNATIVE 6.00 EUR)");

        assertThat(answers.answer("ACME", answer("e-1d", 1, ReturnAnswerEvent.Answer.ALTERNATIVE, eur("5"))))
                .as("the same answer, a new id").isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        assertThat(answers.answer("ACME", answer("e-1", 1, ReturnAnswerEvent.Answer.ACCEPTED, null)))
                .as("the same event").isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        assertThat(request.getSupplierAnswer()).isEqualTo("ALTERNATIVE");
        assertThat(request.getSupplierAmount()).isEqualByComparingTo("5.00");
        assertThat(request.isSupplierAgreed()).isFalse();
        verify(process).supplierAnswered(any(), any(), any(), any());
    }

    /**
     * Item A of the exploratory test: on a COMPLETED return, a new answer was a 200 ALREADY_RECEIVED. One that
     * differs from the answer recorded, or answers another round, comes after the return ended: a 409.
     */
    @Test
    void aNewAnswerAfterTheReturnEndedIsRefusedAndChangesNothing() {
        answers.answer("ACME", answer("e-1", 1, ReturnAnswerEvent.Answer.REJECTED, null));
        request.startRound(2, NOW);
        answers.answer("ACME", answer("e-2", 2, ReturnAnswerEvent.Answer.REJECTED, null));
        request.moveTo(ReturnStatus.COMPLETED, NOW); // an operator took the goods back anyway

        assertThatThrownBy(() -> answers.answer("ACME", answer("ra-1", 2, ReturnAnswerEvent.Answer.ACCEPTED, null)))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessageStartingWith("return DF-RT3 is COMPLETED: round 2 was answered REJECTED already");
        assertThatThrownBy(() -> answers.answer("ACME", answer("ra-2", 1, ReturnAnswerEvent.Answer.ACCEPTED, null)))
                .isInstanceOf(ReturnRefusedException.class)
                .hasMessage("return DF-RT3 is COMPLETED: it ended in round 2, an answer to round 1 (ACCEPTED) comes too late");
        assertThat(answers.answer("ACME", answer("ra-3", 2, ReturnAnswerEvent.Answer.REJECTED, null)))
                .as("the answer recorded, sent again").isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        when(process.received("supplier-return:ACME", "e-1")).thenReturn(true);
        assertThat(answers.answer("ACME", answer("e-1", 1, ReturnAnswerEvent.Answer.REJECTED, null)))
                .as("an earlier round's event again").isEqualTo(ReturnAnswers.Result.NOT_THE_CURRENT_ROUND);

        assertThat(request.getSupplierAnswer()).isEqualTo("REJECTED");
        assertThat(request.isSupplierAgreed()).isFalse();
    }

    /**
     * Item A of the exploratory test: a DAMAGED_BY_CONSUMER report on a COMPLETED return whose parcel was reported
     * OK was a 200 ALREADY_RECEIVED. It contradicts the report recorded: a 409; the same report again is a 200.
     */
    @Test
    void anotherInspectionResultThanTheOneRecordedIsRefused() {
        request.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        request.moveTo(ReturnStatus.AWAITING_INSPECTION, NOW);
        assertThat(answers.inspected("ACME", new InspectionEvent("i-1", "DF-RT3", InspectionEvent.Result.OK, null)))
                .isEqualTo(ReturnAnswers.Result.APPLIED);
        request.moveTo(ReturnStatus.COMPLETED, NOW);

        assertThatThrownBy(() -> answers.inspected("ACME", new InspectionEvent("ri-1", "DF-RT3",
                InspectionEvent.Result.DAMAGED_BY_CONSUMER, "cracked")))
                .isInstanceOfSatisfying(ReturnRefusedException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("caseStatus", "COMPLETED"))
                .hasMessage("return DF-RT3 is COMPLETED: its parcel's inspection was reported as OK already; another"
                        + " report (DAMAGED_BY_CONSUMER) is refused, only the first report counts");
        assertThat(answers.inspected("ACME", new InspectionEvent("ri-2", "DF-RT3", InspectionEvent.Result.OK, "fine")))
                .isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);
        when(process.received("supplier-inspection:ACME", "i-1")).thenReturn(true);
        assertThat(answers.inspected("ACME", new InspectionEvent("i-1", "DF-RT3", InspectionEvent.Result.NOT_RECEIVED,
                null))).as("the same event, whatever it says").isEqualTo(ReturnAnswers.Result.ALREADY_RECEIVED);

        assertThat(request.getInspectionResult()).isEqualTo("OK");
        verify(process).inspectionReported(any(), any(), any(), any());
    }
}
