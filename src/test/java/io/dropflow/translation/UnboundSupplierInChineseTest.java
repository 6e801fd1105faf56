package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a Chinese operator reads when sourcing leaves out a supplier no adapter serves (an order's timeline, and the
 * review validation asks for when only such suppliers offer a product), and when an onboarding activates one (the
 * application's history); and the same for a suspended supplier, which sourcing leaves out with the seller's reason.
 */
class UnboundSupplierInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'GAMMA left out: no adapter serves it: bind it under dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA' | GAMMA 未入选：没有适配器为该供应商服务，Dropflow 无法向其下单：请在 dropflow.suppliers.http.GAMMA 或 dropflow.suppliers.cj.GAMMA 下绑定",
            "'GAMMA skipped: no adapter serves it: bind it under dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA' | 已跳过 GAMMA：没有适配器为该供应商服务，Dropflow 无法向其下单：请在 dropflow.suppliers.http.GAMMA 或 dropflow.suppliers.cj.GAMMA 下绑定",
            "'Order needs review: no supplier Dropflow uses offers DEMO-MUG: GAMMA left out: no adapter serves it: bind it under dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA; no supplier Dropflow uses offers DEMO-MUG: DELTA left out: no adapter serves it: bind it under dropflow.suppliers.http.DELTA or dropflow.suppliers.cj.DELTA' | 订单需要审核：没有 Dropflow 能下单的供应商提供 DEMO-MUG：GAMMA 未入选：没有适配器为该供应商服务，Dropflow 无法向其下单：请在 dropflow.suppliers.http.GAMMA 或 dropflow.suppliers.cj.GAMMA 下绑定；没有 Dropflow 能下单的供应商提供 DEMO-MUG：DELTA 未入选：没有适配器为该供应商服务，Dropflow 无法向其下单：请在 dropflow.suppliers.http.DELTA 或 dropflow.suppliers.cj.DELTA 下绑定",
            "'no supplier Dropflow uses offers the substitute SKU DEMO-CUP: GAMMA left out: no adapter serves it: bind it under dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA' | 没有 Dropflow 能下单的供应商提供替代 SKU DEMO-CUP：GAMMA 未入选：没有适配器为该供应商服务，Dropflow 无法向其下单：请在 dropflow.suppliers.http.GAMMA 或 dropflow.suppliers.cj.GAMMA 下绑定",
            "'no supplier Dropflow uses offers DEMO-WOK: JADE left out: it is suspended (Customs hold)' | 没有 Dropflow 能下单的供应商提供 DEMO-WOK：JADE 未入选：该供应商已被暂停合作（Customs hold），不再接收新的采购单",
            "'no supplier Dropflow uses offers the substitute SKU DEMO-CUP: JADE left out: it is suspended' | 没有 Dropflow 能下单的供应商提供替代 SKU DEMO-CUP：JADE 未入选：该供应商已被暂停合作，不再接收新的采购单",
            "'JADE left out: it is suspended (Customs hold)' | JADE 未入选：该供应商已被暂停合作（Customs hold），不再接收新的采购单",
            "'it is not active (REJECTED)' | 该供应商不在合作中（已拒绝），不再接收新的采购单",
            "'JADE is not used yet: no adapter serves it: bind it under dropflow.suppliers.http.JADE or dropflow.suppliers.cj.JADE' | JADE 暂未启用：没有适配器为该供应商服务，Dropflow 无法向其下单：请在 dropflow.suppliers.http.JADE 或 dropflow.suppliers.cj.JADE 下绑定"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
