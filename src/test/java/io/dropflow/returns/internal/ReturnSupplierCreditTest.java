package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import org.junit.jupiter.api.Test;

/**
 * What return-refund-basis.dmn decided the supplier credits, recorded on the return and, when it withholds a
 * credit, in its history.
 */
class ReturnSupplierCreditTest {

    private final Returns returns = mock(Returns.class);
    private final RecordedHistory history = new RecordedHistory();
    private final ReturnAccounting credits = new ReturnAccounting(returns, mock(io.dropflow.aftersales.CaseBookings.class), history,
            mock(io.dropflow.supplier.Purchasing.class), new ReturnSettings(null, null, null), CLOCK);

    private ReturnRequest cameBack() {
        ReturnRequest r = stored(ReturnRequestTest.underPolicy(ShippingPaidBy.SUPPLIER, "0", false), 5L);
        r.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        r.recordInspection("NOT_RECEIVED", null, NOW);
        when(returns.locked(5L)).thenReturn(r);
        return r;
    }

    @Test
    void noCreditIsRecordedAndSaidOnce() {
        ReturnRequest r = cameBack();

        credits.decideSupplierCredit(5L, SupplierCredit.NONE, "the supplier never received them.");
        credits.decideSupplierCredit(5L, SupplierCredit.NONE, "the supplier never received them.");

        assertThat(r.getSupplierCredit()).isEqualTo(SupplierCredit.NONE);
        assertThat(r.supplierTookGoodsBack()).isFalse();
        assertThat(history.lines()).containsExactly("DROPFLOW: No supplier credit for the returned goods (inspection:"
                + " Not received): the supplier never received them.");
    }

    @Test
    void aFullCreditIsRecordedWithoutAWord() {
        ReturnRequest r = cameBack();

        credits.decideSupplierCredit(5L, SupplierCredit.FULL, "in order");

        assertThat(r.getSupplierCredit()).isEqualTo(SupplierCredit.FULL);
        assertThat(r.supplierTookGoodsBack()).isTrue();
        assertThat(history.lines()).isEmpty();
    }
}
