package io.dropflow.carrier.kuaidi100;

import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.partners.internal.PartnerSettings;
import io.dropflow.partners.internal.ResilientPartnerCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A real Kuaidi100 client for tests outside this package (its constructor is the package's own). */
public final class Kuaidi100Clients {

    private Kuaidi100Clients() {
    }

    /**
     * Kuaidi100 at {@code baseUrl} following carrier YTO (yuantong), its real-time query at the default
     * {@code query-requests-per-second} (1), its partner limit as application.yaml gives it (10 a second) with
     * {@code max-wait}: a call that would have to wait longer for its turn is refused at once.
     */
    public static CarrierAdapter following(String baseUrl, Duration maxWait) {
        return following(baseUrl, maxWait, "http://dropflow.example/k100", false);
    }

    /** The same, pushing to {@code callbackUrl}; {@code httpsEnabled}: Kuaidi100 enabled https callbacks for the account. */
    public static Kuaidi100Client following(String baseUrl, Duration maxWait, String callbackUrl, boolean httpsEnabled) {
        Kuaidi100Settings settings = new Kuaidi100Settings("CUST1", "KEY1", "SALT1", callbackUrl,
                baseUrl + "/poll", baseUrl + "/poll/query.do", Map.of("YTO", "yuantong"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), httpsEnabled, null);
        PartnerSettings partners = new PartnerSettings(null, Map.of("kuaidi100",
                new PartnerSettings.Limit(10.0, false, maxWait, null)), null);
        return new Kuaidi100Client(settings, ResilientPartnerCalls.local(partners,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.systemUTC()));
    }
}
