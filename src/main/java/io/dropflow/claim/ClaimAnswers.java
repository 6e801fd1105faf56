package io.dropflow.claim;

import io.dropflow.claim.process.DefectClaim;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.SupplierView;
import io.dropflow.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in suppliers' answers to claim rounds: recorded on the claim, then handed to its process. */
@Service
public class ClaimAnswers {

    private static final Logger log = LoggerFactory.getLogger(ClaimAnswers.class);

    /** What an answer did. */
    public enum Result { APPLIED, ALREADY_ANSWERED, NOT_THE_CURRENT_ROUND, ALREADY_DECIDED }

    private final Claims claims;
    private final Catalog catalog;
    private final ClaimHistory history;
    private final DefectClaim process;

    ClaimAnswers(Claims claims, Catalog catalog, ClaimHistory history, DefectClaim process) {
        this.claims = claims;
        this.catalog = catalog;
        this.history = history;
        this.process = process;
    }

    @Transactional
    public Result receive(String supplierCode, ClaimAnswerEvent event) {
        SupplierView supplier = catalog.supplier(supplierCode);
        Claim claim = claims.lockById(event.claimId())
                .filter(c -> c.getSupplierId().equals(supplier.id()))
                .orElseThrow(() -> NotFound.of("claim", event.claimNumber(), "supplier " + supplierCode + " has no claim "
                        + event.claimNumber()));
        if (event.amount() != null && event.amount().compareTo(claim.getClaimedValue()) > 0) {
            throw new InvalidClaimException("the amount " + event.amount() + " is more than the claimed value "
                    + Money.inMinorUnits(claim.getClaimedValue(), claim.getCurrency()));
        }
        if (!claim.recordSupplierAnswer(event.round(), event.answer(), event.remedy(),
                event.amount() == null ? null : Money.inMinorUnits(event.amount(), claim.getCurrency()), event.reason())) {
            Result result = event.round() == claim.getRoundNo() ? Result.ALREADY_ANSWERED : Result.NOT_THE_CURRENT_ROUND;
            log.info("Supplier {} answer {} to {} round {} changed nothing ({}; current round {})", supplierCode,
                    event.eventId(), event.claimNumber(), event.round(), result, claim.getRoundNo());
            return result;
        }
        history.record(claim.getId(), "SUPPLIER", "Round " + event.round() + ": " + event.answer()
                + (claim.getSupplierRemedy() == null ? "" : ", offering " + claim.getSupplierRemedy()
                        + (claim.getSupplierAmount() == null ? "" : " "
                                + Money.inMinorUnits(claim.getSupplierAmount(), claim.getCurrency()).toPlainString()))
                + (event.reason() == null ? "" : " (" + event.reason() + ")"));
        process.supplierAnswered(claim, "supplier-claim:" + supplierCode, event.eventId(), event.answer());
        return Result.APPLIED;
    }

    /** The marketplace decided a claim the seller escalated to it. */
    @Transactional
    public Result platformDecided(PlatformDecision decision) {
        Claim claim = claims.lockById(decision.claimId())
                .orElseThrow(() -> NotFound.of("claim", decision.claimNumber()));
        if (claim.getPlatformVerdict() != null) {
            return Result.ALREADY_DECIDED;
        }
        if (claim.getStatus() != ClaimStatus.WITH_PLATFORM) {
            throw new ClaimRefusedException("claim " + claim.number() + " is " + claim.getStatus()
                    + ", not with the platform");
        }
        if (decision.amount() != null && decision.amount().compareTo(claim.getClaimedValue()) > 0) {
            throw new InvalidClaimException("the amount " + decision.amount() + " is more than the claimed value "
                    + Money.inMinorUnits(claim.getClaimedValue(), claim.getCurrency()));
        }
        claim.recordPlatformVerdict(decision.verdict().name());
        history.record(claim.getId(), "PLATFORM", decision.verdict()
                + (decision.remedy() == null ? "" : ": " + decision.remedy()
                        + (decision.amount() == null ? "" : " " + decision.amount().toPlainString()))
                + (decision.reason() == null ? "" : " (" + decision.reason() + ")"));
        process.platformDecided(claim, decision.eventId(), decision.verdict().name(),
                decision.remedy() == null ? null : decision.remedy().name(),
                decision.amount() == null ? null : decision.amount().toPlainString(),
                decision.reason() == null ? "the marketplace rejected the claim" : decision.reason());
        return Result.APPLIED;
    }
}
