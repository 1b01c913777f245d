package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Client-side rate limiting through real clients against an HTTPS server on loopback, on a virtual clock. Each test uses
 * its own tenant, so the JVM-wide buckets of different tests never meet.
 */
class RateLimitTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final VirtualTime time = new VirtualTime();
    private final String tenant = "tenant-" + UUID.randomUUID();

    private ClientOptions.Builder options(String tenant, String password) {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", password).header("X-Tenant", tenant).build())
                .rateLimit(RateLimit.of(10, 25))
                .retryPolicy(RetryPolicy.none())
                .timeSource(time);
    }

    private static ApiRequest ping() {
        return ApiRequest.builder("GET", "/ping").build();
    }

    @Test
    void sendsTheBurstAtOnceThenTenPerSecond() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(tenant, "pw").build(), ErrorDecoder.DEFAULT);

        for (int i = 0; i < 35; i++) {
            client.send(ping());
        }

        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(1));
        server.verify(35, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void clientsOfOneTenantShareOneBucketAndOtherTenantsHaveTheirOwn() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient first = new ApiClient(options(tenant, "pw").build(), ErrorDecoder.DEFAULT);
        ApiClient sameTenant = new ApiClient(options(tenant, "another-user's-pw").build(), ErrorDecoder.DEFAULT);
        ApiClient otherTenant = new ApiClient(options(tenant + "-other", "pw").build(), ErrorDecoder.DEFAULT);

        for (int i = 0; i < 25; i++) {
            first.send(ping());
        }
        otherTenant.send(ping());
        assertThat(time.sleeps()).isEmpty();

        sameTenant.send(ping());
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void withoutATenantHeaderTheAuthorizationIdentifiesTheCaller() {
        ClientOptions alice = options(tenant, "pw").credentials(Credentials.builder().bearer("alice-token").build()).build();
        ClientOptions aliceAgain = options(tenant, "pw").credentials(Credentials.builder().bearer("alice-token").build())
                .build();
        ClientOptions bob = options(tenant, "pw").credentials(Credentials.builder().bearer("bob-token").build()).build();

        assertThat(RateLimiters.forOptions(alice)).isSameAs(RateLimiters.forOptions(aliceAgain))
                .isNotSameAs(RateLimiters.forOptions(bob));
        assertThat(RateLimiters.identity(alice)).doesNotContain("alice").hasSize(64);
        assertThat(RateLimiters.identity(options(tenant, "pw").build())).doesNotContain(tenant);
    }

    @Test
    void aDifferentBaseUriIsADifferentBucket() {
        ClientOptions api = options(tenant, "pw").build();
        ClientOptions sandbox = options(tenant, "pw")
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/sandbox")).build();

        assertThat(RateLimiters.forOptions(api)).isNotSameAs(RateLimiters.forOptions(sandbox));
    }

    @Test
    void theFirstClientsSettingsHoldForTheSharedBucketWithAWarningThatNamesNoCredential() {
        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(ApiClient.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            RateLimiter first = RateLimiters.forOptions(options(tenant, "pw").build());
            RateLimiter second = RateLimiters.forOptions(options(tenant, "pw").rateLimit(RateLimit.of(100, 100)).build());

            assertThat(second).isSameAs(first);
            assertThat(second.limit()).isEqualTo(RateLimit.of(10, 25));
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }
        assertThat(warnings).singleElement().asString()
                .startsWith("WARNING a client of " + server.getRuntimeInfo().getHttpsBaseUrl() + "/api asked for"
                        + " RateLimit[100/s, burst 100], but another client with the same credentials already shares"
                        + " RateLimit[10/s, burst 25]")
                .doesNotContain(tenant);
    }

    @Test
    void isOffByDefault() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(tenant, "pw").rateLimit(RateLimit.off()).build(), ErrorDecoder.DEFAULT);

        for (int i = 0; i < 40; i++) {
            client.send(ping());
        }

        assertThat(ClientOptions.builder().baseUri(URI.create("https://api.example.com")).build().rateLimit())
                .isEqualTo(RateLimit.off());
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void everyRetryTakesAToken() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(tenant, "pw").rateLimit(RateLimit.of(1, 1))
                .retryPolicy(RetryPolicy.defaults()).build(), ErrorDecoder.DEFAULT);

        client.send(ping());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1)); // Retry-After 0, but the bucket was empty
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void endsTheCallWhenTheTokenWouldComeAfterTheDeadline() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(tenant, "pw").rateLimit(RateLimit.of(1, 1))
                .retryPolicy(RetryPolicy.builder().deadline(Duration.ofMillis(500)).build()).build(), ErrorDecoder.DEFAULT);
        client.send(ping());

        TransportException e = catchThrowableOfType(TransportException.class, () -> client.send(ping()));

        assertThat(e).hasMessageContaining("no rate-limit token").hasMessageContaining("deadline of 500 ms");
        assertThat(e.attempts()).isZero();
        assertThat(time.sleeps()).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void anInterruptWhileWaitingForATokenEndsTheCallAndIsKept() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ApiClient client = new ApiClient(options(tenant, "pw").rateLimit(RateLimit.of(1, 1)).build(), ErrorDecoder.DEFAULT);
        client.send(ping());

        Thread.currentThread().interrupt();
        try {
            TransportException e = catchThrowableOfType(TransportException.class, () -> client.send(ping()));

            assertThat(e).hasMessageContaining("interrupted while waiting for a rate-limit token");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void adaptiveModeSlowsDownAfterA429AndRecovers() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("fine"));
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("throttle").whenScenarioStateIs("fine")
                .willReturn(okJson("{}")));
        ClientOptions options = options(tenant, "pw").rateLimit(RateLimit.of(10, 25).adaptive()).build();
        ApiClient client = new ApiClient(options, ErrorDecoder.DEFAULT);
        RateLimiter bucket = RateLimiters.forOptions(options);

        assertThat(catchThrowableOfType(ApiException.class, () -> client.send(ping())).status()).isEqualTo(429);
        assertThat(bucket.currentRate()).isEqualTo(5.0);

        client.send(ping());
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200)); // the bucket was emptied, 5/s

        for (int i = 0; i < 5 + 6 + 7 + 8 + 9 - 1; i++) { // a run as long as the rate, at each rate from 5 to 9
            client.send(ping());
        }
        assertThat(bucket.currentRate()).isEqualTo(10.0);
        client.send(ping());
        assertThat(time.sleeps()).last().isEqualTo(Duration.ofMillis(100));
    }
}
