package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.settlement.Currencies;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message Dropflow can refuse a task's input with, and every problem order validation can
 * find, has Chinese (an entry or a pattern of {@code forms/i18n/operator-messages.zh.json}): Tasklist
 * shows them to the operator. The messages are read where the code writes them: each place that
 * refuses ({@code new DecisionRefused(…)}, {@code new RefusedDecision(…)},
 * {@code new OperatorInputRefused.Refusal(…)}, {@code requireText(…, "…")}, the form check's rules)
 * or adds a validation problem; a message's words are its string literals, each other part a value
 * ("X"). Whoever adds or rewords one learns here to add its pattern.
 */
class OperatorMessagesCompletenessTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    /** A value in a message, as the code computes it. */
    private static final String VALUE = "X";

    /** A sink's argument: the call's last one. */
    private static final int LAST = -2;
    /** A sink that is a method's declaration: each message its body returns, which its callers pass on as a value. */
    private static final int RETURNED = -3;

    /** Where a message starts: the call, and which of its arguments is the message. */
    private record Sink(Pattern call, int argument, Pattern inFiles) {

        static Sink everywhere(String call, int argument) {
            return new Sink(Pattern.compile(Pattern.quote(call)), argument, Pattern.compile(".*"));
        }

        static Sink in(String files, String call, int argument) {
            return new Sink(Pattern.compile(Pattern.quote(call)), argument, Pattern.compile(files));
        }
    }

    private static final List<Sink> SINKS = List.of(
            Sink.everywhere("new DecisionRefused(", 0),
            Sink.everywhere("new RefusedDecision(", 0),
            Sink.everywhere("new OperatorInputRefused.Refusal(", 0),
            Sink.everywhere("requireText(", 1),
            // the form check's rules, each a message that starts with the field's key
            Sink.in(".*/processengine/FormInputRules\\.java", "input.key() +", -1),
            // order validation: the problems, the refused substitutes, the settlement currency's
            Sink.in(".*/order/internal/Sourcing\\.java", "new Problem(", 1),
            Sink.in(".*/order/internal/Sourcing\\.java", "Optional.of(", 0),
            Sink.in(".*/order/internal/OrderPricing\\.java", "Optional.of(", 0),
            // an application's papers, which refuse accepting them
            Sink.in(".*/onboarding/internal/Papers\\.java", "problems.add(", 0),
            // why a partner's delivery was not taken: the partner-attention form's lastError
            Sink.everywhere("Result.notYet(", 0),
            Sink.everywhere("Result.unusable(", 0),
            // the engine API's own refusals that Tasklist shows (a task's variables written past its form)
            Sink.everywhere("new AuthorizationException(", 0),
            // an application's history, which the onboarding forms show
            Sink.in(".*/onboarding/.*", "history.record(", 2),
            // what the carrier and the supplier tell about a return, in its history
            Sink.in(".*/returns/process/ReturnNegotiation\\.java", "history.record(", 3),
            // every line of a claim's or a return's history, which their forms show: the call's last argument
            Sink.in(".*/(claim|returns|aftersales)/.*", "history.record(", LAST),
            // a claim's replacement purchase order, as its supplier reports it
            Sink.in(".*/claim/process/DefectClaim\\.java", "replacement(event,", 0),
            // why sourcing leaves a supplier out (validation's problems, a refused substitute, the timeline) and why
            // a purchase order cannot go to it (the ship-by-breach form's lateSupplierUnavailable): words a method
            // returns, which the problem or the line takes as a value
            Sink.in(".*/order/internal/Sourcing\\.java", "String noneUsedOffers(", RETURNED),
            Sink.in(".*/supplier/internal/SupplierBindings\\.java", "String notServed(", RETURNED),
            Sink.in(".*/supplier/internal/Supplier\\.java", "String whySuspended(", RETURNED),
            Sink.in(".*/supplier/internal/CatalogService\\.java", "cannot(", 0),
            // the engine APIs' refusals of a password or a user, group or tenant id, which Camunda Admin shows, and the
            // password policy's rules the refusal names
            Sink.in(".*/processengine/(PasswordPolicyRefused|ResourceIdRefused)\\.java", "Optional.of(", 0),
            // the engine's refusal of a membership of a user, group or tenant that is not there, which Camunda Admin shows
            Sink.in(".*/processengine/IdentityStore\\.java", "new NotFoundException(", 0),
            Sink.in(".*/security/PasswordPolicyWords\\.java", "lacks.add(", 0),
            Sink.in(".*/security/PasswordPolicyWords\\.java", "why.add(", 0));

    /**
     * History lines the scan reads only in part, each with a line the code writes: a part written elsewhere (a
     * switch's words, a remedy or a cost in words from another method, the rest of the line its caller passes)
     * reads as a value, which no pattern has as such; the patterns have the lines as written. A variant no code
     * writes (the scan joins each condition's branches freely: a rejection naming a remedy) is listed too.
     */
    private static final Map<String, String> WRITTEN_IN_PARTS = Map.ofEntries(
            Map.entry("Booked without a refund (withheld, nothing paid): X",
                    "Booked without a refund (withheld, nothing paid): 15.00 EUR charged back to the supplier"),
            Map.entry("Not resolved by its resolution deadline, but X: nothing for supervisors now; its next task, if it"
                    + " has one, goes to them", "Not resolved by its resolution deadline, but its remedy is under way: nothing"
                    + " for supervisors now; its next task, if it has one, goes to them"),
            Map.entry("Refund: X (X)", "Refund: 7.50 EUR (per policy)"),
            Map.entry("Rejected the claim: X", "Rejected the claim"),
            Map.entry("Rejected the claim: X (X)", "Rejected the claim (photos show wear, not a defect)"),
            Map.entry("Remedy agreed: X, paid by the X", "Remedy agreed: a compensation of 4.00 EUR, paid by the supplier"),
            Map.entry("Resolved with X, X", "Resolved with a full refund of 15.00 EUR, the seller's loss"),
            Map.entry("Round XX", "Round 2 sent to the supplier, asking for a full refund of 12.00 EUR"),
            Map.entry("X decided on the disputed return: X", "sam decided on the disputed return: refund per policy"),
            Map.entry("X delivered: X", "Replacement delivered: SF SF100200"),
            Map.entry("X purchase order X sent to XX", "Exchange purchase order DF-1-RT2-EXCHANGE sent to ACME: 1 × DEMO-MUG"));

    /** Parts whose text is known: computed here by the code that writes them. */
    private static final Map<String, String> KNOWN_PARTS = Map.of(
            "Currencies.moreDecimalsThan(", Currencies.moreDecimalsThan(new BigDecimal("1.234"), "EUR"));

    @Test
    void everyRefusalAndValidationProblemHasChinese() throws IOException {
        Map<String, String> messages = messages();
        Map<String, String> missing = new LinkedHashMap<>();
        messages.forEach((message, where) -> {
            if (CHINESE.findMessage(message).isEmpty() && !WRITTEN_IN_PARTS.containsKey(message)) {
                missing.put(message, where);
            }
        });
        assertThat(missing).as("messages without Chinese (message, with X for each value = where the code writes it); "
                + "add a pattern to forms/i18n/operator-messages.zh.json, e.g. \"no supplier offers {sku} any more\": "
                + "\"已没有供应商提供 {sku}\"").isEmpty();
    }

    /**
     * Item 3 of the exploratory test: the catalog's problems inside a refusal ("the catalog would refuse
     * these offers (DEMO-WOK: supplyPrice must not be negative, was -1)") stayed English. Each rule of
     * CatalogRules, as an agreement's offer names it ("SKU: field message"), has Chinese.
     */
    @Test
    void everyCatalogProblemHasChinese() throws IOException {
        Path rules = Path.of("src/main/java/io/dropflow/supplier/internal/CatalogRules.java");
        String source = Files.readString(rules);
        Map<String, String> problems = new LinkedHashMap<>();
        Matcher call = Pattern.compile(Pattern.quote("new FieldError(")).matcher(source);
        while (call.find()) {
            problems.put(VALUE + ": " + message(argument(source, call.end(), 0)) + " "
                    + message(argument(source, call.end(), 1)), "CatalogRules.java:" + line(source, call.start()));
        }
        assertThat(problems).as("the scan reads CatalogRules' problems").hasSizeGreaterThan(10)
                .containsKey("X: X must not be negative, was X");
        problems.keySet().removeIf(problem -> CHINESE.findMessage(problem).isPresent());
        assertThat(problems).as("catalog problems without Chinese (add a pattern to forms/i18n/operator-messages.zh.json)")
                .isEmpty();
    }

    /** Each history line the scan reads only in part is still written so, and reads in Chinese as the code writes it. */
    @Test
    void historyLinesTheScanReadsInPartHaveChineseAsWritten() throws IOException {
        assertThat(messages()).as("lines still written in parts").containsKeys(WRITTEN_IN_PARTS.keySet().toArray(String[]::new));
        assertThat(CHINESE.missingMessages(WRITTEN_IN_PARTS.values())).as("lines as written without Chinese").isEmpty();
    }

    /** The scan finds what it is meant to: were it blind, the test above would pass on nothing. */
    @Test
    void theScanReadsTheMessagesAsTheCodeWritesThem() throws IOException {
        assertThat(messages()).containsKeys(
                "X is required",
                "X may be at most X characters long, was X",
                "X must be one of X, was X",
                "the decision must be one of X, was X",
                "rejecting a claim needs a rejectionReason for the consumer",
                "remedyAmount 1.234 has more decimals than EUR has (2)",
                "no supplier offers X any more",
                "X, to book the sale: ask a supervisor to add one (POST /api/exchange-rates), then proceed",
                "no exchange rate from X to X, the settlement currency, to buy from X: ask a supervisor to add one (POST /api/exchange-rates), then wait for restock",
                "the order has no line with SKU X",
                "X: not sent",
                "supplier X has no purchase order X (yet)",
                // an application's history, each branch of a condition on its own
                "Accepted sample X",
                "Shipped sample X: X X",
                "X decided 'X' — X",
                "X decided 'X': X — X",
                "A document lapsed; the supplier was suspended already",
                "Return parcel: X",
                // a claim's or a return's history, and a claim's replacement as its supplier reports it
                "X accepted the supplier's offer",
                "Paid the consumer X through the storefront",
                "Asked X to cancel the late replacement X",
                "Shipped the replacement: X X",
                "Declined the replacement (X)",
                "Refused to cancel the late replacement (X)",
                "Exchange purchase order: X, X X",
                "Not suspended for shipping late: it is not active (X)",
                "a task's variables are set by completing the task with its form, not written through it; X may complete the task",
                // why sourcing or a purchase order leaves a supplier out: a method's words, which its callers pass on
                "no supplier Dropflow uses offers X: X left out: X",
                "no adapter serves it: bind it under dropflow.suppliers.http.X or dropflow.suppliers.cj.X",
                "it is suspended",
                "it is suspended (X)",
                "it is not active (X)",
                "it no longer offers X",
                "its offer of X is switched off",
                // Camunda Admin's refusals of a password or an id, and the rules a password breaks
                "The password breaks the password policy: X (GET /engine-rest/identity/password-policy lists the rules)",
                "The password must be a text (a JSON string), not a number",
                "The X id X is refused: an id may have only the characters X; the engine takes X ids that match X",
                "at least X characters",
                "a sign that is neither letter nor digit",
                "it holds the user's X");
    }

    /**
     * The history a task form shows (an order's timeline, a claim's, a return's or an application's
     * history): lines as the code writes them, values inside them too (a remedy, a code, a list).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Suppliers ranked: ODDITY (tier 3), RAREHOUSE (tier 3) | 供应商排序：ODDITY（第 3 梯队）、RAREHOUSE（第 3 梯队）",
            "Supplier declined purchase order DF-2-PO2 (OUT_OF_STOCK) | 供应商拒绝了采购单 DF-2-PO2（缺货）",
            "ODDITY left out: it declined this order before (DISCONTINUED) | ODDITY 未入选：此前已拒绝本订单（已停产）",
            "Supplier declined purchase order DF-2-PO1 (Discontinued) | 供应商拒绝了采购单 DF-2-PO1（已停产）",
            "ODDITY left out: it declined this order before (Discontinued) | ODDITY 未入选：此前已拒绝本订单（已停产）",
            "'Supplier shipped purchase order DF-2-PO1 (Cancelled) as SF SF100200: not followed' | 供应商发出了采购单 DF-2-PO1（已取消），运单 SF SF100200：不跟踪该包裹",
            "'Supplier reported Cancellation refused for purchase order DF-2-PO1 (Shipped): nothing changed' | 供应商就采购单 DF-2-PO1（已发货）报告了 已拒绝取消：未作任何更改",
            "Filed a Wrong item claim about 1 line(s) with 2 piece(s) of evidence: blue, not red | 提交了发错货索赔，涉及 1 行商品，附 2 份证据：blue, not red",
            "Consumer filed defect claim DF-CL1 (Damaged) | 消费者提交了质量索赔 DF-CL1（商品损坏）",
            "Round 1: Alternative, offering 7.50 EUR (keep it) | 第 1 轮：替代方案，提出 7.50 EUR（keep it）",
            "Ruled that the seller refunds: a compensation of 1234 JPY | 裁定卖家退款：补偿 1234 JPY",
            "'LOWLY left out (score 55): Supplier score below 60: not used' | LOWLY 未入选（评分 55）：供应商评分低于 60：不采用",
            "'LOWLY left out for GB-TEA (score 55): Supplier score below 60: not used' | LOWLY 未入选 GB-TEA（评分 55）：供应商评分低于 60：不采用",
            "'Rejected the claim (photos show wear, not a defect)' | 驳回索赔（photos show wear, not a defect）",
            "'Deadlines for a claim (Wrong item, sold through Group buy): answer the consumer within 24 h, resolve within 72 h; the supplier has 12 h and the operator 6 h per round, 3 round(s)' | 社区团购订单的发错货索赔期限：24 小时内答复消费者，72 小时内解决；每轮供应商有 12 小时、操作员有 6 小时，共 3 轮",
            "'Shipped from the supplier, not applied (purchase order: Cancelled)' | 供应商报告已发货，未采用（采购单：已取消）",
            "'Accepted with lines missing from the supplier, not applied (purchase order: Accepted)' | 供应商报告已接受但缺少商品行，未采用（采购单：已接受）",
           "'Cancellation accepted after refusing it from the supplier, not applied (purchase order: Accepted)' | 供应商先拒绝后又报告已同意取消，未采用（采购单：已接受）",
           // a task opened before 7 December 2026 keeps its old text, and its Chinese
           "'ACME reported purchase order DF-1-PO1 cancelled, which Dropflow had not asked for: the order still waits for it to ship. Ask the supplier whether it will ship; if not, reroute or cancel at the ship-by deadline, then close this task' | ACME 报告采购单 DF-1-PO1 已取消，但 Dropflow 并未要求取消：订单仍在等待发货。请向供应商确认是否会发货；如不发货，请在发货期限到期时改派或取消，然后关闭此任务",
            "'Carrier scan: In transit' | 承运商扫描：运输中",
            "'Carrier scan after the delivery: Returned' | 签收后的承运商扫描：已退回",
            "Asked to return 1 line(s) (Changed mind) for a refund | 申请退货 1 行商品（不想要了），要求退款",
            "Inspected the returned parcel: Damaged by consumer (cracked) | 已检验退回的包裹：消费者造成损坏（cracked）",
            "'Domestic applicant: needs business licence (营业执照); with an expiry date: quality management certificate, e.g. ISO 9001. The audit is due within 48 h, the sample within 240 h of its order' | 境内申请方：需要 营业执照；须注明有效期：质量管理体系认证（如 ISO 9001）。审核须在 48 小时内完成，样品须在下单后 240 小时内发出",
            "'mary decided ''Review order'': Proceed' | mary 处理了“审核订单”：继续处理",
            "'sam decided ''Decide on out-of-stock order'': Wait for restock' | sam 处理了“处理缺货订单”：等待补货",
            "'mary decided ''Audit supplier documents'': Missing documents — the licence is blurred' | mary 处理了“审核供应商资质文件”：要求补交文件 — the licence is blurred",
            "'sam decided ''Review a supplier that ships late'': Coach' | sam 处理了“审核发货迟缓的供应商”：辅导改进",
            "Purchase order DF-2-PO1 to Oddity Depot | 发给 Oddity Depot 的采购单 DF-2-PO1",
            "Parcel SF SF100200 | 包裹 SF SF100200",
            "Parcel out for delivery | 包裹派送中",
            "'Parcel SF SF100200: the carrier dated an event (In transit) 2026-12-09 18:00 (Asia/Shanghai), in the future when it came; it counts as of its receipt' | 包裹 SF SF100200：承运商给一条物流事件（运输中）标注的时间是 2026-12-09 18:00 (Asia/Shanghai)，收到时该时间尚在未来；按收到的时间计入",
            "'Supplier shipped purchase order DF-2-PO1 (CANCELLED) as SF SF100200: not followed, an operator was asked to settle it' | 供应商发出了采购单 DF-2-PO1（已取消），运单 SF SF100200：不跟踪该包裹，已请操作员处理",
            // a first SHIPPED under another order's parcel's number (exploratory s14 shipping D1)
            "'Supplier shipped purchase order DF-9-PO1 (Accepted) as YTO YT1000000003, the number of the parcel of purchase order DF-3-PO1: not followed, an operator was asked to settle it' | 供应商发出了采购单 DF-9-PO1（已接受），运单 YTO YT1000000003，该运单号属于采购单 DF-3-PO1 的包裹：不跟踪该包裹，已请操作员处理",
            "'Tracking refused parcel GLS 123 without the postal code of the delivery address: no tracking news will come, an operator decides when the parcel''s silence window ends' | 物流跟踪服务缺少收货地址的邮编，不跟踪包裹 GLS 123：不会再有物流消息，包裹静默期结束后由操作员决定",
            // a number or a carrier the tracking service refuses for good (exploratory s14 shipping D4)
            "'Tracking refused parcel DHL JDREJ0000014 without the valid tracking number for its carrier: no tracking news will come, an operator decides when the parcel''s silence window ends' | 物流跟踪服务缺少该承运商的有效运单号，不跟踪包裹 DHL JDREJ0000014：不会再有物流消息，包裹静默期结束后由操作员决定",
            "'Decide on out-of-stock order' not decided in time: escalated to supervisors | “处理缺货订单”未按时处理：已升级给主管",
            "mary countered: a compensation of 4.00 EUR | mary 还价：补偿 4.00 EUR",
            "'the catalog would refuse these offers (DEMO-WOK: supplyPrice must not be negative, was -1; DEMO-WOK: category must be 1 to 32 lower-case letters, digits or ''-'', was ''Home''): send the agreement back for changes' | 商品目录会拒绝这些报价（DEMO-WOK：“supplyPrice”不能为负数，收到的是 -1；DEMO-WOK：“category”必须是 1 到 32 个小写字母、数字或“-”，收到的是 'Home'）：请退回协议修改",
            "'the catalog refuses it: shipByHours must be between 1 and 720, was 0' | 商品目录拒绝了它：“shipByHours”必须在 1 到 720 之间，收到的是 0",
            "mary decided to offer the consumer 4.50 EUR to keep the goods | mary 决定向消费者提出：保留商品并退还 4.50 EUR",
            "mary decided to ask the supplier again | mary 决定再次询问供应商",
            "mary refused the return: Used goods cannot be taken back. | mary 拒绝了退货：Used goods cannot be taken back.",
            "sam decided on the disputed return: a partial refund of 7.50 EUR | sam 处理了有争议的退货：部分退款 7.50 EUR",
            "sam decided on the disputed return: no refund (decided: no) | sam 处理了有争议的退货：不退款（decided: no）",
            // a claim's replacement, as its supplier reports it and Dropflow follows it up (exploratory s13 aftersales D6)
            "'Shipped the replacement: SF SF100200' | 已发出补发商品：SF SF100200",
            "'Declined the replacement (OUT_OF_STOCK)' | 拒绝了补发（缺货）",
            "'Declined the replacement (Out of stock)' | 拒绝了补发（缺货）",
            // codes in words (exploratory s14 tasklist, defect 6)
            "'Escalated to supervisors: the supplier refused the replacement (Discontinued)' | 已升级给主管：供应商拒绝了补发（已停产）",
            "'No supplier credit for the returned goods (inspection: Damaged by consumer)' | 退回的货物无供应商退款（验货结果：消费者造成损坏）",
            "'No supplier credit for the returned goods (no inspection report)' | 退回的货物无供应商退款（无验货报告）",
            "'Exchange purchase order: Out of stock' | 换货采购单：缺货",
            "'Exchange purchase order: Shipped, SF SF100200' | 换货采购单：已发货，SF SF100200",
            "Accepted the replacement purchase order | 已接受补发采购单",
            "Cancelled the late replacement | 已取消逾期的补发",
            "'Refused to cancel the late replacement (Already shipped)' | 拒绝取消逾期的补发（已经发货）",
            "Asked ACME to cancel the late replacement DF-1-CL1-RESHIP1 | 已要求 ACME 取消逾期的补发 DF-1-CL1-RESHIP1",
            "'The late replacement DF-1-CL1-RESHIP1 is no longer open (SHIPPED)' | 逾期的补发 DF-1-CL1-RESHIP1 已不在进行中（已发货）",
            "Round 2 sent to the supplier, asking for a full refund of 12.00 EUR | 第 2 轮已发给供应商，要求全额退款 12.00 EUR",
            "'Defect claim CL-7 resolved: the seller''s loss; the settled order''s margin is adjusted to 1.50 EUR' | 质量索赔 CL-7 已解决：损失由卖家承担；已结算订单的毛利调整为 1.50 EUR",
            "'Defect claim CL-7 resolved: the seller''s loss; the order''s provisional margin is adjusted to 1.50 EUR' | 质量索赔 CL-7 已解决：损失由卖家承担；订单的临时毛利调整为 1.50 EUR",
            "'Sent business licence (营业执照), valid until 2027-01-31; tax registration (税务登记)' | 提交了营业执照，有效期至 2027-01-31；税务登记",
            "Ordered sample DF-S-1 (2 x DEMO-WOK), to ship within 72 h to Berlin | 已订购样品 DF-S-1（2 x DEMO-WOK），须在 72 小时内发往 Berlin",
            "Accepted sample DF-ON1-SAMPLE1 | 已接受样品单 DF-ON1-SAMPLE1",
            "Shipped sample DF-ON1-SAMPLE1: SANDBOX-POST SBX10499037881CO1 | 已发出样品单 DF-ON1-SAMPLE1：SANDBOX-POST SBX10499037881CO1",
            "Declined sample DF-ON1-SAMPLE2 (OUT_OF_STOCK) | 拒绝了样品单 DF-ON1-SAMPLE2（缺货）",
            "Sample DF-ON1-SAMPLE1: Cancellation refused | 样品单 DF-ON1-SAMPLE1：已拒绝取消",
            "'mary decided ''Ask the supplier to renew a document'' — asked by phone' | mary 处理了“请供应商更新资质文件” — asked by phone",
            "'Consumer refunded 3.00 EUR for 1 line(s): not collected at the pickup point' | 已向消费者退款 3.00 EUR，涉及 1 行商品：未在自提点取货",
            "'sam decided ''Decide on missing lines'': Wait for restock' | sam 处理了“处理缺货商品”：等待补货",
            "'mary decided ''Decide on uncollected items'': Keep at point' | mary 处理了“处理未取商品”：留在自提点",
            "'mary decided ''Decide on uncollected items'': Return to supplier' | mary 处理了“处理未取商品”：退回供应商",
            "'sam decided ''Decide on missed ship-by deadline'': Find backup' | sam 处理了“处理超时未发货”：改找备选供应商",
            "'sam decided ''Decide on missing parcel'': Give up' | sam 处理了“处理未到包裹”：放弃包裹",
            "'Claim closed: paid back already through DF-CL3 (line 1, 2 of 2 piece(s)): a piece is paid back once, so nothing more is paid' | 索赔已关闭：已通过 DF-CL3 退过款（第 1 行，2 件中的 2 件）：每件商品只退款一次，因此不再支付",
            "'Return closed: paid back already: order SHOP-1001 was refunded in full, so nothing more is paid' | 退货已关闭：已退过款：订单 SHOP-1001 已全额退款，因此不再支付",
            "'Claim rejected: the photos show no damage' | 索赔已驳回：the photos show no damage",
            "'Parcel of purchase order DF-B4-PO2 given up: it shipped and was paid for all the same, this order''s share booked (supply 3.750 KWD, shipping 0.250 KWD)' | 采购单 DF-B4-PO2 的包裹已放弃：它已发出，货款照付，本订单的分摊已入账（货款 3.750 KWD，运费 0.250 KWD）",
            "'ACME accepted purchase order DF-15-PO1 whole and now reports KETTLE (SP-KETTLE)×1 missing: Dropflow changed nothing and still waits for the goods it accepted. Ask the supplier whether it will ship them; if not, settle the missing pieces (another supplier or a refund) when its parcel comes short, then close this task' | ACME 已整单接受采购单 DF-15-PO1，现在又报告 KETTLE (SP-KETTLE)×1 缺货：Dropflow 未做任何更改，仍在等待其已接受的货物。请询问供应商是否会发货；如不发货，待包裹到货不足时处理缺少的件数（换其他供应商或退款），然后关闭此任务",
            "'ACME reported lines of purchase order DF-B4-PO1 taken off under cancellation NOPE-1, which Dropflow had not asked of it: nothing changed, the purchase order still counts on every line. Ask the supplier which lines it will not deliver and settle them (another supplier or a refund), then close this task' | ACME 报告采购单 DF-B4-PO1 的商品行已按取消单 NOPE-1 取消，但 Dropflow 并未提出此请求：未做任何更改，采购单仍按全部商品行计。请询问供应商哪些商品行不会发货并进行处理（换其他供应商或退款），然后关闭此任务",
            "'Booked without a refund (withheld, nothing paid): supplier credit 6.00 EUR, return label 0.00 EUR, exchange 0.00 EUR' | 已记账，无退款（退款被扣留，未支付）：供应商退款 6.00 EUR，退货面单 0.00 EUR，换货 0.00 EUR",
            "'Booked without a refund (withheld, nothing paid): supplier credit 0.00 EUR (the supplier paid through DF-CL7 already), return label 4.90 EUR, exchange 0.00 EUR' | 已记账，无退款（退款被扣留，未支付）：供应商退款 0.00 EUR（供应商已通过 DF-CL7 付过），退货面单 4.90 EUR，换货 0.00 EUR",
            "'Booked without a refund (withheld, nothing paid): 15.00 EUR charged back to the supplier' | 已记账，无退款（退款被扣留，未支付）：向供应商追回 15.00 EUR",
            "'Booked without a refund (withheld, nothing paid): the supplier paid through DF-CL3, DF-RT4 already' | 已记账，无退款（退款被扣留，未支付）：供应商已通过 DF-CL3, DF-RT4 付过",
            "'Booked without a refund (withheld, nothing paid): nothing booked' | 无退款（退款被扣留，未支付）：无需记账",
            "'Defect claim DF-CL7 closed without a refund (paid back already): 29.00 EUR charged back to the supplier; the order''s provisional margin is adjusted to 2.00 EUR' | 质量索赔 DF-CL7 已关闭，无退款（此前已退款）：向供应商追回 29.00 EUR；订单的临时毛利调整为 2.00 EUR",
            "'Defect claim DF-CL7 closed without a refund (paid back already): nothing booked' | 质量索赔 DF-CL7 已关闭，无退款（此前已退款）：无需记账",
            "'Defect claim DF-CL7 rejected by mary on review: The photos show the mug intact.' | 质量索赔 DF-CL7 已在审核中被 mary 驳回：The photos show the mug intact.",
            "'Defect claim DF-CL7 rejected by an operator on review: no damage' | 质量索赔 DF-CL7 已在审核中被 操作员 驳回：no damage",
            "'Defect claim DF-CL7 rejected by the marketplace platform: decided by the marketplace' | 质量索赔 DF-CL7 已被平台驳回：decided by the marketplace",
            "'Defect claim DF-CL7 rejected by the marketplace platform' | 质量索赔 DF-CL7 已被平台驳回",
            "'Return DF-RT9 closed without a refund (paid back already)' | 退货 DF-RT9 已关闭，无退款（此前已退款）",
            "'At pickup point KIEZ, ready for pickup (2 of 3 items, the rest on its way); consumer told' | 已到自提点 KIEZ，部分可以取货（共 3 件中的 2 件，其余仍在途中）；已通知消费者",
            "'Consumer refunded 10.00 EUR (order could not be fulfilled): the sale 30.00 EUR less 20.00 EUR paid back already by DF-CL5 (15.00 EUR), DF-RT6 (5.00 EUR)' | 已给消费者退款 10.00 EUR（订单无法履约）：销售额 30.00 EUR 减去已由 DF-CL5 (15.00 EUR), DF-RT6 (5.00 EUR) 退还的 20.00 EUR",
            "'Consumer not refunded again (cancelled by consumer): the sale 15.00 EUR was paid back already by DF-CL5 (15.00 EUR)' | 未再次给消费者退款（消费者取消）：销售额 15.00 EUR 已由 DF-CL5 (15.00 EUR) 全部退还",
            "'Cross-border applicant: needs business licence (营业执照), quality management certificate, e.g. ISO 9001. The audit is due within 48 h, the sample within 240 h of its order' | 跨境申请方：需要 营业执照、质量管理体系认证（如 ISO 9001）。审核须在 48 小时内完成，样品须在下单后 240 小时内发出",
            "'Return policy, line 1 (DEMO-MUG, homeware): Change of mind: the consumer pays the label and a 10 % restocking fee.' | 退货政策，第 1 行（DEMO-MUG，homeware）：无理由退货：消费者承担退货面单费用和 10 % 的重新入库费。",
            "'Booked: refund 7.50 EUR, supplier credit 0.00 EUR (none: An operator decided a partial refund after a dispute; the supplier did not agree to take the goods back (the operator took them back anyway): it credits nothing, the seller bears the goods.), return label 4.90 EUR, exchange 0.00 EUR, supplier''s share 0.00 EUR' | 已记账：退款 7.50 EUR，供应商退款 0.00 EUR（无：争议后操作员决定部分退款；供应商未同意收回商品（操作员仍收回了商品）：供应商不退款，商品由卖家承担。），退货面单 4.90 EUR，换货 0.00 EUR，供应商承担 0.00 EUR",
            "'Booked: refund 12.00 EUR, supplier credit 0.00 EUR (none: The goods came back in order: refund per policy. The supplier did not agree to take the goods back (the operator took them back anyway): it credits nothing, the seller bears the goods.), return label 0.00 EUR, exchange 0.00 EUR, supplier''s share 0.00 EUR' | 已记账：退款 12.00 EUR，供应商退款 0.00 EUR（无：商品退回完好：按政策退款。供应商未同意收回商品（操作员仍收回了商品）：供应商不退款，商品由卖家承担。），退货面单 0.00 EUR，换货 0.00 EUR，供应商承担 0.00 EUR"})
    void historyLinesReadInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }

    @Test
    void patternsKeepTheirParameters() {
        assertThat(CHINESE.messagesWithBrokenParameters()).as("patterns whose Chinese drops, renames or repeats a {parameter}")
                .isEmpty();
    }

    @Test
    void aMessageNobodyTranslatedIsFound() {
        assertThat(CHINESE.missingMessages(List.of("no supplier offers X any more", "the moon is not a supplier")))
                .containsExactly("the moon is not a supplier");
    }

    /** Each message with X for its values, and where it is written. */
    private static Map<String, String> messages() throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                String name = file.toString().replace('\\', '/');
                for (Sink sink : SINKS) {
                    if (!sink.inFiles().matcher(name).matches()) {
                        continue;
                    }
                    Matcher call = sink.call().matcher(source);
                    while (call.find()) {
                        List<String> expressions = sink.argument() == RETURNED ? returned(source, call.end())
                                : java.util.Collections.singletonList(sink.argument() == LAST ? lastArgument(source, call.end())
                                : sink.argument() < 0 ? expression(source, call.start())
                                : argument(source, call.end(), sink.argument()));
                        for (String message : expressions.stream().filter(java.util.Objects::nonNull)
                                .flatMap(expression -> variants(expression).stream()).toList()) {
                            // Only a value (a message written elsewhere, passed on) has nothing of its own to translate
                            if (!message.replace(VALUE, "").isBlank()) {
                                messages.putIfAbsent(message, file.getFileName() + ":" + line(source, call.start()));
                            }
                        }
                    }
                }
            }
        }
        return messages;
    }

    /** The message an expression makes: its string literals as they are, any other part a value. */
    private static String message(String expression) {
        return variants(expression).get(0);
    }

    /**
     * The messages an expression can make: its string literals as they are, any other part a value,
     * each branch of a condition ({@code a ? "x" : "y" + b}, also inside parentheses) a message of its own.
     */
    private static List<String> variants(String expression) {
        String whole = expression.strip();
        int[] condition = condition(whole);
        if (condition != null) {
            List<String> both = new ArrayList<>(variants(whole.substring(condition[0] + 1, condition[1])));
            both.addAll(variants(whole.substring(condition[1] + 1)));
            return both;
        }
        List<String> messages = List.of("");
        for (String part : split(whole, '+')) {
            String term = part.strip();
            List<String> words;
            if (term.length() >= 2 && term.startsWith("\"") && term.endsWith("\"") && isOneLiteral(term)) {
                words = List.of(term.substring(1, term.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
            } else if (term.startsWith("(") && end(term, 1) == term.length() - 1) {
                words = variants(term.substring(1, term.length() - 1));
            } else {
                words = List.of(KNOWN_PARTS.entrySet().stream().filter(known -> term.startsWith(known.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(VALUE));
            }
            List<String> longer = new ArrayList<>();
            for (String message : messages) {
                for (String word : words) {
                    longer.add(message + word);
                }
            }
            messages = longer;
        }
        return messages;
    }

    /** Where the {@code ?} and its {@code :} of a condition at the top of this expression are; null if it is none. */
    private static int[] condition(String expression) {
        int depth = 0;
        int question = -1;
        int open = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(expression, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '?') {
                if (question < 0) {
                    question = i;
                }
                open++;
            } else if (depth == 0 && c == ':' && question >= 0 && --open == 0) {
                return new int[] {question, i};
            }
        }
        return null;
    }

    private static boolean isOneLiteral(String term) {
        for (int i = 1; i < term.length() - 1; i++) {
            if (term.charAt(i) == '\\') {
                i++;
            } else if (term.charAt(i) == '"') {
                return false;
            }
        }
        return true;
    }

    /** The {@code index}th argument of the call whose arguments start at {@code from}; null if it has fewer. */
    private static String argument(String source, int from, int index) {
        List<String> arguments = split(source.substring(from, end(source, from)), ',');
        return index < arguments.size() ? arguments.get(index) : null;
    }

    /** The last argument of the call whose arguments start at {@code from}. */
    private static String lastArgument(String source, int from) {
        List<String> arguments = split(source.substring(from, end(source, from)), ',');
        return arguments.get(arguments.size() - 1);
    }

    /** The expressions of the return statements of the method whose parameters start at {@code from}. */
    private static List<String> returned(String source, int from) {
        int open = source.indexOf('{', end(source, from));
        int close = open + 1;
        for (int depth = 0; close < source.length() && (depth > 0 || source.charAt(close) != '}'); close++) {
            char c = source.charAt(close);
            if (c == '"' || c == '\'') {
                close = endOfLiteral(source, close);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        String body = source.substring(open + 1, close);
        List<String> expressions = new ArrayList<>();
        Matcher statement = Pattern.compile("\\breturn\\s").matcher(body);
        while (statement.find()) {
            expressions.add(expression(body, statement.end()));
        }
        return expressions;
    }

    /** The expression starting at {@code from}, up to the end of its statement or argument. */
    private static String expression(String source, int from) {
        return source.substring(from, end(source, from));
    }

    /** Where the expression or argument list starting at {@code from} ends: an unmatched ')' or a ';'. */
    private static int end(String source, int from) {
        int depth = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    return i;
                }
            } else if (c == ';' && depth == 0) {
                return i;
            }
        }
        return source.length();
    }

    /** The parts of {@code text} between separators outside literals and brackets. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int endOfLiteral(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length();
    }

    private static int line(String source, int index) {
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
