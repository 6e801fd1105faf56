package io.dropflow.settlement.internal;

import io.dropflow.settlement.LedgerEntryType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Bookings extends JpaRepository<Booking, Long> {

    @Query("select b from Booking b where b.orderId = :orderId order by b.id")
    List<Booking> findByOrderIdOrderById(Long orderId);

    @Query("select case when count(b) > 0 then true else false end from Booking b where b.orderId = :orderId"
            + " and b.entryType = :type and b.reference = :reference")
    boolean existsByOrderIdAndEntryTypeAndReference(Long orderId, LedgerEntryType type, String reference);
}
