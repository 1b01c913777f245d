package dev.specwright.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the runtime reads the time and how it waits: for rate-limit tokens, between retries, against a call's deadline.
 * {@link #system()} in production; a test supplies a virtual one, whose {@code sleep} just moves its clock on, so
 * rate limiting and retries are tested exactly and without sleeping.
 */
public interface TimeSource {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** The wall-clock time, against which a {@code Retry-After} HTTP-date is read when the answer has no {@code Date}. */
    Instant now();

    /**
     * Blocks the calling thread for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The JVM's clocks and a real sleep. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }
}
