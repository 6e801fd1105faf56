package io.dropflow.carrier.kuaidi100;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.dropflow.partners.PartnerDeliveries;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where Kuaidi100 is not configured, its webhook takes nothing, however the push is signed. */
class Kuaidi100PushRefusedTest {

    private static final String PARAM = "{\"status\":\"polling\",\"lastResult\":{\"state\":\"3\",\"com\":\"yuantong\","
            + "\"nu\":\"YT123\",\"data\":[]}}";

    @Test
    void withoutASaltAPushSignedWithNoneIsRefusedAndNothingIsRecorded() {
        PartnerDeliveries deliveries = mock(PartnerDeliveries.class);
        // The default when DROPFLOW_KUAIDI100_SALT is not set: an empty salt, so the sign would be MD5(param)
        Kuaidi100Settings unconfigured = new Kuaidi100Settings("", "", "", null, null, null, Map.of(), null, null, null, null);
        Kuaidi100PushController controller = new Kuaidi100PushController(unconfigured, deliveries);

        var answer = controller.push(PARAM, Kuaidi100Client.pushSign(PARAM, ""));

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        verifyNoInteractions(deliveries);
    }
}
