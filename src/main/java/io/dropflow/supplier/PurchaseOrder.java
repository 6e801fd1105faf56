package io.dropflow.supplier;

import jakarta.persistence.CascadeType;
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
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An order placed with one supplier on behalf of one consumer order. Its idempotency key is the
 * purchase order number the supplier sees; it is derived from the order and the attempt, so a
 * retried forward can never become a second purchase order. Concurrent writers (the forwarding
 * job and supplier webhooks) take a row lock, see {@link PurchaseOrders#lockByIdempotencyKey}.
 */
@Entity
@DynamicUpdate
public class PurchaseOrder {

    /** What a supplier event did to this purchase order. */
    public enum Transition { APPLIED, ALREADY_APPLIED, STALE }

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
    /** Set on a replacement a defect claim ordered. */
    private Long claimId;
    /** Set on an exchange a return ordered. */
    private Long returnId;
    /** Defect claims upheld against this purchase order (they feed the supplier's claim rate). */
    private int upheldClaims;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "purchase_order_id", nullable = false)
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }

    PurchaseOrder(Long orderId, Supplier supplier, String idempotencyKey, List<PurchaseOrderLine> lines,
            BigDecimal shippingCost, String currency) {
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
    void markForwarded(String supplierReference, int shipByHours, Duration shipByTime) {
        if (status == PurchaseOrderStatus.FORWARDING) {
            status = PurchaseOrderStatus.FORWARDED;
        }
        if (forwardedAt == null) {
            forwardedAt = Instant.now();
        }
        if (shipByAt == null) {
            this.shipByHours = shipByHours;
            this.shipByAt = forwardedAt.plus(shipByTime);
        }
        recordSupplierReference(supplierReference);
    }

    void recordSupplierReference(String supplierReference) {
        if (supplierReference != null) {
            this.supplierReference = supplierReference;
        }
        touch();
    }

    Transition accept() {
        return move(PurchaseOrderStatus.ACCEPTED,
                EnumSet.of(PurchaseOrderStatus.FORWARDING, PurchaseOrderStatus.FORWARDED));
    }

    Transition decline(String reasonCode) {
        Transition t = move(PurchaseOrderStatus.DECLINED, EnumSet.of(PurchaseOrderStatus.FORWARDING,
                PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED));
        if (t == Transition.APPLIED) {
            this.reasonCode = reasonCode;
        }
        return t;
    }

    Transition ship() {
        Transition t = move(PurchaseOrderStatus.SHIPPED, EnumSet.of(PurchaseOrderStatus.FORWARDING,
                PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED, PurchaseOrderStatus.CANCELLATION_REQUESTED));
        if (t == Transition.APPLIED) {
            shippedAt = Instant.now();
        }
        return t;
    }

    /** Asking again while a request is open is the same request. */
    Transition requestCancellation() {
        return move(PurchaseOrderStatus.CANCELLATION_REQUESTED, EnumSet.of(PurchaseOrderStatus.FORWARDING,
                PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED));
    }

    Transition cancel() {
        return move(PurchaseOrderStatus.CANCELLED, EnumSet.of(PurchaseOrderStatus.CANCELLATION_REQUESTED));
    }

    /** A refused cancellation leaves the purchase order to ship. */
    Transition refuseCancellation(String reasonCode) {
        if (status != PurchaseOrderStatus.CANCELLATION_REQUESTED) {
            return Transition.STALE;
        }
        this.reasonCode = reasonCode;
        status = PurchaseOrderStatus.ACCEPTED;
        touch();
        return Transition.APPLIED;
    }

    /** The supplier was reminded of the deadline. */
    void reminded() {
        remindedAt = Instant.now();
        touch();
    }

    /** An operator gave the supplier more time after the deadline passed. */
    void extendShipBy(Instant newShipBy) {
        shipByAt = newShipBy;
        deadlineExtensions++;
        touch();
    }

    void orderedForClaim(Long claimId) {
        this.claimId = claimId;
    }

    void orderedForReturn(Long returnId) {
        this.returnId = returnId;
    }

    void claimUpheld() {
        upheldClaims++;
        touch();
    }

    public boolean isOpen() {
        return EnumSet.of(PurchaseOrderStatus.FORWARDING, PurchaseOrderStatus.FORWARDED,
                PurchaseOrderStatus.ACCEPTED, PurchaseOrderStatus.CANCELLATION_REQUESTED).contains(status);
    }

    private Transition move(PurchaseOrderStatus target, Set<PurchaseOrderStatus> from) {
        if (status == target) {
            return Transition.ALREADY_APPLIED;
        }
        if (!from.contains(status)) {
            return Transition.STALE;
        }
        status = target;
        touch();
        return Transition.APPLIED;
    }

    private void touch() {
        updatedAt = Instant.now();
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
    public Integer getShipByHours() { return shipByHours; }
    public Instant getShipByAt() { return shipByAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public int getDeadlineExtensions() { return deadlineExtensions; }
    public Long getClaimId() { return claimId; }
    public Long getReturnId() { return returnId; }

    /** The consumer order's own purchase order, not a claim's replacement or a return's exchange. */
    public boolean isOriginal() {
        return claimId == null && returnId == null;
    }
    public int getUpheldClaims() { return upheldClaims; }
    public List<PurchaseOrderLine> getLines() { return List.copyOf(lines); }
}
