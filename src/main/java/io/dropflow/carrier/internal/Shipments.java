package io.dropflow.carrier.internal;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface Shipments extends JpaRepository<Shipment, Long> {

    // JPQL, not derived queries: Hibernate 6.6 caches the plan of a query string but translates a
    // derived query's criteria anew on every call (8.4 % of a deadline storm's job-thread samples went
    // to the empty parcel lookup of each task form: performance.md, eighth round).
    /**
     * The parcel with this carrier code and tracking number in any letter case, with or without the spaces and hyphens
     * between its groups, full-width or not ({@link Shipment#trackingKey}, indexed). Two parcels with one key were both
     * recorded before V79 or V81; the first recorded is the parcel. During a rolling update a node from before V79
     * records parcels without a key, found by their exact spelling, and one from before V81 with the key of their
     * letter case only ({@link Shipment#spelledKey}), found by it; each gets its key when its row is next written.
     */
    default Optional<Shipment> findByCarrierCodeAndTrackingNumber(String carrierCode, String trackingNumber) {
        return findByTrackingKey(Shipment.trackingKey(carrierCode, trackingNumber),
                Shipment.spelledKey(carrierCode, trackingNumber), carrierCode, trackingNumber).stream().findFirst();
    }

    @Query("select s from Shipment s where s.trackingKey = :trackingKey or s.trackingKey = :spelledKey"
            + " or (s.trackingKey is null and s.carrierCode = :carrierCode and s.trackingNumber = :trackingNumber)"
            + " order by s.id")
    List<Shipment> findByTrackingKey(String trackingKey, String spelledKey, String carrierCode, String trackingNumber);

    /** As {@link #findByCarrierCodeAndTrackingNumber}, locked. */
    default Optional<Shipment> lockByTracking(String carrierCode, String trackingNumber) {
        return lockByTrackingKey(Shipment.trackingKey(carrierCode, trackingNumber),
                Shipment.spelledKey(carrierCode, trackingNumber), carrierCode, trackingNumber).stream().findFirst();
    }

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.trackingKey = :trackingKey or s.trackingKey = :spelledKey"
            + " or (s.trackingKey is null and s.carrierCode = :carrierCode and s.trackingNumber = :trackingNumber)"
            + " order by s.id")
    List<Shipment> lockByTrackingKey(String trackingKey, String spelledKey, String carrierCode, String trackingNumber);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.id = :id")
    Optional<Shipment> lockById(Long id);

    /** The purchase order's parcels (not return parcels) followed under their numbers, oldest first, locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.purchaseOrderId = :purchaseOrderId and s.returnId is null"
            + " and s.replacedBy is null order by s.id")
    List<Shipment> lockFollowedOf(Long purchaseOrderId);

    @Query("select s from Shipment s where s.replacedBy = :shipmentId order by s.id")
    List<Shipment> findReplacedBy(Long shipmentId);

    @Query("select s from Shipment s where s.orderId = :orderId order by s.id")
    List<Shipment> findByOrderIdOrderById(Long orderId);

    /**
     * Registered parcels on their way without news since {@code quietSince}, not asked since then either, locked for
     * the caller's transaction. A parcel another node's transaction holds is skipped, not waited for: lock timeout -2
     * is Hibernate's SKIP LOCKED ({@code for no key update skip locked} on PostgreSQL; the demo's H2, one node, gets a
     * plain {@code for update}).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select s from Shipment s where s.registeredAt is not null and s.replacedBy is null"
            + " and s.status not in ('DELIVERED', 'RETURNED')"
            + " and coalesce(s.lastEventAt, s.createdAt) < :quietSince and (s.polledAt is null or s.polledAt < :quietSince)"
            + " order by s.id desc")
    List<Shipment> claimQuietSince(java.time.Instant quietSince, org.springframework.data.domain.Limit limit);
}
