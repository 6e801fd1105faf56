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

    private static final OperatorTexts MESSAGES = new OperatorTexts("zh",
            Map.of("Decision", "处理决定", "Business licence", "营业执照"),
            Map.of("{field} is required", "请填写{field}",
                    "{field} must be one of {values}, was {value}", "{field}必须是 {values} 之一，收到的是 {value}",
                    "{field} must be at least {min}, was {value}", "{field}不能小于 {min}，收到的是 {value}",
                    "{field} must be at least {min} characters long, was {length}", "{field}至少要 {min} 个字，现在只有 {length} 个",
                    "no supplier offers {sku} any more", "已没有供应商提供 {sku}",
                    "{document}: not sent", "{document}：未提交",
                    "the papers are not in order ({problems}): ask for the missing documents or turn the application down",
                    "文件不齐全（{problems}）：请要求补充文件，或拒绝申请",
                    "shipping address has no postal code", "收货地址缺少邮政编码"));

    /** Exploratory test, point d: a refusal listed the options' codes ("[wait_for_restock, substitute, …]"). */
    @Test
    void aRefusalNamesTheFieldAndItsOptionsByTheirLabelsAndKeepsTheValueSent() {
        assertThat(MESSAGES.translateMessage("reviewDecision must be one of [proceed, reject], was PROCEED"))
                .as("labels without Chinese in this bundle: the form's English labels, quoted")
                .isEqualTo("“处理决定”必须是 “Proceed: the problems are resolved or accepted”、“Reject the order and refund "
                        + "the consumer” 之一，收到的是 PROCEED");
        assertThat(OperatorTexts.of("zh").translateMessage(
                        "outOfStockDecision must be one of [wait_for_restock, substitute, cancel_and_refund], was explode"))
                .isEqualTo("“处理决定”必须是“等待补货，然后重新为供应商排序”、“换成其他商品（已与消费者协商一致）”、"
                        + "“取消订单并给消费者退款”之一，收到的是 explode");
        assertThat(OperatorTexts.of("zh").translateMessage("reviewDecision must be one of [accept, more_evidence, reject], was maybe"))
                .as("the key is on two forms: the options are those of the form that has them all")
                .isEqualTo("“处理决定”必须是“受理：将索赔转给供应商”、“请消费者补充凭证（未回复则关闭索赔）”、"
                        + "“驳回索赔（原因将告知消费者）”之一，收到的是 maybe");
        assertThat(OperatorTexts.of("zh").translateMessage("reviewDecision must be one of [proceed, launch], was x"))
                .as("a value no form offers: the values as the code listed them").isEqualTo("“处理决定”必须是[proceed, launch]之一，收到的是 x");
        assertThat(OperatorTexts.of("en").translateMessage("reviewDecision must be one of [proceed, reject], was x"))
                .isEqualTo("reviewDecision must be one of [proceed, reject], was x");
        assertThat(MESSAGES.translateMessage("noSuchField is required")).as("a key no form has: kept, quoted")
                .isEqualTo("请填写“noSuchField”");
    }

    @Test
    void aValidationProblemKeepsItsSku() {
        assertThat(MESSAGES.translateMessage("no supplier offers DEMO-MUG any more")).isEqualTo("已没有供应商提供 DEMO-MUG");
        assertThat(MESSAGES.translateMessage("shipping address has no postal code")).isEqualTo("收货地址缺少邮政编码");
    }

    @Test
    void problemsJoinedBySemicolonsAreTranslatedEach() {
        assertThat(MESSAGES.translateMessage("shipping address has no postal code; no supplier offers DEMO-RARE any more"))
                .isEqualTo("收货地址缺少邮政编码；已没有供应商提供 DEMO-RARE");
        assertThat(MESSAGES.translateMessage("shipping address has no postal code; the moon is not a supplier"))
                .as("one problem without Chinese: the operator reads it all in English rather than half")
                .isEqualTo("shipping address has no postal code; the moon is not a supplier");
    }

    @Test
    void aValueThatIsAWordOrAMessageIsTranslatedToo() {
        assertThat(MESSAGES.translateMessage("the papers are not in order (Business licence: not sent; Tax registration: "
                + "not sent): ask for the missing documents or turn the application down"))
                .isEqualTo("文件不齐全（营业执照：未提交；Tax registration：未提交）：请要求补充文件，或拒绝申请");
    }

    @Test
    void theMostSpecificPatternWins() {
        assertThat(MESSAGES.translateMessage("operatorNote must be at least 5 characters long, was 3"))
                .endsWith("至少要 5 个字，现在只有 3 个");
        assertThat(MESSAGES.translateMessage("extendByHours must be at least 1, was -5")).endsWith("不能小于 1，收到的是 -5");
    }

    @Test
    void aCodeInAMessageReadsAsItsWords() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of("Out of stock", "缺货"),
                Map.of("Supplier declined purchase order {po} ({reason})", "供应商拒绝了采购单 {po}（{reason}）"));
        assertThat(texts.translateMessage("Supplier declined purchase order DF-2-PO2 (OUT_OF_STOCK)"))
                .isEqualTo("供应商拒绝了采购单 DF-2-PO2（缺货）");
        assertThat(texts.translateMessage("Supplier declined purchase order DF-2-PO2 (NOT_A_WORD)"))
                .isEqualTo("供应商拒绝了采购单 DF-2-PO2（NOT_A_WORD）");
    }

    @Test
    void aValueThatListsItemsIsTranslatedItemByItem() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of(), Map.of("Suppliers ranked: {ranking}", "供应商排序：{ranking}",
                "{supplier} (tier {tier})", "{supplier}（第 {tier} 梯队）"));
        assertThat(texts.translateMessage("Suppliers ranked: ODDITY (tier 3), RAREHOUSE (tier 3)"))
                .isEqualTo("供应商排序：ODDITY（第 3 梯队）、RAREHOUSE（第 3 梯队）");
        assertThat(texts.translateMessage("Suppliers ranked: ODDITY (tier 3), somebody else"))
                .isEqualTo("供应商排序：ODDITY (tier 3), somebody else");
    }

    @Test
    void anItemOfAListMayHaveACommaOfItsOwn() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of("business licence (营业执照)", "营业执照",
                "quality management certificate, e.g. ISO 9001", "质量管理体系认证（如 ISO 9001）"),
                Map.of("{kind} applicant: needs {documents}", "{kind}申请方：需要 {documents}"));
        assertThat(texts.translateMessage("Domestic applicant: needs business licence (营业执照), quality management "
                + "certificate, e.g. ISO 9001")).isEqualTo("Domestic申请方：需要 营业执照、质量管理体系认证（如 ISO 9001）");
    }

    @Test
    void whatAPersonWroteInsideAMessageStaysAsWritten() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of("Decision", "处理决定"),
                Map.of("Note on '{task}': {note}", "“{task}”的备注：{note}"));
        assertThat(texts.translateMessage("Note on 'Review order': Decision")).isEqualTo("“Review order”的备注：Decision");
    }

    @Test
    void aPersonsSentenceIsNoFieldKey() {
        assertThat(MESSAGES.translateMessage("The signature of the consumer is required"))
                .isEqualTo("The signature of the consumer is required");
    }

    @Test
    void englishTranslatesNoMessage() {
        assertThat(OperatorTexts.of("en").translateMessage("reviewDecision is required")).isEqualTo("reviewDecision is required");
        assertThat(OperatorTexts.of("zh").translateMessage("reviewDecision is required")).isEqualTo("请填写“处理决定”");
    }

    @Test
    void aPatternThatLosesAParameterIsReported() {
        OperatorTexts texts = new OperatorTexts("zh", Map.of(), Map.of(
                "no supplier offers {sku} any more", "已没有供应商提供该商品",
                "the order has no line with SKU {sku}", "订单中没有 SKU 为 {sku} 的商品"));
        assertThat(texts.messagesWithBrokenParameters()).containsExactly("no supplier offers {sku} any more");
    }
}
