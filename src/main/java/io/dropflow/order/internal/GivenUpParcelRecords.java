package io.dropflow.order.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The parcels operators gave up (V68). */
interface GivenUpParcelRecords extends JpaRepository<GivenUpParcel, Long> {

    List<GivenUpParcel> findByOrderId(Long orderId);

    /** {@link GivenUpParcelMarks#MARK_SHIPMENTS}, in a transaction of its own. @return how many parcels it marked */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = GivenUpParcelMarks.MARK_SHIPMENTS)
    int markShipmentsGivenUpSince(Instant since);
}
