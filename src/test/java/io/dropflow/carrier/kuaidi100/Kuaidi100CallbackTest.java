package io.dropflow.carrier.kuaidi100;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.Consignee;
import io.dropflow.partners.PartnerBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Kuaidi100 calls only http callbacks unless it has enabled https for the account: its subscription page
 * (快递订阅查询快递api接口技术文档, https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c) says of
 * {@code callbackurl} "默认仅支持http，如需兼容https请联系快递100技术人员处理". An https callback nobody had
 * Kuaidi100 enable stops the start; Kuaidi100's 700 (wrong subscription data or callback address, per its own
 * column https://cloud.tencent.com/developer/article/1828132) is an incident that names the callback settings.
 * The 700 stub is src/test/resources/wiremock/kuaidi100/mappings/subscribe-wrong-callback.json, naming its sources.
 */
class Kuaidi100CallbackTest {

    private final WireMockServer kuaidi100 = new WireMockServer(options().dynamicPort()
            .usingFilesUnderClasspath("wiremock/kuaidi100"));

    @BeforeEach
    void start() {
        kuaidi100.start();
    }

    @AfterEach
    void stop() {
        kuaidi100.stop();
    }

    private Kuaidi100Settings settings(String callbackUrl, Boolean httpsEnabled) {
        return new Kuaidi100Settings("CUST1", "KEY1", "SALT1", callbackUrl, kuaidi100.baseUrl() + "/poll",
                kuaidi100.baseUrl() + "/poll/query.do", Map.of("YTO", "yuantong"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), httpsEnabled, null);
    }

    private Kuaidi100Client client(Kuaidi100Settings settings) {
        return new Kuaidi100Client(settings, io.dropflow.partners.internal.ResilientPartnerCalls.local(
                new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    @Test
    void anHttpsCallbackKuaidi100WasNotAskedToCallStopsTheStartAndNamesTheSettings() {
        var unbound = client(settings("https://dropflow.example/api/webhooks/kuaidi100", null)).unbound();

        assertThat(unbound).singleElement().satisfies(u -> {
            assertThat(u.missing()).contains("https://dropflow.example/api/webhooks/kuaidi100")
                    .contains("only http callbacks");
            assertThat(u.setting()).contains("dropflow.carriers.kuaidi100.callback-url")
                    .contains("https-callback-enabled").contains("DROPFLOW_KUAIDI100_CALLBACK_URL");
        });
    }

    @Test
    void anHttpCallbackOrOneKuaidi100EnabledHttpsForStarts() {
        assertThat(client(settings("http://dropflow.example/api/webhooks/kuaidi100", null)).unbound()).isEmpty();
        assertThat(client(settings("https://dropflow.example/api/webhooks/kuaidi100", true)).unbound()).isEmpty();
        // no carrier followed by Kuaidi100: nothing to check
        Kuaidi100Settings unused = new Kuaidi100Settings("", "", "", "https://dropflow.example/api/webhooks/kuaidi100",
                null, null, Map.of(), null, null, null, null);
        assertThat(client(unused).unbound()).isEmpty();
    }

    @Test
    void missingCredentialsAndAnHttpsCallbackAreNamedTogether() {
        Kuaidi100Settings noKey = new Kuaidi100Settings("CUST1", "", "SALT1", "HTTPS://dropflow.example/k100", null, null,
                Map.of("YTO", "yuantong"), null, null, null, null);

        assertThat(client(noKey).unbound()).extracting(PartnerBinding.Unbound::toString)
                .anySatisfy(u -> assertThat(u).contains("callback-url"))
                .anySatisfy(u -> assertThat(u).contains("no key (DROPFLOW_KUAIDI100_KEY)"));
    }

    @Test
    void kuaidi100RefusingTheCallbackAddressIsARefusalNamingTheCallbackSettings() {
        Kuaidi100Client client = client(settings("https://refused-callback.example/api/webhooks/kuaidi100", null));

        // Final (exploratory test s14, shipping D4): the order goes on, and the silent parcel reaches an operator
        assertThatThrownBy(() -> client.register("YTO", "YT1234567890", Consignee.UNKNOWN))
                .isInstanceOf(io.dropflow.carrier.TrackingRegistrationRefused.class)
                .satisfies(e -> assertThat(((io.dropflow.carrier.TrackingRegistrationRefused) e).missing())
                        .isEqualTo("valid company code, number and callback address"))
                .hasMessageContaining("YTO YT1234567890")
                .hasMessageContaining("700")
                .hasMessageContaining("https://refused-callback.example/api/webhooks/kuaidi100")
                .hasMessageContaining("only once it has enabled https")
                .hasMessageContaining("dropflow.carriers.kuaidi100.callback-url")
                .hasMessageContaining("https-callback-enabled")
                .hasMessageNotContaining("KEY1").hasMessageNotContaining("SALT1");
    }

    @Test
    void theSettingBindsFromItsDocumentedName() {
        Kuaidi100Settings bound = new Binder(new MapConfigurationPropertySource(Map.of(
                "dropflow.carriers.kuaidi100.callback-url", "https://dropflow.example/api/webhooks/kuaidi100",
                "dropflow.carriers.kuaidi100.https-callback-enabled", "true")))
                .bind("dropflow.carriers.kuaidi100", Kuaidi100Settings.class).get();

        assertThat(bound.httpsCallbackEnabled()).isTrue();
        assertThat(bound.httpsCallback()).isTrue();
    }
}
