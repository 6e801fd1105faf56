package io.dropflow.carrier.kuaidi100;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.partners.PartnerCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kuaidi100 account and which of our carrier codes it tracks ({@code dropflow.carriers.kuaidi100}).
 *
 * @param customer the account's customer id (query signing)
 * @param key the authorization key (subscription and query signing); from the environment
 * @param salt what Kuaidi100 signs its pushes with; from the environment
 * @param callbackUrl our public push endpoint, e.g. http://dropflow.example/api/webhooks/kuaidi100: Kuaidi100
 *     calls only http callbacks unless it has enabled https for the account (its subscription page,
 *     https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c, callbackurl: "默认仅支持http，如需兼容https请联系
 *     快递100技术人员处理")
 * @param pollUrl subscription endpoint
 * @param queryUrl real-time query endpoint
 * @param companies our carrier code to Kuaidi100's company code, e.g. YTO: yuantong, SF: shunfeng
 * @param httpsCallbackEnabled Kuaidi100 has enabled https callbacks for the account: without it start-up refuses an
 *     https {@code callbackUrl} (Kuaidi100 would refuse the subscriptions with 700 or never push)
 * @param queryRequestsPerSecond real-time queries that may start per second for the account, across the cluster
 *     (default 1): Kuaidi100 gives its real-time query "提交最大线程数：1单/秒" (one per second), its push service
 *     20 (Kuaidi100's own article, https://blog.csdn.net/kuaidi100API/article/details/116130836); the
 *     subscription keeps the partner's limit, dropflow.partners.limits.kuaidi100
 */
@ConfigurationProperties("dropflow.carriers.kuaidi100")
public record Kuaidi100Settings(String customer, String key, String salt, String callbackUrl, String pollUrl,
        String queryUrl, Map<String, String> companies, Duration connectTimeout, Duration readTimeout,
        Boolean httpsCallbackEnabled, Double queryRequestsPerSecond) implements PartnerCredentials {

    public Kuaidi100Settings {
        pollUrl = pollUrl == null ? "https://poll.kuaidi100.com/poll" : pollUrl;
        queryUrl = queryUrl == null ? "https://poll.kuaidi100.com/poll/query.do" : queryUrl;
        companies = companies == null ? Map.of() : Map.copyOf(companies);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        httpsCallbackEnabled = httpsCallbackEnabled != null && httpsCallbackEnabled;
        queryRequestsPerSecond = queryRequestsPerSecond == null ? 1.0 : queryRequestsPerSecond;
        if (queryRequestsPerSecond <= 0) {
            throw new IllegalArgumentException("dropflow.carriers.kuaidi100.query-requests-per-second must be above 0, not "
                    + queryRequestsPerSecond);
        }
    }

    public Optional<String> companyFor(String carrierCode) {
        return Optional.ofNullable(companies.get(carrierCode));
    }

    public Optional<String> carrierFor(String company) {
        return companies.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(company)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Whether the callback URL is https, which Kuaidi100 calls only once it has enabled https for the account. */
    public boolean httpsCallback() {
        return callbackUrl != null && callbackUrl.strip().regionMatches(true, 0, "https:", 0, 6);
    }

    /** What {@link Kuaidi100Client#unbound()} reports: checked before anything starts, too. */
    @Override
    public List<PartnerBinding.Unbound> unbound(Instant now) {
        return unbound();
    }

    /** Carriers listed without the account's customer, key or salt, or an https callback not enabled (see the client). */
    public List<PartnerBinding.Unbound> unbound() {
        List<String> missing = new java.util.ArrayList<>();
        if (companies.isEmpty()) {
            return List.of();
        }
        List<PartnerBinding.Unbound> unbound = new java.util.ArrayList<>();
        if (httpsCallback() && !httpsCallbackEnabled) {
            unbound.add(new PartnerBinding.Unbound("Kuaidi100 for carriers " + companies.keySet(), "callback-url "
                    + callbackUrl + " is https, and Kuaidi100 calls only http callbacks until it has enabled"
                    + " https for the account (ask Kuaidi100's technical staff, then set https-callback-enabled=true; or"
                    + " give an http callback-url)", Kuaidi100Client.CALLBACK_SETTINGS));
        }
        if (PartnerBinding.unset(customer)) {
            missing.add("customer (DROPFLOW_KUAIDI100_CUSTOMER)");
        }
        if (PartnerBinding.unset(key)) {
            missing.add("key (DROPFLOW_KUAIDI100_KEY)");
        }
        if (PartnerBinding.unset(salt)) {
            missing.add("salt (DROPFLOW_KUAIDI100_SALT)");
        }
        if (!missing.isEmpty()) {
            unbound.add(new PartnerBinding.Unbound("Kuaidi100 for carriers " + companies.keySet(),
                    "no " + String.join(", ", missing), "dropflow.carriers.kuaidi100." + String.join(", .", missing)));
        }
        return List.copyOf(unbound);
    }

    /** Never the key or the salt. */
    @Override
    public String toString() {
        return "Kuaidi100Settings[" + companies.keySet() + "]";
    }
}
