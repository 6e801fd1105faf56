package io.dropflow.returns.internal;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Returns extends JpaRepository<ReturnRequest, Long> {

    List<ReturnRequest> findByOrderIdOrderById(Long orderId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ReturnRequest r where r.id = :id")
    Optional<ReturnRequest> lockById(Long id);

    /** @throws NotFound "no return 3" */
    default ReturnRequest returnRequest(Long id) {
        return findById(id).orElseThrow(() -> NotFound.of("return", id));
    }

    /** The return, locked until the transaction ends. @throws NotFound "no return 3" */
    default ReturnRequest locked(Long id) {
        return lockById(id).orElseThrow(() -> NotFound.of("return", id));
    }
}
