package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet case of issue 9: two JVMs (this one and a child process), 32 threads each, one tenant, one bucket in a
 * real {@code redis-server} on loopback, against a loopback HTTP server that enforces the same bucket ({@link
 * ServerBucket}: answers delayed up to a second past it, 429 beyond). Measured: the 429s the server sent, the rate it
 * saw over the steady window after the burst (from its own arrival timestamps, which is what its bucket governs), the
 * calls that failed on the limiter, and the Redis round trips per token (the commands clients sent, from the server's
 * {@code INFO stats} and {@code INFO commandstats} over the run, divided by the requests sent). No wall-clock latency is asserted: a loaded CI machine only makes the
 * run longer.
 */
class FleetRateLimitTest {

    static final int THREADS = 32;
    static final double RATE = 25;
    static final int BURST = 25;
    /** After the burst, this long at the bucket's rate: 350 tokens, so one token more or less is 0.3%. */
    static final int STEADY_SECONDS = 14;
    static final int CALLS = BURST + (int) (RATE * STEADY_SECONDS);
    /** Arrivals this long after the first one make the steady window: the burst and the cold start are over. */
    static final Duration WARM_UP = Duration.ofSeconds(3);
    /** Each JVM gives up on the calls it has left after this long, so a collapsed limiter fails the test in time. */
    static final Duration GIVE_UP = Duration.ofSeconds(40);
    static final ServerBucket SERVER_BUCKET = new ServerBucket(RATE, BURST, Duration.ofSeconds(1));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(2 * THREADS + 16).extensions(SERVER_BUCKET)).build();

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoJvmsOfThirtyTwoThreadsHoldTheSharedRateWithoutA429() throws Exception {
        fleet("threads");
    }

    /**
     * As above, with the child's 32 threads replaced by 32 chains of {@code sendAsync} calls (no thread waits for Redis
     * or for a token). Tagged "load" to keep the default run short: {@code -Dgroups=load}.
     */
    @Test
    @Tag("load")
    void aJvmOfThirtyTwoThreadsAndOneOfThirtyTwoAsyncCallsHoldTheSharedRateWithoutA429() throws Exception {
        fleet("async");
    }

    /** Runs the fleet, the child JVM's calls made as {@code childMode} says ("threads" or "async"), and checks it. */
    private void fleet(String childMode) throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{\"ok\":true}")));
        URI baseUri = URI.create(server.baseUrl() + "/api");
        String tenant = "tenant-" + UUID.randomUUID();
        int childCalls = CALLS / 2;
        int ownCalls = CALLS - childCalls;

        Path childErrors = Files.createTempFile("fleet-worker", ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), FleetWorker.class.getName(),
                baseUri.toString(), redis.uri().toString(), tenant, String.valueOf(RATE), String.valueOf(BURST),
                String.valueOf(THREADS), String.valueOf(childCalls), String.valueOf(GIVE_UP.toSeconds()), childMode)
                .redirectError(childErrors.toFile())
                .start();
        FleetWorker own = new FleetWorker(baseUri, redis.uri(), tenant, RateLimit.of(RATE, BURST));
        RedisClient statsClient = RedisClient.create(redis.uri().toString());
        try (StatefulRedisConnection<String, String> stats = statsClient.connect()) {
            BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            own.warmUp();
            assertThat(readLine(childOut, child, childErrors.toFile())).as("the child JVM starting").isEqualTo("READY");
            SERVER_BUCKET.reset(); // the warm-up requests are not counted

            long commandsBefore = commandsProcessed(stats);
            Map<String, Long> perCommandBefore = perCommand(stats);
            try (Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                toChild.write("GO\n");
            }
            FleetWorker.Result mine = own.run(THREADS, ownCalls, GIVE_UP);
            String childLine = readLine(childOut, child, childErrors.toFile());
            assertThat(childLine).as("the child JVM's result").startsWith(FleetWorker.Result.PREFIX);
            FleetWorker.Result theirs = FleetWorker.Result.parse(childLine);
            // the two INFO commands read before the run count too
            long commands = commandsProcessed(stats) - commandsBefore - 2;
            Map<String, Long> perCommandAfter = perCommand(stats);
            long get = delta(perCommandBefore, perCommandAfter, "get");
            long eval = delta(perCommandBefore, perCommandAfter, "eval") + delta(perCommandBefore, perCommandAfter, "evalsha");
            long psetex = delta(perCommandBefore, perCommandAfter, "psetex");
            // Redis counts the commands a Lua script calls too: Bucket4j's compare-and-swap script calls get, then (if
            // the value was unchanged) psetex; its create-if-absent script calls set. What clients sent — the round
            // trips — is the rest: total - (eval - set) - psetex - set = total - eval - psetex.
            long roundTrips = commands - eval - psetex;

            int sent = SERVER_BUCKET.arrivals().size();
            double perToken = (double) roundTrips / sent;
            double rate = steadyRate(SERVER_BUCKET.arrivals());
            System.out.printf("fleet (child: %s): 2 JVMs x %d threads, bucket %.0f/s burst %d: %d requests reached the server,"
                            + " %d refused (429), %d delayed (longest %d ms); steady rate %.3f/s = %.4f of the bucket's"
                            + " (after %d s); first 32 arrivals within %d ms; Redis: %d round trips, %.2f per token"
                            + " (%d commands with those scripts call: GET %d, EVAL %d, PSETEX %d); this JVM: %s;"
                            + " child JVM: %s%n",
                    childMode, THREADS, RATE, BURST, sent, SERVER_BUCKET.refused(), SERVER_BUCKET.delayed(),
                    SERVER_BUCKET.longestDelay().toMillis(), rate, rate / RATE, WARM_UP.toSeconds(), first32Millis(),
                    roundTrips, perToken, commands, get, eval, psetex, mine, theirs);

            assertThat(List.of(mine, theirs)).allSatisfy(result -> {
                assertThat(result.limiterFailures()).as("calls failed on the limiter; first failure: "
                        + result.firstFailure()).isZero();
                assertThat(result.otherFailures()).as("other failed calls; first failure: " + result.firstFailure())
                        .isZero();
            });
            assertThat(mine.answered() + theirs.answered()).as("calls answered").isEqualTo(CALLS);
            assertThat(SERVER_BUCKET.refused()).as("429s").isZero();
            assertThat(rate / RATE).as("steady rate over the bucket's").isBetween(0.98, 1.02);
            assertThat(perToken).as("Redis commands per token").isLessThanOrEqualTo(2.0);
        } finally {
            own.close();
            statsClient.shutdown();
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(childErrors);
        }
    }

    @Test
    void theSteadyRateIsTheSlopeOfTheArrivalsAfterTheWarmUp() {
        List<Long> burstThenTwentyFive = new ArrayList<>();
        List<Long> lateEveryTenth = new ArrayList<>();
        List<Long> twoPercentFast = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long onTime = i < BURST ? 0 : Duration.ofMillis(40L * (i - BURST + 1)).toNanos();
            burstThenTwentyFive.add(onTime);
            lateEveryTenth.add(onTime + (i % 10 == 0 ? Duration.ofMillis(150).toNanos() : 0));
            twoPercentFast.add(i < BURST ? 0 : Math.round(Duration.ofMillis(40L * (i - BURST + 1)).toNanos() / 1.02));
        }

        assertThat(steadyRate(burstThenTwentyFive)).isCloseTo(25, within(1e-9)); // the burst is before the window
        assertThat(steadyRate(lateEveryTenth)).isCloseTo(25, within(25 * 0.002));
        assertThat(steadyRate(twoPercentFast)).isCloseTo(25.5, within(1e-6));
    }

    /**
     * The child's next {@code READY} or result line (anything else a library prints on its output is skipped), or a
     * failure with its error output if it ends or stays silent.
     */
    private static String readLine(BufferedReader childOut, Process child, File errors) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String read = childOut.readLine();
                while (read != null && !read.equals("READY") && !read.startsWith(FleetWorker.Result.PREFIX)) {
                    read = childOut.readLine();
                }
                return read;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String read = line.get(GIVE_UP.toSeconds() + 60, TimeUnit.SECONDS);
            if (read == null) {
                throw new AssertionError("the child JVM ended (" + child.waitFor() + ") without a result: "
                        + Files.readString(errors.toPath()));
            }
            return read;
        } catch (TimeoutException e) {
            throw new AssertionError("the child JVM said nothing in time: " + Files.readString(errors.toPath()), e);
        }
    }

    /**
     * The rate the server saw over the steady window (arrivals from {@link #WARM_UP} after the first one to the last):
     * the least-squares slope of the arrival count over time. Every arrival counts, so one late wake-up on a loaded
     * machine at either end of the window moves it by little — unlike the count over the time between the first and
     * the last.
     */
    static double steadyRate(List<Long> arrivalNanos) {
        List<Long> arrivals = arrivalNanos.stream().sorted().toList();
        List<Long> steady = arrivals.stream().filter(t -> t - arrivals.get(0) >= WARM_UP.toNanos()).toList();
        int n = steady.size();
        if (n < 2) {
            return 0;
        }
        double meanTime = steady.stream().mapToDouble(t -> (t - steady.get(0)) / 1e9).average().orElseThrow();
        double meanIndex = (n - 1) / 2.0;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double time = (steady.get(i) - steady.get(0)) / 1e9 - meanTime;
            covariance += time * (i - meanIndex);
            variance += time * time;
        }
        return covariance / variance;
    }

    private static long first32Millis() {
        List<Long> arrivals = SERVER_BUCKET.arrivals().stream().sorted().toList();
        return arrivals.size() < 32 ? -1 : (arrivals.get(31) - arrivals.get(0)) / 1_000_000;
    }

    private static long commandsProcessed(StatefulRedisConnection<String, String> stats) {
        Matcher count = Pattern.compile("total_commands_processed:(\\d+)").matcher(stats.sync().info("stats"));
        assertThat(count.find()).as("INFO stats has total_commands_processed").isTrue();
        return Long.parseLong(count.group(1));
    }

    /** Calls per command name, from {@code INFO commandstats}. */
    private static Map<String, Long> perCommand(StatefulRedisConnection<String, String> stats) {
        Matcher line = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(stats.sync().info("commandstats"));
        Map<String, Long> calls = new HashMap<>();
        while (line.find()) {
            calls.put(line.group(1), Long.parseLong(line.group(2)));
        }
        return calls;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
        return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
    }
}
