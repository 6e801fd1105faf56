package io.dropflow.carrier.kuaidi100;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kuaidi100 account and which of our carrier codes it tracks ({@code dropflow.carriers.kuaidi100}).
 *
 * @param customer the account's customer id (query signing)
 * @param key the authorization key (subscription and query signing); from the environment
 * @param salt what Kuaidi100 signs its pushes with; from the environment
 * @param callbackUrl our public push endpoint, e.g. https://dropflow.example/api/webhooks/kuaidi100
 * @param pollUrl subscription endpoint
 * @param queryUrl real-time query endpoint
 * @param companies our carrier code to Kuaidi100's company code, e.g. YTO: yuantong, SF: shunfeng
 */
@ConfigurationProperties("dropflow.carriers.kuaidi100")
public record Kuaidi100Settings(String customer, String key, String salt, String callbackUrl, String pollUrl,
        String queryUrl, Map<String, String> companies, Duration connectTimeout, Duration readTimeout) {

    public Kuaidi100Settings {
        pollUrl = pollUrl == null ? "https://poll.kuaidi100.com/poll" : pollUrl;
        queryUrl = queryUrl == null ? "https://poll.kuaidi100.com/poll/query.do" : queryUrl;
        companies = companies == null ? Map.of() : Map.copyOf(companies);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    public Optional<String> companyFor(String carrierCode) {
        return Optional.ofNullable(companies.get(carrierCode));
    }

    public Optional<String> carrierFor(String company) {
        return companies.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(company)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Never the key or the salt. */
    @Override
    public String toString() {
        return "Kuaidi100Settings[" + companies.keySet() + "]";
    }
}
