package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redirects over HTTPS on loopback: GET and HEAD follow 301, 302, 303, 307 and 308 within the same origin, credentials
 * and all; a redirect to another origin, to {@code http://}, of another method or past the hop limit ends the call
 * with its 3xx {@link ApiException}, saying why, and nothing is sent there.
 */
class RedirectTest {

    static final String PASSWORD = "pa55-NEVER-SHOWN";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    /** Another origin: the same host, another port. */
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final String user = "user-" + UUID.randomUUID();

    @AfterEach
    void noSecretLogged() {
        logs.lines().forEach(line -> assertThat(line).doesNotContain(PASSWORD).doesNotContain(basic()));
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private ApiClient client() {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic(user, PASSWORD).build())
                .rateLimit(RateLimit.off())
                .retryPolicy(RetryPolicy.none())
                .build(), ErrorDecoder.DEFAULT);
    }

    private static ApiRequest file(String id) {
        return ApiRequest.builder("GET", "/files/{id}").pathParam("id", id).build();
    }

    private static void redirects(WireMockExtension on, String from, int status, String location) {
        on.stubFor(get(urlPathEqualTo(from)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
    }

    @Test
    void getFollowsEachRedirectStatusWithinTheOriginWithItsCredentials() {
        ApiClient client = client();
        for (int status : List.of(301, 302, 303, 307, 308)) {
            redirects(server, "/api/files/" + status, status, "/storage/" + status); // relative to the origin
            server.stubFor(get(urlPathEqualTo("/storage/" + status)).willReturn(okJson("{\"status\":" + status + "}")));

            Map<?, ?> body = client.send(file(Integer.toString(status)), Map.class);

            assertThat(body).isEqualTo(Map.of("status", status));
            server.verify(getRequestedFor(urlPathEqualTo("/storage/" + status)).withHeader("Authorization", equalTo(basic())));
        }
    }

    @Test
    void aDownloadFollowsAnAbsoluteRedirectAndAsyncCallsFollowToo() throws IOException {
        String storage = server.getRuntimeInfo().getHttpsBaseUrl() + "/storage/report.csv";
        redirects(server, "/api/files/report", 302, storage);
        server.stubFor(get(urlPathEqualTo("/storage/report.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv").withBody("a,b\n1,2\n")));

        try (Download download = client().send(file("report"), Download.class)) {
            assertThat(new String(download.inputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        }
        try (Download download = client().sendAsync(file("report"), Download.class).join()) {
            assertThat(new String(download.inputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        }
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowedAndSaysWhy() {
        redirects(server, "/api/files/cdn", 302, elsewhere.getRuntimeInfo().getHttpsBaseUrl() + "/signed?sig=abc");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> client().send(file("cdn")));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.getMessage()).contains("not followed").contains("another origin")
                .doesNotContain("sig=abc").doesNotContain(PASSWORD);
        assertThat(refused.failure().headers().entrySet()).anySatisfy(header -> { // the caller may fetch it itself
            assertThat(header.getKey()).isEqualToIgnoringCase("Location");
            assertThat(header.getValue()).singleElement().asString().endsWith("/signed?sig=abc");
        });
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRedirectToPlainHttpIsNotFollowedEvenOnTheSameHost() {
        int port = server.getRuntimeInfo().getHttpsPort();
        redirects(server, "/api/files/plain", 301, "http://localhost:" + port + "/storage/plain");

        Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> client().sendAsync(file("plain")).join());

        assertThat(failed).isInstanceOf(java.util.concurrent.CompletionException.class)
                .cause().isInstanceOf(ApiException.class);
        ApiException api = (ApiException) failed.getCause();
        assertThat(api.status()).isEqualTo(301);
        assertThat(api.getMessage()).contains("not followed").contains("http://").contains("https only");
        server.verify(0, getRequestedFor(urlPathEqualTo("/storage/plain")));
    }

    @Test
    void aPostIsNotRedirected() {
        server.stubFor(post(urlPathEqualTo("/api/files")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "/api/files-v2")));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> client().send(
                ApiRequest.builder("POST", "/files").jsonBody(Map.of("name", "x")).build()));

        assertThat(refused.status()).isEqualTo(307);
        assertThat(refused.getMessage()).contains("only GET and HEAD are redirected, not POST");
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/files-v2")));
    }

    /** Records the attempts and hops a call makes, as "started 1", "answered 1 302", "redirected 1 302 from -> to". */
    static final class Events implements ClientListener {
        final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void attemptStarted(Call call, int attempt) {
            events.add("started " + attempt);
        }

        @Override
        public void attemptAnswered(Call call, int attempt, int status, java.time.Duration elapsed) {
            events.add("answered " + attempt + " " + status);
        }

        @Override
        public void redirected(Call call, int attempt, int status, String from, String to) {
            events.add("redirected " + attempt + " " + status + " " + from + " -> " + to);
        }

        @Override
        public void retrying(Call call, int attempt, java.time.Duration delay, String reason) {
            events.add("retrying " + attempt);
        }
    }

    private ApiClient client(RetryPolicy retries, ClientListener listener) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic(user, PASSWORD).build())
                .rateLimit(RateLimit.off())
                .retryPolicy(retries)
                .timeSource(new VirtualTime())
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .listener(listener)
                .build(), ErrorDecoder.DEFAULT);
    }

    @Test
    void hopsAreNotRetryAttemptsAndTheListenerIsToldOfEachWithoutTheQuery() {
        // two hops, then a 503: with hops counted as attempts, two attempts were used up and the call failed
        redirects(server, "/api/files/hops", 302, "/api/files/hop2?sig=" + PASSWORD);
        redirects(server, "/api/files/hop2", 307, "/storage/hops");
        server.stubFor(get(urlPathEqualTo("/storage/hops")).inScenario("hops").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/storage/hops")).inScenario("hops").whenScenarioStateIs("up")
                .willReturn(okJson("{\"ok\":true}")));
        Events listener = new Events();
        String base = server.getRuntimeInfo().getHttpsBaseUrl();

        Map<?, ?> body = client(RetryPolicy.builder().maxAttempts(2).build(), listener).send(file("hops"), Map.class);

        assertThat(body).isEqualTo(Map.of("ok", true));
        String first = "redirected 1 302 " + base + "/api/files/hops -> " + base + "/api/files/hop2";
        String second = "redirected 1 307 " + base + "/api/files/hop2 -> " + base + "/storage/hops";
        assertThat(listener.events).containsExactly(
                "started 1", "answered 1 302", first, "started 1", "answered 1 307", second, "started 1", "answered 1 503",
                "retrying 1",
                "started 2", "answered 2 302", first.replace(" 1 ", " 2 "), "started 2", "answered 2 307",
                second.replace(" 1 ", " 2 "), "started 2", "answered 2 200");
        listener.events.forEach(event -> assertThat(event).doesNotContain(PASSWORD).doesNotContain("sig="));
    }

    @Test
    void aCallThatEndsAfterARedirectCountsOneAttemptAsyncToo() {
        redirects(server, "/api/files/gone", 301, "/storage/gone");
        server.stubFor(get(urlPathEqualTo("/storage/gone")).willReturn(aResponse().withStatus(404)));
        Events listener = new Events();

        ApiException blocking = catchThrowableOfType(ApiException.class,
                () -> client(RetryPolicy.none(), listener).send(file("gone")));
        Throwable async = org.assertj.core.api.Assertions.catchThrowable(
                () -> client(RetryPolicy.none(), listener).sendAsync(file("gone")).join());

        assertThat(blocking.status()).isEqualTo(404);
        assertThat(blocking.attempts()).isEqualTo(1); // it was 2: the hop was counted
        assertThat(async.getCause()).isInstanceOf(ApiException.class);
        assertThat(((ApiException) async.getCause()).attempts()).isEqualTo(1);
        assertThat(listener.events).filteredOn(event -> event.startsWith("redirected 1 301")).hasSize(2);
    }

    @Test
    void aRedirectLoopEndsAfterTheHopLimit() {
        redirects(server, "/api/files/loop", 302, "/api/files/loop");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> client().send(file("loop")));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.getMessage()).contains("more than " + Exchange.MAX_REDIRECTS + " redirects");
        server.verify(Exchange.MAX_REDIRECTS + 1, getRequestedFor(urlPathEqualTo("/api/files/loop")));
    }
}
