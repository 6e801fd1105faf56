package io.dropflow.supplier.internal;

import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.SupplierEventOutcome;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An order placed with one supplier on behalf of one consumer order (or, without one, an
 * applicant's sample for its onboarding). Its idempotency key is the
 * purchase order number the supplier sees; it is derived from the order and the attempt, so a
 * retried forward can never become a second purchase order. Concurrent writers (the forwarding
 * job and supplier webhooks) take a row lock, see {@link PurchaseOrders#lockByIdempotencyKey}.
 */
@Entity
@DynamicUpdate
class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private PurchaseOrderStatus status = PurchaseOrderStatus.FORWARDING;
    private String supplierReference;
    private String reasonCode;
    private BigDecimal supplyTotal;
    private BigDecimal shippingCost;
    private String currency;
    private Instant forwardedAt;
    private Instant shippedAt;
    /** Hours the shipping-SLA decision gave this purchase order, and the deadline they make. */
    private Integer shipByHours;
    private Instant shipByAt;
    private Instant remindedAt;
    private int deadlineExtensions;
    private int cancellationRequests;
    /** When Dropflow last asked the supplier to cancel it: before its ship-by, its scorecard may leave it out. */
    private Instant cancellationAskedAt;
    /** Set on a replacement a defect claim ordered. */
    private Long claimId;
    /** Set on an exchange a return ordered. */
    private Long returnId;
    /** Set on an applicant's sample, which has no consumer order. */
    private Long applicationId;
    /** Set on a group-buy batch's purchase order (which has no order of its own). */
    private Long batchId;
    /** Defect claims upheld against this purchase order (they feed the supplier's claim rate). */
    private int upheldClaims;
    private Instant createdAt;
    /** Its last change: its status, or a reminder, a ship-by extension, a claim upheld, a supplier reference... */
    private Instant updatedAt;
    /** When the status it has now began (V80; before it, its last change then). */
    private Instant statusChangedAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "purchase_order_id", nullable = false, updatable = false)
    private List<PurchaseOrderLine> lines = new ArrayList<>();
    /**
     * The missing lines a batch purchase order was accepted without ({@link #acceptedWithout}); null when
     * accepted whole (or before V40).
     */
    private String acceptedMissing;
    /** The cancellation numbers of the requests to take lines off it that Dropflow sent (batch purchase orders). */
    @ElementCollection
    @CollectionTable(name = "purchase_order_line_cancellation", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @Column(name = "cancellation_number")
    private Set<String> lineCancellations = new HashSet<>();

    protected PurchaseOrder() {
    }

    PurchaseOrder(Long orderId, Supplier supplier, String idempotencyKey, List<PurchaseOrderLine> lines,
            BigDecimal shippingCost, String currency, Instant createdAt) {
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.statusChangedAt = createdAt;
        this.orderId = orderId;
        this.supplier = supplier;
        this.idempotencyKey = idempotencyKey;
        this.lines.addAll(lines);
        this.supplyTotal = lines.stream().map(PurchaseOrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.shippingCost = shippingCost;
        this.currency = currency;
    }

    /**
     * Our forwarding call returned. Also when the supplier's first answer came in before it did:
     * the deadline then still counts from now.
     *
     * @param shipByTime how long the supplier has from now to ship ({@code shipByHours} SLA hours)
     */
    void markForwarded(String supplierReference, int shipByHours, Duration shipByTime, Instant now) {
        if (status == PurchaseOrderStatus.FORWARDING) {
            status = PurchaseOrderStatus.FORWARDED;
            statusChangedAt = now;
        }
        if (forwardedAt == null) {
            forwardedAt = now;
        }
        if (shipByAt == null) {
            this.shipByHours = shipByHours;
            this.shipByAt = forwardedAt.plus(shipByTime);
        }
        recordSupplierReference(supplierReference, now);
    }

    void recordSupplierReference(String supplierReference, Instant now) {
        if (supplierReference != null) {
            this.supplierReference = supplierReference;
        }
        touch(now);
    }

    SupplierEventOutcome accept(Instant now) {
        return move(now, PurchaseOrderStatus.ACCEPTED,
                EnumSet.of(PurchaseOrderStatus.FORWARDING, PurchaseOrderStatus.FORWARDED));
    }

    /**
     * Accepted but for some pieces (a batch purchase order): what is missing is kept, so a later acceptance is
     * told to say the same or something else.
     *
     * @param missing the missing pieces as {@link #missingText} writes them
     */
    SupplierEventOutcome acceptWithout(String missing, Instant now) {
        SupplierEventOutcome t = accept(now);
        if (t == SupplierEventOutcome.APPLIED) {
            acceptedMissing = missing.isEmpty() ? null : missing;
        }
        return t;
    }

    /** What the supplier left out when it accepted: empty when it accepted whole. */
    String acceptedWithout() {
        return acceptedMissing == null ? "" : acceptedMissing;
    }

    /** Pieces of our SKUs as one text, the same for the same pieces in any order: "SKU-A×2, SKU-B×1". */
    static String missingText(java.util.Map<String, Integer> piecesBySku) {
        return piecesBySku.entrySet().stream().filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "×" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Dropflow asks the supplier to take some lines off under this cancellation number. */
    void lineCancellationAsked(String cancellationNumber, Instant now) {
        if (lineCancellations.add(cancellationNumber)) {
            touch(now);
        }
    }

    /**
     * Whether Dropflow asked the supplier to take lines off under this cancellation number: one kept when it
     * asked, or one of the numbers it builds for this purchase order ({@code DF-B4-PO1-CANCEL-O17}), which a
     * node of the release before they were kept sent during a rolling update without keeping it.
     */
    boolean askedLineCancellation(String cancellationNumber) {
        return lineCancellations.contains(cancellationNumber) || cancellationNumber != null
                && cancellationNumber.matches(java.util.regex.Pattern.quote(idempotencyKey + "-CANCEL-O") + "\\d+");
    }

    SupplierEventOutcome decline(String reasonCode, Instant now) {
        SupplierEventOutcome t = move(now, PurchaseOrderStatus.DECLINED, EnumSet.of(PurchaseOrderStatus.FORWARDING,
                PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED));
        if (t == SupplierEventOutcome.APPLIED) {
            this.reasonCode = reasonCode;
        }
        return t;
    }

    SupplierEventOutcome ship(Instant now) {
        SupplierEventOutcome t = move(now, PurchaseOrderStatus.SHIPPED, EnumSet.of(PurchaseOrderStatus.FORWARDING,
                PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED, PurchaseOrderStatus.CANCELLATION_REQUESTED));
        if (t == SupplierEventOutcome.APPLIED) {
            shippedAt = now;
        }
        return t;
    }

    /**
     * Asking again while a request is open is the same request; asking after a refusal is a new one, which the
     * refusal's reason no longer answers (so an acceptance carries a reason only when it follows a refusal).
     */
    SupplierEventOutcome requestCancellation(Instant now) {
        SupplierEventOutcome t = move(now, PurchaseOrderStatus.CANCELLATION_REQUESTED, EnumSet.of(
                PurchaseOrderStatus.FORWARDING, PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED));
        if (t == SupplierEventOutcome.APPLIED) {
            cancellationRequests++;
            cancellationAskedAt = now;
            reasonCode = null;
        }
        return t;
    }

    /**
     * The idempotency key of the open cancellation request: DF-42-PO1-cancel for the first, then
     * DF-42-PO1-cancel-2 and so on, so that a retry sends the same request and a new one is new.
     */
    String cancellationKey() {
        return idempotencyKey + "-cancel" + (cancellationRequests > 1 ? "-" + cancellationRequests : "");
    }

    /**
     * The supplier accepts the cancellation: Dropflow's open request, or, for a consumer order's own purchase order,
     * the request it refused (it stopped the parcel after all). That order's cancellation still waits for the parcel
     * or the answer time, and takes this as its answer. A claim's replacement, a return's exchange, a batch's or a
     * sample's purchase order went on after the refusal: stale there ({@link #cancellationRefused}). After a refusal
     * the refusal's reason code stays: the purchase order's event carries it, and the order's timeline says the
     * supplier accepted after refusing.
     */
    SupplierEventOutcome cancel(Instant now) {
        return move(now, PurchaseOrderStatus.CANCELLED, cancellationRefused() && ofConsumerOrder()
                ? EnumSet.of(PurchaseOrderStatus.CANCELLATION_REQUESTED, PurchaseOrderStatus.ACCEPTED)
                : EnumSet.of(PurchaseOrderStatus.CANCELLATION_REQUESTED));
    }

    /**
     * Whether Dropflow asked to cancel it and the supplier refused, nothing since: only a refusal takes a requested
     * cancellation back to ACCEPTED ({@link #refuseCancellation}); a new request or the cancellation standing moves on.
     */
    boolean cancellationRefused() {
        return status == PurchaseOrderStatus.ACCEPTED && cancellationRequests > 0;
    }

    private boolean ofConsumerOrder() {
        return orderId != null && claimId == null && returnId == null && batchId == null && applicationId == null;
    }

    /**
     * The cancellation stands without the supplier's confirmation (Purchasing.NO_ANSWER, GIVEN_UP). From
     * here a SHIPPED is stale and reaches an operator, as after a confirmed cancellation. A purchase
     * order that declined or was cancelled meanwhile stays as it is.
     *
     * @return STALE when the purchase order shipped meanwhile: the cancellation cannot stand
     */
    SupplierEventOutcome cancelWithoutAnswer(String reasonCode, Instant now) {
        if (status == PurchaseOrderStatus.SHIPPED) {
            return SupplierEventOutcome.STALE;
        }
        if (status == PurchaseOrderStatus.CANCELLED || status == PurchaseOrderStatus.DECLINED) {
            return SupplierEventOutcome.ALREADY_APPLIED;
        }
        if (status != PurchaseOrderStatus.CANCELLATION_REQUESTED && cancellationAskedAt == null) {
            cancellationAskedAt = now; // cancelled without ever being asked: asked now (a refused request keeps its time)
        }
        this.reasonCode = reasonCode;
        status = PurchaseOrderStatus.CANCELLED;
        statusChanged(now);
        return SupplierEventOutcome.APPLIED;
    }

    /** A refused cancellation leaves the purchase order to ship. */
    SupplierEventOutcome refuseCancellation(String reasonCode, Instant now) {
        if (status != PurchaseOrderStatus.CANCELLATION_REQUESTED) {
            return SupplierEventOutcome.STALE;
        }
        this.reasonCode = reasonCode;
        status = PurchaseOrderStatus.ACCEPTED;
        statusChanged(now);
        return SupplierEventOutcome.APPLIED;
    }

    /** The supplier was reminded of the deadline. */
    void reminded(Instant now) {
        remindedAt = now;
        touch(now);
    }

    /** An operator gave the supplier more time after the deadline passed. */
    void extendShipBy(Instant newShipBy, Instant now) {
        shipByAt = newShipBy;
        deadlineExtensions++;
        touch(now);
    }

    void orderedForClaim(Long claimId) {
        this.claimId = claimId;
    }

    void orderedForReturn(Long returnId) {
        this.returnId = returnId;
    }

    void orderedAsSample(Long applicationId) {
        this.applicationId = applicationId;
    }

    void orderedForBatch(Long batchId) {
        this.batchId = batchId;
    }

    void claimUpheld(Instant now) {
        upheldClaims++;
        touch(now);
    }

    private SupplierEventOutcome move(Instant now, PurchaseOrderStatus target, Set<PurchaseOrderStatus> from) {
        if (status == target) {
            return SupplierEventOutcome.ALREADY_APPLIED;
        }
        if (!from.contains(status)) {
            return SupplierEventOutcome.STALE;
        }
        status = target;
        statusChanged(now);
        return SupplierEventOutcome.APPLIED;
    }

    /** A change that leaves the status as it is (a reminder, a ship-by extension, a claim upheld...). */
    private void touch(Instant now) {
        updatedAt = now;
    }

    /** Its status changed: the one it has now began, and it changed. */
    private void statusChanged(Instant now) {
        statusChangedAt = now;
        touch(now);
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Supplier getSupplier() { return supplier; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public PurchaseOrderStatus getStatus() { return status; }
    public String getSupplierReference() { return supplierReference; }
    public String getReasonCode() { return reasonCode; }
    public BigDecimal getSupplyTotal() { return supplyTotal; }
    public BigDecimal getShippingCost() { return shippingCost; }
    public String getCurrency() { return currency; }
    public Instant getForwardedAt() { return forwardedAt; }
    public Instant getShippedAt() { return shippedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public Integer getShipByHours() { return shipByHours; }
    public Instant getShipByAt() { return shipByAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public int getDeadlineExtensions() { return deadlineExtensions; }
    public Instant getCancellationAskedAt() { return cancellationAskedAt; }
    public Long getClaimId() { return claimId; }
    public Long getReturnId() { return returnId; }
    public Long getApplicationId() { return applicationId; }
    public Long getBatchId() { return batchId; }

    public List<PurchaseOrderLine> getLines() { return List.copyOf(lines); }

    PurchaseOrderView view() {
        return new PurchaseOrderView(id, orderId, supplier.getId(), supplier.getCode(), supplier.getName(),
                supplier.getScore(), idempotencyKey, status, supplierReference, reasonCode, supplyTotal, shippingCost,
                currency, createdAt, forwardedAt, shippedAt, shipByHours, shipByAt, remindedAt, deadlineExtensions,
                claimId, returnId, upheldClaims, lines.stream().map(l -> new PurchaseOrderView.Line(l.getSku(),
                        l.getSupplierSku(), l.getQuantity(), l.getSupplyPrice())).toList(), batchId, updatedAt,
                statusChangedAt);
    }
}
