package dev.specwright.runtime;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Taking one token under 32 threads from one bucket whose rate (10⁹/s, Bucket4j's resolution) and burst are so high
 * that no thread ever waits: what is measured is the cost of asking. Side by side: the runtime's {@link RateLimiter}
 * as a call takes a token ({@code acquire} with the call's remaining time, as {@code Exchange} does), Bucket4j alone
 * with the same bandwidth ({@code tryConsume(1)}, what one would write by hand), and an
 * {@link AtomicLong} increment as the floor of any counter shared by those threads.
 *
 * <p>In the runtime's package because {@link RateLimiter} is package-private: the benchmark reaches the class the
 * generated clients use, not a copy of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(32)
public class TokenBucketBenchmark {

    private static final double RATE = 1e9;
    private static final int BURST = 1_000_000_000;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private RateLimiter limiter;
    private Bucket bucket;
    private final AtomicLong counter = new AtomicLong();

    @Setup
    public void start() {
        limiter = new RateLimiter(RateLimit.of(RATE, BURST), TimeSource.system());
        bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(BURST).refillGreedy(1, Duration.ofNanos(1)).build())
                .build();
    }

    @Benchmark
    public boolean specwright() throws InterruptedException {
        return limiter.acquire(CALL_TIMEOUT);
    }

    @Benchmark
    public boolean bucket4j() {
        return bucket.tryConsume(1);
    }

    @Benchmark
    public long atomicLong() {
        return counter.incrementAndGet();
    }
}
