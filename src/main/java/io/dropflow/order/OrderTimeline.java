package io.dropflow.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

public interface OrderTimeline extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByOrderIdOrderById(Long orderId);

    @Transactional
    default void record(Long orderId, String what) {
        save(new TimelineEntry(orderId, what));
    }
}
