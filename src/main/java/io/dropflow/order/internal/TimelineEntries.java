package io.dropflow.order.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The lines of orders' timelines, oldest first. */
interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    @Query("select t from TimelineEntry t where t.orderId = :orderId order by t.id")
    List<TimelineEntry> findByOrderIdOrderById(Long orderId);
}
