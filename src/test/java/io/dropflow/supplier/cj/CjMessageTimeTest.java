package io.dropflow.supplier.cj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.partners.DeliveryHandler.Delivery;
import io.dropflow.partners.DeliveryHandler.Outcome;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CJ's STOCK and VARIANT messages carry no time: they count as sent when they were recorded, and, where that is
 * unknown, now on Dropflow's one clock (ADR 0009). Session 12 (explorer "code", 7): "now" was the wall clock
 * ({@code Instant.now()}), so a test that moved the engine's clock saw such a message dated in real time.
 */
class CjMessageTimeTest {

    private static final Instant ENGINE_NOW = Instant.parse("2031-03-04T05:06:07Z");
    private static final String STOCK = "{\"messageId\":\"m-1\",\"type\":\"STOCK\",\"params\":{\"123\":"
            + "[{\"vid\":\"123\",\"areaId\":\"2\",\"countryCode\":\"CN\",\"storageNum\":7}]}}";

    private final Catalog catalog = mock(Catalog.class);
    private final CjMessages messages = new CjMessages(
            new CjSettings(Map.of("CJ", CjFixtures.account("http://localhost:1", null, "cj-token"))),
            null, null, null, null, catalog, Clock.fixed(ENGINE_NOW, ZoneOffset.UTC));

    @Test
    void aMessageWithoutARecordedTimeCountsAsSentNowOnTheInjectedClock() {
        when(catalog.supplierReported(anyString(), any(), anyList())).thenReturn(new OfferReport.Taken(List.of(), List.of()));

        var result = messages.handle(new Delivery(null, CjDropshipping.PARTNER, "CJ", "STOCK", "m-1", STOCK, 0));

        assertThat(result.outcome()).isEqualTo(Outcome.TAKEN);
        verify(catalog).supplierReported("CJ", ENGINE_NOW, List.of(OfferReport.stock("123", 7)));
    }

    @Test
    void aRecordedMessageCountsAsSentWhenItWasRecorded() {
        Instant recorded = ENGINE_NOW.minusSeconds(3600);
        when(catalog.supplierReported(anyString(), any(), anyList())).thenReturn(new OfferReport.Taken(List.of(), List.of()));

        messages.handle(new Delivery(7L, CjDropshipping.PARTNER, "CJ", "STOCK", "m-1", STOCK, 1, recorded));

        verify(catalog).supplierReported("CJ", recorded, List.of(OfferReport.stock("123", 7)));
    }
}
