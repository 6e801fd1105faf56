package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class WakeUpSpacingTest {

    @Test
    void aZeroIntervalLetsEveryWakeUpThrough() {
        WakeUpSpacing spacing = new WakeUpSpacing(Duration.ZERO);

        assertThat(spacing.letThrough()).isTrue();
        assertThat(spacing.letThrough()).isTrue();
    }

    @Test
    void theFirstWakeUpGoesThroughAndTheNextOnlyAnIntervalLater() throws InterruptedException {
        WakeUpSpacing spacing = new WakeUpSpacing(Duration.ofMillis(300));

        assertThat(spacing.letThrough()).isTrue();
        assertThat(spacing.letThrough()).isFalse();
        assertThat(spacing.letThrough()).isFalse();
        Thread.sleep(350);
        assertThat(spacing.letThrough()).isTrue();
        assertThat(spacing.letThrough()).isFalse();
    }

    @Test
    void wakeUpsAskedForWithinTheIntervalGoTogetherOnceItIsOver() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
        try (WakeUpSpacing spacing = new WakeUpSpacing(Duration.ofMillis(300))) {
            spacing.wake(woken::incrementAndGet);
            assertThat(woken).hasValue(1);
            spacing.wake(woken::incrementAndGet);
            spacing.wake(woken::incrementAndGet);
            spacing.wake(woken::incrementAndGet);
            assertThat(woken).as("put off, not dropped").hasValue(1);
            Thread.sleep(600);
            assertThat(woken).as("the three put-off wake-ups as one, once the interval was over").hasValue(2);
        }
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new WakeUpSpacing(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void anotherJobExecutorWakesOnEveryJob() {
        assertThat(WakeUpSpacing.of(new DefaultJobExecutor()).interval()).isZero();
    }

    @Test
    void theSpacedExecutorKeepsTheStartersThreadsAndSettings() {
        SpringJobExecutor starters = new SpringJobExecutor();
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        starters.setTaskExecutor(threads);
        List<List<String>> rejected = new java.util.ArrayList<>();
        starters.setRejectedJobsHandler((jobIds, engine, executor) -> rejected.add(jobIds));
        starters.setLockTimeInMillis(61_000);
        starters.setMaxJobsPerAcquisition(7);
        starters.setWaitTimeInMillis(450);
        starters.setMaxWait(1_100);
        starters.setBackoffTimeInMillis(20);
        starters.setMaxBackoff(300);
        starters.setBackoffDecreaseThreshold(50);
        starters.setWaitIncreaseFactor(3);

        JobAcquisitionWakeUps.Spaced spaced = JobAcquisitionWakeUps.Spaced.copyOf(starters, Duration.ofMillis(200));

        assertThat(spaced.getTaskExecutor()).isSameAs(threads);
        // the starter's handler, behind one that notes the pool was full
        spaced.getRejectedJobsHandler().jobsRejected(List.of("job-1"), null, spaced);
        assertThat(rejected).containsExactly(List.of("job-1"));
        assertThat(spaced).usingRecursiveComparison()
                .comparingOnlyFields("lockTimeInMillis", "maxJobsPerAcquisition", "waitTimeInMillis", "maxWait",
                        "backoffTimeInMillis", "maxBackoff", "backoffDecreaseThreshold", "waitIncreaseFactor")
                .isEqualTo(starters);
        assertThat(WakeUpSpacing.of(spaced).interval()).isEqualTo(Duration.ofMillis(200));
    }
}
