package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierRefusedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplacementOrdersTest {

    private final Purchasing purchasing = mock(Purchasing.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final RecordedHistory history = new RecordedHistory();
    private final OrderLookup orders = mock(OrderLookup.class);
    private final ReplacementOrders replacements = new ReplacementOrders(orders, purchasing, history, timeline);
    /** Two mugs of order 1, shipped under purchase order 2. */
    private final SampleCase sample = stored(new SampleCase(NOW), 7L);
    private final SupplierGateway.Address consumer = mock(SupplierGateway.Address.class);
    private final PurchaseOrderView po = mock(PurchaseOrderView.class);

    @BeforeEach
    void theOrderShipsToTheConsumer() {
        OrderSummary order = mock(OrderSummary.class);
        when(order.supplierShipTo()).thenReturn(consumer);
        when(orders.order(1L)).thenReturn(order);
        when(po.number()).thenReturn("DF-1-CL7-RESHIP2");
        when(po.supplierCode()).thenReturn("ACME");
    }

    @Test
    void aReplacementOrdersTheCasesPiecesAgainAndSaysSoOnBothHistories() {
        when(purchasing.forwardReplacement(2L, 7L, 2, Map.of("DEMO-MUG", 2), true, consumer, 48, Duration.ofHours(48)))
                .thenReturn(po);

        assertThat(replacements.replacement(sample, 2, true, 48, Duration.ofHours(48))).isSameAs(po);

        assertThat(history.lines()).containsExactly("DROPFLOW: Replacement purchase order DF-1-CL7-RESHIP2 sent to ACME");
        verify(timeline).record(1L, "Replacement purchase order DF-1-CL7-RESHIP2 forwarded for claim DF-CL7");
    }

    @Test
    void aReplacementTheSupplierRefusesIsRecordedAndTheRefusalGoesOn() {
        SupplierRefusedException refused = mock(SupplierRefusedException.class);
        when(refused.getMessage()).thenReturn("ACME declined: OUT_OF_STOCK");
        when(purchasing.forwardReplacement(any(), any(), any(Integer.class), any(), any(Boolean.class), any(),
                any(Integer.class), any())).thenThrow(refused);

        assertThatThrownBy(() -> replacements.replacement(sample, 1, false, 48, Duration.ofHours(48))).isSameAs(refused);

        assertThat(history.lines()).containsExactly("SUPPLIER: Refused the replacement: ACME declined: OUT_OF_STOCK");
        verifyNoInteractions(timeline);
    }
}
