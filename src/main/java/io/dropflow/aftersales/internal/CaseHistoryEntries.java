package io.dropflow.aftersales.internal;

import io.dropflow.aftersales.CaseKind;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The after-sales history's entries. */
interface CaseHistoryEntries extends JpaRepository<CaseHistoryEntry, Long> {

    List<CaseHistoryEntry> findByCaseKindAndCaseIdOrderById(CaseKind caseKind, Long caseId);
}
