package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Chinese operator reads when a missing exchange rate keeps every supplier of an order out: the
 * review's problems, the order's timeline, and the refusal of "proceed" (the problems, joined), values too.
 */
class ExchangeRateProblemsInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'no exchange rate from DKK to EUR, the settlement currency, to buy from KYOTO, OSAKA: ask a supervisor to add one (POST /api/exchange-rates), then proceed' | 没有从 DKK 到结算货币 EUR 的汇率，无法向 KYOTO, OSAKA 采购：请主管先添加汇率（POST /api/exchange-rates），再选择继续",
            "'Order needs review: no exchange rate from DKK to PLN to price NL-LAMP: ask a supervisor to add one (POST /api/exchange-rates), then proceed; no exchange rate from DKK to EUR, the settlement currency, to buy from NORDIC: ask a supervisor to add one (POST /api/exchange-rates), then proceed' | 订单需要审核：没有从 DKK 到 PLN 的汇率，无法为 NL-LAMP 计价：请主管先添加汇率（POST /api/exchange-rates），再选择继续；没有从 DKK 到结算货币 EUR 的汇率，无法向 NORDIC 采购：请主管先添加汇率（POST /api/exchange-rates），再选择继续",
            "'no exchange rate from DKK to EUR, the settlement currency, to buy from NORDIC: ask a supervisor to add one (POST /api/exchange-rates), then proceed; no exchange rate from JPY to PLN to buy from OSAKA: ask a supervisor to add one (POST /api/exchange-rates), then proceed' | 没有从 DKK 到结算货币 EUR 的汇率，无法向 NORDIC 采购：请主管先添加汇率（POST /api/exchange-rates），再选择继续；没有从 JPY 到 PLN 的汇率，无法向 OSAKA 采购：请主管先添加汇率（POST /api/exchange-rates），再选择继续",
            // a line offered in several currencies: any one of their rates prices it (review s17, F4)
            "'Order needs review: no exchange rate from CNY or USD to JPY to price DEMO-TEAPOT: ask a supervisor to add one (POST /api/exchange-rates), then proceed; no exchange rate from JPY to EUR, the settlement currency, to book the sale: ask a supervisor to add one (POST /api/exchange-rates), then proceed' | 订单需要审核：没有从 CNY 或 USD 到 JPY 的汇率，无法为 DEMO-TEAPOT 计价：请主管先添加汇率（POST /api/exchange-rates），再选择继续；没有从 JPY 到结算货币 EUR 的汇率，无法记账：请主管先添加汇率（POST /api/exchange-rates），再选择继续",
            "'no exchange rate from GBP to EUR, the settlement currency, to book the sale: ask a supervisor to add one (POST /api/exchange-rates), then proceed' | 没有从 GBP 到结算货币 EUR 的汇率，无法记账：请主管先添加汇率（POST /api/exchange-rates），再选择继续",
            "'NORDIC left out: no exchange rate from DKK to EUR, the settlement currency' | NORDIC 未入选：没有从 DKK 到结算货币 EUR 的汇率"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
