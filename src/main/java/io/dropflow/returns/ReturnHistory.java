package io.dropflow.returns;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

public interface ReturnHistory extends JpaRepository<ReturnHistoryEntry, Long> {

    List<ReturnHistoryEntry> findByReturnIdOrderById(Long returnId);

    @Transactional
    default void record(Long returnId, String party, String what) {
        save(new ReturnHistoryEntry(returnId, party, what));
    }
}
