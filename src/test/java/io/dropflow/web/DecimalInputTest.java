package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A decimal whose exponent makes it a number of billions of digits ("1e2147483647") is refused where the JSON is
 * read, a 400 naming the field, on our own API and on a partner's webhook alike; what anyone writes is taken.
 */
class DecimalInputTest {

    record Line(int quantity, BigDecimal salePrice) {
    }

    record Order(List<Line> lines) {
    }

    /** The application's mapper, as Spring Boot builds it with the application's modules. */
    private final MappingJackson2HttpMessageConverter converter = new JsonInput().jsonAsDocumented(
            Jackson2ObjectMapperBuilder.json().modulesToInstall(new DecimalInput().decimalsThatFit()).build());

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAmountWithAnExtremeExponentIsRefusedNamingTheFieldAsTextOrAsANumber() {
        for (String amount : List.of("\"1e2147483647\"", "\"1e-2147483647\"", "1E+2147483647", "1e-2147483647",
                "\"1e1001\"", "\"0e-2147483647\"")) {
            for (String path : List.of("/api/orders", "/api/webhooks/suppliers/ACME/offers")) {
                ProblemDetail problem = refused(path, "{\"lines\": [{\"quantity\": 1, \"salePrice\": " + amount + "}]}");

                assertThat(errors(problem)).as(amount + " at " + path).containsExactly(Map.of(
                        "field", "lines[0].salePrice",
                        "message", "is out of range: written without its exponent it has more than 1000 digits"));
            }
        }
    }

    @Test
    void whatAnyoneWritesIsTakenAsSent() throws Exception {
        for (String amount : List.of("\"15.00\"", "15", "\"1.5E+3\"", "1e400", "\"1e-400\"", "\"0.0000001\"")) {
            BigDecimal sent = new BigDecimal(amount.replace("\"", ""));

            assertThat(read("/api/orders", "{\"lines\": [{\"quantity\": 1, \"salePrice\": " + amount + "}]}")
                    .lines().get(0).salePrice()).as(amount).isEqualTo(sent);
        }
    }

    @Test
    void fitsCountsTheDigitsBeforeAndAfterThePointWithoutWritingTheNumberOut() {
        assertThat(DecimalInput.fits(new BigDecimal("1e999"))).isTrue();
        assertThat(DecimalInput.fits(new BigDecimal("1e1000"))).isFalse();
        assertThat(DecimalInput.fits(new BigDecimal("1e-1000"))).isTrue();
        assertThat(DecimalInput.fits(new BigDecimal("1e-1001"))).isFalse();
        assertThat(DecimalInput.fits(new BigDecimal("1e2147483647"))).isFalse();
        assertThat(DecimalInput.fits(new BigDecimal("-1e-2147483647"))).isFalse();
    }

    private Order read(String path, String json) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return (Order) converter.read(Order.class, new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8)));
    }

    private ProblemDetail refused(String path, String json) {
        return UnreadableBodies.refused(path, json, () -> read(path, json));
    }

    private static List<Map<String, String>> errors(ProblemDetail problem) {
        return UnreadableBodies.errors(problem);
    }
}
