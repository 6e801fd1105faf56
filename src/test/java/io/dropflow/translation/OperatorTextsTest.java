package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorTextsTest {

    @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "zh-CN,zh;q=0.9,en;q=0.8 | zh",
            "zh | zh",
            "zh-TW | zh",
            "en-US,en;q=0.9,zh-CN;q=0.8 | en",
            "de-DE,de;q=0.9,zh;q=0.5 | en",
            "'de-DE,zh;q=0.8' | en",
            "'en;q=0.5,zh-CN;q=0.9' | zh",
            "'zh-HK,en;q=0.9' | zh",
            "'*' | en",
            "de-DE | en",
            "'' | en",
            "not a language!! | en"})
    void theOperatorsLanguageComesFromAcceptLanguage(String header, String language) {
        assertThat(OperatorTexts.languageOf(header)).isEqualTo(language);
    }

    @Test
    void noHeaderMeansEnglish() {
        assertThat(OperatorTexts.languageOf(null)).isEqualTo("en");
    }

    @Test
    void translatesExactTextsAndLeavesOthersAsTheyAre() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of("Decision", "处理决定"));
        assertThat(texts.translate("Decision")).isEqualTo("处理决定");
        assertThat(texts.translate("Decision ")).isEqualTo("Decision ");
        assertThat(texts.translate("decision")).isEqualTo("decision");
        assertThat(texts.translate(null)).isNull();
    }

    @Test
    void englishIsTheSourceAndTranslatesNothing() {
        assertThat(OperatorTexts.of("en").translate("Decision")).isEqualTo("Decision");
        assertThat(OperatorTexts.of("zh").translate("Decision")).isEqualTo("处理决定");
    }

    @Test
    void aTranslationThatLosesAPlaceholderIsReported() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of(
                "Goods not collected at {{pickupPoint}}", "自提点有商品未取",
                "Parcel {{a}} for {{b}}", "{{b}} 的包裹 {{a}}"));
        assertThat(texts.withBrokenPlaceholders()).containsExactly("Goods not collected at {{pickupPoint}}");
    }

    @Test
    void aLineOfAFormFromBeforeTheFactsVariableTakesTodaysTranslation() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of(
                "Purchase order: {{facts.latePurchaseOrder}} ({{facts.latePurchaseOrderStatus}})",
                "采购单：{{facts.latePurchaseOrder}}（{{facts.latePurchaseOrderStatus}}）",
                "{{#loop facts.missingPapers}}", "{{#loop facts.missingPapers}}",
                "Decision", "处理决定"));

        assertThat(texts.find("Purchase order: {{latePurchaseOrder}} ({{latePurchaseOrderStatus}})"))
                .contains("采购单：{{latePurchaseOrder}}（{{latePurchaseOrderStatus}}）");
        assertThat(texts.find("Purchase order: {{facts.latePurchaseOrder}} ({{facts.latePurchaseOrderStatus}})"))
                .contains("采购单：{{facts.latePurchaseOrder}}（{{facts.latePurchaseOrderStatus}}）");
        assertThat(texts.find("{{#loop missingPapers}}")).contains("{{#loop missingPapers}}");
        assertThat(texts.find("Purchase order: {{latePurchaseOrder}}")).as("no such line today").isEmpty();
        assertThat(texts.find("Decisions")).isEmpty();
    }
}
