package io.dropflow.supplier.cj;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.partners.PartnerCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Suppliers served by a CJ Dropshipping account ({@code dropflow.suppliers.cj.<CODE>}). The access
 * token and the openId (the key CJ signs its webhooks with) come from the environment and never
 * appear in logs or process variables.
 */
@ConfigurationProperties("dropflow.suppliers")
public record CjSettings(Map<String, Account> cj) implements PartnerCredentials {

    public static final String DEFAULT_BASE_URL = "https://developers.cjdropshipping.com/api2.0/v1";

    /** What {@link CjSupplier#unbound()} reports: checked before anything starts, too. */
    @Override
    public List<PartnerBinding.Unbound> unbound(Instant now) {
        return unbound();
    }

    /** A CJ account listed under dropflow.suppliers.cj without its API key, openId or logistic name. */
    public List<PartnerBinding.Unbound> unbound() {
        List<PartnerBinding.Unbound> unbound = new ArrayList<>();
        cj.forEach((code, a) -> {
            List<String> missing = new ArrayList<>();
            if (!a.credentialed()) {
                missing.add("api-key");
            }
            if (PartnerBinding.unset(a.openId())) {
                missing.add("open-id");
            }
            if (PartnerBinding.unset(a.logisticName())) {
                missing.add("logistic-name");
            }
            if (!missing.isEmpty()) {
                unbound.add(new PartnerBinding.Unbound("supplier " + code + " on CJ Dropshipping", "no " + String.join(", ", missing),
                        missing.stream().map(m -> "dropflow.suppliers.cj." + code + "." + m).toList().toString()));
            }
        });
        return unbound;
    }

    /**
     * @param baseUrl CJ's API 2.0 root (a CJ sandbox account uses the same root with its own API key)
     * @param apiKey the account's API key: Dropflow logs in with it (getAccessToken, at most once per five
     *     minutes) and keeps the 15-day access token and 180-day refresh token in the database
     * @param accessToken a fixed access token instead of the API key (it expires after 15 days: for trials only)
     * @param openId the account's openId: CJ's webhook {@code sign} is an HMAC-SHA256 keyed with it
     * @param logisticName CJ's shipping method for our orders, e.g. "CJPacket Ordinary"
     * @param fromCountryCode the CJ warehouse country orders ship from
     * @param payType CJ's payType, as createOrderV2 documents it (Shopping, 1.1): 2 adds the order to the
     *     cart, confirms it and pays it from the CJ balance (the default: an unpaid order never ships); 3 does
     *     not pay from the balance (someone pays in CJ)
     * @param carrierCode our carrier code for parcels CJ ships; its LOGISTIC messages track them
     * @param eventZone the zone of CJ's "yyyy-MM-dd HH:mm:ss" event times (CJ does not state one)
     */
    public record Account(String baseUrl, String apiKey, String accessToken, String openId, String logisticName,
            String fromCountryCode, Integer payType, String carrierCode, ZoneId eventZone, Duration connectTimeout,
            Duration readTimeout, Double requestsPerSecond, Duration tokenRenewBefore) {

        public Account {
            baseUrl = blank(baseUrl) ? DEFAULT_BASE_URL : baseUrl;
            fromCountryCode = blank(fromCountryCode) ? "CN" : fromCountryCode;
            payType = payType == null ? 2 : payType;
            carrierCode = blank(carrierCode) ? "CJ" : carrierCode;
            eventZone = eventZone == null ? ZoneId.of("Asia/Shanghai") : eventZone;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            // CJ: 1 request/s for Free accounts and sales levels 0-1 (Access Frequency Restrictions).
            requestsPerSecond = requestsPerSecond == null ? 1.0 : requestsPerSecond;
            tokenRenewBefore = tokenRenewBefore == null ? Duration.ofDays(1) : tokenRenewBefore;
        }

        boolean credentialed() {
            return !PartnerBinding.unset(apiKey) || !PartnerBinding.unset(accessToken);
        }

        /** Never the key, the token or the openId. */
        @Override
        public String toString() {
            return "CjAccount[" + baseUrl + ", " + logisticName + " from " + fromCountryCode + "]";
        }
    }

    public CjSettings {
        cj = cj == null ? Map.of() : Map.copyOf(cj);
    }

    public Optional<Account> account(String supplierCode) {
        return Optional.ofNullable(cj.get(supplierCode)).filter(Account::credentialed);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
