package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ClassUtils;

/** In Dropflow the features' repairs after a rolling update are run by the one schedule, every five minutes. */
@DropflowTest
class RollingUpdateRepairsInDropflowTest {

    @Autowired
    RollingUpdateRepairs repairs;
    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void theFeaturesRepairsRunOnOneScheduleEveryFiveMinutes() {
        assertThat(repairs.repairs()).extracting(repair -> ClassUtils.getUserClass(repair).getSimpleName())
                .contains("GivenUpParcelMarks", "ParcelDecisionMark", "StaleRefundClaims");
        assertThat(scheduled.getScheduledTasks()).map(ScheduledTask::getTask)
                .filteredOn(task -> task.getRunnable().toString().contains("RollingUpdateRepairs.everyFewMinutes"))
                .singleElement().isInstanceOfSatisfying(FixedDelayTask.class, task -> {
                    assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(5));
                });
        assertThat(scheduled.getScheduledTasks()).map(task -> task.getTask().getRunnable().toString())
                .as("no repair schedules itself besides")
                .noneMatch(task -> task.matches(".*(GivenUpParcelMarks|ParcelDecisionMark|StaleRefundClaims).*"));
    }
}
