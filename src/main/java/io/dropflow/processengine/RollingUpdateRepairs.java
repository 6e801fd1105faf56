package io.dropflow.processengine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * others run all the same; at the start, the node starts all the same (its run every few minutes follows).
 */
@Component
class RollingUpdateRepairs {

    private static final Logger log = LoggerFactory.getLogger(RollingUpdateRepairs.class);

    /** Lazily: the repairs are the features' beans, some made before the engine ({@link WhileUserTaskOpen}). */
    private final ObjectProvider<RollingUpdateRepair> repairs;

    RollingUpdateRepairs(ObjectProvider<RollingUpdateRepair> repairs) {
        this.repairs = repairs;
    }

    /** The features' repairs, in their beans' order. */
    List<RollingUpdateRepair> repairs() {
        return repairs.orderedStream().toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run(RollingUpdateRepair::atStart, "at this node's start failed; the node starts all the same");
    }

    @Scheduled(fixedDelay = RollingUpdateRepair.EVERY_MINUTES, initialDelay = RollingUpdateRepair.EVERY_MINUTES,
            timeUnit = TimeUnit.MINUTES)
    void everyFewMinutes() {
        run(RollingUpdateRepair::everyFewMinutes, "failed");
    }

    private void run(Consumer<RollingUpdateRepair> run, String failed) {
        for (RollingUpdateRepair repair : repairs()) {
            try {
                run.accept(repair);
            } catch (RuntimeException e) {
                log.error("Rolling-update repair {}: its run {}; it runs again every {} minutes",
                        ClassUtils.getUserClass(repair).getSimpleName(), failed, RollingUpdateRepair.EVERY_MINUTES, e);
            }
        }
    }
}
