package io.dropflow.order.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** A supplier that can fill an order, ranked by supplier selection; rank 1 is tried first. */
@Entity
public class SourcingCandidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private int round;
    private int rankNo;
    private Long supplierId;
    private int tier;
    private BigDecimal supplyTotal;
    /** The scorecard score the supplier-selection rule was given; null in a ranking made before it was kept. */
    private Integer selectionScore;
    /** The shipping cost ranking counted, in the supplier's currency as supplyTotal; null in a ranking made before V65. */
    private BigDecimal shippingCost;

    protected SourcingCandidate() {
    }

    public SourcingCandidate(Long orderId, int round, int rankNo, Long supplierId, int tier, BigDecimal supplyTotal) {
        this.orderId = orderId;
        this.round = round;
        this.rankNo = rankNo;
        this.supplierId = supplierId;
        this.tier = tier;
        this.supplyTotal = supplyTotal;
    }

    public SourcingCandidate(Long orderId, int round, int rankNo, Long supplierId, int tier, BigDecimal supplyTotal,
            int selectionScore) {
        this(orderId, round, rankNo, supplierId, tier, supplyTotal);
        this.selectionScore = selectionScore;
    }

    public SourcingCandidate(Long orderId, int round, int rankNo, Long supplierId, int tier, BigDecimal supplyTotal,
            BigDecimal shippingCost, int selectionScore) {
        this(orderId, round, rankNo, supplierId, tier, supplyTotal, selectionScore);
        this.shippingCost = shippingCost;
    }

    public Long getOrderId() { return orderId; }
    public int getRound() { return round; }
    public int getRankNo() { return rankNo; }
    public Long getSupplierId() { return supplierId; }
    public int getTier() { return tier; }
    public BigDecimal getSupplyTotal() { return supplyTotal; }
    public Integer getSelectionScore() { return selectionScore; }
    public BigDecimal getShippingCost() { return shippingCost; }
}
