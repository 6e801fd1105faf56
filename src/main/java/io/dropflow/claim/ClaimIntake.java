package io.dropflow.claim;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.claim.process.DefectClaim;
import io.dropflow.order.OrderSummary;

import io.dropflow.order.OrderTimeline;
import io.dropflow.order.OrderLookup;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import io.dropflow.web.NotFound;
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
    private final Tracking tracking;
    private final Purchasing purchasing;
    private final Claims claims;
    private final ClaimEvidenceFiles evidence;
    private final ClaimHistory history;
    private final OrderTimeline timeline;
    private final DefectClaim process;
    private final ClaimSettings settings;
    private final Clock clock = Clock.systemUTC();

    ClaimIntake(OrderLookup orders, Tracking tracking, Purchasing purchasing, Claims claims, ClaimEvidenceFiles evidence,
            ClaimHistory history, OrderTimeline timeline, DefectClaim process, ClaimSettings settings) {
        this.orders = orders;
        this.tracking = tracking;
        this.purchasing = purchasing;
        this.claims = claims;
        this.evidence = evidence;
        this.history = history;
        this.timeline = timeline;
        this.process = process;
        this.settings = settings;
    }

    @Transactional
    public Claim file(Long orderId, FileClaim request, List<EvidenceUpload> files) {
        OrderSummary order = orders.order(orderId);
        checkClaimable(order);
        List<ClaimLine> lines = claimedLines(order, request);
        Set<Integer> lineNos = new HashSet<>(lines.stream().map(ClaimLine::getLineNo).toList());
        for (Claim open : claims.findByOrderIdOrderById(orderId)) {
            if (open.getStatus().isOpen() && lineNos.stream().anyMatch(open::covers)) {
                throw new ClaimRefusedException("claim " + open.number() + " about the same order lines is still open ("
                        + open.getStatus() + "); add evidence to it instead");
            }
        }
        PurchaseOrderView shipped = shippedPurchaseOrder(order);
        EvidenceCheck.check(files, request.urls().size(), 0, settings);

        Claim claim = claims.saveAndFlush(new Claim(order.id(), shipped.id(), shipped.supplierId(),
                request.type(), request.description(), request.wish() == null ? Remedy.REFUND : request.wish(),
                order.channel(), order.currency(), lines));
        store(claim.getId(), files, request.urls());
        history.record(claim.getId(), "CONSUMER", "Filed a " + request.type() + " claim about "
                + lines.size() + " line(s) with " + (files.size() + request.urls().size()) + " piece(s) of evidence: "
                + request.description());
        timeline.record(orderId, "Consumer filed defect claim " + claim.number() + " (" + request.type() + ")");
        claim.attachProcess(process.start(claim));
        return claim;
    }

    /**
     * More evidence from the consumer. A claim waiting for evidence goes back to the operator; at any
     * other open stage the evidence is simply added to what the operator sees.
     */
    @Transactional
    public Claim addEvidence(Long claimId, List<EvidenceUpload> files, List<String> urls) {
        Claim claim = claims.lockById(claimId).orElseThrow(() -> NotFound.of("claim", claimId));
        if (!claim.getStatus().isOpen()) {
            throw new ClaimRefusedException("claim " + claim.number() + " is " + claim.getStatus()
                    + "; evidence can only be added to an open claim");
        }
        if (files.isEmpty() && urls.isEmpty()) {
            throw new EvidenceRejectedException(EvidenceRejectedException.Reason.TOO_MANY,
                    "no evidence sent: add files (multipart part 'evidence') or links");
        }
        EvidenceCheck.check(files, urls.size(), evidence.countByClaimId(claimId), settings);
        List<Long> stored = store(claimId, files, urls);
        history.record(claimId, "CONSUMER", "Added " + stored.size() + " piece(s) of evidence");
        process.evidenceAdded(claim, stored.get(0));
        return claim;
    }

    /** Delivered within the claim window, or shipped so long ago that delivery is overdue. */
    private void checkClaimable(OrderSummary order) {
        Instant now = clock.instant();
        List<ShipmentView> shipments = tracking.shipmentsOf(order.id()).stream().filter(s -> s.returnId() == null).toList();
        Optional<Instant> delivered = shipments.stream().filter(s -> s.status() == TrackingStatus.DELIVERED)
                .map(s -> s.lastEventAt() == null ? s.createdAt() : s.lastEventAt()).max(Instant::compareTo);
        if (delivered.isPresent()) {
            Instant closes = delivered.get().plus(settings.window());
            if (now.isAfter(closes)) {
                throw new ClaimRefusedException("the claim window of order " + order.id() + " closed at " + closes
                        + " (" + settings.window() + " after delivery)");
            }
            return;
        }
        Optional<Instant> shippedAt = shipments.stream().map(ShipmentView::createdAt).min(Instant::compareTo);
        if (shippedAt.isEmpty()) {
            throw new ClaimRefusedException("order " + order.id() + " has not been shipped (" + order.status()
                    + "): a claim can be filed once it is delivered");
        }
        Instant overdueAt = shippedAt.get().plus(settings.deliveryOverdueAfter());
        if (now.isBefore(overdueAt)) {
            throw new ClaimRefusedException("order " + order.id() + " is not delivered yet: a claim can be filed once "
                    + "it is delivered, or from " + overdueAt + " when its delivery is overdue");
        }
        if (now.isAfter(overdueAt.plus(settings.window()))) {
            throw new ClaimRefusedException("the claim window of order " + order.id() + " closed at "
                    + overdueAt.plus(settings.window()));
        }
    }

    private static List<ClaimLine> claimedLines(OrderSummary order, FileClaim request) {
        List<ClaimLine> lines = new ArrayList<>();
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
            lines.add(new ClaimLine(line.lineNo(), line.sku(), wanted.quantity(),
                    line.salePrice().multiply(BigDecimal.valueOf(wanted.quantity()))));
        }
        return lines;
    }

    /** The purchase order whose parcel reached the consumer: the supplier a claim is against. */
    private PurchaseOrderView shippedPurchaseOrder(OrderSummary order) {
        return purchasing.purchaseOrdersOf(order.id()).stream()
                .filter(p -> p.shippedAt() != null && p.isOriginal())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new ClaimRefusedException("order " + order.id()
                        + " has no shipped purchase order to claim against"));
    }

    private List<Long> store(Long claimId, List<EvidenceUpload> files, List<String> urls) {
        List<Long> ids = new ArrayList<>();
        for (EvidenceUpload file : files) {
            ids.add(evidence.save(ClaimEvidence.file(claimId, file.fileName(), file.contentType().toLowerCase(java.util.Locale.ROOT),
                    file.content(), EvidenceCheck.sha256(file.content()))).getId());
        }
        for (String url : urls) {
            ids.add(evidence.save(ClaimEvidence.link(claimId, url)).getId());
        }
        return ids;
    }
}
