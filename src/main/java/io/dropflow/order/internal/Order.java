package io.dropflow.order.internal;

import io.dropflow.order.Consumer;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.ShippingAddress;
import io.dropflow.settlement.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A consumer's order as the storefront delivered it to us. */
@Entity
@Table(name = "customer_order")
@jakarta.persistence.EntityListeners(OrderMilestones.class)
public class Order {

    public static final String HOME_DELIVERY = "HOME_DELIVERY";
    public static final String GROUP_BUY = "GROUP_BUY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String storefrontOrderId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status = OrderStatus.RECEIVED;
    private String currency;
    /** Where it was sold: WEBSHOP (our own shop) or MARKETPLACE (after-sales deadlines differ). */
    private String channel = "WEBSHOP";
    /** HOME_DELIVERY (a purchase order of its own, shipped to the consumer) or GROUP_BUY (batched, collected at a pickup point). */
    private String fulfillment = HOME_DELIVERY;
    /** The pickup point's code, for a group-buy order; its address is the shipping address. */
    private String pickupPoint;
    @Embedded
    private Consumer consumer;
    @Embedded
    private ShippingAddress shippingAddress;
    /** Fixed by the order's first step; null before it (and for orders started before December 2026). */
    @Embedded
    private OrderNumbers numbers;
    private String processInstanceId;
    /** What the storefront's request meant ({@link OrderFingerprint}); null for orders taken before V22. */
    private String intakeFingerprint;
    private Instant createdAt;
    private Instant updatedAt;
    /**
     * When the consumer's cancellation was taken; null while the consumer has not asked. One kept before the order's
     * first job ran is marked when its process takes it (its request's time is on the timeline).
     */
    private Instant cancellationAskedAt;
    @Version
    private long version;
    /** The status this change reached, until the change is written (OrderMilestones counts it). */
    @jakarta.persistence.Transient
    private OrderStatus reachedStatus;
    /**
     * Read with the order; for a page of orders (GET /api/orders) the lines of up to 200 orders in one
     * statement, not one statement per order.
     */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    @org.hibernate.annotations.BatchSize(size = 200)
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    public Order(String storefrontOrderId, String currency, Consumer consumer, ShippingAddress shippingAddress,
            Instant createdAt) {
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.storefrontOrderId = storefrontOrderId;
        this.currency = currency;
        this.consumer = consumer;
        this.shippingAddress = shippingAddress;
    }

    public void soldThrough(String channel) {
        if (channel != null) {
            this.channel = channel;
        }
    }

    /** A group-buy order: it joins the batch of this pickup point instead of being forwarded on its own. */
    public void collectAt(String pickupPointCode) {
        this.fulfillment = GROUP_BUY;
        this.pickupPoint = pickupPointCode;
    }

    /**
     * The consumer's cancellation is taken now, once.
     * @return false when it was taken before: the same request again
     */
    public boolean cancellationAsked(Instant now) {
        if (cancellationAskedAt != null) {
            return false;
        }
        cancellationAskedAt = now;
        updatedAt = now;
        return true;
    }

    public boolean isCancellationAsked() {
        return cancellationAskedAt != null;
    }

    public boolean isGroupBuy() {
        return GROUP_BUY.equals(fulfillment);
    }

    public void addLine(String sku, int quantity, BigDecimal salePrice) {
        lines.add(new OrderLine(lines.size() + 1, sku, quantity, salePrice));
    }

    /** The SKU of each line, in line order. */
    public List<String> skus() {
        return lines.stream().map(OrderLine::getSku).toList();
    }

    public boolean hasLineFor(String sku) {
        return lines.stream().anyMatch(l -> l.getSku().equals(sku));
    }

    public BigDecimal saleTotal() {
        return lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the consumer paid, in the order's currency. */
    public Money sale() {
        return new Money(saleTotal(), currency);
    }

    /**
     * The numbers of order-deadlines.dmn the order's use cases read, fixed by its first step; if that
     * step runs again (an operator restarts the order there), with the table's numbers of then, as
     * the durations the step fixes beside them.
     */
    public void fixNumbers(OrderNumbers fixed) {
        numbers = fixed;
    }

    void takenAs(OrderFingerprint fingerprint) {
        this.intakeFingerprint = fingerprint.stored();
    }

    /** What the storefront's request meant, unless the order was taken before it was kept. */
    java.util.Optional<OrderFingerprint> intakeFingerprint() {
        return OrderFingerprint.read(intakeFingerprint);
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Closed orders stay closed: a late event cannot reopen a settled or cancelled order. */
    public void moveTo(OrderStatus next, Instant now) {
        if (status.isClosed() || status == next) {
            return;
        }
        status = next;
        updatedAt = now;
        reachedStatus = next;
    }

    /** The status reached since the order was last written, once. */
    OrderStatus takeReachedStatus() {
        OrderStatus reached = reachedStatus;
        reachedStatus = null;
        return reached;
    }

    public void substituteSku(String sku, String substitute, Instant now) {
        lines.stream().filter(l -> l.getSku().equals(sku)).forEach(l -> l.substitute(substitute));
        updatedAt = now;
    }

    public OrderSummary summary() {
        return new OrderSummary(id, storefrontOrderId, status, channel, currency, consumer, shippingAddress,
                lines.stream().map(l -> new OrderSummary.Line(l.getLineNo(), l.getSku(), l.getQuantity(),
                        l.getSalePrice())).toList(), createdAt, isGroupBuy() ? pickupPoint : null);
    }

    public Long getId() { return id; }
    public String getStorefrontOrderId() { return storefrontOrderId; }
    public OrderStatus getStatus() { return status; }
    public String getCurrency() { return currency; }
    public String getChannel() { return channel; }
    public String getFulfillment() { return fulfillment; }
    public String getPickupPoint() { return pickupPoint; }
    public Consumer getConsumer() { return consumer; }
    public ShippingAddress getShippingAddress() { return shippingAddress; }
    public String getProcessInstanceId() { return processInstanceId; }
    public OrderNumbers getNumbers() { return numbers; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<OrderLine> getLines() { return List.copyOf(lines); }
}
