package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sendAsync}: the same limiter, retries and exceptions as {@code send}, with every wait scheduled on the time
 * source ({@code delay}) rather than slept. Virtual time, except where real waiting is the point.
 */
class AsyncTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    record Product(String sku, int stock) {}

    private final VirtualTime time = new VirtualTime();
    private final String tenant = "tenant-" + UUID.randomUUID();

    private ClientOptions.Builder options() {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", "pw").header("X-Tenant", tenant).build())
                .rateLimitScope(RateLimitScope.header("X-Tenant")) // so the test can reach the client's bucket
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5));
    }

    private ApiClient client(ClientOptions.Builder options) {
        return new ApiClient(options.build(), ErrorDecoder.DEFAULT);
    }

    private static ApiRequest ping() {
        return ApiRequest.builder("GET", "/ping").build();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** The exception the future failed with, as {@code whenComplete} sees it: not wrapped. */
    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        future.whenComplete((value, error) -> seen.complete(error));
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void readsTheBodyAsAClassOrATypeAndCompletesWithoutOne() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{\"sku\":\"a\",\"stock\":3}")));
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(okJson("[{\"sku\":\"a\",\"stock\":3}]")));
        server.stubFor(post(urlPathEqualTo("/api/products")).willReturn(noContent()));
        ApiClient client = client(options());

        CompletableFuture<Product> one = client.sendAsync(ApiRequest.builder("GET", "/products/a").build(), Product.class);
        CompletableFuture<List<Product>> all = client.sendAsync(ApiRequest.builder("GET", "/products").build(),
                new TypeReference<>() {});
        CompletableFuture<Void> created = client.sendAsync(ApiRequest.builder("POST", "/products")
                .jsonBody(new Product("b", 1)).build());

        assertThat(await(one)).isEqualTo(new Product("a", 3));
        assertThat(await(all)).containsExactly(new Product("a", 3));
        assertThat(await(created)).isNull();
    }

    @Test
    void waitsForTokensByDelayNeverBySleeping() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = client(options().rateLimit(RateLimit.of(10, 25)).retryPolicy(RetryPolicy.none()));

        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(client.sendAsync(ping()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(time.sleeps()).isEmpty();
        // the 26th call reserved the token due in 100 ms, the 27th the one due in 200 ms, ...
        assertThat(time.delays()).hasSize(5);
        server.verify(30, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void retriesAfterA429AsLongAsRetryAfterSaysByDelay() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("retry").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"ok\":true}")));
        ApiClient client = client(options());

        Map<String, Object> answer = await(client.sendAsync(ping(), new TypeReference<Map<String, Object>>() {}));

        assertThat(answer).containsEntry("ok", true);
        assertThat(time.delays()).containsExactly(Duration.ofSeconds(2));
        assertThat(time.sleeps()).isEmpty();
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void failsWithTheSameUnwrappedApiExceptionAsSendAfterTheLastAttempt() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1").withBody("down for maintenance")));
        ApiClient client = client(options());

        CompletableFuture<Void> call = client.sendAsync(ping());
        Throwable failure = failureOf(call);

        assertThat(failure).isInstanceOf(ApiException.class).hasMessageEndingWith("/api/ping → HTTP 503: down for maintenance");
        assertThat(((ApiException) failure).attempts()).isEqualTo(3);
        assertThat(catchThrowable(call::get)).isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
        assertThat(catchThrowable(call::join)).isInstanceOf(CompletionException.class).cause().isSameAs(failure);
        assertThat(time.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void neverSendsAPostTwiceAfterALostConnectionAndFailsWithATransportException() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/thing")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ApiClient client = client(options());

        Throwable failure = failureOf(client.sendAsync(ApiRequest.builder("POST", "/thing").jsonBody(Map.of("a", 1)).build()));

        assertThat(failure).isInstanceOf(TransportException.class).hasMessageStartingWith("POST ");
        assertThat(((TransportException) failure).attempts()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void endsWithATransportExceptionWhenNoTokenWouldComeBeforeTheDeadline() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = client(options().rateLimit(RateLimit.of(1, 1))
                .retryPolicy(RetryPolicy.builder().deadline(Duration.ofMillis(500)).build()));
        await(client.sendAsync(ping()));

        Throwable failure = failureOf(client.sendAsync(ping()));

        assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("no rate-limit token");
        assertThat(((TransportException) failure).attempts()).isZero();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void aBodyThatCannotBeReadFailsTheFutureWithAnApiException() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{\"sku\": ")));

        Throwable failure = failureOf(client(options()).sendAsync(ping(), Product.class));

        assertThat(failure).isInstanceOf(ApiException.class).hasMessageContaining("cannot be read as");
    }

    @Test
    void aCallCancelledWhileWaitingForItsTokenIsNeverSentAndGivesTheTokenBack() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = client(options().rateLimit(RateLimit.of(1, 1)));
        await(client.sendAsync(ping()));
        time.holdDelays();

        CompletableFuture<Void> waiting = client.sendAsync(ping());
        assertThat(waiting.cancel(true)).isTrue();
        assertThat(time.runDelays()).isEqualTo(1);

        assertThat(catchThrowable(waiting::join)).isInstanceOf(CancellationException.class);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")));
        RateLimiter bucket = RateLimiters.forOptions(options().rateLimit(RateLimit.of(1, 1)).build());
        assertThat(bucket.reserve(Duration.ZERO)).isZero(); // the token the cancelled call held is there
    }

    @Test
    void neitherBlocksTheCallerNorRunsItsStagesOnTheHttpClientsThreads() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        // real time: 1 token at once, then one every 50 ms
        ApiClient client = new ApiClient(options().timeSource(TimeSource.system()).rateLimit(RateLimit.of(20, 1)).build(),
                ErrorDecoder.DEFAULT);
        AtomicReference<String> stageThread = new AtomicReference<>();

        long start = System.nanoTime();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(client.sendAsync(ping()));
        }
        long returnedAfter = System.nanoTime() - start;
        calls.get(9).thenRun(() -> stageThread.set(Thread.currentThread().getName())).get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        long doneAfter = System.nanoTime() - start;

        assertThat(Duration.ofNanos(returnedAfter)).isLessThan(Duration.ofMillis(300)); // 9 of them wait 50…450 ms
        assertThat(Duration.ofNanos(doneAfter)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(stageThread.get()).startsWith("specwright-async-");
    }
}
