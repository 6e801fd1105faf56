package io.dropflow.aftersales;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * What the repositories of claims and returns share: cases by order, a case locked for a change
 * that must not cross another (a supplier's answer against the next round), and lookups that fail
 * with a named 404 ("no claim 7").
 *
 * @param <C> the kind of case
 */
@NoRepositoryBean
public interface CaseRepository<C extends AfterSalesCase<?>> extends JpaRepository<C, Long> {

    List<C> findByOrderIdOrderById(Long orderId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from #{#entityName} c where c.id = :id")
    Optional<C> lockById(Long id);

    /** The kind of case held here; each repository says (a default method, so no query is derived from it). */
    default CaseKind kind() {
        throw new IllegalStateException(getClass().getName() + " does not say which kind of case it holds");
    }

    /** @throws NotFound "no claim 7" */
    default C get(Long id) {
        return findById(id).orElseThrow(() -> NotFound.of(kind().noun(), id));
    }

    /** The case, locked until the transaction ends. @throws NotFound "no claim 7" */
    default C locked(Long id) {
        return lockById(id).orElseThrow(() -> NotFound.of(kind().noun(), id));
    }
}
