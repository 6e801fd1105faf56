package io.dropflow.supplier.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client every supplier adapter uses: HTTP/1.1, a connect and a read timeout on every call. */
public final class PartnerHttp {

    private PartnerHttp() {
    }

    public static RestClient restClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1: an h2c upgrade attempt on a plain-HTTP call with a body is refused by many servers.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }
}
