package dev.specwright.runtime;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One JVM of a fleet sharing one tenant's bucket in Redis (see {@link FleetRateLimitTest}): a client with a distributed
 * {@link RateLimit}, and {@code threads} threads sending {@code calls} requests through it between them. The test runs
 * one in its own JVM and another as a child process through {@link #main}, which prints {@code READY} once its client
 * is built and warmed up, starts on a {@code GO} line on its input, and prints its {@link Result} as one line.
 */
final class FleetWorker {

    /** What one JVM saw: calls answered, calls failed on the limiter, other failures, and when the 32nd call ended. */
    record Result(int answered, int limiterFailures, int otherFailures, long first32Millis, String firstFailure) {

        static final String PREFIX = "RESULT ";

        String line() {
            return PREFIX + answered + " " + limiterFailures + " " + otherFailures + " " + first32Millis + " "
                    + firstFailure.replaceAll("\\s+", " ");
        }

        static Result parse(String line) {
            String[] parts = line.substring(PREFIX.length()).split(" ", 5);
            return new Result(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Long.parseLong(parts[3]), parts[4]);
        }
    }

    private final ApiClient client;
    private final ApiClient unlimited;
    private final RedisClient redis;

    FleetWorker(URI baseUri, URI redisUri, String tenant, RateLimit limit) {
        this.redis = RedisClient.create(redisUri.toString());
        this.client = new ApiClient(options(baseUri, tenant).rateLimit(limit.distributed(RedisBuckets.lettuce(redis)))
                .build(), ErrorDecoder.DEFAULT);
        this.unlimited = new ApiClient(options(baseUri, "warm-up").build(), ErrorDecoder.DEFAULT);
    }

    private static ClientOptions.Builder options(URI baseUri, String tenant) {
        return ClientOptions.builder()
                .baseUri(baseUri)
                .allowPlainHttpToLoopback(true)
                .credentials(Credentials.builder().header("X-Tenant", tenant).build())
                .rateLimitScope(RateLimitScope.header("X-Tenant"))
                .retryPolicy(RetryPolicy.none()); // a 429 must show, not be retried away
    }

    /**
     * Pings Redis and sends a few requests for another tenant, without a limit, so that the run measures a worker that
     * has been up a while, as a fleet's are: a fresh JVM first loads and compiles the HTTP and Redis clients, and the
     * requests it has taken tokens for meanwhile reach the server late, then together.
     */
    void warmUp() throws InterruptedException {
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().ping(); // the Redis client's classes and event loop: the bucket's own connection comes later
        }
        Result warm = run(unlimited, 8, 200, Duration.ofSeconds(30));
        if (warm.answered() != 200) {
            throw new IllegalStateException("the warm-up failed: " + warm);
        }
    }

    /** Sends {@code calls} requests from {@code threads} threads; gives up on what is left after {@code limit}. */
    Result run(int threads, int calls, Duration limit) throws InterruptedException {
        return run(client, threads, calls, limit);
    }

    private static Result run(ApiClient client, int threads, int calls, Duration limit) throws InterruptedException {
        Tally tally = new Tally(calls, limit);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                while (tally.takeOne()) {
                    try {
                        client.send(ping());
                        tally.answered();
                    } catch (RuntimeException e) {
                        tally.failed(e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return tally.result();
    }

    /** As {@link #run}, through {@code sendAsync}: {@code inFlight} chains of calls, each starting the next as it ends. */
    Result runAsync(int inFlight, int calls, Duration limit) throws InterruptedException {
        Tally tally = new Tally(calls, limit);
        CountDownLatch chainsDone = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            chain(tally, chainsDone);
        }
        chainsDone.await(limit.toSeconds() + 60, TimeUnit.SECONDS);
        return tally.result();
    }

    private void chain(Tally tally, CountDownLatch chainsDone) {
        if (!tally.takeOne()) {
            chainsDone.countDown();
            return;
        }
        client.sendAsync(ping()).whenComplete((done, error) -> {
            if (error == null) {
                tally.answered();
            } else {
                tally.failed(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
            chain(tally, chainsDone);
        });
    }

    private static ApiRequest ping() {
        return ApiRequest.builder("GET", "/ping").build();
    }

    /** The calls left and what became of those made. */
    private static final class Tally {

        private final AtomicInteger left;
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger limiterFailures = new AtomicInteger();
        private final AtomicInteger otherFailures = new AtomicInteger();
        private final AtomicLong first32 = new AtomicLong(-1);
        private final AtomicReference<String> firstFailure = new AtomicReference<>("-");
        private final long start = System.nanoTime();
        private final long end;

        Tally(int calls, Duration limit) {
            this.left = new AtomicInteger(calls);
            this.end = start + limit.toNanos();
        }

        /** Whether another call is to be made: some are left, and there is time. */
        boolean takeOne() {
            return System.nanoTime() < end && left.getAndDecrement() > 0;
        }

        void answered() {
            if (answered.incrementAndGet() == 32) {
                first32.set((System.nanoTime() - start) / 1_000_000);
            }
        }

        void failed(Throwable e) {
            boolean onLimiter = e instanceof TransportException && e.getMessage().contains("rate-limit");
            (onLimiter ? limiterFailures : otherFailures).incrementAndGet();
            firstFailure.compareAndSet("-", e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        Result result() {
            return new Result(answered.get(), limiterFailures.get(), otherFailures.get(), first32.get(), firstFailure.get());
        }
    }

    void close() {
        redis.shutdown();
    }

    /**
     * {@code baseUri redisUri tenant rate burst threads calls limitSeconds [async]}: see the class comment; with
     * {@code async}, {@code threads} chains of {@code sendAsync} calls instead of threads.
     */
    public static void main(String[] args) throws Exception {
        FleetWorker worker = new FleetWorker(URI.create(args[0]), URI.create(args[1]), args[2],
                RateLimit.of(Double.parseDouble(args[3]), Integer.parseInt(args[4])));
        worker.warmUp();
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String go = in.readLine();
        if (!"GO".equals(go)) {
            System.err.println("expected GO, got " + go);
            System.exit(2);
        }
        int threads = Integer.parseInt(args[5]);
        int calls = Integer.parseInt(args[6]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[7]));
        Result result = args.length > 8 && args[8].equals("async") ? worker.runAsync(threads, calls, limit)
                : worker.run(threads, calls, limit);
        worker.close();
        System.out.println(result.line());
        System.out.flush();
        System.exit(0);
    }
}
