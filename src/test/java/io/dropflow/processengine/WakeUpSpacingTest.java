package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    void theFirstWakeUpGoesThroughAndTheNextOnlyAnIntervalLater() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        WakeUpSpacing spacing = new WakeUpSpacing(Duration.ofMillis(300), nanos::get, null);

        assertThat(spacing.letThrough()).isTrue();
        assertThat(spacing.letThrough()).isFalse();
        nanos.addAndGet(Duration.ofMillis(299).toNanos());
        assertThat(spacing.letThrough()).as("299 ms later").isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(spacing.letThrough()).as("an interval later").isTrue();
        assertThat(spacing.letThrough()).isFalse();
    }

    @Test
    void wakeUpsAskedForWithinTheIntervalGoTogetherOnceItIsOver() {
        AtomicLong nanos = new AtomicLong(-7_000_000_000L); // System.nanoTime may be negative
        List<Long> delays = new ArrayList<>();
        List<Runnable> putOff = new ArrayList<>();
        AtomicInteger woken = new AtomicInteger();
        WakeUpSpacing spacing = new WakeUpSpacing(Duration.ofMillis(300), nanos::get, (wakeUp, delayNanos) -> {
            putOff.add(wakeUp);
            delays.add(delayNanos);
        });

        spacing.wake(woken::incrementAndGet);
        assertThat(woken).hasValue(1);
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        spacing.wake(woken::incrementAndGet);
        spacing.wake(woken::incrementAndGet);
        spacing.wake(woken::incrementAndGet);
        assertThat(woken).as("put off, not dropped").hasValue(1);
        assertThat(delays).as("the three as one, run when the interval is over")
                .containsExactly(Duration.ofMillis(200).toNanos());

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        putOff.get(0).run();
        assertThat(woken).hasValue(2);
        spacing.wake(woken::incrementAndGet);
        assertThat(woken).as("the put-off wake-up began a new interval").hasValue(2);
        assertThat(delays).hasSize(2).last().isEqualTo(Duration.ofMillis(300).toNanos());
    }

    /** Without a runner of its own, a put-off wake-up runs on a thread of the spacing's. */
    @Test
    void aPutOffWakeUpRunsOnItsOwnThread() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(2);
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (WakeUpSpacing spacing = new WakeUpSpacing(Duration.ofSeconds(1))) {
            spacing.wake(woken::countDown);
            spacing.wake(() -> {
                threads.add(Thread.currentThread().getName());
                woken.countDown();
            });

            assertThat(woken.await(10, TimeUnit.SECONDS)).as("the put-off wake-up ran").isTrue();
        }
        assertThat(threads).containsExactly("job-acquisition-wake-up");
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
