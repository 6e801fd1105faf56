package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claim forms' facts: words not codes, amounts in the currency's decimals, which decisions can apply. */
class ClaimTaskFormTest {

    private final Claims claims = mock(Claims.class);
    private final TaskFormFacts facts = mock(TaskFormFacts.class);
    private final ClaimEvidenceFiles evidence = mock(ClaimEvidenceFiles.class);
    private final Scorecards scorecards = mock(Scorecards.class);
    private final ClaimTaskForm form = new ClaimTaskForm(claims, facts, evidence, scorecards, CLOCK);
    private final Claim claim = stored(ClaimTest.claimWishing(Remedy.REFUND), 7L);

    @BeforeEach
    void theClaimIsOnFile() {
        SellerTime time = SellerTime.in("Asia/Shanghai");
        when(claims.get(7L)).thenReturn(claim);
        when(facts.of(claim)).thenAnswer(call -> new FormFacts());
        when(facts.time(any())).thenAnswer(call -> time.format(call.getArgument(0)));
        when(facts.purchaseOrder(claim)).thenReturn(new PurchaseOrderView(2L, 1L, 3L, "ACME", "Acme Homeware", 90,
                "DF-1-PO1", PurchaseOrderStatus.SHIPPED, null, null, new BigDecimal("12.00"), BigDecimal.ZERO, "EUR",
                NOW, NOW, NOW, 24, NOW, null, 0, null, null, 0, List.of(), null, null, null));
        when(scorecards.recent(anyLong())).thenReturn(new SupplierScorecard("ACME", "Acme Homeware", NOW.minus(Duration.ofDays(30)),
                NOW, Duration.ofHours(48), 48, 10, 1.0, 1.0, 1.0, 0.0, 0.125, false, null, 90, true));
        when(evidence.listOf(7L)).thenReturn(List.of(
                new ClaimEvidenceFiles.Listed(11L, "broken.jpg", "image/jpeg", 2048L, "ab", null, Instant.EPOCH)));
    }

    @Test
    void theReviewShowsTheClaimInWordsWithItsEvidenceLinked() {
        FormFacts shown = form.taskCreated(7L, true, null, null);

        assertThat(shown.values().keySet()).containsExactlyInAnyOrderElementsOf(ClaimTaskForm.CLAIM);
        assertThat(shown.values()).containsEntry("claimType", "Damaged").containsEntry("consumerWish", "Refund")
                .containsEntry("consumerWishAmount", "15.00 EUR").containsEntry("wishesCompensation", false)
                .containsEntry("supplierClaimRate", "13 %")
                .containsEntry("filedAt", "2026-11-24 18:00 (Asia/Shanghai)")
                .containsEntry("description", "The mug arrived in pieces.");
        assertThat(shown.get("evidence")).isEqualTo(List.of(Map.of("name", "broken.jpg",
                "url", "/api/claims/7/evidence/11", "kind", "JPEG photo", "size", "(2.0 KB)",
                "details", "JPEG photo, 2.0 KB")));
    }

    /**
     * Exploratory test s16 (L5): a 134-byte photo read "image/jpeg, 1 KB", a MIME type a Chinese operator reads in
     * English and a size rounded up. The kind is in words (a fixed word each, which the Chinese bundle has), the
     * size honest: bytes under 1 KB, one decimal in KB and MB. A link the consumer gave has neither.
     */
    @Test
    void evidenceReadsAsItsKindInWordsAndItsHonestSize() {
        when(evidence.listOf(7L)).thenReturn(List.of(
                new ClaimEvidenceFiles.Listed(11L, "tiny.jpg", "image/jpeg", 134L, "ab", null, Instant.EPOCH),
                new ClaimEvidenceFiles.Listed(12L, "box.png", "image/png", 1536L, "ab", null, Instant.EPOCH),
                new ClaimEvidenceFiles.Listed(13L, "unboxing.mp4", "video/mp4", 5_347_738L, "ab", null, Instant.EPOCH),
                new ClaimEvidenceFiles.Listed(14L, "odd.heic", "image/heic", 1023L, "ab", null, Instant.EPOCH),
                new ClaimEvidenceFiles.Listed(15L, null, null, null, null, "https://example.com/p/1", Instant.EPOCH)));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) form.evidenceOf(7L).get("evidence");

        assertThat(rows).extracting(row -> row.get("kind"))
                .containsExactly("JPEG photo", "PNG image", "MP4 video", "Image", "Link");
        assertThat(rows).extracting(row -> row.get("size"))
                .containsExactly("(134 B)", "(1.5 KB)", "(5.1 MB)", "(1023 B)", "");
        assertThat(rows).extracting(row -> row.get("details"))
                .containsExactly("JPEG photo, 134 B", "PNG image, 1.5 KB", "MP4 video, 5.1 MB", "Image, 1023 B", "");
        io.dropflow.translation.OperatorTexts chinese = io.dropflow.translation.OperatorTexts.of("zh");
        assertThat(rows).extracting(row -> chinese.translate((String) row.get("kind")))
                .containsExactly("JPEG 照片", "PNG 图片", "MP4 视频", "图片", "链接");
    }

    /** Every kind a form can show has its Chinese entry (forms/i18n/operator-texts.zh.json). */
    @Test
    void everyKindOfEvidenceReadsInChinese() {
        io.dropflow.translation.OperatorTexts chinese = io.dropflow.translation.OperatorTexts.of("zh");

        assertThat(ClaimTaskForm.EVIDENCE_KINDS).hasSizeGreaterThan(5)
                .allSatisfy(kind -> assertThat(chinese.find(kind)).as(kind).isPresent());
    }

    @Test
    void withoutAnOfferAcceptingItIsNotOfferedAndWithoutRoundsLeftNeitherIsCountering() {
        claim.startRound(2, NOW);
        claim.recordSupplierAnswer(2, SupplierClaimAnswer.REJECTED, null, null, "no damage visible", NOW);

        FormFacts shown = form.taskCreated(7L, false, 2L, null);

        Set<String> all = new HashSet<>(ClaimTaskForm.CLAIM);
        all.addAll(ClaimTaskForm.NEGOTIATION);
        assertThat(shown.values().keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(shown.values()).containsEntry("supplierAnswer", "Rejected").containsEntry("supplierReason", "no damage visible")
                .containsEntry("canAcceptSupplierOffer", false).containsEntry("canCounter", false)
                .containsEntry("canEscalate", true).containsEntry("canGoToPlatform", false)
                .containsEntry("round", 2).containsEntry("rounds", 2L);
    }

    @Test
    void aCounterOfferCanBeAcceptedWhileRoundsAreLeft() {
        claim.startRound(1, NOW);
        claim.recordSupplierAnswer(1, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, new BigDecimal("5"), null, NOW);
        claim.escalate(NOW);

        FormFacts shown = form.taskCreated(7L, false, 2L, "the supplier did not answer in time");

        assertThat(shown.values()).containsEntry("supplierRemedy", "Compensation").containsEntry("supplierAmount", "5.00 EUR")
                .containsEntry("canAcceptSupplierOffer", true).containsEntry("canCounter", true)
                .containsEntry("canEscalate", false).containsEntry("whyEscalated", "the supplier did not answer in time");
    }
}
