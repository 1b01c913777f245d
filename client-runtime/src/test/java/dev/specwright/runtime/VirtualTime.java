package dev.specwright.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A {@link TimeSource} whose clock moves only when the code under test waits: each sleep is recorded and moves the
 * clock on at once. Rate limits and retries are then measured exactly, and no test sleeps for real.
 */
final class VirtualTime implements TimeSource {

    /** The wall-clock time at virtual nanosecond 0. */
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private long nanos;
    private boolean interruptNextSleep;
    private final List<Duration> sleeps = new ArrayList<>();

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
