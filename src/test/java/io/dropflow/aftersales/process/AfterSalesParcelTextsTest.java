package io.dropflow.aftersales.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.translation.OperatorTexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an after-sales case's parcel writes on the order's timeline and in the case's history reads in Chinese too. */
class AfterSalesParcelTextsTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Replacement for claim DF-CL7 shipped: SF SF100200 | 索赔 DF-CL7 的补发商品已发货：SF SF100200",
            "Exchange for return DF-RT3 shipped: SF SF100200 | 退货 DF-RT3 的换货商品已发货：SF SF100200",
            "'Exchange for return DF-RT3 shipped: SF SF100200 (the number of another parcel: not followed)' | 退货 DF-RT3 的换货商品已发货：SF SF100200（该运单号属于另一个包裹：不跟踪）",
            "Tracking of parcel SF SF100200 for DF-CL7 registered with the carrier | 已向承运商登记 DF-CL7 的包裹 SF SF100200",
            "'Tracking refused parcel GLS 123 for DF-RT3 without the postal code of the delivery address: no tracking news will come for it' | 物流跟踪服务缺少收货地址的邮编，不跟踪 DF-RT3 的包裹 GLS 123：该包裹不会有物流消息",
            "Parcel SF SF100200 for DF-CL7: In transit | DF-CL7 的包裹 SF SF100200：运输中",
            "Parcel SF SF100200 for DF-CL7: Carrier exception | DF-CL7 的包裹 SF SF100200：物流异常",
            "Supplier changed the tracking number of the parcel for DF-CL7: SF SF1 → SF SF2 | 供应商更改了 DF-CL7 的包裹的运单号：SF SF1 → SF SF2",
            "'Supplier changed the tracking number of the parcel for DF-CL7 after delivery: SF SF1 → SF SF2 (nothing changed)' | 供应商在签收后更改了 DF-CL7 的包裹的运单号：SF SF1 → SF SF2（未作任何更改）",
            "'Supplier changed the tracking number of the parcel for DF-CL7 to another order''s parcel: SF SF1 → SF SF2 (nothing changed)' | 供应商把 DF-CL7 的包裹的运单号改成了另一订单的包裹：SF SF1 → SF SF2（未作任何更改）",
            "Replacement delivered: SF SF100200 | 补发商品已签收：SF SF100200",
            "Exchange delivered: SF SF100200 | 换货商品已签收：SF SF100200"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
