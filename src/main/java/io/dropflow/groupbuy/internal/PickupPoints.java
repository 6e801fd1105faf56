package io.dropflow.groupbuy.internal;

import io.dropflow.web.NotFound;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Pickup points, by code. */
public interface PickupPoints extends JpaRepository<PickupPoint, Long>, JpaSpecificationExecutor<PickupPoint> {

    Optional<PickupPoint> findByCode(String code);

    default PickupPoint byCode(String code) {
        return findByCode(code).orElseThrow(() -> NotFound.of("pickup point", code));
    }
}
