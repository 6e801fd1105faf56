package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * s18: a form's counts read "1 times", "1 SLA hours", "(1 purchase orders)" in English. The forms show them as facts in
 * words ({@code …InWords}: "1 time", "3 times"), which Chinese reads without a plural: each such fact, as Tasklist
 * reads the task's form variables, by the patterns "{howMany} times": "{howMany} 次". A fact of another name, or one
 * whose count is no number, stays as written.
 */
class CountsInWordsInChineseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/camunda/api/engine/engine/default/task/t1/form-variables";

    private static JsonNode factsIn(String language, Map<String, Object> facts) throws Exception {
        byte[] answer = JSON.writeValueAsBytes(Map.of("facts", Map.of("type", "Json", "value", JSON.writeValueAsString(facts))));
        byte[] translated = new EngineApiResponses(JSON).translate(PATH, answer, OperatorTexts.of(language)).orElse(answer);
        return JSON.readTree(JSON.readTree(translated).path("facts").path("value").asText());
    }

    @Test
    void eachCountInWordsReadsInChineseWithoutAPlural() throws Exception {
        JsonNode chinese = factsIn("zh", Map.of("deadlineExtensionsInWords", "1 time", "attemptsInWords", "3 times",
                "lateByHoursInWords", "2.5 SLA hours", "shipByHoursInWords", "1 SLA hour", "scorecardDaysInWords", "30 days",
                "scorecardPurchaseOrdersInWords", "1 purchase order", "shippedWithinHoursInWords", "48 hours",
                "agreementRevisionsInWords", "0 times"));

        assertThat(chinese.path("deadlineExtensionsInWords").asText()).isEqualTo("1 次");
        assertThat(chinese.path("attemptsInWords").asText()).isEqualTo("3 次");
        assertThat(chinese.path("lateByHoursInWords").asText()).isEqualTo("2.5 个 SLA 小时");
        assertThat(chinese.path("shipByHoursInWords").asText()).isEqualTo("1 个 SLA 小时");
        assertThat(chinese.path("scorecardDaysInWords").asText()).isEqualTo("30 天");
        assertThat(chinese.path("scorecardPurchaseOrdersInWords").asText()).isEqualTo("1 张采购单");
        assertThat(chinese.path("shippedWithinHoursInWords").asText()).isEqualTo("48 小时");
        assertThat(chinese.path("agreementRevisionsInWords").asText()).isEqualTo("0 次");
    }

    @Test
    void aPhraseThatEndsInTheSameNounOrAFactOfAnotherNameStaysAsWritten() throws Exception {
        JsonNode chinese = factsIn("zh", Map.of("openingInWords", "Office hours", "note", "3 times", "revisionNote",
                "twice, 2 days"));

        assertThat(chinese.path("openingInWords").asText()).isEqualTo("Office hours");
        assertThat(chinese.path("note").asText()).isEqualTo("3 times");
        assertThat(chinese.path("revisionNote").asText()).isEqualTo("twice, 2 days");
    }

    @Test
    void englishReadsAsTheFactsSayIt() throws Exception {
        assertThat(factsIn("en", Map.of("deadlineExtensionsInWords", "1 time")).path("deadlineExtensionsInWords").asText())
                .isEqualTo("1 time");
    }
}
