package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A redelivery is told from an id used again by what the event says, not by how its JSON was written. */
class SupplierEventIdsTest {

    private final PartnerDeliveries deliveries = mock(PartnerDeliveries.class);
    private final SupplierEventIds ids;

    SupplierEventIdsTest() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("deliveries", deliveries);
        ids = new SupplierEventIds(beans.getBeanProvider(PartnerDeliveries.class), new ObjectMapper());
    }

    private final SupplierEvent shipped = new SupplierEvent("e-1", SupplierEventType.SHIPPED, "DF-1-PO1", "R-1", null,
            "DHL", "JD0001");

    @Test
    void theSameFieldsWrittenOtherwiseAreARedelivery() {
        // recorded by an earlier release: on one line, its fields in another order
        when(deliveries.recordedPayload("supplier", "ACME", "e-1")).thenReturn(Optional.of(
                "{\"trackingNumber\":\"JD0001\",\"carrierCode\":\"DHL\",\"eventId\":\"e-1\",\"type\":\"SHIPPED\","
                        + "\"purchaseOrderNumber\":\"DF-1-PO1\",\"supplierReference\":\"R-1\"}"));

        assertThat(ids.earlier("ACME", shipped)).isEqualTo(SupplierEventIds.Earlier.SAME);
    }

    @Test
    void anotherValueIsTheIdUsedAgainAndNothingRecordedIsANewEvent() {
        when(deliveries.recordedPayload("supplier", "ACME", "e-1")).thenReturn(Optional.of(
                "{\"eventId\":\"e-1\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"DF-1-PO1\",\"supplierReference\":\"R-1\","
                        + "\"carrierCode\":\"DHL\",\"trackingNumber\":\"JD0002\"}"));
        assertThat(ids.earlier("ACME", shipped)).isEqualTo(SupplierEventIds.Earlier.OTHER);

        when(deliveries.recordedPayload("supplier", "ACME", "e-1")).thenReturn(Optional.empty());
        assertThat(ids.earlier("ACME", shipped)).isEqualTo(SupplierEventIds.Earlier.NONE);
    }
}
