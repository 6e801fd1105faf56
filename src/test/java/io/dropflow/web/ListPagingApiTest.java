package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * On every list, a page or size that is not a number, a negative page, a page beyond the pages there can
 * be, and a size below 1 or above the list's most rows are a 400 naming the parameter, never the list's default page in its place.
 */
@DropflowTest
class ListPagingApiTest {

    static final List<String> LISTS = List.of("/api/orders", "/api/suppliers", "/api/suppliers/JADE/offers",
            "/api/offers", "/api/leaders", "/api/pickup-points", "/api/group-buy-offers", "/api/group-buy/batches",
            "/api/onboarding/applications");

    static final List<String[]> BAD = List.of(new String[] {"page", "abc"}, new String[] {"page", "-1"},
            new String[] {"page", "3000000000"}, new String[] {"size", "0"}, new String[] {"size", "-5"},
            new String[] {"size", "abc"}, new String[] {"size", "5000"}, new String[] {"size", "99999999999"});

    @LocalServerPort
    int port;

    static Stream<Arguments> badPaging() {
        List<Arguments> cases = new ArrayList<>();
        for (String list : LISTS) {
            for (String[] bad : BAD) {
                cases.add(Arguments.of(list, bad[0], bad[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource("badPaging")
    void aBadPageOrSizeIsA400NamingIt(String list, String parameter, String value) {
        ResponseEntity<String> response = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> s.isError(), (request, r) -> { }).build()
                .get().uri(list + "?" + parameter + "=" + value).headers(h -> h.setBasicAuth("sam", "sam"))
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode errors = DropflowDriver.read(response.getBody()).path("errors");
        assertThat(errors.findValuesAsText("field")).as(response.getBody()).containsExactly(parameter);
    }
}
