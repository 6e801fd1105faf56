package io.dropflow.supplier.cj;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Suppliers served by a CJ Dropshipping account ({@code dropflow.suppliers.cj.<CODE>}). The access
 * token and the openId (the key CJ signs its webhooks with) come from the environment and never
 * appear in logs or process variables.
 */
@ConfigurationProperties("dropflow.suppliers")
public record CjSettings(Map<String, Account> cj) {

    public static final String DEFAULT_BASE_URL = "https://developers.cjdropshipping.com/api2.0/v1";

    /**
     * @param baseUrl CJ's API 2.0 root
     * @param accessToken sent as {@code CJ-Access-Token}
     * @param openId the account's openId: CJ's webhook {@code sign} is an HMAC-SHA256 keyed with it
     * @param logisticName CJ's shipping method for our orders, e.g. "CJPacket Ordinary"
     * @param fromCountryCode the CJ warehouse country orders ship from
     * @param payType CJ's payType: 2 pays from the CJ balance at once (the default: an unpaid
     *     order never ships), 1 leaves a payment page, 3 only creates the order
     * @param carrierCode our carrier code for parcels CJ ships; its LOGISTIC messages track them
     * @param eventZone the zone of CJ's "yyyy-MM-dd HH:mm:ss" event times (CJ does not state one)
     */
    public record Account(String baseUrl, String accessToken, String openId, String logisticName,
            String fromCountryCode, Integer payType, String carrierCode, ZoneId eventZone, Duration connectTimeout,
            Duration readTimeout) {

        public Account {
            baseUrl = blank(baseUrl) ? DEFAULT_BASE_URL : baseUrl;
            fromCountryCode = blank(fromCountryCode) ? "CN" : fromCountryCode;
            payType = payType == null ? 2 : payType;
            carrierCode = blank(carrierCode) ? "CJ" : carrierCode;
            eventZone = eventZone == null ? ZoneId.of("Asia/Shanghai") : eventZone;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        }

        /** Never the token or the openId. */
        @Override
        public String toString() {
            return "CjAccount[" + baseUrl + ", " + logisticName + " from " + fromCountryCode + "]";
        }
    }

    public CjSettings {
        cj = cj == null ? Map.of() : Map.copyOf(cj);
    }

    public Optional<Account> account(String supplierCode) {
        return Optional.ofNullable(cj.get(supplierCode)).filter(a -> !blank(a.accessToken()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
