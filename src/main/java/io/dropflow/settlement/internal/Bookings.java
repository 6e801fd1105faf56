package io.dropflow.settlement.internal;

import io.dropflow.settlement.LedgerEntryType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Bookings extends JpaRepository<Booking, Long> {

    List<Booking> findByOrderIdOrderById(Long orderId);

    boolean existsByOrderIdAndEntryTypeAndReference(Long orderId, LedgerEntryType type, String reference);
}
