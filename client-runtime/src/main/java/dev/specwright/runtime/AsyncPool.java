package dev.specwright.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM-wide daemon threads asynchronous calls continue on: after a {@link TimeSource#delay} (a rate-limit token or a
 * back-off) and when the caller's future is completed; and the one timer thread that ends attempts whose answer takes
 * longer than their timeout. Short tasks only: each starts a non-blocking send or decodes one
 * answer. Caller code chained onto a returned future therefore never runs on {@link CompletableFuture}'s single
 * delay-scheduler thread nor on the HTTP client's selector, where one slow callback would hold up every other call.
 * Idle threads end after a minute, so nothing is left behind.
 */
final class AsyncPool {

    static final Executor EXECUTOR = executor();

    /**
     * Fires attempt timeouts (real time: a network timeout). Its tasks only hand work to {@link #EXECUTOR}; a timer is
     * cancelled when its answer arrives in time, and removed at once so that busy clients do not pile timers up.
     */
    static final ScheduledExecutorService TIMER = timer();

    private AsyncPool() {}

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "specwright-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static Executor executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "specwright-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons);
    }
}
