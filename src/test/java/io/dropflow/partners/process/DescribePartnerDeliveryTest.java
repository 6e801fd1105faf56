package io.dropflow.partners.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.processengine.SellerTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** The partner-attention form's facts: one variable each, the receipt in the seller's time. */
class DescribePartnerDeliveryTest {

    private final RecordedDeliveries deliveries = mock(RecordedDeliveries.class);
    private final DescribePartnerDelivery describe = new DescribePartnerDelivery(deliveries, SellerTime.in("Asia/Shanghai"));

    @Test
    void theDeliveryIsShownFactByFact() {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable("deliveryId")).thenReturn(5L);
        Map<String, Object> row = new HashMap<>(Map.of("partner", "cj", "account", "main", "topic", "ORDER",
                "delivery_id", "D-1", "attempts", 3, "received_at", Timestamp.from(Instant.parse("2026-12-02T07:04:00Z")),
                "last_error", "has no purchase order DF-9-PO1"));
        when(deliveries.record(5L)).thenReturn(row);
        when(deliveries.delivery(5L)).thenReturn(new DeliveryHandler.Delivery(5L, "cj", "main", "ORDER", "D-1", "{}", 3));

        describe.notify(task);

        verify(task).setVariableLocal("partner", "cj");
        verify(task).setVariableLocal("deliveryNumber", "D-1");
        verify(task).setVariableLocal("receivedAt", "2026-12-02 15:04 (Asia/Shanghai)");
        verify(task).setVariableLocal("attempts", 3);
        verify(task).setVariableLocal("lastError", "has no purchase order DF-9-PO1");
        verify(task).setVariableLocal("deliveryPayload", "{}");
    }
}
