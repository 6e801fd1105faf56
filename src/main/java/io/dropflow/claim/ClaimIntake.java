package io.dropflow.claim;

import io.dropflow.carrier.Shipment;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.claim.process.DefectClaim;
import io.dropflow.order.Order;
import io.dropflow.order.OrderLine;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.Orders;
import io.dropflow.supplier.PurchaseOrder;
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

    private final Orders orders;
    private final Tracking tracking;
    private final Purchasing purchasing;
    private final Claims claims;
    private final ClaimEvidenceFiles evidence;
    private final ClaimHistory history;
    private final OrderTimeline timeline;
    private final DefectClaim process;
    private final ClaimSettings settings;
    private final Clock clock = Clock.systemUTC();

    ClaimIntake(Orders orders, Tracking tracking, Purchasing purchasing, Claims claims, ClaimEvidenceFiles evidence,
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
        Order order = orders.findById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
        checkClaimable(order);
        List<ClaimLine> lines = claimedLines(order, request);
        Set<Integer> lineNos = new HashSet<>(lines.stream().map(ClaimLine::getLineNo).toList());
        for (Claim open : claims.findByOrderIdOrderById(orderId)) {
            if (open.getStatus().isOpen() && lineNos.stream().anyMatch(open::covers)) {
                throw new ClaimRefusedException("claim " + open.number() + " about the same order lines is still open ("
                        + open.getStatus() + "); add evidence to it instead");
            }
        }
        PurchaseOrder shipped = shippedPurchaseOrder(order);
        EvidenceCheck.check(files, request.urls().size(), 0, settings);

        Claim claim = claims.saveAndFlush(new Claim(order.getId(), shipped.getId(), shipped.getSupplier().getId(),
                request.type(), request.description(), request.wish() == null ? Remedy.REFUND : request.wish(),
                order.getChannel(), order.getCurrency(), lines));
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
    private void checkClaimable(Order order) {
        Instant now = clock.instant();
        List<Shipment> shipments = tracking.shipmentsOf(order.getId()).stream().filter(s -> s.getReturnId() == null).toList();
        Optional<Instant> delivered = shipments.stream().filter(s -> s.getStatus() == TrackingStatus.DELIVERED)
                .map(s -> s.getLastEventAt() == null ? s.getCreatedAt() : s.getLastEventAt()).max(Instant::compareTo);
        if (delivered.isPresent()) {
            Instant closes = delivered.get().plus(settings.window());
            if (now.isAfter(closes)) {
                throw new ClaimRefusedException("the claim window of order " + order.getId() + " closed at " + closes
                        + " (" + settings.window() + " after delivery)");
            }
            return;
        }
        Optional<Instant> shippedAt = shipments.stream().map(Shipment::getCreatedAt).min(Instant::compareTo);
        if (shippedAt.isEmpty()) {
            throw new ClaimRefusedException("order " + order.getId() + " has not been shipped (" + order.getStatus()
                    + "): a claim can be filed once it is delivered");
        }
        Instant overdueAt = shippedAt.get().plus(settings.deliveryOverdueAfter());
        if (now.isBefore(overdueAt)) {
            throw new ClaimRefusedException("order " + order.getId() + " is not delivered yet: a claim can be filed once "
                    + "it is delivered, or from " + overdueAt + " when its delivery is overdue");
        }
        if (now.isAfter(overdueAt.plus(settings.window()))) {
            throw new ClaimRefusedException("the claim window of order " + order.getId() + " closed at "
                    + overdueAt.plus(settings.window()));
        }
    }

    private static List<ClaimLine> claimedLines(Order order, FileClaim request) {
        List<ClaimLine> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (FileClaim.Line wanted : request.lines()) {
            if (!seen.add(wanted.lineNo())) {
                throw new InvalidClaimException("line " + wanted.lineNo() + " is listed twice");
            }
            OrderLine line = order.getLines().stream().filter(l -> l.getLineNo() == wanted.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidClaimException("order " + order.getId() + " has no line "
                            + wanted.lineNo() + " (it has " + order.getLines().size() + ")"));
            if (wanted.quantity() > line.getQuantity()) {
                throw new InvalidClaimException("line " + wanted.lineNo() + " has " + line.getQuantity()
                        + " piece(s); the claim names " + wanted.quantity());
            }
            lines.add(new ClaimLine(line.getLineNo(), line.getSku(), wanted.quantity(),
                    line.getSalePrice().multiply(BigDecimal.valueOf(wanted.quantity()))));
        }
        return lines;
    }

    /** The purchase order whose parcel reached the consumer: the supplier a claim is against. */
    private PurchaseOrder shippedPurchaseOrder(Order order) {
        return purchasing.purchaseOrdersOf(order.getId()).stream()
                .filter(p -> p.getShippedAt() != null && p.isOriginal())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new ClaimRefusedException("order " + order.getId()
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
