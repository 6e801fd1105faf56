package io.dropflow.onboarding.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The applications' histories. */
interface ApplicationHistoryEntries extends JpaRepository<ApplicationHistoryEntry, Long> {

    List<ApplicationHistoryEntry> findByApplicationIdOrderById(Long applicationId);
}
