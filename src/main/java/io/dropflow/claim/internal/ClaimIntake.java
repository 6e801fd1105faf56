package io.dropflow.claim.internal;

import io.dropflow.processengine.OperatorWords;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.aftersales.OrderDeliveries;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.PiecesHeld;
import io.dropflow.claim.EvidenceUpload;
import io.dropflow.claim.Remedy;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.web.InvalidRequest;
import io.dropflow.web.UploadRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes defect claims and their evidence in. Everything is checked before anything is written: a
 * refused claim leaves no trace, an accepted one is stored with its evidence and its process in
 * one transaction.
 */
@Service
public class ClaimIntake {

    private final OrderLookup orders;
    private final OrderDeliveries deliveries;
    private final Claims claims;
    private final PiecesHeld piecesHeld;
    private final ClaimEvidenceFiles evidence;
    private final CaseHistory history;
    private final OrderTimeline timeline;
    private final ClaimProcess process;
    private final ClaimSettings settings;
    private final AfterSalesWindows windows;
    private final Clock clock;

    ClaimIntake(OrderLookup orders, OrderDeliveries deliveries, Claims claims, PiecesHeld piecesHeld,
            ClaimEvidenceFiles evidence,
            CaseHistory history, OrderTimeline timeline, ClaimProcess process, ClaimSettings settings,
            AfterSalesWindows windows, Clock clock) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.claims = claims;
        this.piecesHeld = piecesHeld;
        this.evidence = evidence;
        this.history = history;
        this.timeline = timeline;
        this.process = process;
        this.settings = settings;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Files the claim with its evidence.
     * @throws InvalidRequest 400 naming {@code evidenceUrls} for a claim of a type that needs evidence
     *         ({@link io.dropflow.claim.ClaimType#needsEvidence}) sent without any, links or files
     */
    @Transactional
    public Claim file(Long orderId, FileClaim request, List<EvidenceUpload> files) {
        if (request.type().needsEvidence() && request.urls().isEmpty() && files.isEmpty()) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldError("evidenceUrls", "must name at least one photo"
                    + " or video for a " + request.type() + " claim (or send the files in parts 'evidence'): the supplier"
                    + " is shown what the consumer received")));
        }
        // Claims and returns about the order take turns until this one is stored: two sent at once would both
        // find the pieces free, and the consumer would be paid back for them twice (ReturnIntake locks it too)
        OrderSummary order = orders.locked(orderId);
        checkClaimable(order);
        List<CaseLine> lines = claimedLines(order, request);
        Set<Integer> lineNos = new HashSet<>(lines.stream().map(CaseLine::getLineNo).toList());
        for (Claim open : claims.findByOrderIdOrderById(orderId)) {
            if (open.isOpen() && lineNos.stream().anyMatch(open::covers)) {
                throw new ClaimRefusedException("claim " + open.number() + " about the same order lines is still open ("
                        + open.getStatus() + "); add evidence to it instead");
            }
        }
        // A return of these pieces (under way or done), or a claim that paid them back, holds them
        piecesHeld.tooFewLeft(order, CaseKind.CLAIM, lines).ifPresent(why -> {
            throw new ClaimRefusedException(why);
        });
        PurchaseOrderView shipped = deliveries.shippedPurchaseOrder(orderId).orElseThrow(() -> new ClaimRefusedException(
                "order " + orderId + " has no shipped purchase order to claim against"));
        EvidenceCheck.check(files, request.urls().size(), 0, settings);

        Claim claim = claims.saveAndFlush(new Claim(order.id(), shipped.id(), shipped.supplierId(),
                request.type(), request.description(), request.wish() == null ? Remedy.REFUND : request.wish(),
                order.channel(), order.currency(), lines, clock.instant()));
        store(claim.getId(), files, request.urls());
        history.record(claim, Party.CONSUMER, "Filed a " + OperatorWords.of(request.type()) + " claim about "
                + lines.size() + " line(s) with " + (files.size() + request.urls().size()) + " piece(s) of evidence: "
                + request.description());
        timeline.record(orderId, "Consumer filed defect claim " + claim.number() + " (" + OperatorWords.of(request.type()) + ")");
        claim.attachProcess(process.start(claim));
        return claim;
    }

    /**
     * More evidence from the consumer. A claim waiting for evidence goes back to the operator; at any
     * other open stage the evidence is simply added to what the operator sees.
     *
     * <p>A file the claim holds already (the same name and content) or a link it holds already is not stored
     * again: a storefront that retries an upload whose answer it lost gets the answer of the first, and the
     * retries never fill the claim's limit. An upload of nothing new changes nothing (no history line, the
     * process is not told again), even once the claim is closed.
     */
    @Transactional
    public Claim addEvidence(Long claimId, List<EvidenceUpload> files, List<String> urls) {
        Claim claim = claims.locked(claimId);
        if (files.isEmpty() && urls.isEmpty()) {
            throw new EvidenceRejectedException(UploadRejected.Reason.TOO_MANY,
                    "no evidence sent: add files (multipart part 'evidence') or links");
        }
        // Read under the claim's lock: two identical uploads at once take turns, the second finds the first's
        List<ClaimEvidenceFiles.Listed> held = evidence.listOf(claimId);
        Set<String> heldFiles = new HashSet<>();
        Set<String> heldLinks = new HashSet<>();
        held.forEach(e -> {
            if (e.url() == null) {
                heldFiles.add(fileKey(e.fileName(), e.sha256()));
            } else {
                heldLinks.add(e.url());
            }
        });
        List<EvidenceUpload> newFiles = files.stream()
                .filter(f -> heldFiles.add(fileKey(f.fileName(), EvidenceCheck.sha256(f.content())))).toList();
        List<String> newUrls = urls.stream().filter(heldLinks::add).toList();
        if (newFiles.isEmpty() && newUrls.isEmpty()) {
            return claim; // sent before: taken then
        }
        if (!claim.isOpen()) {
            throw new ClaimRefusedException("claim " + claim.number() + " is " + claim.getStatus()
                    + "; evidence can only be added to an open claim");
        }
        EvidenceCheck.check(newFiles, newUrls.size(), held.size(), settings);
        List<Long> stored = store(claimId, newFiles, newUrls);
        history.record(claim, Party.CONSUMER, "Added " + stored.size() + " piece(s) of evidence");
        process.evidenceAdded(claim, stored.get(0));
        return claim;
    }

    /**
     * Delivered within the claim window (after-sales-windows.dmn), or shipped so long ago that delivery is overdue.
     * A group-buy order is neither: its goods come with the batch's purchase orders to the pickup point, which a
     * claim (against the order's own purchase order, its remedy shipped to the consumer) does not know.
     */
    private void checkClaimable(OrderSummary order) {
        if (order.isGroupBuy()) {
            throw new ClaimRefusedException("order " + order.id() + " is a group-buy order, collected at pickup point "
                    + order.pickupPoint() + ": claims are taken only for orders shipped to the consumer");
        }
        Instant now = clock.instant();
        AfterSalesWindows.Windows w = windows.of(order.id()); // after-sales-windows.dmn
        Duration window = w.claimWindow();
        if (order.status().isClosed() && order.status() != OrderStatus.SETTLED) {
            // Refunded in full (a lost parcel given up, even one delivered after all), cancelled or rejected:
            // a claim would pay the consumer again, or for goods never paid for
            throw new ClaimRefusedException("order " + order.id() + " is " + order.status()
                    + ": the consumer was refunded in full or never charged; there is nothing to claim");
        }
        // Its full refund is planned (the storefront may not have answered yet): read under the order's lock, held
        // since intake began, so that no plan is made while this claim is taken in
        orders.fullRefundPlanned(order.id()).ifPresent(closesAs -> {
            throw new ClaimRefusedException("order " + order.id() + " is being refunded in full (it closes "
                    + closesAs + "): the consumer gets the whole sale back; there is nothing to claim");
        });
        Optional<Instant> delivered = deliveries.deliveredAt(order.id());
        if (delivered.isPresent()) {
            Instant closes = delivered.get().plus(window);
            if (now.isAfter(closes)) {
                throw new ClaimRefusedException("the claim window of order " + order.id() + " closed at " + closes
                        + " (" + AfterSalesWindows.inWords(window) + " after delivery)");
            }
            return;
        }
        Instant overdueAt = deliveries.firstShippedAt(order.id()).orElseThrow(() -> new ClaimRefusedException("order "
                + order.id() + " has not been shipped (" + order.status() + "): a claim can be filed once it is delivered"))
                .plus(w.deliveryOverdueAfter());
        if (now.isBefore(overdueAt)) {
            throw new ClaimRefusedException("order " + order.id() + " is not delivered yet: a claim can be filed once "
                    + "it is delivered, or from " + overdueAt + " when its delivery is overdue");
        }
        if (now.isAfter(overdueAt.plus(window))) {
            throw new ClaimRefusedException("the claim window of order " + order.id() + " closed at "
                    + overdueAt.plus(window));
        }
    }

    private static List<CaseLine> claimedLines(OrderSummary order, FileClaim request) {
        List<CaseLine> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (FileClaim.Line wanted : request.lines()) {
            if (!seen.add(wanted.lineNo())) {
                throw new InvalidClaimException("line " + wanted.lineNo() + " is listed twice");
            }
            OrderSummary.Line line = order.lines().stream().filter(l -> l.lineNo() == wanted.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidClaimException("order " + order.id() + " has no line "
                            + wanted.lineNo() + " (it has " + order.lines().size() + ")"));
            if (wanted.quantity() > line.quantity()) {
                throw new InvalidClaimException("line " + wanted.lineNo() + " has " + line.quantity()
                        + " piece(s); the claim names " + wanted.quantity());
            }
            lines.add(CaseLine.of(line, wanted.quantity()));
        }
        return lines;
    }

    /** A file as a claim holds it once: its name (as uploaded) and its content's SHA-256. */
    private static String fileKey(String fileName, String sha256) {
        return (fileName == null ? "" : fileName) + "\u0000" + sha256;
    }

    private List<Long> store(Long claimId, List<EvidenceUpload> files, List<String> urls) {
        List<Long> ids = new ArrayList<>();
        for (EvidenceUpload file : files) {
            ids.add(evidence.save(ClaimEvidence.file(claimId, file.fileName(), file.contentType().toLowerCase(Locale.ROOT),
                    file.content(), EvidenceCheck.sha256(file.content()), clock.instant())).getId());
        }
        for (String url : urls) {
            ids.add(evidence.save(ClaimEvidence.link(claimId, url, clock.instant())).getId());
        }
        return ids;
    }
}
