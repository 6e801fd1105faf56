package io.dropflow.order.internal;

import static io.dropflow.order.internal.OrderFixtures.CLOCK;
import static io.dropflow.order.internal.OrderFixtures.NOW;
import static io.dropflow.order.internal.OrderFixtures.ORDER_ID;
import static io.dropflow.order.internal.OrderFixtures.SLA;
import static io.dropflow.order.internal.OrderFixtures.mugOrder;
import static io.dropflow.order.internal.OrderFixtures.purchaseOrder;
import static io.dropflow.order.internal.OrderFixtures.scorecard;
import static io.dropflow.order.internal.OrderFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.Tracking;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator's form says about an order: one variable per fact, words not codes, the seller's time. */
class OrderTaskFactsTest {

    private final Orders orders = mock(Orders.class);
    private final SourcingCandidates candidates = mock(SourcingCandidates.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final Tracking tracking = mock(Tracking.class);
    private final Catalog catalog = mock(Catalog.class);
    private final Scorecards scorecards = mock(Scorecards.class);
    private final RecordedTimeline timeline = new RecordedTimeline();
    /** 1 EUR = 160 JPY = 0.35 KWD. */
    private final io.dropflow.settlement.FixedExchangeRates rates = new io.dropflow.settlement.FixedExchangeRates()
            .with("EUR", "JPY", "160").with("EUR", "KWD", "0.35");
    private final OrderTaskFacts facts = new OrderTaskFacts(orders, candidates, purchasing, tracking, catalog,
            scorecards, new PriceAtPurchase(OrderFixtures.pricing(rates)), timeline, SLA, SellerTime.in("Asia/Shanghai"),
            CLOCK);

    @BeforeEach
    void givenAMugOrder() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(scorecards.recent(anyLong())).thenReturn(scorecard(supplier(1, "ACME", 90), 90, false));
    }

    /** Purchase order 11, late by two hours: its 24-hour deadline passed at NOW - 2 h. */
    private void lateByTwoHours() {
        PurchaseOrderView po = purchaseOrder(11, 1, PurchaseOrderStatus.ACCEPTED);
        when(purchasing.purchaseOrder(11L)).thenReturn(new PurchaseOrderView(po.id(), po.orderId(), po.supplierId(),
                po.supplierCode(), po.supplierName(), po.supplierScore(), po.number(), po.status(), null, null,
                po.supplyTotal(), po.shippingCost(), po.currency(), po.createdAt(), po.forwardedAt(), null, 24,
                NOW.minus(Duration.ofHours(2)), null, 0, null, null, 0, List.of(), null, null, null));
    }

    @Test
    void theOrderIsOneVariablePerFactWithMoneyInItsCurrencysDecimals() {
        FormFacts order = facts.order(ORDER_ID);

        assertThat(order.values().keySet()).containsExactlyInAnyOrderElementsOf(OrderTaskFacts.ORDER);
        assertThat(order.values()).containsEntry("orderNumber", "SHOP-1001").containsEntry("saleTotal", "15.00 EUR")
                .containsEntry("shipTo", "Erika Mustermann, Heidestrasse 17, 51147 Köln, DE")
                .containsEntry("consumer", "Erika Mustermann <erika@example.com>");
        assertThat(order.get("orderStatus")).asString().doesNotContain("_").isNotBlank();
        assertThat(order.get("orderLines")).isEqualTo(List.of(Map.of("quantity", 1, "sku", "DEMO-MUG", "salePrice", "15.00 EUR")));
    }

    @Test
    void aYenOrderHasNoDecimals() {
        when(orders.byId(ORDER_ID)).thenReturn(OrderFixtures.order(OrderFixtures.addressIn("DE"), "DEMO-MUG", 2, "1500", "JPY"));

        assertThat(facts.order(ORDER_ID).values()).containsEntry("saleTotal", "3000 JPY");
    }

    @Test
    void aMissedDeadlineSaysHowLateInTheSellersTimeAndNamesTheBackupsRankedAfterTheLateSupplier() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"), 90),
                new SourcingCandidate(ORDER_ID, 1, 2, 2L, 2, new BigDecimal("7.50"), 80)));
        when(catalog.supplier(2L)).thenReturn(supplier(2, "BRIGHT", 80));
        offersNow(OrderFixtures.offer(supplier(2, "BRIGHT", 80), "DEMO-MUG", "7.50", "2.50"));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values().keySet()).containsExactlyInAnyOrderElementsOf(OrderTaskFacts.MISSED_DEADLINE);
        assertThat(late.values()).containsEntry("lateSupplier", "Acme Homeware (ACME)").containsEntry("lateSupplierScore", 90)
                .containsEntry("latePurchaseOrder", "DF-7-PO1").containsEntry("latePurchaseOrderStatus", "Accepted")
                .containsEntry("lateByHours", 2.0).containsEntry("shipByDeadline", "2026-03-02 16:00 (Asia/Shanghai)")
                .containsEntry("canReroute", true);
        assertThat(late.get("backups")).isEqualTo(List.of(Map.of("supplier", "BRIGHT Goods", "code", "BRIGHT",
                "tier", 2, "supplyTotal", "7.50 EUR", "landedCost", "10.00 EUR")));
    }

    /**
     * Exploratory test s15 D3: the late supplier was suspended meanwhile ("Customs hold"); the form offered to extend
     * its deadline without a word of it. It says why the supplier takes no new purchase order now, with the reason.
     */
    @Test
    void aMissedDeadlineOfASupplierSuspendedMeanwhileSaysSoWithTheReason() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of());
        when(catalog.whyNoNewPurchaseOrder(org.mockito.ArgumentMatchers.eq(1L), org.mockito.ArgumentMatchers.any()))
                .thenReturn(java.util.Optional.of("it is suspended (Customs hold)"));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).containsEntry("lateSupplierUnavailable", "it is suspended (Customs hold)");
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage("it is suspended (Customs hold)"))
                .as("in Chinese, the seller's reason as written").hasValue("该供应商已被暂停合作（Customs hold），不再接收新的采购单");
    }

    private static List<Object> backupColumn(FormFacts late, String column) {
        return ((List<?>) late.get("backups")).stream().map(row -> ((Map<?, ?>) row).get(column)).map(Object.class::cast)
                .toList();
    }

    /** The catalog's offers of now, each its supplier's. */
    private void offersNow(io.dropflow.supplier.OfferView... offers) {
        for (io.dropflow.supplier.OfferView offer : offers) {
            when(catalog.offersToOrder(org.mockito.ArgumentMatchers.eq(offer.supplier().id()),
                    org.mockito.ArgumentMatchers.any())).thenReturn(new Catalog.OffersToOrder(List.of(offer),
                    java.util.Optional.empty()));
        }
    }

    /**
     * D3 of the exploratory test (session 12): a foreign backup's supply read as the order's currency, 3000 JPY as
     * "3000.00 EUR" and 6.250 KWD as "6.25 EUR" on a 60.00 EUR order. Each in its own currency and decimals now,
     * beside supply and shipping in the order's currency as ranking compares them.
     */
    @Test
    void aForeignBackupsSupplyReadsInItsOwnCurrencyBesideItsLandedCostInTheOrders() {
        lateByTwoHours();
        when(orders.byId(ORDER_ID)).thenReturn(OrderFixtures.order(OrderFixtures.addressIn("DE"), "DEMO-MUG", 2, "30.00"));
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("20.00"), 90),
                new SourcingCandidate(ORDER_ID, 1, 2, 3L, 2, new BigDecimal("6.250"), 80),
                new SourcingCandidate(ORDER_ID, 1, 3, 4L, 2, new BigDecimal("3000"), 80)));
        var kuwait = supplier(3, "KUWAIT", 80);
        var osaka = supplier(4, "OSAKA", 80);
        when(catalog.supplier(3L)).thenReturn(kuwait);
        when(catalog.supplier(4L)).thenReturn(osaka);
        offersNow(OrderFixtures.offerIn("KWD", kuwait, "DEMO-MUG", "3.125", "0.500"),
                OrderFixtures.offerIn("JPY", osaka, "DEMO-MUG", "1500", "300"));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(backupColumn(late, "supplyTotal")).containsExactly("6.250 KWD", "3000 JPY");
        assertThat(backupColumn(late, "landedCost")).as("6.750 KWD at 0.35, 3300 JPY at 160")
                .containsExactly("19.29 EUR", "20.63 EUR");
    }

    /** D1 of the exploratory test: the form showed the ranking's 14.00 EUR while rerouting bought at the catalog's 80.00. */
    @Test
    void aBackupRepricedSinceTheRankingShowsThePriceReroutingWouldPay() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"), 90),
                new SourcingCandidate(ORDER_ID, 1, 2, 2L, 2, new BigDecimal("14.00"), 80)));
        var steadfast = supplier(2, "STEADFAST", 80);
        when(catalog.supplier(2L)).thenReturn(steadfast);
        offersNow(OrderFixtures.offer(steadfast, "DEMO-MUG", "80.00", "3.50"));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(backupColumn(late, "supplyTotal")).containsExactly("80.00 EUR");
        assertThat(backupColumn(late, "landedCost")).containsExactly("83.50 EUR");
    }

    /**
     * D1 and D2 of the exploratory test: "Decide on out-of-stock order" said "none has stock" for suppliers left out
     * for offers in two currencies, or skipped for a price changed since the ranking. The form names them, from the
     * latest ranking on (an earlier round's notes are history).
     */
    @Test
    void theOutOfStockFormNamesTheSuppliersOfTheLatestRankingNotTriedForAnotherReasonThanStock() {
        timeline.record(NOW.plusSeconds(1), "OLD skipped: it is suspended");
        timeline.record(NOW.plusSeconds(2), "Suppliers ranked: OLD (tier 1)");
        timeline.record(NOW.plusSeconds(3), "ACME left out: its offers are priced in EUR and JPY, one purchase order has one currency");
        timeline.record(NOW.plusSeconds(4), "Suppliers ranked: SLOWPOKE (tier 1), STEADFAST (tier 2)");
        timeline.record(NOW.plusSeconds(5), "Purchase order DF-7-PO2 forwarded to SLOWPOKE, to ship within 48 h");
        timeline.record(NOW.plusSeconds(6), "STEADFAST skipped: its supply price changed since the ranking, from 14.00 EUR to 80.00 EUR");

        assertThat(facts.notTried(ORDER_ID)).isEqualTo("ACME left out: its offers are priced in EUR and JPY, one purchase "
                + "order has one currency; STEADFAST skipped: its supply price changed since the ranking, from 14.00 EUR "
                + "to 80.00 EUR");
    }

    /**
     * Exploratory test s15 D3 and D4: the form read "No supplier is left to try … (see below)" with nothing below for 600
     * mugs where ACME has 500, or an only supplier suspended. It names them, also when a supplier the table scored too
     * low was noted between them (its line, "left out (score …)", ended the ranking's notes before).
     */
    @Test
    void theOutOfStockFormNamesASuppliersShortageAndASuspensionWithItsReason() {
        timeline.record(NOW.plusSeconds(1), "JADE left out: it is suspended (Customs hold)");
        timeline.record(NOW.plusSeconds(2), "ACME left out: it has too little stock (in stock/ordered): DEMO-MUG 500/600");
        timeline.record(NOW.plusSeconds(3), "LOWLY left out (score 20): score below the minimum");
        timeline.record(NOW.plusSeconds(4), "No supplier can fill the order");

        assertThat(facts.notTried(ORDER_ID)).isEqualTo("JADE left out: it is suspended (Customs hold); ACME left out: "
                + "it has too little stock (in stock/ordered): DEMO-MUG 500/600; LOWLY left out (score 20): score below the minimum");
    }

    @Test
    void aRankingThatLeftNobodyOutNamesNone() {
        timeline.record(NOW.plusSeconds(1), "Suppliers ranked: ACME (tier 1)");

        assertThat(facts.notTried(ORDER_ID)).isNull();
    }

    @Test
    void theLateSuppliersScoreIsTheOneSupplierSelectionRankedItByBesideItsScorecardNow() {
        lateByTwoHours(); // ACME's own base score is 90
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 2)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 2, 1, 7L, 1, new BigDecimal("5.00"), 95),
                new SourcingCandidate(ORDER_ID, 2, 2, 1L, 1, new BigDecimal("6.00"), 72)));
        when(catalog.supplier(7L)).thenReturn(supplier(7, "FIRST", 95));
        when(scorecards.recent(anyLong())).thenReturn(scorecard(supplier(1, "ACME", 90), 41, true));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 2, 2);

        assertThat(late.values()).as("the score the ranking used, not the base score nor today's")
                .containsEntry("lateSupplierScore", 72).containsEntry("scorecardScore", 41);
        assertThat(OrderTaskFacts.scorecardAsShown(late.values()::get).orElseThrow())
                .as("the timeline's line gives the score beside the rates it lists: today's")
                .startsWith("Decided with the late supplier Acme Homeware (ACME) at score 41: ");
    }

    @Test
    void aRankingThatKeptNoScoreShowsNoneRatherThanAnotherFigure() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"))));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).containsEntry("lateSupplierScore", null).containsEntry("scorecardScore", 90);
    }

    @Test
    void theLateSuppliersShipWithinReadsInTheTablesHoursWhereAnSlaHourLastsSeconds() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of());
        // The demo's SLA hour lasts 2 s: the table's 48 hours last 96 s
        when(scorecards.recent(anyLong())).thenReturn(new io.dropflow.supplier.SupplierScorecard("ACME", "Acme Homeware",
                NOW.minus(Duration.ofDays(30)), NOW, Duration.ofSeconds(96), 48, 3, 1.0, 1.0, 1.0, 0.0, null, false, null, 90,
                false));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).as("\"Shipped within 48 h\", not \"within 0 h\"").containsEntry("shippedWithinHours", 48L);
    }

    @Test
    void aRateNotKnownYetReadsInLowerCaseInsideTheTimelinesSentence() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of());
        when(scorecards.recent(anyLong())).thenReturn(new io.dropflow.supplier.SupplierScorecard("ACME", "Acme Homeware",
                NOW.minus(Duration.ofDays(30)), NOW, Duration.ofHours(48), 48, 0, null, null, null, null, null, false, null, 90,
                false));
        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        String line = OrderTaskFacts.scorecardAsShown(late.values()::get).orElseThrow();

        assertThat(late.values()).as("alone after its label on the form").containsEntry("onTimeRate", "Not known yet");
        assertThat(line).doesNotContain("Not known yet")
                .contains(": shipped within 48 h not known yet, on time not known yet, accepted not known yet, "
                        + "out of stock not known yet (0 purchase orders in 30 days)");
    }

    /**
     * s18: the missed-deadline form read its counts after the number in the plural, "(1 SLA hours)", "Extended before: 1
     * times", "Late by: 1 SLA hours", "over the last 30 days (1 purchase orders)". The form reads each count in words,
     * singular for one, plural for any other number; Chinese has no plural and reads each by its pattern.
     */
    @Test
    void eachCountTheFormShowsReadsInTheSingularForOneAndInChinese() {
        lateBy(Duration.ofHours(1), 1, 1);
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of());
        when(scorecards.recent(anyLong())).thenReturn(new io.dropflow.supplier.SupplierScorecard("ACME", "Acme Homeware",
                NOW.minus(Duration.ofDays(1)), NOW, Duration.ofHours(48), 48, 1, 1.0, 1.0, 1.0, 0.0, null, false, null, 90,
                false));
        Map<String, Object> one = facts.missedDeadline(ORDER_ID, 11L, 1, 1).values();

        lateBy(Duration.ofMinutes(150), 24, 2);
        when(scorecards.recent(anyLong())).thenReturn(new io.dropflow.supplier.SupplierScorecard("ACME", "Acme Homeware",
                NOW.minus(Duration.ofDays(30)), NOW, Duration.ofHours(48), 48, 0, null, null, null, null, null, false, null,
                90, false));
        Map<String, Object> more = facts.missedDeadline(ORDER_ID, 11L, 1, 1).values();

        assertThat(one).containsEntry("shipByHoursInWords", "1 SLA hour").containsEntry("deadlineExtensionsInWords", "1 time")
                .containsEntry("lateByHoursInWords", "1 SLA hour").containsEntry("scorecardDaysInWords", "1 day")
                .containsEntry("scorecardPurchaseOrdersInWords", "1 purchase order").containsEntry("lateByHours", 1.0);
        assertThat(more).containsEntry("shipByHoursInWords", "24 SLA hours").containsEntry("deadlineExtensionsInWords", "2 times")
                .containsEntry("lateByHoursInWords", "2.5 SLA hours").containsEntry("scorecardDaysInWords", "30 days")
                .containsEntry("scorecardPurchaseOrdersInWords", "0 purchase orders");
        io.dropflow.translation.OperatorTexts chinese = io.dropflow.translation.OperatorTexts.of("zh");
        assertThat(java.util.stream.Stream.of("shipByHoursInWords", "deadlineExtensionsInWords", "lateByHoursInWords",
                "scorecardDaysInWords", "scorecardPurchaseOrdersInWords").map(fact -> chinese.translateMessage((String) one.get(fact))))
                .containsExactly("1 个 SLA 小时", "1 次", "1 个 SLA 小时", "1 天", "1 张采购单");
        assertThat(java.util.stream.Stream.of("shipByHoursInWords", "deadlineExtensionsInWords", "lateByHoursInWords",
                "scorecardDaysInWords", "scorecardPurchaseOrdersInWords").map(fact -> chinese.translateMessage((String) more.get(fact))))
                .containsExactly("24 个 SLA 小时", "2 次", "2.5 个 SLA 小时", "30 天", "0 张采购单");
    }

    /** The late purchase order, its deadline of {@code shipByHours} SLA hours missed by {@code late}, extended so often. */
    private void lateBy(Duration late, int shipByHours, int extensions) {
        PurchaseOrderView po = purchaseOrder(11, 1, PurchaseOrderStatus.ACCEPTED);
        when(purchasing.purchaseOrder(11L)).thenReturn(new PurchaseOrderView(po.id(), po.orderId(), po.supplierId(),
                po.supplierCode(), po.supplierName(), po.supplierScore(), po.number(), po.status(), null, null,
                po.supplyTotal(), po.shippingCost(), po.currency(), po.createdAt(), po.forwardedAt(), null, shipByHours,
                NOW.minus(late), null, extensions, null, null, 0, List.of(), null, null, null));
    }

    /** Exploratory test s16 (L4, its kin): a scorecard of one purchase order read "(1 purchase orders in 30 days)". */
    @Test
    void aScorecardOfOnePurchaseOrderReadsInTheSingularInEnglishAndChinese() {
        Map<String, Object> shown = new java.util.HashMap<>(Map.of("lateSupplier", "ACME", "scorecardScore", 90,
                "shippedWithinHours", 48L, "shippedWithinRate", "100 %", "onTimeRate", "100 %", "acceptanceRate", "100 %",
                "stockOutRate", "0 %", "scorecardPurchaseOrders", 1, "scorecardDays", 30L));

        String one = OrderTaskFacts.scorecardAsShown(shown::get).orElseThrow();
        shown.put("scorecardPurchaseOrders", 2);
        String two = OrderTaskFacts.scorecardAsShown(shown::get).orElseThrow();
        shown.put("scorecardFlag", "Ships late");
        String flagged = OrderTaskFacts.scorecardAsShown(shown::get).orElseThrow();
        shown.put("scorecardPurchaseOrders", 1L);
        String oneFlagged = OrderTaskFacts.scorecardAsShown(shown::get).orElseThrow();

        assertThat(one).endsWith(", out of stock 0 % (1 purchase order in 30 days)");
        assertThat(two).endsWith(", out of stock 0 % (2 purchase orders in 30 days)");
        assertThat(flagged).endsWith("(2 purchase orders in 30 days); flagged: Ships late");
        assertThat(oneFlagged).endsWith("(1 purchase order in 30 days); flagged: Ships late");
        io.dropflow.translation.OperatorTexts chinese = io.dropflow.translation.OperatorTexts.of("zh");
        assertThat(chinese.translateMessage(one)).endsWith("缺货 0 %（30 天内 1 张采购单）");
        assertThat(chinese.translateMessage(oneFlagged)).contains("缺货 0 %（30 天内 1 张采购单）；警示：");
    }

    @Test
    void withNoBackupLeftReroutingIsNotOffered() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"))));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).containsEntry("canReroute", false).containsEntry("backups", List.of());
    }

    @Test
    void theHistoryIsRowsOldestFirstInWordsAndTheSellersTime() {
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.DECLINED)));
        for (int i = 1; i <= OrderTaskFacts.HISTORY_ROWS + 2; i++) {
            timeline.record(NOW.plusSeconds(i), "step " + i);
        }

        List<Map<String, Object>> history = facts.history(ORDER_ID);

        assertThat(history).hasSize(OrderTaskFacts.HISTORY_ROWS);
        assertThat(history.get(history.size() - 1)).containsEntry("what", "step " + (OrderTaskFacts.HISTORY_ROWS + 2))
                .containsEntry("at", "2026-03-02 18:00 (Asia/Shanghai)");
        assertThat(history).extracting(row -> row.get("what")).doesNotContain("step 2")
                .doesNotContain("Purchase order DF-7-PO1 to Acme Homeware");
    }

    /**
     * Exploratory test s16, doubt 6: "Purchase order DF-2-PO1 to Oddity Depot — Declined — Discontinued" stood before
     * "… forwarded to ODDITY": the row stood when the purchase order was made, and a row of the same instant as a
     * timeline line went first. It stands when its status began, and after the lines of that instant.
     */
    @Test
    void aPurchaseOrdersRowStandsWhenItsStatusBeganAfterTheLinesOfTheSameInstant() {
        java.time.Instant made = NOW.minusSeconds(5);
        PurchaseOrderView declined = purchaseOrder(11, 1, PurchaseOrderStatus.DECLINED);
        PurchaseOrderView po = new PurchaseOrderView(declined.id(), declined.orderId(), declined.supplierId(),
                declined.supplierCode(), declined.supplierName(), declined.supplierScore(), declined.number(),
                PurchaseOrderStatus.DECLINED, null, "DISCONTINUED", declined.supplyTotal(), declined.shippingCost(), "EUR",
                made, made, null, 24, made.plusSeconds(3600), null, 0, null, null, 0, List.of(), null, NOW, null);
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(po));
        timeline.record(made, "Suppliers ranked: ACME (tier 1)");
        timeline.record(made, "Purchase order DF-7-PO1 forwarded to ACME, to ship within 24 h");
        timeline.record(NOW, "Supplier declined purchase order DF-7-PO1 (Discontinued)");

        assertThat(facts.history(ORDER_ID)).extracting(row -> row.get("what") + " " + row.get("status")).containsExactly(
                "Suppliers ranked: ACME (tier 1) null",
                "Purchase order DF-7-PO1 forwarded to ACME, to ship within 24 h null",
                "Supplier declined purchase order DF-7-PO1 (Discontinued) null",
                "Purchase order DF-7-PO1 to Acme Homeware Declined");
    }

    /**
     * Review s17, F2: accepted at 10:00, reminded at 16:00, its ship-by extended at 18:00. The reminder and the
     * extension move its last change, not when its status began: "Accepted" stays at 10:00, before "Supplier reminded…",
     * not after it as if the supplier had accepted only when reminded.
     */
    @Test
    void aPurchaseOrdersRowStaysWhenItsStatusBeganAfterAReminderAndAnExtension() {
        java.time.Instant forwarded = NOW.minus(Duration.ofHours(10));
        java.time.Instant accepted = NOW.minus(Duration.ofHours(8));
        java.time.Instant reminded = NOW.minus(Duration.ofHours(2));
        java.time.Instant extended = NOW;
        PurchaseOrderView po = new PurchaseOrderView(11L, ORDER_ID, 1L, "ACME", "Acme Homeware", 90, "DF-7-PO1",
                PurchaseOrderStatus.ACCEPTED, null, null, new java.math.BigDecimal("6.00"),
                new java.math.BigDecimal("2.50"), "EUR", forwarded, forwarded, null, 24, NOW.plus(Duration.ofHours(24)),
                reminded, 1, null, null, 0, List.of(), null, extended, accepted);
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(po));
        timeline.record(forwarded, "Purchase order DF-7-PO1 forwarded to ACME, to ship within 24 h");
        timeline.record(accepted, "Supplier accepted purchase order DF-7-PO1");
        timeline.record(reminded, "Supplier reminded to ship purchase order DF-7-PO1");
        timeline.record(extended, "Ship-by of purchase order DF-7-PO1 extended by 24 h");

        assertThat(facts.history(ORDER_ID)).extracting(row -> row.get("what") + " " + row.get("status")).containsExactly(
                "Purchase order DF-7-PO1 forwarded to ACME, to ship within 24 h null",
                "Supplier accepted purchase order DF-7-PO1 null",
                "Purchase order DF-7-PO1 to Acme Homeware Accepted",
                "Supplier reminded to ship purchase order DF-7-PO1 null",
                "Ship-by of purchase order DF-7-PO1 extended by 24 h null");
    }

    /** A view without the time of its last change (made before it had one): the row stands when it was made, after the lines. */
    @Test
    void twoRowsOfTheSameInstantKeepTheOrderTheyHappenedIn() {
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.FORWARDED)));
        java.time.Instant forwarded = NOW.minus(Duration.ofHours(1));
        timeline.record(forwarded, "Suppliers ranked: ACME (tier 1)");
        timeline.record(forwarded, "Purchase order DF-7-PO1 forwarded to ACME, to ship within 24 h");

        assertThat(facts.history(ORDER_ID)).extracting(row -> row.get("what")).containsExactly(
                "Suppliers ranked: ACME (tier 1)", "Purchase order DF-7-PO1 forwarded to ACME, to ship within 24 h",
                "Purchase order DF-7-PO1 to Acme Homeware");
    }

    @Test
    void aPurchaseOrdersStatusReadsAsAWord() {
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.CANCELLATION_REQUESTED)));

        assertThat(facts.history(ORDER_ID)).first().isEqualTo(Map.of("at", "2026-03-02 17:00 (Asia/Shanghai)",
                "what", "Purchase order DF-7-PO1 to Acme Homeware", "status", "Cancellation requested"));
    }
}
