package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.supplier.OfferReport;
import io.dropflow.supplier.http.HttpSupplierSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How far ahead of Dropflow's clock a stock push's X-Dropflow-Timestamp may be: the supplier's signature
 * tolerance, the one its signature is checked with, so that a push the webhook filter let through is not
 * refused here for a limit of its own.
 */
class OfferUpdateControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final CatalogMaintenance catalog = mock(CatalogMaintenance.class);

    private OfferUpdateController controller(Duration tolerance) {
        HttpSupplierSettings settings = new HttpSupplierSettings(Map.of("ACME", new HttpSupplierSettings.Endpoint(
                "https://acme.example/v1", "token", "secret", null, null, tolerance)));
        return new OfferUpdateController(catalog, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OfferUpdateController.OfferUpdates push() {
        return new OfferUpdateController.OfferUpdates("e-1",
                List.of(new OfferUpdateController.Update("ACME-1", 4, null, null)));
    }

    @Test
    void aPushWithinALongerConfiguredToleranceIsTakenAtItsTime() {
        Instant sevenMinutesAhead = NOW.plus(Duration.ofMinutes(7));
        when(catalog.supplierPushed(eq("ACME"), eq("e-1"), any(), any()))
                .thenReturn(Optional.of(new OfferReport.Taken(List.of(), List.of())));

        controller(Duration.ofMinutes(10)).receive("ACME", Long.toString(sevenMinutesAhead.getEpochSecond()), push());

        verify(catalog).supplierPushed(eq("ACME"), eq("e-1"), eq(sevenMinutesAhead), any());
    }

    @Test
    void aPushAheadByMoreThanAShorterConfiguredToleranceIsRefused() {
        String threeMinutesAhead = Long.toString(NOW.plus(Duration.ofMinutes(3)).getEpochSecond());

        assertThatThrownBy(() -> controller(Duration.ofMinutes(2)).receive("ACME", threeMinutesAhead, push()))
                .isInstanceOf(CatalogProblem.class)
                .hasMessageContaining("is more than 2 minutes ahead of Dropflow's clock");
    }

    @Test
    void aSupplierWithoutSettingsHasTheDefaultFiveMinutes() {
        OfferUpdateController controller = new OfferUpdateController(catalog, new HttpSupplierSettings(Map.of()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String sixMinutesAhead = Long.toString(NOW.plus(Duration.ofMinutes(6)).getEpochSecond());

        assertThatThrownBy(() -> controller.receive("SANDBOX", sixMinutesAhead, push()))
                .hasMessageContaining("is more than 5 minutes ahead of Dropflow's clock");
        assertThatThrownBy(() -> controller.receive("SANDBOX", "9223372036854775807", push()))
                .as("beyond what an Instant holds").hasMessageContaining("is not Unix seconds");
    }
}
