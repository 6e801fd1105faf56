package io.dropflow.processengine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Wakes the job acquisition at most once per interval ({@link JobAcquisitionWakeUps}): a wake-up
 * asked for sooner is not dropped but put off until the interval is over, and those asked for
 * meanwhile go with it. A zero interval wakes at once every time.
 */
public final class WakeUpSpacing implements AutoCloseable {

    private final Duration interval;
    private final long intervalNanos;
    private final AtomicLong last;
    private final AtomicBoolean putOff = new AtomicBoolean();
    private volatile ScheduledExecutorService later;

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

    /** Whether a wake-up asked for now may go at once; when it may, the next one waits an interval. */
    public boolean letThrough() {
        if (intervalNanos == 0) {
            return true;
        }
        long now = System.nanoTime();
        long previous = last.get();
        return now - previous >= intervalNanos && last.compareAndSet(previous, now);
    }

    /**
     * Runs {@code wakeUp} now if the interval since the last one is over; otherwise once when it is
     * (on a thread of its own), together with every other wake-up asked for until then.
     */
    public void wake(Runnable wakeUp) {
        if (letThrough()) {
            wakeUp.run();
            return;
        }
        if (putOff.compareAndSet(false, true)) {
            long wait = Math.max(0, last.get() + intervalNanos - System.nanoTime());
            scheduler().schedule(() -> {
                putOff.set(false);
                last.set(System.nanoTime());
                wakeUp.run();
            }, wait, TimeUnit.NANOSECONDS);
        }
    }

    private ScheduledExecutorService scheduler() {
        ScheduledExecutorService scheduler = later;
        if (scheduler == null) {
            synchronized (this) {
                if (later == null) {
                    later = Executors.newSingleThreadScheduledExecutor(task -> {
                        Thread thread = new Thread(task, "job-acquisition-wake-up");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                scheduler = later;
            }
        }
        return scheduler;
    }

    /** Stops the thread that runs put-off wake-ups; those not run yet are dropped. */
    @Override
    public void close() {
        ScheduledExecutorService scheduler = later;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return interval.toString();
    }
}
