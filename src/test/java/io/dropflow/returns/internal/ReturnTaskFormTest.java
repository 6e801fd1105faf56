package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.processengine.FormFacts;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The return forms' facts: words not codes, amounts in the currency's decimals, which decisions can apply. */
class ReturnTaskFormTest {

    private final Returns returns = mock(Returns.class);
    private final TaskFormFacts facts = mock(TaskFormFacts.class);
    private final io.dropflow.supplier.Purchasing purchasing = mock(io.dropflow.supplier.Purchasing.class);
    private final ReturnTaskForm form = new ReturnTaskForm(returns, facts, purchasing, CLOCK);
    private final ReturnRequest request = stored(ReturnRequestTest.underPolicy(ShippingPaidBy.CONSUMER, "0.10", true), 9L);

    @BeforeEach
    void theReturnIsOnFile() {
        when(returns.get(9L)).thenReturn(request);
        when(facts.of(request)).thenAnswer(call -> new FormFacts());
    }

    @Test
    void aSupplierAlternativeReadsInWordsWithItsAmount() {
        request.startRound(1, NOW);
        request.recordSupplierAnswer(1, ReturnAnswerEvent.Answer.ALTERNATIVE, new BigDecimal("7.5"), null, NOW);

        FormFacts shown = form.taskCreated(9L, true, 2L, null);

        assertThat(shown.values().keySet()).containsExactlyInAnyOrderElementsOf(ReturnTaskForm.RETURN);
        assertThat(shown.values()).containsEntry("returnReason", "Changed mind").containsEntry("wish", "Refund")
                .containsEntry("returnLabelPaidBy", "Consumer").containsEntry("restockingFee", "10 %")
                .containsEntry("supplierAnswer", "Alternative").containsEntry("supplierAmount", "7.50 EUR")
                .containsEntry("canCounter", true).containsEntry("canEscalate", true)
                // what the consumer is paid when the goods come back in order, shown before they are sent too
                .containsEntry("refundPerPolicy", "8.60 EUR");
    }

    /**
     * Exploratory s13 aftersales: a return whose label and restocking fee take up the goods' value was mediated
     * without the form saying the refund would be nothing; the consumer learnt it from "0.00 EUR refunded".
     */
    @Test
    void aRefundThatDeductionsTakeUpIsShownAsNothingBeforeTheGoodsAreSent() {
        ReturnRequest cheap = stored(new ReturnRequest(1L, 2L, 3L, io.dropflow.returns.ReturnReason.CHANGED_MIND,
                io.dropflow.returns.ReturnWish.REFUND, null, "WEBSHOP", "EUR",
                java.util.List.of(new io.dropflow.aftersales.CaseLine(1, "DEMO-PIN", 1, new BigDecimal("4.00"))),
                io.dropflow.aftersales.AfterSalesFixtures.eur("1.20"), NOW), 11L);
        cheap.applyPolicy(true, ShippingPaidBy.CONSUMER, new BigDecimal("0.10"), false, false, "a rule",
                io.dropflow.aftersales.AfterSalesFixtures.eur("4.90"), NOW);
        when(returns.get(11L)).thenReturn(cheap);
        when(facts.of(cheap)).thenAnswer(call -> new FormFacts());

        assertThat(form.taskCreated(11L, true, 2L, null).values()).containsEntry("returnParcel", null)
                .containsEntry("refundPerPolicy", "0.00 EUR");
    }

    @Test
    void theLastRoundCannotBeCounteredAndAnEscalatedReturnNotEscalatedAgain() {
        request.startRound(2, NOW);
        request.escalate(NOW);

        FormFacts shown = form.taskCreated(9L, true, 2L, "the supplier did not answer in time");

        assertThat(shown.values()).containsEntry("supplierAnswer", "No answer").containsEntry("canCounter", false)
                .containsEntry("canEscalate", false).containsEntry("whyEscalated", "the supplier did not answer in time");
    }

    @Test
    void anInspectedParcelShowsTheRefundPerPolicy() {
        request.labelBooked("DHL", "RET-1", "https://label.example/1", NOW);
        request.recordInspection("DAMAGED_BY_CONSUMER", "scratched", NOW);
        request.takeInspection(NOW);

        FormFacts shown = form.taskCreated(9L, false, 2L, null);

        assertThat(shown.values()).containsEntry("returnParcel", "DHL RET-1")
                .containsEntry("inspectionResult", "Damaged by consumer").containsEntry("refundPerPolicy", "8.60 EUR");
    }

    /**
     * Review M3 of session 10: an exchange's purchase order counted as "sent" whatever its status, a declined one
     * too. Sent is accepted or shipped; declined or cancelled is failed, and shows the refund per policy it pays then;
     * one not answered yet is awaited.
     */
    @Test
    void anExchangeIsSentOnlyOnceAcceptedOrShippedAndFailedWhenDeclinedOrCancelled() {
        ReturnRequest exchange = stored(new ReturnRequest(1L, 2L, 3L, io.dropflow.returns.ReturnReason.CHANGED_MIND,
                io.dropflow.returns.ReturnWish.EXCHANGE, "DEMO-MUG-BLUE", "WEBSHOP", "EUR",
                io.dropflow.aftersales.AfterSalesFixtures.twoMugs(), io.dropflow.aftersales.AfterSalesFixtures.eur("12.00"),
                NOW), 10L);
        exchange.applyPolicy(true, ShippingPaidBy.CONSUMER, new BigDecimal("0.10"), true, false, "a rule",
                io.dropflow.aftersales.AfterSalesFixtures.eur("4.90"), NOW);
        exchange.labelBooked("DHL", "RET-1", "https://label.example/1", NOW);
        exchange.exchangeOrdered(77L, NOW);
        when(returns.get(10L)).thenReturn(exchange);
        when(facts.of(exchange)).thenAnswer(call -> new FormFacts());
        io.dropflow.supplier.PurchaseOrderView po = mock(io.dropflow.supplier.PurchaseOrderView.class);
        when(po.number()).thenReturn("DF-1-RT10-EXCHANGE");
        when(purchasing.purchaseOrder(77L)).thenReturn(po);

        for (var status : io.dropflow.supplier.PurchaseOrderStatus.values()) {
            when(po.status()).thenReturn(status);
            var shown = form.taskCreated(10L, false, 2L, null).values();
            boolean sent = status == io.dropflow.supplier.PurchaseOrderStatus.ACCEPTED
                    || status == io.dropflow.supplier.PurchaseOrderStatus.SHIPPED;
            boolean failed = status == io.dropflow.supplier.PurchaseOrderStatus.DECLINED
                    || status == io.dropflow.supplier.PurchaseOrderStatus.CANCELLED;
            assertThat(shown).as(status.name()).containsEntry("exchangeSent", sent).containsEntry("exchangeFailed", failed)
                    .containsEntry("exchangeAwaited", !sent && !failed)
                    .containsEntry("exchangePurchaseOrder", "DF-1-RT10-EXCHANGE")
                    .containsEntry("refundPerPolicy", failed ? "8.60 EUR" : null);
        }
    }
}
