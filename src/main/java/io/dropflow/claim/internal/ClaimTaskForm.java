package io.dropflow.claim.internal;

import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.claim.Remedy;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What an operator reads on a claim's review or negotiation task (its FormFacts): the case
 * ({@link TaskFormFacts#CASE}), the consumer's words and wish, the evidence, the supplier's claim
 * rate, and on the negotiation task the round so far and which decisions can apply.
 */
@Service
public class ClaimTaskForm {

    /** What both claim forms show besides the case. */
    public static final Set<String> CLAIM = Set.of("claimType", "filedAt", "description", "consumerWish",
            "consumerWishAmount", "wishesCompensation", "supplierClaimRate", "evidence", "respondBy", "resolveBy");
    /** What the negotiation form shows besides: the round, the answer, and which options apply. */
    public static final Set<String> NEGOTIATION = Set.of("round", "rounds", "proposedRemedy", "proposedAmount",
            "supplierAnswer", "supplierRemedy", "supplierAmount", "supplierReason", "whyEscalated",
            "canAcceptSupplierOffer", "canCounter", "canEscalate", "canGoToPlatform");

    private final Claims claims;
    private final TaskFormFacts facts;
    private final ClaimEvidenceFiles evidence;
    private final Scorecards scorecards;
    private final Clock clock;

    ClaimTaskForm(Claims claims, TaskFormFacts facts, ClaimEvidenceFiles evidence, Scorecards scorecards, Clock clock) {
        this.claims = claims;
        this.facts = facts;
        this.evidence = evidence;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /**
     * A review or negotiation task was created: the claim is under review or negotiated now.
     * @param rounds how many rounds the negotiation may take
     * @param escalationReason why supervisors have the claim, if they do
     */
    public FormFacts taskCreated(Long claimId, boolean review, Long rounds, String escalationReason) {
        Claim claim = claims.get(claimId);
        claim.moveTo(review ? ClaimStatus.UNDER_REVIEW : ClaimStatus.NEGOTIATING, clock.instant());
        FormFacts form = claim(claim);
        return review ? form : negotiation(form, claim, rounds, escalationReason);
    }

    /** The claim's evidence as its open tasks show it, once the consumer added some. */
    public FormFacts evidenceOf(Long claimId) {
        return new FormFacts().rows("evidence", evidenceRows(claimId));
    }

    /**
     * Each piece of evidence: its {@code name} linked ({@code url}), its {@code kind} in words, one a form shows as it
     * is and the Chinese bundle has ({@link #EVIDENCE_KINDS}), and its {@code size} in parentheses, in bytes below
     * 1 KB and to one decimal in KB and MB, which read the same in every language: "JPEG photo (134 B)". Exploratory
     * test s16 (L5): a 134-byte photo read "image/jpeg, 1 KB", the content type, which a Chinese operator read in
     * English too, and a size rounded up. {@code details}, both in English, is for a form deployed before 7 December
     * 2026, which shows it instead.
     */
    private List<Map<String, Object>> evidenceRows(Long claimId) {
        return evidence.listOf(claimId).stream()
                .map(item -> item.url() != null
                        ? FormFacts.row("name", item.url(), "url", item.url(), "kind", LINK, "size", "", "details", "")
                        : FormFacts.row("name", item.fileName(), "url", "/api/claims/" + claimId + "/evidence/" + item.id(),
                                "kind", kindOf(item.contentType()), "size", "(" + size(item.sizeBytes()) + ")",
                                "details", kindOf(item.contentType()) + ", " + size(item.sizeBytes())))
                .toList();
    }

    /** The kinds of evidence the consumer may send by default (dropflow.claims.evidence.content-types) in words. */
    private static final Map<String, String> KINDS = Map.of("image/jpeg", "JPEG photo", "image/png", "PNG image",
            "image/webp", "WebP image", "image/gif", "GIF image", "video/mp4", "MP4 video", "video/quicktime",
            "QuickTime video", "application/pdf", "PDF document");
    private static final String IMAGE = "Image";
    private static final String VIDEO = "Video";
    private static final String FILE = "File";
    private static final String LINK = "Link";

    /** Every kind the evidence can read as: each needs its entry in the Chinese bundle. */
    static final java.util.Set<String> EVIDENCE_KINDS = java.util.stream.Stream.concat(KINDS.values().stream(),
            java.util.stream.Stream.of(IMAGE, VIDEO, FILE, LINK)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A content type in words; another type that a seller allowed reads by its main type ("image/heic": "Image"). */
    static String kindOf(String contentType) {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(java.util.Locale.ROOT);
        int parameters = type.indexOf(';');
        type = parameters < 0 ? type : type.substring(0, parameters).strip();
        return KINDS.getOrDefault(type, type.startsWith("image/") ? IMAGE : type.startsWith("video/") ? VIDEO : FILE);
    }

    /** "134 B" below 1 KB (1024 bytes), else "1.5 KB" or "5.1 MB", to one decimal, half up. */
    static String size(Long bytes) {
        long count = bytes == null ? 0 : bytes;
        if (count < 1024) {
            return count + " B";
        }
        java.math.BigDecimal kilobytes = java.math.BigDecimal.valueOf(count)
                .divide(java.math.BigDecimal.valueOf(1024), 1, java.math.RoundingMode.HALF_UP);
        if (kilobytes.compareTo(java.math.BigDecimal.valueOf(1024)) < 0) {
            return kilobytes.toPlainString() + " KB";
        }
        return java.math.BigDecimal.valueOf(count).divide(java.math.BigDecimal.valueOf(1024L * 1024), 1,
                java.math.RoundingMode.HALF_UP).toPlainString() + " MB";
    }

    private FormFacts claim(Claim claim) {
        SupplierScorecard card = scorecards.recent(facts.purchaseOrder(claim).supplierId());
        List<Map<String, Object>> files = evidenceRows(claim.getId());
        return facts.of(claim)
                .put("claimType", OperatorWords.of(claim.getClaimType()))
                .put("filedAt", facts.time(claim.getCreatedAt()))
                .put("description", claim.getDescription())
                .put("consumerWish", OperatorWords.of(claim.getConsumerWish()))
                .put("consumerWishAmount", claim.getConsumerWish() == Remedy.RESHIP ? null
                        : TaskFormFacts.money(claim.getClaimedValue(), claim))
                // the review asks what compensation to ask the supplier for (remedyAmount)
                .put("wishesCompensation", claim.getConsumerWish() == Remedy.COMPENSATION)
                .put("supplierClaimRate", OperatorWords.percent(card.claimRate()))
                .rows("evidence", files)
                .put("respondBy", facts.time(claim.getRespondBy()))
                .put("resolveBy", facts.time(claim.getResolveBy()));
    }

    private static FormFacts negotiation(FormFacts form, Claim claim, Long rounds, String escalationReason) {
        return form
                .put("round", claim.getRoundNo())
                .put("rounds", rounds)
                .put("proposedRemedy", OperatorWords.of(claim.getProposedRemedy()))
                .put("proposedAmount", TaskFormFacts.money(claim.getProposedAmount(), claim))
                .put("supplierAnswer", claim.getSupplierAnswer() == null ? OperatorWords.NO_ANSWER : OperatorWords.of(claim.getSupplierAnswer()))
                .put("supplierRemedy", OperatorWords.of(claim.getSupplierRemedy()))
                .put("supplierAmount", TaskFormFacts.money(claim.getSupplierAmount(), claim))
                .put("supplierReason", claim.getSupplierReason())
                .put("whyEscalated", claim.isEscalated() ? escalationReason : null)
                .put("canAcceptSupplierOffer", claim.getSupplierRemedy() != null)
                .put("canCounter", rounds == null || claim.getRoundNo() < rounds)
                .put("canEscalate", !claim.isEscalated())
                .put("canGoToPlatform", claim.isSoldOnAMarketplace());
    }
}
