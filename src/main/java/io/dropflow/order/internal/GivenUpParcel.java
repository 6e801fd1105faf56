package io.dropflow.order.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A parcel of an order that an operator gave up on "Decide on stalled or lost parcel" (V68). */
@Entity
@Table(name = "given_up_parcel")
class GivenUpParcel {

    @Id
    private Long shipmentId;
    private Long orderId;
    @Enumerated(EnumType.STRING)
    private GivenUpParcels.Decision decision;
    private Instant givenUpAt;

    protected GivenUpParcel() {
    }

    GivenUpParcel(Long shipmentId, Long orderId, GivenUpParcels.Decision decision, Instant givenUpAt) {
        this.shipmentId = shipmentId;
        this.orderId = orderId;
        this.decision = decision;
        this.givenUpAt = givenUpAt;
    }

    GivenUpParcels.GivenUp view() {
        return new GivenUpParcels.GivenUp(shipmentId, orderId, decision, givenUpAt);
    }
}
