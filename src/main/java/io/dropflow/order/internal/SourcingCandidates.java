package io.dropflow.order.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SourcingCandidates extends JpaRepository<SourcingCandidate, Long> {

    List<SourcingCandidate> findByOrderIdAndRoundOrderByRankNo(Long orderId, int round);

    Optional<SourcingCandidate> findByOrderIdAndRoundAndRankNo(Long orderId, int round, int rankNo);
}
