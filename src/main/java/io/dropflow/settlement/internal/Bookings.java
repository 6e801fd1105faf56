package io.dropflow.settlement.internal;

import io.dropflow.settlement.LedgerEntryType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Bookings extends JpaRepository<Booking, Long> {

    @Query("select b from Booking b where b.orderId = :orderId order by b.id")
    List<Booking> findByOrderIdOrderById(Long orderId);

    @Query("select case when count(b) > 0 then true else false end from Booking b where b.orderId = :orderId"
            + " and b.entryType = :type and b.reference = :reference")
    boolean existsByOrderIdAndEntryTypeAndReference(Long orderId, LedgerEntryType type, String reference);

    /**
     * The latest entry converted between the two currencies (either way round) booked at or after {@code since}:
     * a rate of the pair starting at {@code since} would have converted it differently.
     */
    default Optional<Booking> latestConvertedBetween(String one, String other, Instant since) {
        return convertedBetween(one, other, since, Limit.of(1)).stream().findFirst();
    }

    @Query("select e from Booking e where e.bookedAt >= :since and ((e.originalCurrency = :one and e.currency = :other)"
            + " or (e.originalCurrency = :other and e.currency = :one)) order by e.bookedAt desc")
    List<Booking> convertedBetween(String one, String other, Instant since, Limit limit);
}
