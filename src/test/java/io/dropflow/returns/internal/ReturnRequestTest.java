package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.twoMugs;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.returns.ReturnAnswerEvent.Answer;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReturnRequestTest {

    /** Two mugs worth 15.00 (supply value 12.00) sent back because the consumer changed its mind. */
    static ReturnRequest changeOfMind() {
        return new ReturnRequest(1L, 2L, 3L, ReturnReason.CHANGED_MIND, ReturnWish.REFUND, null, "WEBSHOP", "EUR",
                twoMugs(), eur("12.00"), NOW);
    }

    /** With a return label costing 4.90 EUR. */
    static ReturnRequest underPolicy(ShippingPaidBy labelPaidBy, String feeRate, boolean supplierMustAgree) {
        ReturnRequest r = changeOfMind();
        r.applyPolicy(true, labelPaidBy, new BigDecimal(feeRate), supplierMustAgree, false, "a rule", eur("4.90"), NOW);
        return r;
    }

    private final ReturnRequest request = changeOfMind();

    @Test
    void thePolicyRefundsTheReturnedValueLessTheFeeAndTheLabelTheConsumerPaysFor() {
        assertThat(underPolicy(ShippingPaidBy.CONSUMER, "0.10", true).refundPerPolicy())
                .isEqualByComparingTo("8.60");
        assertThat(underPolicy(ShippingPaidBy.SELLER, "0.10", true).refundPerPolicy())
                .isEqualByComparingTo("13.50");
        assertThat(underPolicy(ShippingPaidBy.CONSUMER, "0.90", true).refundPerPolicy())
                .as("never below zero").isEqualByComparingTo("0.00");
    }

    @Test
    void theSupplierTakesTheGoodsBackOnlyOnceTheyAreOnTheirWayAndItAgreedOrNeedNot() {
        ReturnRequest mustAgree = underPolicy(ShippingPaidBy.SUPPLIER, "0", true);
        ReturnRequest needNot = underPolicy(ShippingPaidBy.SUPPLIER, "0", false);
        assertThat(needNot.supplierTookGoodsBack()).as("no label yet").isFalse();

        mustAgree.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        needNot.labelBooked("SANDBOX-POST", "RT-2", "https://labels.example/2", NOW);

        assertThat(mustAgree.supplierTookGoodsBack()).as("the supplier never agreed").isFalse();
        assertThat(needNot.supplierTookGoodsBack()).isTrue();
        assertThat(needNot.getStatus()).isEqualTo(ReturnStatus.RETURN_IN_TRANSIT);
    }

    /**
     * The supplier's credit follows return-refund-basis.dmn (its inspection): none for goods it never received or
     * found damaged by the consumer, whatever the consumer is refunded; a return decided before the table said so
     * (V48: no decision on file) credits as before.
     */
    @Test
    void theSupplierCreditsTheGoodsOnlyWhenTheTableDidNotSayNone() {
        ReturnRequest before = underPolicy(ShippingPaidBy.SUPPLIER, "0", false);
        ReturnRequest full = underPolicy(ShippingPaidBy.SUPPLIER, "0", false);
        ReturnRequest none = underPolicy(ShippingPaidBy.SUPPLIER, "0", false);
        for (ReturnRequest r : new ReturnRequest[] {before, full, none}) {
            r.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        }
        full.decideSupplierCredit(SupplierCredit.FULL, "why", NOW);
        none.decideSupplierCredit(SupplierCredit.NONE, "why", NOW);

        assertThat(before.getSupplierCredit()).isNull();
        assertThat(before.supplierTookGoodsBack()).as("decided before V48: as before").isTrue();
        assertThat(full.supplierTookGoodsBack()).isTrue();
        assertThat(full.supplierPaysForItsGoods()).isTrue();
        assertThat(none.supplierTookGoodsBack()).as("NOT_RECEIVED or DAMAGED_BY_CONSUMER").isFalse();
        assertThat(none.supplierPaysForItsGoods()).isFalse();
    }

    /**
     * What the return's booking will have the supplier pay, as its own record says before that booking runs: the
     * credit for goods it took back; its share of the alternative it proposed, once the consumer accepted it.
     */
    @Test
    void theSupplierPaysForTheGoodsItTookBackOrTheAlternativeTheConsumerAccepted() {
        ReturnRequest mustAgree = underPolicy(ShippingPaidBy.SUPPLIER, "0", true);
        mustAgree.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        assertThat(mustAgree.supplierPaysForItsGoods()).as("on their way, the supplier never agreed").isFalse();
        ReturnRequest needNot = underPolicy(ShippingPaidBy.SUPPLIER, "0", false);
        assertThat(needNot.supplierPaysForItsGoods()).as("not on their way").isFalse();
        needNot.labelBooked("SANDBOX-POST", "RT-2", "https://labels.example/2", NOW);
        assertThat(needNot.supplierPaysForItsGoods()).as("its credit").isTrue();

        ReturnRequest alternative = underPolicy(ShippingPaidBy.CONSUMER, "0", true);
        alternative.startRound(1, NOW);
        alternative.recordSupplierAnswer(1, Answer.ALTERNATIVE, eur("6.00"), "keep it", NOW);
        alternative.offerToConsumer(1, eur("6.00"), NOW);
        alternative.settleRefund(eur("6.00"), NOW);
        assertThat(alternative.supplierPaysForItsGoods()).as("the consumer has not accepted it").isFalse();
        alternative.recordConsumerAnswer(true, NOW);
        assertThat(alternative.supplierPaysForItsGoods()).as("its share").isTrue();
    }

    @Test
    void aSupplierThatAcceptsAgreesToTakeTheGoodsBack() {
        request.startRound(1, NOW);

        assertThat(request.recordSupplierAnswer(1, Answer.ACCEPTED, null, null, NOW)).isTrue();

        assertThat(request.isSupplierAgreed()).isTrue();
        assertThat(request.recordSupplierAnswer(1, Answer.REJECTED, null, "too late", NOW)).isFalse();
        assertThat(request.getSupplierAnswer()).isEqualTo("ACCEPTED");
    }

    @Test
    void theConsumerCanAnswerOnlyAnOfferWaitingForIt() {
        assertThat(request.recordConsumerAnswer(true, NOW)).as("no offer yet").isFalse();

        request.offerToConsumer(1, eur("5.00"), NOW);
        request.offerToConsumer(1, eur("9.00"), NOW);

        assertThat(request.getOfferAmount()).as("a repeated offer changes nothing").isEqualByComparingTo("5.00");
        assertThat(request.recordConsumerAnswer(false, NOW)).isTrue();
        assertThat(request.recordConsumerAnswer(true, NOW)).isFalse();
        assertThat(request.getConsumerAnswer()).isEqualTo("DECLINED");
    }

    @Test
    void aParcelIsInspectedOnce() {
        assertThat(request.recordInspection("OK", null, NOW)).isTrue();
        assertThat(request.recordInspection("DAMAGED_BY_CONSUMER", "scratched", NOW)).isFalse();
        assertThat(request.getInspectionResult()).isEqualTo("OK");
    }

    @Test
    void aLabelTheSupplierDoesNotPayForIsOnOurAccount() {
        ReturnRequest consumerPays = underPolicy(ShippingPaidBy.CONSUMER, "0", true);
        ReturnRequest supplierPays = underPolicy(ShippingPaidBy.SUPPLIER, "0", true);
        assertThat(consumerPays.returnLabelOnOurAccount()).as("no label booked").isFalse();

        consumerPays.labelBooked("SANDBOX-POST", "RT-3", "https://labels.example/3", NOW);
        supplierPays.labelBooked("SANDBOX-POST", "RT-4", "https://labels.example/4", NOW);

        assertThat(consumerPays.returnLabelOnOurAccount()).isTrue();
        assertThat(supplierPays.returnLabelOnOurAccount()).isFalse();
    }

    /** Refunded goods are not claimed again; the goods an exchange sent may be, like any delivered goods. */
    @Test
    void aCompletedRefundHoldsItsPiecesACompletedExchangeDoesNot() {
        ReturnRequest refunded = underPolicy(ShippingPaidBy.CONSUMER, "0", false);
        refunded.settleRefund(eur("15.00"), NOW);
        refunded.moveTo(ReturnStatus.COMPLETED, NOW);
        ReturnRequest exchanged = underPolicy(ShippingPaidBy.SELLER, "0", false);
        exchanged.exchangeOrdered(9L, NOW);
        exchanged.moveTo(ReturnStatus.COMPLETED, NOW);
        ReturnRequest refused = changeOfMind();
        refused.moveTo(ReturnStatus.REFUSED, NOW);

        assertThat(changeOfMind().holdsItsPieces()).as("open").isTrue();
        assertThat(refunded.holdsItsPieces()).isTrue();
        assertThat(exchanged.holdsItsPieces()).isFalse();
        assertThat(refused.holdsItsPieces()).isFalse();
    }

    /**
     * A return closed as paid back already (its settled refund withheld at the payment) leaves its pieces to the
     * case that paid for them, which holds them itself: counted once, not twice. One closed without a refund after
     * a dispute (none settled) keeps holding them, as a completed refund does.
     */
    @Test
    void aReturnClosedAsPaidBackAlreadyHoldsNoPiecesOneClosedWithoutRefundDoes() {
        ReturnRequest withheld = underPolicy(ShippingPaidBy.CONSUMER, "0", false);
        withheld.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        withheld.settleRefund(eur("10.10"), NOW);
        withheld.closeBecause(ReturnStatus.CLOSED, "paid back already through DF-CL3", NOW);
        ReturnRequest noRefund = underPolicy(ShippingPaidBy.CONSUMER, "0", false);
        noRefund.labelBooked("SANDBOX-POST", "RT-2", "https://labels.example/2", NOW);
        noRefund.closeBecause(ReturnStatus.CLOSED, "damaged by the consumer", NOW);

        assertThat(withheld.isRefundWithheld()).isTrue();
        assertThat(withheld.holdsItsPieces()).isFalse();
        assertThat(noRefund.isRefundWithheld()).isFalse();
        assertThat(noRefund.holdsItsPieces()).isTrue();
    }
}
