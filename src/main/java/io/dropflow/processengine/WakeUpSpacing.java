package io.dropflow.processengine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
    private final LongSupplier nanoTime;
    private final Later putOffRunner;
    private volatile ScheduledExecutorService later;

    /** Runs a put-off wake-up once a delay is over. */
    interface Later {
        void run(Runnable wakeUp, long delayNanos);
    }

    public WakeUpSpacing(Duration interval) {
        this(interval, System::nanoTime, null);
    }

    /**
     * @param nanoTime a monotonic time in nanoseconds, as {@link System#nanoTime()}
     * @param later runs put-off wake-ups; null: a daemon thread of its own
     */
    WakeUpSpacing(Duration interval, LongSupplier nanoTime, Later later) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a wake-up interval must not be negative: " + interval);
        }
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.putOffRunner = later != null ? later
                : (wakeUp, delayNanos) -> scheduler().schedule(wakeUp, delayNanos, TimeUnit.NANOSECONDS);
        this.last = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
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
        long now = nanoTime.getAsLong();
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
            long wait = Math.max(0, last.get() + intervalNanos - nanoTime.getAsLong());
            putOffRunner.run(() -> {
                putOff.set(false);
                last.set(nanoTime.getAsLong());
                wakeUp.run();
            }, wait);
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
