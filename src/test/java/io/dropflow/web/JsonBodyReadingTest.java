package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * A request body is one JSON value, read as its fields document it: nothing after the value is dropped in silence,
 * a date is ISO-8601 text with a year a calendar and the database hold, and what the parser cannot read is said as
 * what it is (not UTF-8, a number or a text too long), never as "a value of the wrong type".
 */
class JsonBodyReadingTest {

    record Rate(String base, String quote, Instant validFrom) {
    }

    record Paper(String type, LocalDate expiresOn) {
    }

    record Application(String code, List<Paper> documents) {
    }

    record Event(String eventId, OffsetDateTime occurredAt) {
    }

    record Line(String sku, int quantity, String city) {
    }

    private final MappingJackson2HttpMessageConverter converter = new JsonInput()
            .jsonAsDocumented(Jackson2ObjectMapperBuilder.json().build());

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    // 1. One JSON value per body

    @Test
    void aSecondJsonValueAfterTheFirstIsRefusedNamingWhatFollowsAndWhere() {
        ProblemDetail problem = refused("/api/exchange-rates", Rate.class,
                "{\"base\": \"PLN\", \"quote\": \"EUR\"}\n{\"base\": \"HUF\", \"quote\": \"EUR\"}");

        assertThat(problem.getTitle()).isEqualTo("Unreadable request body");
        assertThat(problem.getDetail()).contains("after its JSON value").contains("{").contains("line 2, column 1");
    }

    @Test
    void textThatIsNotJsonAfterTheValueIsRefusedToo() {
        for (String after : List.of(" garbage", "]]]", ",", " 5", " \"x\"")) {
            ProblemDetail problem = refused("/api/exchange-rates", Rate.class,
                    "{\"base\": \"HUF\", \"quote\": \"EUR\"}" + after);

            assertThat(problem.getTitle()).as(after).isEqualTo("Unreadable request body");
            assertThat(problem.getDetail()).as(after).contains("after its JSON value")
                    .contains(after.strip().substring(0, 1)).contains("line 1, column ");
        }
    }

    @Test
    void whatFollowsIsPlacedWhereItStarts() {
        assertThat(refused("/api/exchange-rates", Rate.class, "{\"base\": \"PLN\"} garbage").getDetail())
                .contains("starting with \"garbage\" at line 1, column 17");
        assertThat(refused("/api/exchange-rates", Rate.class, "{\"base\": \"PLN\"}]]]").getDetail())
                .contains("starting with \"]\" at line 1, column 16");
    }

    @Test
    void aPartnersSecondEventIsRefusedTooNotAcknowledgedAndLost() {
        ProblemDetail problem = refused("/api/webhooks/suppliers/T1/offers", Rate.class,
                "{\"base\": \"PLN\", \"quote\": \"EUR\"}{\"base\": \"HUF\", \"quote\": \"EUR\"}");

        assertThat(problem.getTitle()).isEqualTo("Unreadable request body");
        assertThat(problem.getDetail()).contains("after its JSON value").contains("line 1, column 32");
    }

    @Test
    void whitespaceAfterTheValueIsNothing() throws Exception {
        assertThat(read("/api/exchange-rates", Rate.class, "{\"base\": \"PLN\", \"quote\": \"EUR\"}\r\n\t \n"))
                .isEqualTo(new Rate("PLN", "EUR", null));
        assertThat(read("/api/webhooks/suppliers/T1/offers", Rate.class, "{\"base\": \"PLN\", \"quote\": \"EUR\"}\n"))
                .isEqualTo(new Rate("PLN", "EUR", null));
    }

    // 2. and 3. Dates and date-times

    @Test
    void aDateTimeSentAsANumberOrDigitsIsRefusedOnOurApiNamingTheFieldAndTheForm() {
        for (String validFrom : List.of("1796630400000", "4102444800", "4102444800.5", "\"4102444900\"")) {
            ProblemDetail problem = refused("/api/exchange-rates", Rate.class,
                    "{\"base\": \"SEK\", \"quote\": \"EUR\", \"validFrom\": " + validFrom + "}");

            assertThat(errors(problem)).as(validFrom).containsExactly(Map.of("field", "validFrom", "message",
                    "must be a date and time as ISO 8601 text (\"2026-12-07T10:00:00Z\"), not a number"));
        }
    }

    @Test
    void aDateTimeOutsideTheYears1900To9999IsRefusedEverywhere() {
        for (String path : List.of("/api/exchange-rates", "/api/webhooks/carriers/events")) {
            for (String validFrom : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                    "1899-12-31T23:59:59Z")) {
                ProblemDetail problem = refused(path, Rate.class,
                        "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": \"" + validFrom + "\"}");

                assertThat(errors(problem)).as(path + " " + validFrom).containsExactly(Map.of("field", "validFrom",
                        "message", "must be a date between the years 1900 and 9999"));
            }
        }
        assertThat(errors(refused("/api/webhooks/carriers/events", Event.class,
                "{\"eventId\": \"e1\", \"occurredAt\": \"+12026-12-07T10:00:00+01:00\"}")).get(0).get("field"))
                .isEqualTo("occurredAt");
    }

    @Test
    void aDateTimeWithinTheYearsIsTakenAsSent() throws Exception {
        assertThat(read("/api/exchange-rates", Rate.class,
                "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": \"9999-12-31T23:59:59Z\"}").validFrom())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(read("/api/exchange-rates", Rate.class,
                "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": \"1900-01-01T00:00:00Z\"}").validFrom())
                .isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
    }

    /** Exploratory s17, D13: a date-time without its offset, or a date alone, was "a value of the wrong type". */
    @Test
    void aDateTimeTheReaderCannotReadIsRefusedSayingWhatItShouldBe() throws Exception {
        for (String validFrom : List.of("2026-12-07T10:00:00", "2026-12-07", "2026-12-07T10:00:00,123456789Z",
                "next monday")) {
            assertThat(errors(refused("/api/exchange-rates", Rate.class,
                    "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": \"" + validFrom + "\"}")))
                    .as(validFrom).containsExactly(Map.of("field", "validFrom", "message",
                            "must be a date and time with its offset from UTC, as ISO 8601 text (\"2026-12-07T10:00:00Z\")"));
        }
    }

    /**
     * Exploratory test s18 (H10): a rate's validFrom of 23:59:60Z was stored as 23:59:59Z without a word, and an offset
     * beyond ±14:00 (or with seconds) was taken. Both are refused naming the field, saying what the time should be.
     */
    @Test
    void aLeapSecondOrAnOffsetBeyond14HoursIsRefusedNotMoved() throws Exception {
        for (String validFrom : List.of("2026-12-07T23:59:60Z", "2016-12-31T23:59:60Z", "2026-12-07T10:00:00+18:00",
                "2026-12-07T10:00:00-14:01", "2026-12-07T10:00:00+08:00:30")) {
            List<Map<String, String>> errors = errors(refused("/api/exchange-rates", Rate.class,
                    "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": \"" + validFrom + "\"}"));
            assertThat(errors).as(validFrom).hasSize(1);
            assertThat(errors.get(0).get("field")).isEqualTo("validFrom");
            assertThat(errors.get(0).get("message")).as(validFrom).startsWith("must be a date and time with its offset"
                    + " from UTC, as ISO 8601 text (\"2026-12-07T10:00:00Z\")");
        }
        assertThat(errors(refused("/api/webhooks/carriers/events", Event.class,
                "{\"eventId\": \"e1\", \"occurredAt\": \"2026-12-07T10:00:00+18:00\"}")).get(0).get("field"))
                .isEqualTo("occurredAt");
        assertThat(read("/api/exchange-rates", Rate.class, "{\"base\": \"GBP\", \"quote\": \"EUR\","
                + " \"validFrom\": \"2026-12-07T10:00:00+14:00\"}").validFrom())
                .isEqualTo(Instant.parse("2026-12-06T20:00:00Z"));
        assertThat(read("/api/exchange-rates", Rate.class, "{\"base\": \"GBP\", \"quote\": \"EUR\","
                + " \"validFrom\": \"2026-12-07T23:59:59Z\"}").validFrom())
                .isEqualTo(Instant.parse("2026-12-07T23:59:59Z"));
    }

    /** Review s17 (F11): a partner may send Unix seconds, so its refusal says so; ours does not offer them. */
    @Test
    void aPartnersDateTimeTheReaderCannotReadIsRefusedOfferingUnixSecondsToo() throws Exception {
        assertThat(errors(refused("/api/webhooks/carriers/events", Event.class,
                "{\"eventId\": \"e1\", \"occurredAt\": \"2026-12-07T10:00:00\"}"))).containsExactly(Map.of("field",
                "occurredAt", "message", "must be a date and time with its offset from UTC, as ISO 8601 text"
                        + " (\"2026-12-07T10:00:00Z\") or Unix seconds"));
    }

    /**
     * Closing note s15: a time with nanoseconds was cut to the microsecond without a word (the database keeps
     * microseconds), so the answer and what the client kept differed. Our own API refuses it naming the field; zeros
     * beyond the microsecond are the same time; a partner's webhook takes it (cut where it is stored).
     */
    @Test
    void aDateTimeFinerThanTheMicrosecondIsRefusedOnOurApiNamingTheField() throws Exception {
        for (String validFrom : List.of("2026-12-07T10:00:00.123456789Z", "2026-12-07T10:00:00.0000001Z",
                "2026-12-07T11:00:00.123456001+01:00")) {
            assertThat(errors(refused("/api/exchange-rates", Rate.class,
                    "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": \"" + validFrom + "\"}")))
                    .as(validFrom).containsExactly(Map.of("field", "validFrom", "message", "must be a date and time to"
                            + " the microsecond at most (up to six digits after the second,"
                            + " \"2026-12-07T10:00:00.123456Z\"): Dropflow keeps no finer time"));
        }
        assertThat(errors(refused("/api/orders/1/returns", Event.class,
                "{\"eventId\": \"e1\", \"occurredAt\": \"2026-12-07T10:00:00.123456789+01:00\"}")).get(0).get("field"))
                .isEqualTo("occurredAt");
        assertThat(read("/api/exchange-rates", Rate.class, "{\"base\": \"GBP\", \"quote\": \"EUR\","
                + " \"validFrom\": \"2026-12-07T10:00:00.123456000Z\"}").validFrom())
                .isEqualTo(Instant.parse("2026-12-07T10:00:00.123456Z"));
        assertThat(read("/api/webhooks/carriers/events", Event.class,
                "{\"eventId\": \"e1\", \"occurredAt\": \"2026-12-07T10:00:00.123456789Z\"}").occurredAt())
                .as("a partner's time is taken").isEqualTo(OffsetDateTime.parse("2026-12-07T10:00:00.123456789Z"));
    }

    @Test
    void aPartnerMaySendADateTimeAsUnixSecondsButNotAsMilliseconds() throws Exception {
        assertThat(read("/api/webhooks/carriers/events", Rate.class,
                "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": 1796630400}").validFrom())
                .isEqualTo(Instant.ofEpochSecond(1796630400L));
        assertThat(errors(refused("/api/webhooks/carriers/events", Rate.class,
                "{\"base\": \"GBP\", \"quote\": \"EUR\", \"validFrom\": 1796630400000}"))).containsExactly(
                Map.of("field", "validFrom", "message", "must be a date between the years 1900 and 9999"));
    }

    @Test
    void aDateSentAsANumberIsRefusedEvenFromAPartnerNamingWhereItIs() {
        for (String path : List.of("/api/webhooks/onboarding/applications", "/api/onboarding/applications")) {
            ProblemDetail problem = refused(path, Application.class, "{\"code\": \"JADE5\", \"documents\": ["
                    + "{\"type\": \"BUSINESS_LICENCE\", \"expiresOn\": \"2028-06-30\"},"
                    + "{\"type\": \"QUALITY_CERTIFICATE\", \"expiresOn\": 20280630}]}");

            assertThat(errors(problem)).as(path).containsExactly(Map.of("field", "documents[1].expiresOn",
                    "message", "must be a date as ISO 8601 text (\"2028-06-30\"), not a number"));
        }
    }

    @Test
    void aDateBeyondTheYear9999OrWithATimeIsRefused() {
        String path = "/api/webhooks/onboarding/applications";
        assertThat(errors(refused(path, Paper.class, "{\"type\": \"T\", \"expiresOn\": \"+999999999-12-31\"}")))
                .containsExactly(Map.of("field", "expiresOn", "message", "must be a date between the years 1900 and 9999"));
        assertThat(errors(refused(path, Paper.class, "{\"type\": \"T\", \"expiresOn\": \"2028-06-30T00:00:00Z\"}")))
                .containsExactly(Map.of("field", "expiresOn", "message",
                        "must be a date without a time, as ISO 8601 text (\"2028-06-30\")"));
    }

    @Test
    void aDateWithinTheYearsIsTaken() throws Exception {
        assertThat(read("/api/webhooks/onboarding/applications", Paper.class,
                "{\"type\": \"T\", \"expiresOn\": \"9999-12-31\"}").expiresOn()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    // 13. What the parser cannot read, said as what it is

    @Test
    void bytesThatAreNotUtf8AreSaidToBeSoNotAWrongType() {
        byte[] latin1 = "{\"sku\": \"DEMO-MUG\", \"quantity\": 1, \"city\": \"Köln\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        ProblemDetail problem = refused("/api/orders", Line.class, latin1);

        assertThat(problem.getTitle()).isEqualTo("Unreadable request body");
        assertThat(problem.getDetail()).contains("not UTF-8").contains("city").contains("byte 0x")
                .contains("charset=ISO-8859-1").doesNotContain("wrong type");
    }

    @Test
    void aNumberWithTooManyDigitsIsSaidToBeSo() {
        ProblemDetail problem = refused("/api/orders", Line.class,
                "{\"sku\": \"DEMO-MUG\", \"quantity\": " + "9".repeat(2000) + "}");

        assertThat(errors(problem)).containsExactly(Map.of("field", "quantity", "message",
                "is a number of 2000 digits, more than the 1000 a number may have"));
    }

    @Test
    void aNumberBeyondItsFieldIsSaidToBeSo() {
        ProblemDetail problem = refused("/api/orders", Line.class,
                "{\"sku\": \"DEMO-MUG\", \"quantity\": 99999999999}");

        assertThat(errors(problem)).containsExactly(Map.of("field", "quantity", "message",
                "is a number beyond what this field takes (at most 2147483647)"));
    }

    @Test
    void aTextLongerThanTheParserReadsIsSaidToBeTooLong() {
        ProblemDetail problem = refused("/api/orders", Line.class,
                "{\"sku\": \"" + "a".repeat(20_000_001) + "\", \"quantity\": 1}");

        assertThat(errors(problem)).containsExactly(Map.of("field", "sku", "message",
                "is a text of 20000001 characters, more than the 20000000 a text may have"));
    }

    private <T> T read(String path, Class<T> type, String json) throws Exception {
        return read(path, type, json.getBytes(StandardCharsets.UTF_8));
    }

    private <T> T read(String path, Class<T> type, byte[] json) throws Exception {
        at(path);
        MockHttpInputMessage input = new MockHttpInputMessage(json);
        input.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return type.cast(converter.read(type, null, input));
    }

    private ProblemDetail refused(String path, Class<?> type, String json) {
        return refused(path, type, json.getBytes(StandardCharsets.UTF_8));
    }

    private ProblemDetail refused(String path, Class<?> type, byte[] json) {
        return UnreadableBodies.refused(path, path, () -> read(path, type, json));
    }

    private static List<Map<String, String>> errors(ProblemDetail problem) {
        assertThat(problem.getProperties()).as(problem.getDetail()).containsKey("errors");
        return UnreadableBodies.errors(problem);
    }

    private static void at(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
