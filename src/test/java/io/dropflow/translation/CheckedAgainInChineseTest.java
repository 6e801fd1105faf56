package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Chinese operator reads when an order is checked again after its review (the timeline), and on
 * "Decide on out-of-stock order" when a missing exchange rate kept a supplier out of the ranking (the form's
 * {@code missingRates}, a message fact), values too.
 */
class CheckedAgainInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'Order needs review again: negative margin: cheapest supply and shipping 8.08 CHF plus the platform fee 0.03 CHF exceed the sale total 1.00 CHF' | 订单需要再次审核：毛利为负：最低的供货价加运费 8.08 CHF，加上平台费 0.03 CHF，超过了销售总额 1.00 CHF",
            "'Order checked again after the review: no new problem' | 审核后再次校验订单：没有新的问题",
            "'Order checked again after the review: no problem left' | 审核后再次校验订单：问题均已解决",
            "'no exchange rate from SAR to EUR, the settlement currency, to buy from YIWU: ask a supervisor to add one (POST /api/exchange-rates), then wait for restock' | 没有从 SAR 到结算货币 EUR 的汇率，无法向 YIWU 采购：请主管先添加汇率（POST /api/exchange-rates），再选择等待补货",
            "'no exchange rate from JPY to PLN to buy from OSAKA: ask a supervisor to add one (POST /api/exchange-rates), then wait for restock; no exchange rate from SAR to EUR, the settlement currency, to buy from YIWU: ask a supervisor to add one (POST /api/exchange-rates), then wait for restock' | 没有从 JPY 到 PLN 的汇率，无法向 OSAKA 采购：请主管先添加汇率（POST /api/exchange-rates），再选择等待补货；没有从 SAR 到结算货币 EUR 的汇率，无法向 YIWU 采购：请主管先添加汇率（POST /api/exchange-rates），再选择等待补货"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
