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
 * Our own API takes a value in its field's JSON type, never converted from another one ({@code "quantity": "1"}
 * is a 400 naming the field, not one piece), except amounts, which it documents as text; a partner's webhook
 * takes what the partner sends, numbers as text included.
 */
class JsonTypesAsDocumentedTest {

    enum Kind { DAMAGED, MISSING }

    record Line(String sku, int quantity, Long lineNumber, BigDecimal salePrice, Boolean giftWrapped, Kind type) {
    }

    private final MappingJackson2HttpMessageConverter converter = new JsonInput()
            .jsonAsDocumented(Jackson2ObjectMapperBuilder.json().build());

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aNumberSentAsTextIsRefusedNamingTheFieldAndSayingANumberIsExpected() {
        for (String quantity : List.of("\"1\"", "\"\"")) {
            ProblemDetail problem = refused("/api/orders", "{\"sku\": \"DEMO-MUG\", \"quantity\": " + quantity + "}");

            assertThat(problem.getTitle()).isEqualTo("Invalid request");
            assertThat(errors(problem)).as(quantity).containsExactly(
                    Map.of("field", "quantity", "message", "must be a number, sent as a JSON number (1, not \"1\")"));
        }
        assertThat(errors(refused("/api/orders", "{\"lineNumber\": \"2\"}")).get(0).get("field")).isEqualTo("lineNumber");
    }

    @Test
    void aYesOrNoSentAsTextOrANumberAndANumberSentAsTextAreRefused() {
        assertThat(errors(refused("/api/orders/1/returns", "{\"giftWrapped\": \"true\"}"))).containsExactly(Map.of(
                "field", "giftWrapped", "message", "must be true or false, sent as JSON true or false (not \"true\" or 1)"));
        assertThat(errors(refused("/api/orders/1/returns", "{\"giftWrapped\": 1}")).get(0).get("field"))
                .isEqualTo("giftWrapped");
        assertThat(errors(refused("/api/catalog/offers", "{\"sku\": 51147}"))).containsExactly(Map.of(
                "field", "sku", "message", "must be text, sent as a JSON string (\"51147\", not 51147)"));
        assertThat(errors(refused("/api/orders/1/claims", "{\"type\": 0}")).get(0).get("field")).isEqualTo("type");
    }

    @Test
    void anAmountIsTakenAsDocumentedAsTextOrAsANumber() throws Exception {
        assertThat(read("/api/orders", "{\"quantity\": 1, \"salePrice\": \"15.00\"}"))
                .isEqualTo(new Line(null, 1, null, new BigDecimal("15.00"), null, null));
        assertThat(read("/api/orders", "{\"quantity\": 1, \"salePrice\": 15}").salePrice()).isEqualByComparingTo("15");
    }

    @Test
    void aPartnersWebhookTakesNumbersAndYesOrNoAsText() throws Exception {
        assertThat(read("/api/webhooks/suppliers/ACME/offers",
                "{\"sku\": 51147, \"quantity\": \"3\", \"lineNumber\": \"2\", \"salePrice\": \"19.99\", \"giftWrapped\": \"true\", \"type\": 1}"))
                .isEqualTo(new Line("51147", 3, 2L, new BigDecimal("19.99"), true, Kind.MISSING));
    }

    private Line read(String path, String json) throws Exception {
        at(path);
        return (Line) converter.read(Line.class, new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8)));
    }

    private ProblemDetail refused(String path, String json) {
        return UnreadableBodies.refused(path, json, () -> read(path, json));
    }

    private static List<Map<String, String>> errors(ProblemDetail problem) {
        return UnreadableBodies.errors(problem);
    }

    private static void at(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
