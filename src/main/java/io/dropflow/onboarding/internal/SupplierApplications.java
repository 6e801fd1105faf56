package io.dropflow.onboarding.internal;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Supplier applications. */
interface SupplierApplications extends JpaRepository<SupplierApplication, Long> {

    default SupplierApplication get(Long id) {
        return findById(id).orElseThrow(() -> NotFound.of("supplier application", id));
    }

    /** With a row lock: webhooks, the API and the process's steps do not overwrite each other. */
    default SupplierApplication locked(Long id) {
        return lockById(id).orElseThrow(() -> NotFound.of("supplier application", id));
    }

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from SupplierApplication a where a.id = :id")
    Optional<SupplierApplication> lockById(Long id);

    /** The application that onboarded the supplier with this code. */
    Optional<SupplierApplication> findFirstBySupplierCodeAndStatusOrderByIdDesc(String supplierCode,
            ApplicationStatus status);

    /** The application for this supplier code that is still open (neither onboarded nor turned down), if any. */
    default Optional<SupplierApplication> openFor(String supplierCode) {
        return findFirstBySupplierCodeAndStatusNotInOrderByIdDesc(supplierCode,
                EnumSet.of(ApplicationStatus.ONBOARDED, ApplicationStatus.REJECTED));
    }

    Optional<SupplierApplication> findFirstBySupplierCodeAndStatusNotInOrderByIdDesc(String supplierCode,
            Collection<ApplicationStatus> statuses);

    Page<SupplierApplication> findByStatus(ApplicationStatus status, Pageable page);
}
