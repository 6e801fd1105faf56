package io.dropflow.processengine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Lets at most one wake-up of the job acquisition through per interval ({@link JobAcquisitionWakeUps});
 * the others are left to the acquisition's own next look. A zero interval lets every one through.
 */
public final class WakeUpSpacing {

    private final Duration interval;
    private final long intervalNanos;
    private final AtomicLong last;

    public WakeUpSpacing(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a wake-up interval must not be negative: " + interval);
        }
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        this.last = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** The spacing a job executor made by Dropflow applies; none (zero) for any other. */
    public static WakeUpSpacing of(JobExecutor executor) {
        return executor instanceof JobAcquisitionWakeUps.Spaced spaced ? spaced.spacing() : new WakeUpSpacing(Duration.ZERO);
    }

    public Duration interval() {
        return interval;
    }

    /** Whether a wake-up asked for now goes through; when it does, the next one waits an interval. */
    public boolean letThrough() {
        if (intervalNanos == 0) {
            return true;
        }
        long now = System.nanoTime();
        long previous = last.get();
        return now - previous >= intervalNanos && last.compareAndSet(previous, now);
    }

    @Override
    public String toString() {
        return interval.toString();
    }
}
