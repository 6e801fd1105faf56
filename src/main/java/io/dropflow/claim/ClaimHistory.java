package io.dropflow.claim;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

public interface ClaimHistory extends JpaRepository<ClaimHistoryEntry, Long> {

    List<ClaimHistoryEntry> findByClaimIdOrderById(Long claimId);

    @Transactional
    default void record(Long claimId, String party, String what) {
        save(new ClaimHistoryEntry(claimId, party, what));
    }
}
