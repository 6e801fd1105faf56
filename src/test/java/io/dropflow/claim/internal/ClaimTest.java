package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.twoMugs;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.claim.ClaimType;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimTest {

    static Claim claimWishing(Remedy wish) {
        return new Claim(1L, 2L, 3L, ClaimType.DAMAGED, "The mug arrived in pieces.", wish, "WEBSHOP", "EUR", twoMugs(), NOW);
    }

    private final Claim claim = claimWishing(Remedy.REFUND);

    @Test
    void theFirstRoundAsksTheSupplierForWhatTheConsumerWishes() {
        assertThat(claim.getClaimedValue()).isEqualByComparingTo("15.00");
        assertThat(claim.getProposedRemedy()).isEqualTo(Remedy.REFUND);
        assertThat(claim.getProposedAmount()).isEqualByComparingTo("15.00");
        assertThat(claimWishing(Remedy.RESHIP).getProposedAmount()).as("a reship has no amount").isNull();
        assertThat(claimWishing(Remedy.COMPENSATION).getProposedAmount())
                .as("a compensation's amount the operator's review sets, part of the claimed value").isNull();
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.UNDER_REVIEW);
    }

    @Test
    void anAnswerToAnEarlierRoundChangesNothing() {
        claim.startRound(1, NOW);
        claim.startRound(2, NOW);

        assertThat(claim.recordSupplierAnswer(1, SupplierClaimAnswer.ACCEPTED, null, null, null, NOW)).isFalse();

        assertThat(claim.getSupplierAnswer()).isNull();
        assertThat(claim.getRoundNo()).isEqualTo(2);
    }

    @Test
    void aSecondAnswerToTheSameRoundChangesNothing() {
        claim.startRound(1, NOW);
        claim.recordSupplierAnswer(1, SupplierClaimAnswer.REJECTED, null, null, "no damage visible", NOW);

        assertThat(claim.recordSupplierAnswer(1, SupplierClaimAnswer.ACCEPTED, null, null, null, NOW)).isFalse();
        assertThat(claim.getSupplierAnswer()).isEqualTo(SupplierClaimAnswer.REJECTED);
        assertThat(claim.getSupplierReason()).isEqualTo("no damage visible");
    }

    /** Accepting the "offer" of a rejection would charge the claim to a supplier that refused it. */
    @Test
    void aRejectionOffersNoRemedyEvenWhenItNamesOne() {
        claim.startRound(1, NOW);

        claim.recordSupplierAnswer(1, SupplierClaimAnswer.REJECTED, Remedy.COMPENSATION, eur("5.00"), "not our fault", NOW);

        assertThat(claim.getSupplierAnswer()).isEqualTo(SupplierClaimAnswer.REJECTED);
        assertThat(claim.getSupplierRemedy()).isNull();
        assertThat(claim.getSupplierAmount()).isNull();
        assertThat(claim.getSupplierReason()).isEqualTo("not our fault");
    }

    @Test
    void anAcceptanceThatNamesNoRemedyAcceptsWhatWeAskedFor() {
        claim.propose(Remedy.COMPENSATION, eur("5.00"), NOW);
        claim.startRound(1, NOW);

        claim.recordSupplierAnswer(1, SupplierClaimAnswer.ACCEPTED, null, null, null, NOW);

        assertThat(claim.offeredRemedy()).isEqualTo(Remedy.COMPENSATION);
        assertThat(claim.offeredAmount()).isEqualByComparingTo("5.00");
    }

    @Test
    void aRefundOfferedIsAlwaysTheClaimedValue() {
        claim.startRound(1, NOW);

        claim.recordSupplierAnswer(1, SupplierClaimAnswer.COUNTER_OFFER, Remedy.REFUND, eur("1.00"), null, NOW);

        assertThat(claim.getSupplierAmount()).isEqualByComparingTo("15.00");
    }

    @Test
    void aNewRoundGoesToTheSupplierAndForgetsTheLastAnswer() {
        claim.startRound(1, NOW);
        claim.recordSupplierAnswer(1, SupplierClaimAnswer.COUNTER_OFFER, Remedy.COMPENSATION, eur("4.00"), "half", NOW);

        claim.startRound(2, NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.WITH_SUPPLIER);
        assertThat(claim.getSupplierAnswer()).isNull();
        assertThat(claim.getSupplierRemedy()).isNull();
        assertThat(claim.offeredRemedy()).as("what we asked for, again").isEqualTo(Remedy.REFUND);
    }

    @Test
    void anAgreedRefundPaysTheClaimedValueAndAReshipPaysNothing() {
        claim.agree(Remedy.REFUND, eur("3.00"), CostBearer.SUPPLIER, "supplier accepted", NOW);
        assertThat(claim.getRemedyAmount()).isEqualByComparingTo("15.00");
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.REMEDY_UNDER_WAY);

        Claim reship = claimWishing(Remedy.RESHIP);
        reship.agree(Remedy.RESHIP, eur("3.00"), CostBearer.SELLER, "seller pays", NOW);
        assertThat(reship.getRemedyAmount()).isNull();
    }

    /**
     * What the claim's booking will charge the supplier, as its own record says before that booking runs: the
     * refund or compensation of a claim the supplier bears; nothing for one the seller bears, nor for a reship
     * (the supplier ships the replacement, no money), nor before a remedy is agreed.
     */
    @Test
    void theSupplierPaysForTheGoodsOfAClaimItBearsThatPaysTheConsumerMoney() {
        assertThat(claim.supplierPaysForItsGoods()).as("no remedy agreed yet").isFalse();
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        assertThat(claim.supplierPaysForItsGoods()).isTrue();

        Claim compensated = claimWishing(Remedy.COMPENSATION);
        compensated.agree(Remedy.COMPENSATION, eur("4.00"), CostBearer.SUPPLIER, "supplier offered", NOW);
        assertThat(compensated.supplierPaysForItsGoods()).isTrue();

        Claim sellers = claimWishing(Remedy.REFUND);
        sellers.agree(Remedy.REFUND, null, CostBearer.SELLER, "seller pays", NOW);
        assertThat(sellers.supplierPaysForItsGoods()).isFalse();

        Claim reship = claimWishing(Remedy.RESHIP);
        reship.agree(Remedy.RESHIP, null, CostBearer.SUPPLIER, "supplier reships", NOW);
        assertThat(reship.supplierPaysForItsGoods()).isFalse();
    }

    @Test
    void aClosedClaimStaysClosed() {
        Instant later = NOW.plusSeconds(60);
        claim.closeBecause(ClaimStatus.REJECTED, "The photos show the mug intact.", NOW);

        claim.moveTo(ClaimStatus.NEGOTIATING, later);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(claim.isOpen()).isFalse();
        assertThat(claim.getClosedAt()).isEqualTo(NOW);
        assertThat(claim.getOutcomeReason()).isEqualTo("The photos show the mug intact.");
    }

    @Test
    void thePlatformDecidesOnce() {
        assertThat(claim.recordPlatformVerdict("SELLER_REFUNDS", Remedy.REFUND, null, NOW)).isTrue();
        assertThat(claim.recordPlatformVerdict("CLAIM_REJECTED", null, null, NOW)).isFalse();
        assertThat(claim.getPlatformVerdict()).isEqualTo("SELLER_REFUNDS");
    }

    /**
     * A second verdict with another remedy or amount is not the same verdict sent again, even before the
     * claim's remedy is agreed (before, only the verdict's name was kept until then, so it counted as the same).
     */
    @Test
    void aVerdictIsTheSameOnlyWithTheSameRemedyAndAmount() {
        claim.recordPlatformVerdict("SELLER_REFUNDS", Remedy.COMPENSATION, new BigDecimal("6.00"), NOW);

        assertThat(claim.decidedByPlatformAs("SELLER_REFUNDS", Remedy.COMPENSATION, new BigDecimal("6.0"))).isTrue();
        assertThat(claim.decidedByPlatformAs("SELLER_REFUNDS", Remedy.COMPENSATION, new BigDecimal("9.00"))).isFalse();
        assertThat(claim.decidedByPlatformAs("SELLER_REFUNDS", Remedy.REFUND, null)).isFalse();
        assertThat(claim.decidedByPlatformAs("CLAIM_REJECTED", null, null)).isFalse();
    }

    /** A rejection sent again under a new id, with a remedy the marketplace put in anyway, is the same rejection. */
    @Test
    void aRejectionSentAgainWithARemedyIsTheSameRejection() {
        claim.recordPlatformVerdict("CLAIM_REJECTED", null, null, NOW);

        assertThat(claim.decidedByPlatformAs("CLAIM_REJECTED", Remedy.REFUND, new BigDecimal("6.00"))).isTrue();
        assertThat(claim.decidedByPlatformAs("SELLER_REFUNDS", Remedy.REFUND, null)).isFalse();
    }

    @Test
    void evidenceRequestsAreCounted() {
        assertThat(claim.countEvidenceRequest(NOW)).isEqualTo(1);
        assertThat(claim.countEvidenceRequest(NOW)).isEqualTo(2);
    }
}
