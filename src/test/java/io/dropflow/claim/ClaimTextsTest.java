package io.dropflow.claim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.translation.OperatorTexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A claim's history and timeline lines that say something the claim's tables did not foresee read in Chinese: a
 * chargeback at supply cost that fell back to the sale price (a SKU its purchase order does not list), a resolution
 * deadline passing while the claim has no task open.
 */
class ClaimTextsTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Resolved with a full refund of 15.00 EUR, 15.00 EUR charged back to the supplier (at the sale price, not the supply cost: purchase order DF-1-PO1 does not list DEMO-MUG) | 已解决：全额退款 15.00 EUR，向供应商追回 15.00 EUR（按售价而非供货成本计：采购单 DF-1-PO1 中没有 DEMO-MUG）",
            "'Defect claim DF-CL7 resolved: 15.00 EUR charged back to the supplier (at the sale price, not the supply cost: purchase order DF-1-PO1 does not list DEMO-MUG); the order''s provisional margin is adjusted to 2.00 EUR' | 质量索赔 DF-CL7 已解决：向供应商追回 15.00 EUR（按售价而非供货成本计：采购单 DF-1-PO1 中没有 DEMO-MUG）；订单的临时毛利调整为 2.00 EUR",
            "Booked without a refund (withheld, nothing paid): 15.00 EUR charged back to the supplier (at the sale price, not the supply cost: purchase order DF-1-PO1 does not list DEMO-MUG) | 已记账，无退款（退款被扣留，未支付）：向供应商追回 15.00 EUR（按售价而非供货成本计：采购单 DF-1-PO1 中没有 DEMO-MUG）",
            "Defect claim DF-CL7 closed without a refund (paid back already): 7.50 EUR charged back to the supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already (at the sale price, not the supply cost: purchase order DF-1-PO1 does not list DEMO-MUG) | 质量索赔 DF-CL7 已关闭，无退款（此前已退款）：就 2 件中的 1 件向供应商追回 7.50 EUR，其余已通过 DF-RT3 付过（按售价而非供货成本计：采购单 DF-1-PO1 中没有 DEMO-MUG）",
            "Resolved with a full refund of 37.50 EUR, 264.00 CNY charged back to the supplier (at supply cost for line(s) 1, up to what it was paid for the pieces: 24.00 CNY; at the sale price for line(s) 2: 240.00 CNY, not the supply cost: purchase order DF-1-PO1 does not list DEMO-KETTLE) | 已解决：全额退款 37.50 EUR，向供应商追回 264.00 CNY（第 1 行按供货成本计，以付给供应商的货款为上限：24.00 CNY；第 2 行按售价而非供货成本计：240.00 CNY，采购单 DF-1-PO1 中没有 DEMO-KETTLE）",
            "'Defect claim DF-CL8 resolved: 264.00 CNY charged back to the supplier (at supply cost for line(s) 1, up to what it was paid for the pieces: 24.00 CNY; at the sale price for line(s) 2: 240.00 CNY, not the supply cost: purchase order DF-1-PO1 does not list DEMO-KETTLE); the order''s provisional margin is adjusted to 2.00 EUR' | 质量索赔 DF-CL8 已解决：向供应商追回 264.00 CNY（第 1 行按供货成本计，以付给供应商的货款为上限：24.00 CNY；第 2 行按售价而非供货成本计：240.00 CNY，采购单 DF-1-PO1 中没有 DEMO-KETTLE）；订单的临时毛利调整为 2.00 EUR",
            "Booked without a refund (withheld, nothing paid): 24.00 CNY charged back to the supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already (at supply cost for line(s) 1, up to what it was paid for the pieces: 24.00 CNY; at the sale price for line(s) 2: 0.00 CNY, not the supply cost: purchase order DF-1-PO1 does not list DEMO-KETTLE) | 已记账，无退款（退款被扣留，未支付）：就 2 件中的 1 件向供应商追回 24.00 CNY，其余已通过 DF-RT3 付过（第 1 行按供货成本计，以付给供应商的货款为上限：24.00 CNY；第 2 行按售价而非供货成本计：0.00 CNY，采购单 DF-1-PO1 中没有 DEMO-KETTLE）"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }

    /** The resolution deadline passing while no task is open, as the claim's history says it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'Not resolved by its resolution deadline, but it waits for the consumer''s evidence: nothing for supervisors now; its next task, if it has one, goes to them' | 未在解决期限内解决，但正在等待消费者补充证据：目前没有需要主管处理的事项；如有下一个任务，将交给主管",
            "'Not resolved by its resolution deadline, but it waits for the supplier''s answer: nothing for supervisors now; its next task, if it has one, goes to them' | 未在解决期限内解决，但正在等待供应商答复：目前没有需要主管处理的事项；如有下一个任务，将交给主管",
            "'Not resolved by its resolution deadline, but it waits for the marketplace''s verdict: nothing for supervisors now; its next task, if it has one, goes to them' | 未在解决期限内解决，但正在等待平台裁决：目前没有需要主管处理的事项；如有下一个任务，将交给主管",
            "'Not resolved by its resolution deadline, but its remedy is under way: nothing for supervisors now; its next task, if it has one, goes to them' | 未在解决期限内解决，但补救措施正在执行中：目前没有需要主管处理的事项；如有下一个任务，将交给主管",
            "'Not resolved by its resolution deadline, but no task is open: nothing for supervisors now; its next task, if it has one, goes to them' | 未在解决期限内解决，但当前没有待办任务：目前没有需要主管处理的事项；如有下一个任务，将交给主管"})
    void theResolutionDeadlineWithNoTaskOpenReadsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
