package io.dropflow.partners;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.carrier.kuaidi100.Kuaidi100Clients;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up (PartnerBindingCheck) refuses Kuaidi100 an https callback it was not asked to call: Kuaidi100's
 * subscription page (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c, callbackurl) says
 * "默认仅支持http，如需兼容https请联系快递100技术人员处理".
 */
class Kuaidi100CallbackAtStartTest {

    @Test
    void anHttpsCallbackStopsTheStartUntilKuaidi100EnabledHttps() {
        PartnerBinding https = Kuaidi100Clients.following("http://localhost:9", Duration.ofSeconds(1),
                "https://dropflow.owner.example/api/webhooks/kuaidi100", false);

        assertThatThrownBy(() -> new PartnerBindingCheck(List.of(https)).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Dropflow will not start")
                .hasMessageContaining("Kuaidi100 for carriers [YTO]")
                .hasMessageContaining("https://dropflow.owner.example/api/webhooks/kuaidi100")
                .hasMessageContaining("dropflow.carriers.kuaidi100.callback-url")
                .hasMessageContaining("https-callback-enabled");

        PartnerBinding enabled = Kuaidi100Clients.following("http://localhost:9", Duration.ofSeconds(1),
                "https://dropflow.owner.example/api/webhooks/kuaidi100", true);
        PartnerBinding http = Kuaidi100Clients.following("http://localhost:9", Duration.ofSeconds(1),
                "http://dropflow.owner.example/api/webhooks/kuaidi100", false);
        assertThatCode(() -> new PartnerBindingCheck(List.of(enabled, http)).run(null)).doesNotThrowAnyException();
    }
}
