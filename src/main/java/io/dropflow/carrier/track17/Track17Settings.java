package io.dropflow.carrier.track17;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.partners.PartnerCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 17TRACK account and which of our carrier codes it follows ({@code dropflow.carriers.track17}).
 *
 * @param apiKey the security key: sent as {@code 17token}, and what 17TRACK signs its pushes with
 * @param baseUrl the API root (v2.2)
 * @param carriers our carrier code to 17TRACK's numeric carrier code, e.g. DHL: 100001, CHINA-POST: 3011
 * @param zones our carrier code to the zone of its event times without offset, e.g. CHINA-POST: Asia/Shanghai
 */
@ConfigurationProperties("dropflow.carriers.track17")
public record Track17Settings(String apiKey, String baseUrl, Map<String, Integer> carriers, Duration connectTimeout,
        Duration readTimeout, Map<String, java.time.ZoneId> zones) implements PartnerCredentials {

    public Track17Settings {
        baseUrl = baseUrl == null ? "https://api.17track.net/track/v2.2" : baseUrl;
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        zones = zones == null ? Map.of() : Map.copyOf(zones);
    }

    /** The zone of a carrier's local event times (those 17TRACK passes on without an offset); UTC when not set. */
    public java.time.ZoneId zone(String carrierCode) {
        return zones.getOrDefault(carrierCode, java.time.ZoneOffset.UTC);
    }

    public Optional<Integer> carrierNumber(String carrierCode) {
        return Optional.ofNullable(carriers.get(carrierCode));
    }

    public Optional<String> carrierCode(int carrierNumber) {
        return carriers.entrySet().stream().filter(e -> e.getValue() == carrierNumber).map(Map.Entry::getKey).findFirst();
    }

    /** What {@link Track17Client#unbound()} reports: checked before anything starts, too. */
    @Override
    public List<PartnerBinding.Unbound> unbound(Instant now) {
        return unbound();
    }

    /** Carriers listed for 17TRACK without the account's key. */
    public List<PartnerBinding.Unbound> unbound() {
        return carriers.isEmpty() || !PartnerBinding.unset(apiKey) ? List.of()
                : List.of(new PartnerBinding.Unbound("17TRACK for carriers " + carriers.keySet(), "no API key",
                        "dropflow.carriers.track17.api-key (DROPFLOW_17TRACK_KEY)"));
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "Track17Settings[" + carriers.keySet() + "]";
    }
}
