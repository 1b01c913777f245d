package dev.specwright.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    /**
     * Completes after {@code duration} without holding a thread meanwhile: the asynchronous counterpart of
     * {@link #sleep(Duration)}, for {@link ApiClient#sendAsync(ApiRequest)} and its kind. Dependent stages run on the
     * runtime's shared daemon threads. The default waits on the JVM's clock; a virtual time source overrides it together
     * with {@code sleep}, moving its clock on instead.
     */
    default CompletableFuture<Void> delay(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {},
                CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS, AsyncPool.EXECUTOR));
    }

    /** The JVM's clocks, a real sleep and a real delay. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }
}
