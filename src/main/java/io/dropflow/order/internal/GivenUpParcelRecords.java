package io.dropflow.order.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The parcels operators gave up (V68). */
interface GivenUpParcelRecords extends JpaRepository<GivenUpParcel, Long> {

    List<GivenUpParcel> findByOrderId(Long orderId);
}
