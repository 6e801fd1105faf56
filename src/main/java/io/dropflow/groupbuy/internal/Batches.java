package io.dropflow.groupbuy.internal;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Batches; the open one of a pickup point is read with its row locked, so no order crosses the cutoff. */
public interface Batches extends JpaRepository<Batch, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Batch b where b.pickupPoint.id = :pointId and b.status = 'OPEN' and b.cutoffAt > :now "
            + "order by b.cutoffAt")
    List<Batch> lockOpen(Long pointId, Instant now, Limit limit);

    @Query("select b from Batch b where b.pickupPoint.id = :pointId and b.status = 'OPEN' and b.cutoffAt > :now "
            + "order by b.cutoffAt")
    List<Batch> findOpen(Long pointId, Instant now, Limit limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Batch b where b.id = :id")
    Optional<Batch> lockById(Long id);

    /** @param leaderUserId only the points this login leads as an active leader; null: every point */
    @Query("select b from Batch b where (:pointCode is null or b.pickupPoint.code = :pointCode) "
            + "and (:leaderUserId is null or (b.pickupPoint.leader.userId = :leaderUserId "
            + "and b.pickupPoint.leader.active = true)) "
            + "and (:status is null or b.status = :status)")
    Page<Batch> search(String pointCode, String leaderUserId, Batch.Status status, Pageable page);

    /** The batches of the point whose parcels are on their way or at the point (a receipt may wait in them). */
    @Query("select b.id from Batch b where b.pickupPoint.id = :pointId and b.status = 'CLOSED'")
    List<Long> closedOfPoint(Long pointId);

    /** The same, of every point this leader leads. */
    @Query("select b.id from Batch b where b.pickupPoint.leader.id = :leaderId and b.status = 'CLOSED'")
    List<Long> closedOfLeader(Long leaderId);

    default Batch byId(Long id) {
        return findById(id).orElseThrow(() -> NotFound.of("batch", id));
    }

    default Batch locked(Long id) {
        return lockById(id).orElseThrow(() -> NotFound.of("batch", id));
    }
}
