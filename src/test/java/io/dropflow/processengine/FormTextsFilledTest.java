package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a form's text shows is filled in and says what it is. Exploratory test s14 (tasklist #7): "Ask the supplier
 * to renew a document" showed "POST /api/webhooks/onboarding/suppliers/{code}/documents", a placeholder nothing fills
 * (forms fill {{facts.…}} only); (tasklist #8): "Asked for last (…)" showed the answer's due time as when it was
 * asked.
 */
class FormTextsFilledTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A single-brace placeholder ("{code}"), which a form never fills; "{{facts.code}}" is filled. */
    private static final Pattern UNFILLED = Pattern.compile("(?<!\\{)\\{[A-Za-z][A-Za-z0-9_.]*\\}(?!\\})");

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void noTextHasAPlaceholderNothingFills(Path form) throws IOException {
        JSON.readTree(form.toFile()).findValues("text").forEach(text -> assertThat(UNFILLED.matcher(text.asText()).find())
                .as(form.getFileName() + ": " + text.asText()).isFalse());
    }

    @Test
    void noChineseFormTextHasAPlaceholderNothingFills() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> zh = JSON.readValue(Path.of("forms/i18n/operator-texts.zh.json").toFile(), Map.class);
        zh.forEach((english, chinese) -> {
            if (english.contains("{{facts.")) {
                assertThat(UNFILLED.matcher(chinese).find()).as(chinese).isFalse();
            }
        });
    }

    /**
     * s14 tasklist #5: the delay notice is written by a job after the task opened (order-fulfillment.bpmn's
     * throw_delay_notice_owed, after operators' tasks), so the history the form shows never has it: the form may not
     * promise it there.
     */
    @Test
    void theMissedShipByFormPromisesNoHistoryLineItCannotShow() throws IOException {
        JSON.readTree(Path.of("forms/ship-by-breach.form").toFile()).findValues("text")
                .forEach(text -> assertThat(text.asText()).doesNotContain("history below says when"));
    }

    /** documentsAskedAt is the time the applicant's answer is due (SupplierApplication.documentsDueBy). */
    @ParameterizedTest
    @MethodSource("forms")
    void theTimeTheDocumentsAreDueByIsShownAsSuch(Path form) throws IOException {
        JSON.readTree(form.toFile()).findValues("text").stream().map(t -> t.asText())
                .filter(text -> text.contains("{{facts.documentsAskedAt}}"))
                .forEach(text -> assertThat(text).as(form.getFileName().toString())
                        .contains("answered by {{facts.documentsAskedAt}}"));
    }
}
