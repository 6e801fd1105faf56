package io.dropflow.supplier.internal;

import static io.dropflow.supplier.PurchaseOrderStatus.ACCEPTED;
import static io.dropflow.supplier.PurchaseOrderStatus.CANCELLATION_REQUESTED;
import static io.dropflow.supplier.PurchaseOrderStatus.CANCELLED;
import static io.dropflow.supplier.PurchaseOrderStatus.DECLINED;
import static io.dropflow.supplier.PurchaseOrderStatus.FORWARDED;
import static io.dropflow.supplier.PurchaseOrderStatus.FORWARDING;
import static io.dropflow.supplier.PurchaseOrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventOutcome;
import io.dropflow.supplier.SupplierEventType;
import io.dropflow.supplier.internal.StaleSupplierEvents.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which supplier events that no longer fit their purchase order need an operator, and what the task says. */
class StaleSupplierEventsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");

    /** Every stale combination the purchase order's own rules produce, with what it means to the seller. */
    @ParameterizedTest(name = "{0} on a {1} purchase order: {2}")
    @CsvSource({
            // goods left that nobody waits for: the consumer may be refunded, or a backup ships
            "SHIPPED, CANCELLED, SHIPPED_AFTER_CANCELLATION",
            "SHIPPED, DECLINED, SHIPPED_AFTER_DECLINE",
            // the supplier takes back what the order counts on
            "REJECTED, SHIPPED, DECLINED_AFTER_SHIPPING",
            "OUT_OF_STOCK, SHIPPED, DECLINED_AFTER_SHIPPING",
            "CANCELLATION_ACCEPTED, SHIPPED, CANCELLED_AFTER_SHIPPING",
            "CANCELLATION_ACCEPTED, FORWARDING, CANCELLED_UNASKED",
            "CANCELLATION_ACCEPTED, FORWARDED, CANCELLED_UNASKED",
            "CANCELLATION_ACCEPTED, ACCEPTED, CANCELLED_UNASKED",
            // late or agreeing with what happened: recorded only
            "ACCEPTED, SHIPPED, RECORDED",
            "ACCEPTED, DECLINED, RECORDED",
            "ACCEPTED, CANCELLATION_REQUESTED, RECORDED",
            "ACCEPTED, CANCELLED, RECORDED",
            "REJECTED, CANCELLATION_REQUESTED, RECORDED",
            "OUT_OF_STOCK, CANCELLED, RECORDED",
            "CANCELLATION_ACCEPTED, DECLINED, RECORDED",
            "CANCELLATION_REFUSED, CANCELLED, RECORDED",
            "CANCELLATION_REFUSED, SHIPPED, RECORDED",
            "CANCELLATION_REFUSED, ACCEPTED, RECORDED",
            "CANCELLATION_REFUSED, DECLINED, RECORDED",
            "CANCELLATION_REFUSED, FORWARDED, RECORDED"})
    void aStaleEventGoesToAnOperatorOnlyWhereItCostsMoneyOrGoods(SupplierEventType type, PurchaseOrderStatus status,
            Verdict expected) {
        assertThat(StaleSupplierEvents.judge(type, status, false)).isEqualTo(expected);
        assertThat(expected.toOperator()).isEqualTo(expected.title != null);
    }

    /** An operator is only ever asked about what the purchase order's own rules call stale. */
    @Test
    void everyCaseForAnOperatorIsOneThePurchaseOrderCallsStale() {
        for (SupplierEventType type : SupplierEventType.values()) {
            for (PurchaseOrderStatus status : PurchaseOrderStatus.values()) {
                PurchaseOrder po = purchaseOrderIn(status);
                SupplierEventOutcome outcome = switch (type) {
                    case ACCEPTED -> po.accept(T0);
                    case REJECTED, OUT_OF_STOCK -> po.decline(type.name(), T0);
                    case SHIPPED -> po.ship(T0);
                    case CANCELLATION_ACCEPTED -> po.cancel(T0);
                    case CANCELLATION_REFUSED -> po.refuseCancellation("ALREADY_SHIPPED", T0);
                };
                boolean toOperator = StaleSupplierEvents.judge(type, status, false).toOperator();
                if (toOperator) {
                    assertThat(outcome).as("%s on %s goes to an operator only if stale", type, status)
                            .isEqualTo(SupplierEventOutcome.STALE);
                }
            }
        }
        // the defect: SHIPPED after an accepted cancellation was STALE and reached nobody
        assertThat(purchaseOrderIn(CANCELLED).ship(T0)).isEqualTo(SupplierEventOutcome.STALE);
        assertThat(StaleSupplierEvents.judge(SupplierEventType.SHIPPED, CANCELLED, false).toOperator()).isTrue();
    }

    @Test
    void anAnswerAboutLinesOfAPurchaseOrderWithoutSuchARequestIsOnlyRecorded() {
        assertThat(StaleSupplierEvents.judge(SupplierEventType.CANCELLATION_ACCEPTED, ACCEPTED, true))
                .isEqualTo(Verdict.RECORDED);
    }

    @Test
    void theOperatorsTaskNamesTheSupplierThePurchaseOrderAndTheParcel() {
        SupplierEvent shipped = new SupplierEvent("sp-late-14", SupplierEventType.SHIPPED, "DF-14-PO1", null, null,
                "DHL", "JD0001");
        String why = StaleSupplierEvents.why(Verdict.SHIPPED_AFTER_CANCELLATION, "SLOWPOKE", SupplierEventType.SHIPPED,
                new StaleSupplierEvents.PurchaseOrderState("DF-14-PO1", CANCELLED, null), shipped);

        assertThat(why).startsWith("SLOWPOKE shipped purchase order DF-14-PO1 as DHL JD0001 after it had cancelled it")
                .contains("refunded", "close this task").hasSizeLessThan(1000);
        assertThat(Verdict.SHIPPED_AFTER_CANCELLATION.title).isEqualTo("Supplier shipped a cancelled purchase order");
        for (Verdict verdict : Verdict.values()) {
            assertThat(StaleSupplierEvents.why(verdict, "SLOWPOKE", SupplierEventType.REJECTED,
                    new StaleSupplierEvents.PurchaseOrderState("DF-14-PO1", SHIPPED, null), shipped))
                    .contains("SLOWPOKE", "DF-14-PO1").hasSizeLessThan(1000);
        }
    }

    /** A purchase order whose cancellation stood without the supplier's answer: the task says so, not "cancelled it". */
    @Test
    void theOperatorsTaskSaysTheSupplierLeftTheCancellationUnanswered() {
        SupplierEvent shipped = new SupplierEvent("sp-late-15", SupplierEventType.SHIPPED, "DF-15-PO1", null, null,
                "DHL", "JD0002");
        String why = StaleSupplierEvents.why(Verdict.SHIPPED_AFTER_CANCELLATION, "SLOWPOKE", SupplierEventType.SHIPPED,
                new StaleSupplierEvents.PurchaseOrderState("DF-15-PO1", CANCELLED, Purchasing.NO_ANSWER), shipped);

        assertThat(why).startsWith("SLOWPOKE shipped purchase order DF-15-PO1 as DHL JD0002 after it had not answered"
                + " its cancellation in time: Dropflow does not follow this parcel").contains("close this task");
    }

    /**
     * Exploratory test s12 (orders, defect 4): an acceptance of a cancellation Dropflow had asked and the supplier
     * refused (where nobody awaits it any more) says so, never that Dropflow had not asked.
     */
    @Test
    void anAcceptanceAfterARefusalSaysDropflowHadAskedAndTookTheRefusal() {
        SupplierEvent accepted = new SupplierEvent("ca-16", SupplierEventType.CANCELLATION_ACCEPTED, "DF-16-R1", null,
                null, null, null);
        String why = StaleSupplierEvents.why(Verdict.CANCELLED_AFTER_REFUSAL, "ACME",
                SupplierEventType.CANCELLATION_ACCEPTED,
                new StaleSupplierEvents.PurchaseOrderState("DF-16-R1", ACCEPTED, "ALREADY_PACKED"), accepted);

        assertThat(why).startsWith("ACME accepted the cancellation of purchase order DF-16-R1 that it had refused"
                + " (Already packed): Dropflow had taken the refusal").doesNotContain("not asked").contains("close this task");
        StaleSupplierEvents handler = new StaleSupplierEvents(null, null, null, null);
        assertThat(handler.attentionTitle(delivery("not-applied/CANCELLATION_ACCEPTED/ACCEPTED/after-refusal")))
                .isEqualTo("Supplier cancelled a purchase order after refusing to");
        // Tasklist shows both in Chinese too, and the "unasked" one says what was so when it came
        String unasked = StaleSupplierEvents.why(Verdict.CANCELLED_UNASKED, "ACME", SupplierEventType.CANCELLATION_ACCEPTED,
                new StaleSupplierEvents.PurchaseOrderState("DF-17-PO1", ACCEPTED, null), accepted);
        assertThat(unasked).contains("the order still waited for it to ship", "if the order has ended meanwhile");
        io.dropflow.translation.OperatorTexts chinese = io.dropflow.translation.OperatorTexts.of("zh");
        assertThat(chinese.findMessage(why)).isPresent();
        assertThat(chinese.findMessage(unasked)).isPresent();
    }

    /** The task's title comes back from the recorded topic; an unknown topic keeps the partners' default. */
    @Test
    void theTitleIsReadFromTheRecordedTopic() {
        StaleSupplierEvents handler = new StaleSupplierEvents(null, null, null, null);
        assertThat(handler.attentionTitle(delivery("not-applied/SHIPPED/CANCELLED")))
                .isEqualTo("Supplier shipped a cancelled purchase order");
        assertThat(handler.attentionTitle(delivery("not-applied/CANCELLATION_ACCEPTED/ACCEPTED")))
                .isEqualTo("Supplier cancelled a purchase order unasked");
        assertThat(handler.attentionTitle(delivery("not-applied/ACCEPTED/SHIPPED"))).isEqualTo("Partner message not matched");
        assertThat(handler.attentionTitle(delivery("something/else"))).isEqualTo("Partner message not matched");
        assertThat(handler.handle(delivery("not-applied/SHIPPED/CANCELLED")).outcome())
                .as("trying it again brings the task back, it never applies").isEqualTo(DeliveryHandler.Outcome.UNUSABLE);
    }

    /** A contradiction that type and status alone do not tell: its verdict is in the topic's suffix. */
    @Test
    void aContradictionsTitleIsReadFromItsTopicsSuffix() {
        StaleSupplierEvents handler = new StaleSupplierEvents(null, null, null, null);
        assertThat(handler.attentionTitle(delivery("not-applied/ACCEPTED/ACCEPTED/missing-lines")))
                .isEqualTo("Supplier reported lines missing on an accepted purchase order");
        assertThat(handler.attentionTitle(delivery("not-applied/CANCELLATION_ACCEPTED/ACCEPTED/lines")))
                .isEqualTo("Supplier took lines off a purchase order unasked");
        assertThat(handler.attentionTitle(delivery("not-applied/ACCEPTED/ACCEPTED/unknown")))
                .isEqualTo("Partner message not matched");
    }

    /** What the operator reads: what was accepted, what the supplier says now, that nothing changed. */
    @Test
    void theOperatorsTaskSaysWhatWasAcceptedAndWhatIsReportedMissingNow() {
        SupplierEvent late = new SupplierEvent("sp-late-1", SupplierEventType.ACCEPTED, "DF-B4-PO1", null, null, null,
                null, List.of(new SupplierEvent.MissingLine("SP-KETTLE", 3)), null);
        String why = StaleSupplierEvents.why(Verdict.MISSING_AFTER_ACCEPTANCE, "SLOWPOKE", SupplierEventType.ACCEPTED,
                new StaleSupplierEvents.PurchaseOrderState("DF-B4-PO1", ACCEPTED, null, "KETTLE×1",
                        java.util.Map.of("SP-KETTLE", "KETTLE")), late);
        // Both in the purchase order's SKUs, the supplier's own beside it: the operator compares like with like
        assertThat(why).startsWith("SLOWPOKE accepted purchase order DF-B4-PO1 without KETTLE×1 and now reports"
                + " KETTLE (SP-KETTLE)×3 missing: Dropflow changed nothing").endsWith("close this task");
    }

    private static DeliveryHandler.Delivery delivery(String topic) {
        return new DeliveryHandler.Delivery(1L, "supplier", "SLOWPOKE", topic, "sp-late-14", "{}", 0);
    }

    /** A consumer order's purchase order brought into {@code status} the way the supplier's events do. */
    private static PurchaseOrder purchaseOrderIn(PurchaseOrderStatus status) {
        PurchaseOrder po = new PurchaseOrder(14L, new Supplier("SLOWPOKE", "Slowpoke", "DE", 50), "DF-14-PO1",
                List.of(new PurchaseOrderLine("DEMO-MUG", "ACME-MUG", 1, new BigDecimal("6.00"))),
                new BigDecimal("2.50"), "EUR", T0);
        switch (status) {
            case FORWARDING -> { }
            case FORWARDED -> po.markForwarded(null, 48, java.time.Duration.ofHours(48), T0);
            case ACCEPTED -> po.accept(T0);
            case DECLINED -> po.decline("OUT_OF_STOCK", T0);
            case SHIPPED -> po.ship(T0);
            case CANCELLATION_REQUESTED -> po.requestCancellation(T0);
            case CANCELLED -> {
                po.requestCancellation(T0);
                po.cancel(T0);
            }
        }
        assertThat(po.getStatus()).isEqualTo(status);
        return po;
    }
}
