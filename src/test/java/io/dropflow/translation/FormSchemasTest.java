package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSchemasTest {

    private static final String FORM = """
            {"id": "out_of_stock", "components": [
              {"type": "text", "id": "text_intro", "text": "### Review order\\n\\n{{orderSummary}}"},
              {"type": "radio", "id": "radio_decision", "key": "decision", "label": "Decision",
               "values": [{"label": "Refund", "value": "refund"}, {"label": "=computedLabel", "value": "x"}]},
              {"type": "textfield", "id": "textfield_sku", "key": "sku", "label": "Substitute SKU",
               "description": "Must be offered by at least one supplier", "appearance": {"suffixAdorner": "hours"}},
              {"type": "group", "id": "group_1", "label": "Remedy", "components": [
                {"type": "table", "id": "table_1", "columns": [{"label": "Consumer", "key": "consumer"}]}]}
            ]}""";

    private static final Map<String, String> ZH = Map.of("Review order", "审核订单", "Decision", "处理决定",
            "Refund", "退款", "Substitute SKU", "替代 SKU", "Must be offered by at least one supplier", "至少要有一家供应商在售",
            "Remedy", "补救方式", "Consumer", "消费者", "hours", "小时");

    @Test
    void everyTextAnOperatorReadsIsATranslationUnit() throws Exception {
        assertThat(FormSchemas.texts(new ObjectMapper().readTree(FORM))).containsExactly("Review order", "Decision",
                "Refund", "Substitute SKU", "Must be offered by at least one supplier", "hours", "Remedy", "Consumer");
    }

    @Test
    void translatesLabelsTextsDescriptionsOptionsAndColumnsButNotKeysValuesOrExpressions() throws Exception {
        JsonNode form = new ObjectMapper().readTree(FORM);
        FormSchemas.translate(form, text -> ZH.getOrDefault(text, text));

        JsonNode components = form.path("components");
        assertThat(components.get(0).path("text").asText()).isEqualTo("### 审核订单\n\n{{orderSummary}}");
        assertThat(components.get(1).path("label").asText()).isEqualTo("处理决定");
        assertThat(components.get(1).path("key").asText()).isEqualTo("decision");
        assertThat(components.get(1).path("values").get(0).path("label").asText()).isEqualTo("退款");
        assertThat(components.get(1).path("values").get(0).path("value").asText()).isEqualTo("refund");
        assertThat(components.get(1).path("values").get(1).path("label").asText()).isEqualTo("=computedLabel");
        assertThat(components.get(2).path("description").asText()).isEqualTo("至少要有一家供应商在售");
        assertThat(components.get(2).path("appearance").path("suffixAdorner").asText()).isEqualTo("小时");
        assertThat(components.get(3).path("label").asText()).isEqualTo("补救方式");
        assertThat(components.get(3).path("components").get(0).path("columns").get(0).path("label").asText())
                .isEqualTo("消费者");
        assertThat(components.get(3).path("components").get(0).path("columns").get(0).path("key").asText())
                .isEqualTo("consumer");
    }

    @Test
    void translatesOptionLabelsWrittenAsLiteralsInAValuesExpressionAndKeepsTheFilter() throws Exception {
        JsonNode form = new ObjectMapper().readTree("""
                {"id": "ship_by_breach", "components": [
                  {"type": "radio", "id": "radio_breach", "key": "breachDecision", "label": "Decision",
                   "valuesExpression": "=[{label: \\"Reroute to a \\\\\\"backup\\\\\\"\\", value: \\"reroute\\"}, {label: \\"Refund\\", value: \\"refund\\"}][item.value != \\"reroute\\" or canReroute]"}
                ]}""");
        assertThat(FormSchemas.texts(form)).containsExactly("Decision", "Reroute to a \"backup\"", "Refund");

        FormSchemas.translate(form, text -> Map.of("Reroute to a \"backup\"", "转给\"备选\"供应商", "Refund", "退款",
                "Decision", "处理决定").getOrDefault(text, text));

        assertThat(form.path("components").get(0).path("valuesExpression").asText()).isEqualTo(
                "=[{label: \"转给\\\"备选\\\"供应商\", value: \"reroute\"}, {label: \"退款\", value: \"refund\"}]"
                        + "[item.value != \"reroute\" or canReroute]");
    }

    /**
     * Explore s17, defect 7: a label written as a FEEL string literal ({@code ="Your decision"}), which form-js shows as
     * its text, was neither checked nor translated: Chinese operators read it in English. Its literal is a text like any
     * label; another expression stays as it is.
     */
    @Test
    void aLabelWrittenAsAFeelStringLiteralIsATextAndIsTranslatedInItsQuotes() throws Exception {
        JsonNode form = new ObjectMapper().readTree("""
                {"id": "review_order", "components": [
                  {"type": "radio", "id": "radio_review_decision", "key": "reviewDecision", "label": "= \\"Your \\\\\\"final\\\\\\" decision\\" ",
                   "description": "=if urgent then \\"Now\\" else \\"Later\\""}
                ]}""");
        assertThat(FormSchemas.texts(form)).containsExactly("Your \"final\" decision");

        FormSchemas.translate(form, text -> Map.of("Your \"final\" decision", "你的\"最终\"决定").getOrDefault(text, text));

        assertThat(form.path("components").get(0).path("label").asText()).isEqualTo("=\"你的\\\"最终\\\"决定\"");
        assertThat(form.path("components").get(0).path("description").asText())
                .isEqualTo("=if urgent then \"Now\" else \"Later\"");
    }

    /**
     * Explore s18, H7: a table's columns written as a FEEL {@code columnsExpression} (form-js' other way to give a table
     * its columns) were neither checked nor translated: Chinese operators read "How many" beside 时间, 内容. Their
     * literal labels are texts like a {@code valuesExpression}'s, with the label's key as FEEL writes it (a name or a
     * string), and the rest of the expression stays as it is.
     */
    @Test
    void translatesColumnLabelsWrittenAsLiteralsInAColumnsExpression() throws Exception {
        JsonNode form = new ObjectMapper().readTree("""
                {"id": "review_order", "components": [
                  {"type": "table", "id": "table_order_lines", "label": "Lines", "dataSource": "=facts.orderLines",
                   "columnsExpression": "=[{key: \\"quantity\\", label: \\"Quantity\\"}, {key: \\"salePrice\\", \\"label\\" : \\"Sale price\\"}]"}
                ]}""");
        assertThat(FormSchemas.texts(form)).containsExactly("Lines", "Quantity", "Sale price");

        FormSchemas.translate(form, text -> Map.of("Lines", "商品明细", "Quantity", "数量", "Sale price", "售价")
                .getOrDefault(text, text));

        assertThat(form.path("components").get(0).path("columnsExpression").asText()).isEqualTo(
                "=[{key: \"quantity\", label: \"数量\"}, {key: \"salePrice\", \"label\" : \"售价\"}]");
    }
}
