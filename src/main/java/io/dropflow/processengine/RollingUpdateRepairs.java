package io.dropflow.processengine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Runs the features' {@link RollingUpdateRepair}s: all of them once the node has started, and all of them every
 * {@value RollingUpdateRepair#EVERY_MINUTES} minutes on Spring's scheduler. A repair that fails is logged and the
 * others run all the same; at the start, the node starts all the same, and a repair whose start run failed has that
 * run (not its shorter look) tried again every few minutes until it has run once (a node started during a database
 * failover must still repair what an old node left hours before).
 */
@Component
class RollingUpdateRepairs {

    private static final Logger log = LoggerFactory.getLogger(RollingUpdateRepairs.class);

    /** Lazily: the repairs are the features' beans, some made before the engine ({@link WhileUserTaskOpen}). */
    private final ObjectProvider<RollingUpdateRepair> repairs;

    /** Repairs whose run at this node's start has not succeeded yet. */
    private final Set<RollingUpdateRepair> startRunsDue = ConcurrentHashMap.newKeySet();

    RollingUpdateRepairs(ObjectProvider<RollingUpdateRepair> repairs) {
        this.repairs = repairs;
    }

    /** The features' repairs, in their beans' order. */
    List<RollingUpdateRepair> repairs() {
        return repairs.orderedStream().toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        for (RollingUpdateRepair repair : repairs()) {
            startRun(repair);
        }
    }

    @Scheduled(fixedDelay = RollingUpdateRepair.EVERY_MINUTES, initialDelay = RollingUpdateRepair.EVERY_MINUTES,
            timeUnit = TimeUnit.MINUTES)
    void everyFewMinutes() {
        for (RollingUpdateRepair repair : repairs()) {
            if (startRunsDue.contains(repair)) {
                startRun(repair);
                continue;
            }
            try {
                repair.everyFewMinutes();
            } catch (RuntimeException e) {
                log.error("Rolling-update repair {}: its run failed; it runs again every {} minutes", name(repair),
                        RollingUpdateRepair.EVERY_MINUTES, e);
            }
        }
    }

    private void startRun(RollingUpdateRepair repair) {
        try {
            repair.atStart();
            startRunsDue.remove(repair);
        } catch (RuntimeException e) {
            startRunsDue.add(repair);
            log.error("Rolling-update repair {}: its run at this node's start failed; the node starts all the same;"
                    + " that run is tried again every {} minutes until it has run once", name(repair),
                    RollingUpdateRepair.EVERY_MINUTES, e);
        }
    }

    private static String name(RollingUpdateRepair repair) {
        return ClassUtils.getUserClass(repair).getSimpleName();
    }
}
