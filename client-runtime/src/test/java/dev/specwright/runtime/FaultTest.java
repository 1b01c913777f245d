package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fault suite: each fault the server can produce ends every call, blocking or asynchronous, in the documented
 * exception within the call's deadline; a POST is never sent twice; no thread is left inside the runtime.
 */
class FaultTest {

    /** The per-attempt timeout and the call's overall deadline of these tests. */
    static final Duration TIMEOUT = Duration.ofMillis(400);
    static final Duration DEADLINE = Duration.ofSeconds(3);
    /** What a call may take beyond its deadline: scheduling, the exception, a loaded machine. */
    static final Duration SLACK = Duration.ofMillis(700);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final String tenant = "tenant-" + UUID.randomUUID();

    /** A result: what the call ended with and how long it took. */
    private record Outcome(Throwable failure, Duration took) {}

    private ApiClient client(TimeSource time) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", "pw").header("X-Tenant", tenant).build())
                .requestTimeout(TIMEOUT)
                .retryPolicy(RetryPolicy.builder().deadline(DEADLINE).build())
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .timeSource(time)
                .build(), ErrorDecoder.DEFAULT);
    }

    private static void serve(ResponseDefinitionBuilder answer) {
        server.stubFor(any(urlPathEqualTo("/api/thing")).willReturn(answer));
    }

    private static ApiRequest get() {
        return ApiRequest.builder("GET", "/thing").build();
    }

    private static ApiRequest post() {
        return ApiRequest.builder("POST", "/thing").jsonBody(Map.of("name", "x")).build();
    }

    private static Outcome blocking(ApiClient client, ApiRequest request) {
        long start = System.nanoTime();
        try {
            client.send(request, Map.class);
            return new Outcome(null, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return new Outcome(e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static Outcome async(ApiClient client, ApiRequest request) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        client.sendAsync(request, Map.class).whenComplete((value, error) -> ended.complete(error));
        Throwable failure = ended.get(30, TimeUnit.SECONDS);
        return new Outcome(failure, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Both ways, each within the deadline, each with the expected exception; returns them. */
    private List<Outcome> bothWays(ApiClient client, ApiRequest request, Class<? extends Throwable> expected)
            throws Exception {
        List<Outcome> outcomes = new ArrayList<>(List.of(blocking(client, request), async(client, request)));
        for (Outcome outcome : outcomes) {
            assertThat(outcome.failure()).isInstanceOf(expected);
            assertThat(outcome.took()).isLessThan(DEADLINE.plus(SLACK));
        }
        return outcomes;
    }

    /**
     * No runtime thread is left stuck in a call. A thread that just completed a future may still be unwinding the
     * completion chain when the test thread wakes up, so the check allows it a bounded moment (2 s) to return to its
     * pool; a thread truly left behind (blocked on a socket, waiting forever) is still there then and fails the test.
     */
    @AfterEach
    void noThreadLeftInTheRuntime() throws InterruptedException {
        List<String> busy = threadsInsideTheRuntime();
        for (int i = 0; i < 200 && !busy.isEmpty(); i++) {
            Thread.sleep(10);
            busy = threadsInsideTheRuntime();
        }
        assertThat(busy).as("threads still inside the runtime").isEmpty();
    }

    private static List<String> threadsInsideTheRuntime() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey() != Thread.currentThread())
                .filter(entry -> Arrays.stream(entry.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.specwright.runtime.")
                                && !frame.getClassName().endsWith("Test")))
                .map(entry -> entry.getKey().getName() + " " + Arrays.toString(entry.getValue()))
                .collect(Collectors.toList());
    }

    @Test
    void aConnectionResetEndsInATransportExceptionAfterRetryingAGetButNeverAPost() throws Exception {
        serve(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        ApiClient client = client(new VirtualTime());

        List<Outcome> gets = bothWays(client, get(), TransportException.class);
        List<Outcome> posts = bothWays(client, post(), TransportException.class);

        assertThat(gets).allSatisfy(outcome -> assertThat(((TransportException) outcome.failure()).attempts()).isEqualTo(3));
        assertThat(posts).allSatisfy(outcome -> assertThat(((TransportException) outcome.failure()).attempts()).isEqualTo(1));
        // the JDK's HttpClient itself sends a GET (never a POST) once more when a connection it reused is reset
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/thing")))).hasSizeBetween(6, 12);
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void aReadTimeoutEndsInATransportExceptionAfterTheTimeoutAndIsNotRetried() throws Exception {
        serve(okJson("{}").withFixedDelay(5_000));
        ApiClient client = client(TimeSource.system());

        List<Outcome> outcomes = bothWays(client, post(), TransportException.class);
        outcomes.addAll(bothWays(client, get(), TransportException.class));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).hasMessageContaining("timed out: no answer within 400 ms");
            assertThat(outcome.took()).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(SLACK));
        });
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void anHtml502EndsInAnApiExceptionWithThePagesTitle() throws Exception {
        serve(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));
        ApiClient client = client(new VirtualTime());

        List<Outcome> gets = bothWays(client, get(), ApiException.class);
        List<Outcome> posts = bothWays(client, post(), ApiException.class);

        assertThat(gets).allSatisfy(outcome -> {
            assertThat(outcome.failure()).hasMessageEndingWith("→ HTTP 502: HTML page \"502 Bad Gateway\"");
            assertThat(((ApiException) outcome.failure()).attempts()).isEqualTo(3);
        });
        assertThat(posts).allSatisfy(outcome -> assertThat(((ApiException) outcome.failure()).attempts()).isEqualTo(1));
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void aMalformedJson200EndsInAnApiExceptionAndIsNotSentAgain() throws Exception {
        serve(okJson("{\"name\": \"x\", "));
        ApiClient client = client(new VirtualTime());

        List<Outcome> outcomes = bothWays(client, post(), ApiException.class);

        assertThat(outcomes).allSatisfy(outcome -> {
            ApiException e = (ApiException) outcome.failure();
            assertThat(e.status()).isEqualTo(200);
            assertThat(e).hasMessageContaining("the response body cannot be read as java.util.Map");
            assertThat(e.rawBody()).isEqualTo("{\"name\": \"x\", ");
        });
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void aStormOf429sEndsInTheLast429WithinTheDeadline() throws Exception {
        serve(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("slow down"));
        VirtualTime time = new VirtualTime();
        ApiClient client = new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .retryPolicy(RetryPolicy.builder().maxAttempts(10).deadline(Duration.ofMillis(3500)).build())
                .timeSource(time)
                .build(), ErrorDecoder.DEFAULT);

        List<Outcome> outcomes = bothWays(client, get(), ApiException.class);

        // virtual time: attempts at 0, 1, 2 and 3 s; waiting another second would pass the 3.5 s deadline
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(((ApiException) outcome.failure()).status()).isEqualTo(429);
            assertThat(((ApiException) outcome.failure()).attempts()).isEqualTo(4);
        });
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(6));
        server.verify(8, anyRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void aSlowLorisBodyEndsInATransportExceptionWithinTheTimeoutAndIsNotRetried() throws Exception {
        serve(okJson("{\"name\":\"" + "x".repeat(200) + "\"}").withChunkedDribbleDelay(20, 5_000));
        ApiClient client = client(TimeSource.system());

        List<Outcome> outcomes = bothWays(client, post(), TransportException.class);
        outcomes.addAll(bothWays(client, get(), TransportException.class));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).hasMessageContaining("timed out");
            assertThat(outcome.took()).isLessThan(TIMEOUT.plus(SLACK));
        });
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }
}
