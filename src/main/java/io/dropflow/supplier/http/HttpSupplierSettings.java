package io.dropflow.supplier.http;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.partners.PartnerCredentials;
import io.dropflow.web.PartnerTimestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Suppliers that integrate through Dropflow's supplier API ({@code dropflow.suppliers.http.<CODE>}).
 * Credentials come from the environment (e.g. {@code ${DROPFLOW_SUPPLIER_ACME_TOKEN}}); they never
 * appear in logs or process variables.
 */
@ConfigurationProperties("dropflow.suppliers")
public record HttpSupplierSettings(Map<String, Endpoint> http) implements PartnerCredentials {

    /**
     * @param baseUrl where the supplier serves the API, e.g. https://api.acme.example/dropflow/v1
     * @param token bearer token we present to the supplier
     * @param webhookSecret the secret the supplier signs its webhook calls with (HMAC-SHA256)
     * @param connectTimeout / readTimeout every call gives up after these (then the job retries)
     * @param signatureTolerance how far a webhook call's time ({@link PartnerTimestamp}) may be from Dropflow's
     *     clock: older, a signed call is a replay; ahead, any call is refused
     */
    public record Endpoint(String baseUrl, String token, String webhookSecret, Duration connectTimeout,
            Duration readTimeout, Duration signatureTolerance) {

        public Endpoint {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            signatureTolerance = signatureTolerance == null ? PartnerTimestamp.DEFAULT_TOLERANCE : signatureTolerance;
        }

        /** Never the secrets. */
        @Override
        public String toString() {
            return "Endpoint[" + baseUrl + "]";
        }
    }

    public HttpSupplierSettings {
        http = http == null ? Map.of() : Map.copyOf(http);
    }

    /** What {@link HttpSupplierApi#unbound()} reports: checked before anything starts, too. */
    @Override
    public List<PartnerBinding.Unbound> unbound(Instant now) {
        return unbound();
    }

    /** A supplier listed under dropflow.suppliers.http without its URL, token or webhook secret. */
    public List<PartnerBinding.Unbound> unbound() {
        List<PartnerBinding.Unbound> unbound = new ArrayList<>();
        http.forEach((code, e) -> {
            List<String> missing = new ArrayList<>();
            if (PartnerBinding.unset(e.baseUrl())) {
                missing.add("base-url");
            }
            if (PartnerBinding.unset(e.token())) {
                missing.add("token");
            }
            if (PartnerBinding.unset(e.webhookSecret())) {
                missing.add("webhook-secret");
            }
            if (!missing.isEmpty()) {
                unbound.add(new PartnerBinding.Unbound("supplier " + code + " on Dropflow's supplier API", "no " + String.join(", ",
                        missing), missing.stream().map(m -> "dropflow.suppliers.http." + code + "." + m).toList()
                        .toString()));
            }
        });
        return unbound;
    }

    public Optional<Endpoint> endpoint(String supplierCode) {
        return Optional.ofNullable(http.get(supplierCode)).filter(e -> e.baseUrl() != null && !e.baseUrl().isBlank());
    }

    /**
     * How far the supplier's webhook calls' time may be from Dropflow's clock: its {@code signature-tolerance},
     * else {@link PartnerTimestamp#DEFAULT_TOLERANCE} (a supplier not configured here included).
     */
    public Duration signatureTolerance(String supplierCode) {
        return Optional.ofNullable(http.get(supplierCode)).map(Endpoint::signatureTolerance)
                .orElse(PartnerTimestamp.DEFAULT_TOLERANCE);
    }

    public Optional<String> webhookSecret(String supplierCode) {
        return Optional.ofNullable(http.get(supplierCode)).map(Endpoint::webhookSecret).filter(s -> !s.isBlank());
    }
}
