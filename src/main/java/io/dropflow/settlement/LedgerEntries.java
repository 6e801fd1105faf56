package io.dropflow.settlement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerEntries extends JpaRepository<LedgerEntry, Long> {

    List<LedgerEntry> findByOrderIdOrderById(Long orderId);

    boolean existsByOrderIdAndEntryTypeAndReference(Long orderId, LedgerEntryType type, String reference);
}
