package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextUnitsTest {

    private static final Map<String, String> ZH = Map.of(
            "No supplier can fill this order", "没有供应商能履行此订单",
            "Every ranked supplier declined or none has stock.", "所有候选供应商均已拒单，或都没有库存。",
            "Goods not collected at {{pickupPoint}}", "自提点 {{pickupPoint}} 有商品未取",
            "Consumer", "消费者",
            "Phone", "电话",
            "Lines", "商品明细");

    private static String zh(String text) {
        return TextUnits.translate(text, unit -> ZH.getOrDefault(unit, unit));
    }

    @Test
    void translatesEachLineKeepingItsMarkdown() {
        assertThat(zh("### No supplier can fill this order\n\nEvery ranked supplier declined or none has stock."))
                .isEqualTo("### 没有供应商能履行此订单\n\n所有候选供应商均已拒单，或都没有库存。");
    }

    @Test
    void templatesStayInsideTheUnit() {
        assertThat(TextUnits.of("### Goods not collected at {{pickupPoint}}\n\n{{orderSummary}}"))
                .containsExactly("Goods not collected at {{pickupPoint}}");
        assertThat(zh("### Goods not collected at {{pickupPoint}}")).isEqualTo("### 自提点 {{pickupPoint}} 有商品未取");
    }

    @Test
    void tableHeadersAreTranslatedCellByCell() {
        String table = "| Consumer | Phone | Lines |\n|---|---|---|\n{{consumerRows}}";
        assertThat(TextUnits.of(table)).containsExactly("Consumer", "Phone", "Lines");
        assertThat(zh(table)).isEqualTo("| 消费者 | 电话 | 商品明细 |\n|---|---|---|\n{{consumerRows}}");
    }

    @Test
    void codeBlocksAndPunctuationOnlyLinesStay() {
        String raw = "#### What the partner sent (raw)\n\n```\n{{deliveryPayload}}\nNot a sentence to translate\n```\n**{{problems}}**";
        assertThat(TextUnits.of(raw)).containsExactly("What the partner sent (raw)");
    }

    @Test
    void aTextWithoutWordsNeedsNoTranslation() {
        assertThat(TextUnits.needsTranslation("{{history}}")).isFalse();
        assertThat(TextUnits.needsTranslation("**{{a}}** — 42 %")).isFalse();
        assertThat(TextUnits.needsTranslation("SKU")).isTrue();
        assertThat(TextUnits.needsTranslation("订单")).isTrue();
    }
}
