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
                NOW, NOW, NOW, 24, NOW, null, 0, null, null, 0, List.of(), null));
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
                "url", "/api/claims/7/evidence/11", "details", "image/jpeg, 2 KB")));
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
