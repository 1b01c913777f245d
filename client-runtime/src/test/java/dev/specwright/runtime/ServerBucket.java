package dev.specwright.runtime;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock extension that enforces the platform's rate limit on every request, as seed 002 describes it: a token
 * bucket per tenant (the {@code X-Tenant} header); past it, answers are first delayed more and more (here: until the
 * next token, if that comes within {@code maxDelay}), then refused with {@code 429 Too Many Requests}. It records when
 * each request arrived, how many were delayed (and the longest delay) and how many refused.
 */
final class ServerBucket implements ResponseDefinitionTransformerV2 {

    private final double requestsPerSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long maxDelayNanos;
    private final List<Long> arrivals = new ArrayList<>();
    private final AtomicInteger delayed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong longestDelayNanos = new AtomicLong();
    private final List<long[]> delays = new ArrayList<>(); // {arrival, delay} of each delayed answer

    ServerBucket(double requestsPerSecond, int burst, Duration maxDelay) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.maxDelayNanos = maxDelay.toNanos();
        reset();
    }

    /** Full buckets and no records: for the next test. */
    void reset() {
        buckets.clear();
        synchronized (arrivals) {
            arrivals.clear();
        }
        delayed.set(0);
        refused.set(0);
        longestDelayNanos.set(0);
        synchronized (arrivals) {
            delays.clear();
        }
    }

    @Override
    public String getName() {
        return "server-bucket";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        long arrival = System.nanoTime();
        synchronized (arrivals) {
            arrivals.add(arrival);
        }
        String tenant = Objects.requireNonNullElse(serveEvent.getRequest().getHeader("X-Tenant"), "");
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> Bucket.builder().withNanosecondPrecision()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(1, Duration.ofNanos(Math.round(1e9 / requestsPerSecond))))
                .build());
        long[] due = {0};
        BlockingStrategy note = nanos -> due[0] = nanos;
        boolean granted;
        try {
            // Bucket4j wants a positive wait; a server without tolerance answers 429 as soon as the bucket is empty
            granted = maxDelayNanos > 0 ? bucket.asBlocking().tryConsume(1, maxDelayNanos, note) : bucket.tryConsume(1);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (!granted) {
            refused.incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Too Many Requests\"}").build();
        }
        if (due[0] == 0) {
            return serveEvent.getResponseDefinition();
        }
        delayed.incrementAndGet();
        longestDelayNanos.accumulateAndGet(due[0], Math::max);
        synchronized (arrivals) {
            delays.add(new long[] {arrival, due[0]});
        }
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .withFixedDelay((int) Math.max(1, Math.round(due[0] / 1e6))).build();
    }

    List<Long> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    int refused() {
        return refused.get();
    }

    int delayed() {
        return delayed.get();
    }

    /**
     * The answers delayed among the requests that arrived {@code after} the first arrival or later (the steady state),
     * their total delay and the longest.
     */
    DelaysAfter delaysAfter(Duration after) {
        long first = arrivals().stream().mapToLong(Long::longValue).min().orElse(0);
        int count = 0;
        long total = 0;
        long longest = 0;
        int arrived = 0;
        synchronized (arrivals) {
            for (long arrival : arrivals) {
                arrived += arrival - first >= after.toNanos() ? 1 : 0;
            }
            for (long[] delay : delays) {
                if (delay[0] - first >= after.toNanos()) {
                    count++;
                    total += delay[1];
                    longest = Math.max(longest, delay[1]);
                }
            }
        }
        return new DelaysAfter(arrived, count, Duration.ofNanos(total), Duration.ofNanos(longest));
    }

    /** See {@link #delaysAfter}. */
    record DelaysAfter(int arrived, int delayed, Duration total, Duration longest) {
        @Override
        public String toString() {
            return String.format("%d of %d answers delayed, %.1f ms on average per request, longest %d ms", delayed,
                    arrived, arrived == 0 ? 0 : total.toNanos() / 1e6 / arrived, longest.toMillis());
        }
    }

    Duration longestDelay() {
        return Duration.ofNanos(longestDelayNanos.get());
    }

    /** The most requests that arrived within any window of {@code window} (sliding, starting at each arrival). */
    int mostWithin(Duration window) {
        return mostWithin(window, Duration.ZERO);
    }

    /** As {@link #mostWithin(Duration)}, counting only windows that start {@code after} the first arrival or later. */
    int mostWithin(Duration window, Duration after) {
        List<Long> times = arrivals().stream().sorted().toList();
        int most = 0;
        int end = 0;
        for (int start = 0; start < times.size(); start++) {
            if (times.get(start) - times.get(0) < after.toNanos()) {
                continue;
            }
            end = Math.max(end, start);
            while (end < times.size() && times.get(end) - times.get(start) < window.toNanos()) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
