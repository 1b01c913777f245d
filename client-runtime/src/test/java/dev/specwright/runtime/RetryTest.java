package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retry rules, each against a real HTTPS server on loopback, on a virtual clock: no test sleeps for real. */
class RetryTest {

    static final String PASSWORD = "retry-pa55word";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final VirtualTime time = new VirtualTime();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private ClientOptions.Builder options(RetryPolicy policy) {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", PASSWORD).header("X-Tenant", "acme").build())
                .retryPolicy(policy)
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5));
    }

    private ApiClient client() {
        return client(RetryPolicy.defaults());
    }

    private ApiClient client(RetryPolicy policy) {
        return new ApiClient(options(policy).build(), ErrorDecoder.DEFAULT);
    }

    /** The first request for {@code /api/thing} gets {@code first}, every later one {@code then}. */
    private static void firstThen(Function<UrlPattern, MappingBuilder> method, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        UrlPattern thing = urlPathEqualTo("/api/thing");
        server.stubFor(method.apply(thing).inScenario("retry").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("later"));
        server.stubFor(method.apply(thing).inScenario("retry").whenScenarioStateIs("later").willReturn(then));
    }

    private static ApiRequest getThing() {
        return ApiRequest.builder("GET", "/thing").build();
    }

    private static ApiRequest.Builder postThing() {
        return ApiRequest.builder("POST", "/thing").jsonBody(Map.of("name", "x"));
    }

    @Test
    void waitsAsLongAsA429sRetryAfterSecondsThenSucceeds() {
        firstThen(WireMock::get, aResponse().withStatus(429).withHeader("Retry-After", "2"),
                okJson("{\"ok\":true}"));

        Map<String, Object> answer = client().send(getThing(), new TypeReference<>() {});

        assertThat(answer).containsEntry("ok", true);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void readsARetryAfterDateAgainstTheAnswersDateHeader() {
        firstThen(WireMock::get, aResponse().withStatus(503)
                .withHeader("Date", "Wed, 21 Oct 2015 07:28:00 GMT")
                .withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:03 GMT"), okJson("{}"));

        client().send(getThing());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void readsARetryAfterDateAgainstTheClockWithoutADateHeader() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(VirtualTime.START.plusSeconds(5).atOffset(ZoneOffset.UTC));
        firstThen(WireMock::get, aResponse().withStatus(429).withHeader("Retry-After", inFiveSeconds),
                okJson("{}"));

        client().send(getThing());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void capsALongRetryAfter() {
        firstThen(WireMock::get, aResponse().withStatus(429).withHeader("Retry-After", "86400"),
                okJson("{}"));

        client(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(30)).build()).send(getThing());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void givesUpOnA503StormAfterMaxAttemptsWithTheLast503() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1").withBody("down for maintenance")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client().send(getThing()));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e).hasMessageEndingWith("/api/thing → HTTP 503: down for maintenance");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void backsOffExponentiallyWithJitterWithoutRetryAfter() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(502)));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client(RetryPolicy.builder().maxAttempts(6).maxBackoff(Duration.ofSeconds(2)).build())
                        .send(getThing()));

        assertThat(e.attempts()).isEqualTo(6);
        // half of min(2 s, 200 ms × 2^(n-1)) with the jitter drawing 0.5
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1000));
    }

    @Test
    void neverSendsAPostTwiceAfterA502() {
        server.stubFor(post(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(502)));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client().send(postThing().build()));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.attempts()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void neverSendsAPostTwiceAfterALostConnection() {
        server.stubFor(post(urlPathEqualTo("/api/thing")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TransportException e = catchThrowableOfType(TransportException.class, () -> client().send(postThing().build()));

        assertThat(e.attempts()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void retriesAPostWhoseCallerOptedIn() {
        firstThen(WireMock::post, aResponse().withStatus(502), okJson("{}"));

        client().send(postThing().retryNonIdempotent(true).build());

        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void retriesAPostThatWas429dWhateverItsMethod() {
        firstThen(WireMock::post, aResponse().withStatus(429), okJson("{}"));

        client().send(postThing().build());

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void retriesAPutAfterAConnectionReset() {
        firstThen(WireMock::put, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson("{}"));

        client().send(ApiRequest.builder("PUT", "/thing").jsonBody(Map.of("name", "x")).build());

        server.verify(2, putRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void retriesEvenAPostWhenTheConnectionCouldNotBeOpened() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ApiClient client = new ApiClient(options(RetryPolicy.defaults())
                .baseUri(URI.create("http://127.0.0.1:" + closedPort)).allowPlainHttpToLoopback(true).build(),
                ErrorDecoder.DEFAULT);

        TransportException e = catchThrowableOfType(TransportException.class, () -> client.send(postThing().build()));

        assertThat(e).hasMessageContaining("could not connect");
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void doesNotRetryAClientError() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(404)));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client().send(getThing()));

        assertThat(e.attempts()).isEqualTo(1);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void doesNotRetryATimeoutAndNamesTheCallsOwnTimeout() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(okJson("{}").withFixedDelay(2000)));

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> client().send(ApiRequest.builder("GET", "/thing").timeout(Duration.ofMillis(200)).build()));

        assertThat(e).hasMessageContaining("timed out: no answer within 200 ms (the request's timeout)");
        assertThat(e.attempts()).isEqualTo(1);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void stopsRetryingWhenTheNextWaitWouldPassTheDeadline() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client(RetryPolicy.builder().maxAttempts(10)
                .deadline(Duration.ofSeconds(5)).build()).send(getThing()));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(3); // at 0 s, 2 s and 4 s; a third wait would end at 6 s
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void sendsTheSameIdempotencyKeyOnEveryAttemptAndMayThenRetryAPost() {
        firstThen(WireMock::post, aResponse().withStatus(503), okJson("{}"));

        client().send(postThing().idempotencyKey("order-7f3a").build());

        server.verify(2, postRequestedFor(urlPathEqualTo("/api/thing")).withHeader("Idempotency-Key", equalTo("order-7f3a")));
        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo("/api/thing")));
        assertThat(sent).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly("order-7f3a");
    }

    @Test
    void anInterruptDuringTheWaitEndsTheCallRestoresTheFlagAndKeepsTheLastFailure() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        time.interruptNextSleep();

        TransportException e;
        try {
            e = catchThrowableOfType(TransportException.class, () -> client().send(getThing()));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(e).hasMessageEndingWith("/api/thing was interrupted while waiting to retry");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(ApiException.class,
                last -> assertThat(last.status()).isEqualTo(503));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void logsEachRetryAtDebugWithoutHeaderValues() {
        firstThen(WireMock::get, aResponse().withStatus(429).withHeader("Retry-After", "1"),
                okJson("{}"));

        client().send(getThing());

        String base = server.getRuntimeInfo().getHttpsBaseUrl();
        assertThat(logs.lines()).contains("GET " + base + "/api/thing: attempt 1 of 3 failed (HTTP 429, Retry-After);"
                + " retrying in 1 s");
        assertThat(String.join("\n", logs.lines())).doesNotContain(PASSWORD).doesNotContain("acme").doesNotContain("Basic ");
    }

    @Test
    void noRetriesWithRetryPolicyNone() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client(RetryPolicy.none()).send(getThing()));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }
}
