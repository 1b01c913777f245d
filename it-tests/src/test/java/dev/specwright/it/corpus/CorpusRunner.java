package dev.specwright.it.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs the specs on a bounded pool ({@code threads} at a time). Each spec runs on a thread of its own that the pool
 * waits for at most {@code timeout}; a spec that takes longer is a failure ("timeout") and its thread is stopped, so a
 * runaway generator can neither hold a core nor keep its memory for the rest of the run. A spec that {@code alone}
 * picks (the huge ones: Microsoft Graph compiles 2.5 million lines in memory) runs with no other spec beside it, so
 * two of them never share the heap.
 */
final class CorpusRunner {

    private final SpecRunner runner;
    private final int threads;
    private final Duration timeout;
    private final Predicate<String> alone;
    /** Fair, so a huge spec waiting for the others to finish is not overtaken by small ones forever. */
    private final ReadWriteLock heap = new ReentrantReadWriteLock(true);

    CorpusRunner(SpecRunner runner, int threads, Duration timeout, Predicate<String> alone) {
        this.runner = runner;
        this.threads = threads;
        this.timeout = timeout;
        this.alone = alone;
    }

    /** Results in the order of {@code packages} (spec → base package). */
    List<SpecResult> run(Map<String, String> packages, Consumer<SpecResult> done) throws InterruptedException {
        AtomicInteger slot = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-slot-" + slot.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SpecResult>> futures = new ArrayList<>();
            for (Map.Entry<String, String> e : packages.entrySet()) {
                futures.add(pool.submit(() -> {
                    Lock lock = alone.test(e.getKey()) ? heap.writeLock() : heap.readLock();
                    lock.lockInterruptibly();
                    SpecResult r;
                    try {
                        r = runWithTimeout(e.getKey(), e.getValue());
                    } finally {
                        lock.unlock();
                    }
                    done.accept(r);
                    return r;
                }));
            }
            List<SpecResult> results = new ArrayList<>();
            for (Future<SpecResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException ex) {
                    throw new IllegalStateException("the corpus harness itself broke", ex.getCause());
                }
            }
            results.sort(Comparator.comparing(SpecResult::spec));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private SpecResult runWithTimeout(String spec, String basePackage) throws InterruptedException {
        AtomicReference<SpecResult> result = new AtomicReference<>();
        long start = System.nanoTime();
        Thread worker = new Thread(() -> result.set(runner.run(spec, basePackage)), "corpus-" + spec);
        worker.setDaemon(true);
        worker.start();
        worker.join(timeout.toMillis());
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join(2_000);
            if (worker.isAlive()) {
                stop(worker);
                worker.join(5_000);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return SpecResult.failed(spec, "timeout: not done within " + timeout.toSeconds() + " s", "timeout", 0, 0, millis, 0);
        }
        SpecResult r = result.get();
        return r != null ? r : SpecResult.failed(spec, "the worker thread ended without a result", "no result", 0, 0, 0, 0);
    }

    /**
     * Thread.stop: the only way to end code that ignores interrupts (a generator in an endless loop, javac). Safe enough
     * here: the stopped thread shares nothing with the others but caches of immutable data. On JDKs where stop is gone
     * the thread is left to run (it is a daemon).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException ignored) {
            // JDK 20+: nothing more can be done
        }
    }
}
