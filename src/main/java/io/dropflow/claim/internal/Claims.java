package io.dropflow.claim.internal;

import io.dropflow.web.NotFound;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Claims extends JpaRepository<Claim, Long> {

    List<Claim> findByOrderIdOrderById(Long orderId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Claim c where c.id = :id")
    Optional<Claim> lockById(Long id);

    /** @throws NotFound "no claim 7" */
    default Claim claim(Long id) {
        return findById(id).orElseThrow(() -> NotFound.of("claim", id));
    }

    /** The claim, locked until the transaction ends. @throws NotFound "no claim 7" */
    default Claim locked(Long id) {
        return lockById(id).orElseThrow(() -> NotFound.of("claim", id));
    }
}
