package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Chinese operator reads when a backup re-priced since the ranking is not bought (the timeline, and on
 * "Decide on out-of-stock order" the {@code notTried} fact, several joined by "; "), values too.
 */
class RepricedBackupInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'STEADFAST skipped: its supply price changed since the ranking, from 14.00 EUR to 80.00 EUR: with shipping 83.50 EUR in the order''s currency and the platform fee 0.87 EUR, the margin on the sale 29.00 EUR would be -55.37 EUR, a loss' | 已跳过 STEADFAST：排序后其供货价已从 14.00 EUR 变为 80.00 EUR：含运费按订单货币计 83.50 EUR，加上平台费 0.87 EUR，销售额 29.00 EUR 的毛利将为 -55.37 EUR，亏损",
            "'ACME left out: its offers are priced in EUR and JPY, one purchase order has one currency; ACME skipped: its supply price changed since the ranking, from 6.00 EUR to 9.00 EUR: with shipping 11.50 EUR in the order''s currency and the platform fee 0.45 EUR, the margin on the sale 15.00 EUR would be 3.05 EUR, below the minimum 3.75 EUR (25 % of the sale, order-deadlines.dmn)' | ACME 未入选：其报价使用 EUR and JPY，一张采购单只能使用一种货币；已跳过 ACME：排序后其供货价已从 6.00 EUR 变为 9.00 EUR：含运费按订单货币计 11.50 EUR，加上平台费 0.45 EUR，销售额 15.00 EUR 的毛利将为 3.05 EUR，低于最低毛利 3.75 EUR（销售额的 25%，order-deadlines.dmn）",
            "'ACME skipped: its shipping cost changed since the ranking, from 2.50 EUR to 12.00 EUR: with shipping 18.00 EUR in the order''s currency and the platform fee 0.45 EUR, the margin on the sale 15.00 EUR would be -3.45 EUR, a loss' | 已跳过 ACME：排序后其运费已从 2.50 EUR 变为 12.00 EUR：含运费按订单货币计 18.00 EUR，加上平台费 0.45 EUR，销售额 15.00 EUR 的毛利将为 -3.45 EUR，亏损"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
