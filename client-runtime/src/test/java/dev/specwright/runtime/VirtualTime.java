package dev.specwright.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * A {@link TimeSource} whose clock moves only when the code under test waits: each sleep is recorded and moves the
 * clock on at once. Rate limits and retries are then measured exactly, and no test sleeps for real. Asynchronous
 * delays are recorded apart from sleeps (so a test can tell that no thread slept) and, by default, also move the clock
 * at once; {@link #holdDelays()} keeps them pending until {@link #runDelays()}.
 */
final class VirtualTime implements TimeSource {

    /** The wall-clock time at virtual nanosecond 0. */
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private long nanos;
    private boolean interruptNextSleep;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final List<Duration> pendingDurations = new ArrayList<>();
    private boolean holdDelays;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return START.plusNanos(nanos);
    }

    /** Like a real sleep, refuses to start on an interrupted thread (and clears the flag, as Thread.sleep does). */
    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before a virtual sleep of " + duration);
        }
        if (interruptNextSleep) {
            interruptNextSleep = false;
            throw new InterruptedException("interrupted during a virtual sleep of " + duration);
        }
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        synchronized (this) {
            delays.add(duration);
            if (holdDelays) {
                CompletableFuture<Void> due = new CompletableFuture<>();
                pending.add(due);
                pendingDurations.add(duration);
                return due;
            }
            nanos += duration.toNanos();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** From now on, delays stay pending until {@link #runDelays()}. */
    synchronized void holdDelays() {
        holdDelays = true;
    }

    /** Completes the pending delays in order, moving the clock by the longest of them; returns how many there were. */
    int runDelays() {
        List<CompletableFuture<Void>> due;
        synchronized (this) {
            due = List.copyOf(pending);
            long longest = pendingDurations.stream().mapToLong(Duration::toNanos).max().orElse(0);
            nanos += longest;
            pending.clear();
            pendingDurations.clear();
        }
        due.forEach(future -> future.complete(null));
        return due.size();
    }

    /** Every asynchronous delay so far, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** The next sleep throws as if the thread were interrupted while asleep (which, like Thread.sleep, clears the flag). */
    synchronized void interruptNextSleep() {
        interruptNextSleep = true;
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    /** Virtual time since the start. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    /** Every wait so far, in order. */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** A jitter source that always draws {@code value}, so a back-off is exactly {@code value × its ceiling}. */
    static RandomGenerator jitterAlways(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble() is drawn for jitter");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
