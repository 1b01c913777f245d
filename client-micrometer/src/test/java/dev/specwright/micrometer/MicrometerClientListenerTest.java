package dev.specwright.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.specwright.runtime.ApiClient;
import dev.specwright.runtime.ApiRequest;
import dev.specwright.runtime.ClientOptions;
import dev.specwright.runtime.Credentials;
import dev.specwright.runtime.ErrorDecoder;
import dev.specwright.runtime.RateLimit;
import dev.specwright.runtime.RefreshableToken;
import dev.specwright.runtime.RetryPolicy;
import dev.specwright.runtime.TimeSource;
import dev.specwright.runtime.TransportException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.specwright.runtime.TestTls;

/** Real calls through a real client against WireMock over HTTPS, recorded into a {@link SimpleMeterRegistry}. */
class MicrometerClientListenerTest {

    static final String PASSWORD = "pa55w0rd-NEVER-IN-A-TAG";
    static final String SKU = "SKU-9876543";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock time = new Clock();
    private final String user = "user-" + UUID.randomUUID(); // each test its own rate-limit bucket

    /** A clock that moves only when the client waits, so retries and rate-limit waits take no real time. */
    static final class Clock implements TimeSource {
        private long nanos;

        @Override
        public synchronized long nanoTime() {
            return nanos;
        }

        @Override
        public synchronized Instant now() {
            return Instant.parse("2026-12-03T10:00:00Z").plusNanos(nanos);
        }

        @Override
        public synchronized void sleep(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> delay(Duration duration) {
            sleep(duration);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    @AfterEach
    void noSecretOrConcreteUriInAnyTag() {
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(PASSWORD).doesNotContain(SKU).doesNotContain("Basic ")
                        .doesNotContain("Bearer ").doesNotContain("https://");
            }
        }
    }

    private ClientOptions.Builder options(MicrometerClientListener listener) {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic(user, PASSWORD).build())
                .timeSource(time)
                .listener(listener);
    }

    private static ApiRequest product() {
        return ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", SKU).build();
    }

    private Timer requests(String status, String attempt) {
        return registry.get("specwright.client.requests").tag("method", "GET").tag("uri", "/products/{sku}")
                .tag("status", status).tag("attempt", attempt).timer();
    }

    @Test
    void eachAttemptIsTimedByStatusOutcomeAndAttemptAndEachRetryCountedByReason() {
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"sku\":\"" + SKU + "\"}")));
        ApiClient client = new ApiClient(options(MicrometerClientListener.builder(registry).client("shop").build())
                .retryPolicy(RetryPolicy.defaults()).build(), ErrorDecoder.DEFAULT);

        client.send(product());

        Timer failed = requests("503", "1");
        assertThat(failed.count()).isEqualTo(1);
        assertThat(failed.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
        assertThat(failed.getId().getTag("exception")).isEqualTo("none");
        assertThat(failed.getId().getTag("client")).isEqualTo("shop");
        Timer ok = requests("200", "2");
        assertThat(ok.count()).isEqualTo(1);
        assertThat(ok.getId().getTag("outcome")).isEqualTo("SUCCESS");
        assertThat(ok.totalTime(TimeUnit.NANOSECONDS)).isPositive(); // real time on the wire
        assertThat(registry.get("specwright.client.retries").tag("uri", "/products/{sku}").tag("attempt", "1")
                .tag("reason", "HTTP 503, backoff").counter().count()).isEqualTo(1);
        assertThat(registry.find("specwright.client.requests").timers()).hasSize(2);
    }

    @Test
    void aWaitForARateLimitTokenIsTimed() {
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(MicrometerClientListener.of(registry))
                .rateLimit(RateLimit.of(1, 1)).retryPolicy(RetryPolicy.none()).build(), ErrorDecoder.DEFAULT);

        client.send(product());
        client.send(product()); // one token a second, burst 1: waits a (virtual) second

        Timer waits = registry.get("specwright.client.rate.limit.waits").tag("method", "GET")
                .tag("uri", "/products/{sku}").timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        assertThat(requests("200", "1").count()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenThatIsRenewedIsCounted() {
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(okJson("{}")));
        RefreshableToken token = new RefreshableToken() {
            private volatile String current = "old";

            @Override
            public String token() {
                return current;
            }

            @Override
            public void refresh(String refused) {
                current = "new";
            }
        };
        ApiClient client = new ApiClient(options(MicrometerClientListener.of(registry))
                .credentials(Credentials.builder().bearer(token).build()).retryPolicy(RetryPolicy.none()).build(),
                ErrorDecoder.DEFAULT);

        client.send(product());

        assertThat(registry.get("specwright.client.credentials.refused").tag("uri", "/products/{sku}").counter().count())
                .isEqualTo(1);
        assertThat(requests("401", "1").getId().getTag("outcome")).isEqualTo("CLIENT_ERROR");
        assertThat(requests("200", "2").count()).isEqualTo(1);
    }

    @Test
    void eachOAuthTokenRequestIsTimedWithItsOutcomeAndNoSecretInATag() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"acc3ss-" + PASSWORD + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).willReturn(okJson("{}")));
        dev.specwright.runtime.OAuth2ClientCredentials oauth = dev.specwright.runtime.OAuth2ClientCredentials.builder()
                .tokenUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/oauth/token?realm=" + PASSWORD))
                .clientId("shop").clientSecret(PASSWORD).build();
        ApiClient client = new ApiClient(options(MicrometerClientListener.of(registry))
                .credentials(Credentials.builder().authenticator(oauth).build()).build(), ErrorDecoder.DEFAULT);

        client.send(product());
        client.send(product()); // the cached token: no second request

        Timer fetches = registry.get("specwright.client.credentials.fetches").tag("uri", "/products/{sku}")
                .tag("outcome", "SUCCESS").timer();
        assertThat(fetches.count()).isEqualTo(1);
        registry.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag ->
                assertThat(tag.getValue()).doesNotContain(PASSWORD).doesNotContain("realm")));
    }

    @Test
    void anAttemptWithoutAnAnswerIsTimedWithTheKindOfFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ApiClient client = new ApiClient(options(MicrometerClientListener.of(registry))
                .baseUri(URI.create("https://localhost:" + closedPort + "/api")).retryPolicy(RetryPolicy.none())
                .build(), ErrorDecoder.DEFAULT);

        assertThat(catchThrowable(() -> client.send(product()))).isInstanceOf(TransportException.class);

        Timer failed = requests("NONE", "1");
        assertThat(failed.count()).isEqualTo(1);
        assertThat(failed.getId().getTag("outcome")).isEqualTo("UNKNOWN");
        assertThat(failed.getId().getTag("exception")).isEqualTo("ConnectException");
    }

    @Test
    void aRedirectFollowedIsCountedAndIsNotARetry() {
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/api/v2/products/" + SKU)));
        server.stubFor(get(urlPathEqualTo("/api/v2/products/" + SKU)).willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(MicrometerClientListener.of(registry)).retryPolicy(RetryPolicy.none())
                .build(), ErrorDecoder.DEFAULT);

        client.send(product());

        assertThat(registry.get("specwright.client.redirects").tag("uri", "/products/{sku}").tag("status", "302")
                .counter().count()).isEqualTo(1);
        assertThat(requests("302", "1").count()).isEqualTo(1);
        assertThat(requests("200", "1").count()).isEqualTo(1); // the same attempt, gone on to the new location
        assertThat(registry.find("specwright.client.retries").counters()).isEmpty();
    }

    @Test
    void theListenersOwnTagKeysCannotBeSetTwiceAndAClientNameMustNotBeBlank() {
        for (String own : List.of("method", "uri", "status", "outcome", "attempt", "exception", "reason")) {
            assertThatThrownBy(() -> MicrometerClientListener.builder(registry).tag(own, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose another key");
        }
        assertThatThrownBy(() -> MicrometerClientListener.builder(registry).client(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
        assertThat(MicrometerClientListener.builder(registry).tag("region", "eu").build().toString()).contains("region");
    }
}
