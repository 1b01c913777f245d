package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener is told every attempt, retry and rate-limit wait, with the path template and never a credential. */
class ClientListenerTest {

    static final String API_KEY = "k3y-NEVER-SHOWN";
    static final String PASSWORD = "pa55-NEVER-SHOWN";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final VirtualTime time = new VirtualTime();
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** Writes each event as one line, its arguments included, so a test sees exactly what a listener is given. */
    private final ClientListener recorder = new ClientListener() {
        @Override
        public void attemptStarted(Call call, int attempt) {
            events.add("started " + call + " #" + attempt);
        }

        @Override
        public void attemptAnswered(Call call, int attempt, int status, Duration elapsed) {
            events.add("answered " + call.method() + " " + call.pathTemplate() + " #" + attempt + " " + status);
        }

        @Override
        public void retrying(Call call, int attempt, Duration delay, String reason) {
            events.add("retrying " + call.pathTemplate() + " after #" + attempt + " in " + delay + " (" + reason + ")");
        }

        @Override
        public void tokenWait(Call call, Duration wait) {
            events.add("token wait " + call.pathTemplate() + " " + wait);
        }
    };

    private ApiClient client(ClientOptions.Builder extra) {
        return new ApiClient(extra
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", PASSWORD).queryParameter("api_key", API_KEY).build())
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .build(), ErrorDecoder.DEFAULT);
    }

    private static ApiRequest getProduct() {
        return ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", "SKU-1").query("fields", "a").build();
    }

    private void firstUnavailableThenOk() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).inScenario("s").whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
    }

    @Test
    void aRetriedCallIsToldAttemptByAttempt() {
        firstUnavailableThenOk();

        client(ClientOptions.builder().listener(recorder)).send(getProduct());

        String uri = server.getRuntimeInfo().getHttpsBaseUrl() + "/api/products/SKU-1";
        assertThat(events).containsExactly(
                "started Call[method=GET, pathTemplate=/products/{sku}, uri=" + uri + "] #1",
                "answered GET /products/{sku} #1 503",
                "retrying /products/{sku} after #1 in PT2S (HTTP 503, Retry-After)",
                "started Call[method=GET, pathTemplate=/products/{sku}, uri=" + uri + "] #2",
                "answered GET /products/{sku} #2 200");
        assertThat(String.join("\n", events)).doesNotContain(API_KEY).doesNotContain(PASSWORD).doesNotContain("fields=");
    }

    @Test
    void asynchronousCallsAreToldTheSame() throws Exception {
        firstUnavailableThenOk();

        client(ClientOptions.builder().listener(recorder)).sendAsync(getProduct()).get(20, TimeUnit.SECONDS);

        assertThat(events).hasSize(5);
        assertThat(events.get(1)).isEqualTo("answered GET /products/{sku} #1 503");
        assertThat(events.get(2)).isEqualTo("retrying /products/{sku} after #1 in PT2S (HTTP 503, Retry-After)");
        assertThat(events.get(4)).isEqualTo("answered GET /products/{sku} #2 200");
    }

    @Test
    void aWaitForARateLimitTokenIsTold() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson("{}")));
        ApiClient client = client(ClientOptions.builder().listener(recorder).rateLimit(RateLimit.of(2, 1)));

        client.send(getProduct());
        client.send(getProduct()); // the bucket of 1 is empty: half a second on the virtual clock

        assertThat(events).contains("token wait /products/{sku} PT0.5S");
    }

    @Test
    void theBucketsTokensCanBeRead() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson("{}")));
        ApiClient limited = client(ClientOptions.builder().rateLimit(RateLimit.of(2, 3)));

        assertThat(limited.rateLimitTokensAvailable()).hasValue(3);
        limited.send(getProduct());
        limited.send(getProduct());
        assertThat(limited.rateLimitTokensAvailable()).hasValue(1); // no time passed on the virtual clock: no refill
        time.advance(Duration.ofSeconds(1));
        assertThat(limited.rateLimitTokensAvailable()).hasValue(3); // 2 a second, up to the burst of 3

        assertThat(client(ClientOptions.builder()).rateLimitTokensAvailable()).isEmpty(); // no limit
    }

    @Test
    void aListenerThatThrowsDoesNotChangeTheCall() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson("\"ok\"")));
        ClientListener broken = new ClientListener() {
            @Override
            public void attemptStarted(Call call, int attempt) {
                throw new IllegalStateException("listener bug");
            }
        };

        assertThat(client(ClientOptions.builder().listener(broken)).send(getProduct(), String.class)).isEqualTo("ok");
    }
}
