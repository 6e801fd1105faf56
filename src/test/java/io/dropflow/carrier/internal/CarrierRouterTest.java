package io.dropflow.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.CarrierAdapter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CarrierRouterTest {

    final CarrierAdapter kuaidi100 = mock(CarrierAdapter.class);
    final CarrierAdapter sandbox = mock(CarrierAdapter.class);

    @Test
    void aParcelIsRegisteredWithTheFirstServiceThatFollowsItsCarrier() {
        when(kuaidi100.follows("YTO")).thenReturn(true);
        when(sandbox.follows("YTO")).thenReturn(true);

        new CarrierRouter(List.of(kuaidi100, sandbox), List.of(), Set.of()).register("YTO", "YT1", io.dropflow.carrier.Consignee.ofPhone(null));

        verify(kuaidi100).register("YTO", "YT1", io.dropflow.carrier.Consignee.ofPhone(null));
        verify(sandbox, never()).register("YTO", "YT1", io.dropflow.carrier.Consignee.ofPhone(null));
    }

    @Test
    void whatIsKnownOfTheConsigneeReachesTheServiceThatFollowsTheCarrier() {
        // 17TRACK asks some carriers' numbers for the postal code (-18010019) or country and postal code (-18010018)
        when(kuaidi100.follows("GLS")).thenReturn(true);
        io.dropflow.carrier.Consignee erika = new io.dropflow.carrier.Consignee("+49 221 1234567", "51147", "DE");

        new CarrierRouter(List.of(kuaidi100), List.of(), Set.of()).register("GLS", "GLS1", erika);

        verify(kuaidi100).register("GLS", "GLS1", erika);
    }

    @Test
    void aCarrierTheShipperFollowsNeedsNoRegistration() {
        new CarrierRouter(List.of(kuaidi100), List.of(), Set.of("CJ")).register("CJ", "CJPKL1", io.dropflow.carrier.Consignee.ofPhone(null));

        verifyNoInteractions(kuaidi100);
    }

    @Test
    void aCarrierNobodyFollowsIsRefusedNamingTheSettingsToCheck() {
        CarrierRouter router = new CarrierRouter(List.of(kuaidi100), List.of(), Set.of());

        // Final (exploratory test s14, shipping D4): the order goes on, and the silent parcel reaches an operator
        assertThatThrownBy(() -> router.register("DHL", "JD1", io.dropflow.carrier.Consignee.ofPhone(null)))
                .isInstanceOf(io.dropflow.carrier.TrackingRegistrationRefused.class)
                .satisfies(e -> assertThat(((io.dropflow.carrier.TrackingRegistrationRefused) e).missing())
                        .isEqualTo("carrier code a tracking service follows"))
                .hasMessageContaining("no tracking service follows carrier DHL")
                .hasMessageContaining("dropflow.carriers.track17.carriers");
    }
}
