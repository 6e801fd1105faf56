package io.dropflow.processengine.inbox;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InboxMessages extends JpaRepository<InboxMessage, Long> {

    @Query("select case when count(m) > 0 then true else false end from InboxMessage m where m.source = :source"
            + " and m.sourceEventId = :sourceEventId")
    boolean existsBySourceAndSourceEventId(String source, String sourceEventId);

    @Query("select m.businessKey from InboxMessage m where m.source = :source and m.sourceEventId = :sourceEventId")
    List<String> businessKeysOf(String source, String sourceEventId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from InboxMessage m where m.id = :id")
    Optional<InboxMessage> lockById(Long id);

    @Query("select m.id from InboxMessage m where m.status = 'PENDING' and m.businessKey = :businessKey order by m.id")
    List<Long> pendingIdsFor(String businessKey);

    /**
     * Pending messages the sweep may try now: never tried by it, due, or due later than it ever
     * plans ({@code latest}: a clock that was set back).
     */
    @Query("select m.id from InboxMessage m where m.status = 'PENDING'"
            + " and (m.nextTryAt is null or m.nextTryAt <= :now or m.nextTryAt > :latest) order by m.id")
    List<Long> pendingIdsDue(Instant now, Instant latest, Limit limit);

    @Query("select m.id from InboxMessage m where m.status = 'FAILED' order by m.id")
    List<Long> failedIds(Limit limit);

    @Query("select m.id from InboxMessage m where m.status = 'PENDING' and m.receivedAt < :before order by m.id")
    List<Long> pendingIdsReceivedBefore(Instant before, Limit limit);

    @Query("select m from InboxMessage m where m.businessKey = :businessKey order by m.id")
    List<InboxMessage> findByBusinessKeyOrderById(String businessKey);
}
