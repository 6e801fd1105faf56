package io.dropflow.order.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The lines of orders' timelines, oldest first. */
interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByOrderIdOrderById(Long orderId);
}
