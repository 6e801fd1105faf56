package io.dropflow.order.internal;

import io.dropflow.web.NotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The suppliers ranked for an order, per sourcing round. */
public interface SourcingCandidates extends JpaRepository<SourcingCandidate, Long> {

    @Query("select c from SourcingCandidate c where c.orderId = :orderId and c.round = :round order by c.rankNo")
    List<SourcingCandidate> findByOrderIdAndRoundOrderByRankNo(Long orderId, int round);

    @Query("select c from SourcingCandidate c where c.orderId = :orderId and c.round = :round and c.rankNo = :rankNo")
    Optional<SourcingCandidate> findByOrderIdAndRoundAndRankNo(Long orderId, int round, int rankNo);

    /** @throws NotFound when sourcing round {@code round} of the order ranked no supplier {@code rank} */
    default SourcingCandidate ranked(Long orderId, int round, int rank) {
        return findByOrderIdAndRoundAndRankNo(orderId, round, rank).orElseThrow(() -> NotFound.of("sourcing candidate",
                orderId + "/" + round + "/" + rank, "order " + orderId + " has no supplier ranked " + rank
                        + " in sourcing round " + round));
    }
}
