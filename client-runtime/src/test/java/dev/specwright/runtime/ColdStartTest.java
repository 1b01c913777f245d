package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * The limiter against a strict server (the platform's bucket, 429 as soon as it is empty) after a cold start and after
 * a pause, as a discrete-event simulation on a virtual clock: 32 callers, each sending its next call when the last one
 * is answered, through {@link RateLimiter#reserveAsync} and {@link RateLimiter#answered()} as {@code Exchange} uses
 * them. Every request's way to the server is modelled: on a cold start no request reaches it before the connection is
 * up (TCP and TLS handshakes), then each takes a millisecond each way. Deterministic: one thread, no sleeps.
 */
class ColdStartTest {

    static final double RATE = 10;
    static final int BURST = 25;
    static final int CALLERS = 32;
    static final long ONE_WAY = Duration.ofMillis(1).toNanos();

    private final VirtualTime time = new VirtualTime();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long sequence;

    private record Event(long at, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(order, other.order);
        }
    }

    /** What the server saw. */
    private static final class Server {
        final Bucket bucket;
        int arrived;
        int refused;

        Server(VirtualTime time) {
            bucket = Bucket.builder().withCustomTimePrecision(new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return time.nanoTime();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            }).addLimit(limit -> limit.capacity(BURST).refillGreedy(1, Duration.ofMillis(100))).build();
        }
    }

    private void at(long nanos, Runnable action) {
        events.add(new Event(nanos, sequence++, action));
    }

    /** Runs events in time order, moving the clock to each, until none is left. */
    private void run() {
        while (!events.isEmpty()) {
            Event next = events.poll();
            time.advance(Duration.ofNanos(next.at() - time.nanoTime()));
            next.action().run();
        }
    }

    /**
     * {@code CALLERS} callers send {@code calls} calls in all, starting now; no request reaches the server before
     * {@code connectedAt} (the connections' handshakes).
     */
    private void burstOfCalls(RateLimiter limiter, Server server, int calls, long connectedAt) {
        int[] left = {calls};
        for (int i = 0; i < CALLERS; i++) {
            call(limiter, server, left, connectedAt);
        }
        run();
    }

    private void call(RateLimiter limiter, Server server, int[] left, long connectedAt) {
        if (left[0]-- <= 0) {
            return;
        }
        limiter.reserveAsync(null).thenAccept(wait -> at(time.nanoTime() + wait, () -> {
            long arrival = Math.max(time.nanoTime(), connectedAt) + ONE_WAY;
            at(arrival, () -> {
                server.arrived++;
                if (!server.bucket.tryConsume(1)) {
                    server.refused++;
                }
                at(time.nanoTime() + ONE_WAY, () -> {
                    limiter.answered();
                    call(limiter, server, left, connectedAt);
                });
            });
        }));
    }

    @Test
    void aColdStartWithMoreCallersThanTheBurstGetsNo429() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(RATE, BURST), time);
        Server server = new Server(time);

        burstOfCalls(limiter, server, 125, Duration.ofSeconds(1).toNanos()); // a second of handshakes

        assertThat(server.arrived).isEqualTo(125);
        assertThat(server.refused).as("429s").isZero();
        // nor much slower than the server allows: 100 calls after the burst take 10 s from the first arrival, plus at
        // most the one token lost by rounding the hold-back up
        assertThat(time.elapsed()).isBetween(Duration.ofMillis(1000 + 10_000), Duration.ofMillis(1000 + 10_000 + 110));
    }

    @Test
    void aColdStartLongerThanTheBurstTakesToRefillGetsNo429() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(RATE, BURST), time);
        Server server = new Server(time);

        burstOfCalls(limiter, server, 125, Duration.ofSeconds(3).toNanos()); // 3 s: more than 25 tokens' refill

        assertThat(server.arrived).isEqualTo(125);
        assertThat(server.refused).as("429s").isZero();
    }

    @Test
    void aPauseLongEnoughToRefillTheBucketGetsNo429() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(RATE, BURST), time);
        Server server = new Server(time);
        burstOfCalls(limiter, server, 60, Duration.ofSeconds(1).toNanos());

        time.advance(Duration.ofSeconds(5)); // both buckets full again; the connections are up
        burstOfCalls(limiter, server, 60, 0);

        assertThat(server.arrived).isEqualTo(120);
        assertThat(server.refused).as("429s").isZero();
    }

    @Test
    void beyondTheBurstACallerWaitsForTheFirstAnswerThenForTheServersRefill() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(RATE, BURST), time);
        for (int i = 0; i < BURST; i++) {
            assertThat(limiter.reserveAsync(null)).isCompletedWithValue(0L);
        }
        time.advance(Duration.ofMillis(500)); // 5 tokens refilled here; the server has seen nothing yet

        java.util.concurrent.CompletableFuture<Long> beyond = limiter.reserveAsync(null);
        assertThat(beyond).isNotDone();

        limiter.answered(); // 5 held back: the next token is one refill period away
        assertThat(beyond).isCompletedWithValue(Duration.ofMillis(100).toNanos());
    }

    @Test
    void aTokenGivenBackDuringAColdStartGoesToACallerWaitingForTheFirstAnswer() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(RATE, BURST), time);
        for (int i = 0; i < BURST; i++) {
            limiter.reserveAsync(null);
        }
        java.util.concurrent.CompletableFuture<Long> beyond = limiter.reserveAsync(null);
        java.util.concurrent.CompletableFuture<Long> further = limiter.reserveAsync(null);

        limiter.release(); // one of the burst's calls was not sent after all

        assertThat(java.util.stream.Stream.of(beyond, further).filter(f -> f.isDone()).toList())
                .singleElement().satisfies(f -> assertThat(f).isCompletedWithValue(0L)); // one of them, the other waits
    }

    @Test
    void aCallerWithADeadlineWaitsForTheFirstAnswerNoLongerThanIt() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(RATE, BURST), time);
        for (int i = 0; i < BURST; i++) {
            limiter.reserveAsync(null);
        }

        assertThat(limiter.reserveAsync(Duration.ofMillis(20)).join()).isEqualTo(-1L); // nothing taken
        limiter.answered();
        // answered at once: nothing held back, the next token one refill period after the burst
        assertThat(limiter.reserveAsync(null)).isCompletedWithValue(Duration.ofMillis(100).toNanos());
    }
}
