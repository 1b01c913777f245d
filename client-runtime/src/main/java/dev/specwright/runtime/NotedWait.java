package dev.specwright.runtime;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The "scheduler" handed to Bucket4j's asynchronous reservation ({@code asScheduler().tryConsume(n, maxWait,
 * scheduler)}): Bucket4j reserves the token in the store, then asks it to complete the result after the wait; this one
 * only notes the wait and completes it at once, so the caller waits on its own {@link TimeSource} — as the blocking
 * path does with a noting {@code BlockingStrategy}. One per reservation; Bucket4j calls it at most once.
 */
final class NotedWait extends AbstractExecutorService implements ScheduledExecutorService {

    private volatile long nanos;

    /** The wait Bucket4j asked for; 0 if the token was there at once. */
    long nanos() {
        return nanos;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        nanos = unit.toNanos(delay);
        command.run();
        return new Done<>(null);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        nanos = unit.toNanos(delay);
        try {
            return new Done<>(callable.call());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("a reservation is completed once");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("a reservation is completed once");
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    /** A task that ran when it was scheduled. */
    private record Done<V>(V value) implements ScheduledFuture<V> {

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public V get() {
            return value;
        }

        @Override
        public V get(long timeout, TimeUnit unit) {
            return value;
        }
    }
}
