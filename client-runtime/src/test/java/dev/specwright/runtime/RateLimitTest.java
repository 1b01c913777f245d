package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
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
 * Client-side rate limiting through real clients against an HTTPS server on loopback, on a virtual clock. The clients
 * say the API counts per {@code X-Tenant} header, as a generated client passes its spec's scope; each test uses its
 * own tenant, so the JVM-wide buckets of different tests never meet.
 */
class RateLimitTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final VirtualTime time = new VirtualTime();
    private final String tenant = "tenant-" + UUID.randomUUID();

    private static final RateLimitScope PER_TENANT = RateLimitScope.header("X-Tenant");

    private ClientOptions.Builder options(String tenant, String password) {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", password).header("X-Tenant", tenant).build())
                .rateLimit(RateLimit.of(10, 25))
                .rateLimitScope(PER_TENANT)
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
    void theFirstPartOfTheScopeTheClientSendsIdentifiesTheCaller() {
        RateLimitScope tenantOrAuthorization = PER_TENANT.or(RateLimitScope.authorization());
        ClientOptions alice = options(tenant, "pw").credentials(Credentials.builder().bearer("alice-token").build())
                .rateLimitScope(tenantOrAuthorization).build();
        ClientOptions aliceAgain = options(tenant, "pw").credentials(Credentials.builder().bearer("alice-token").build())
                .rateLimitScope(tenantOrAuthorization).build();
        ClientOptions bob = options(tenant, "pw").credentials(Credentials.builder().bearer("bob-token").build())
                .rateLimitScope(tenantOrAuthorization).build();
        ClientOptions bobForTheTenant = options(tenant, "pw").credentials(Credentials.builder().bearer("bob-token")
                .header("X-Tenant", tenant).build()).rateLimitScope(tenantOrAuthorization).build();

        assertThat(RateLimiters.forOptions(alice)).isSameAs(RateLimiters.forOptions(aliceAgain))
                .isNotSameAs(RateLimiters.forOptions(bob));
        assertThat(RateLimiters.forOptions(bobForTheTenant)).isSameAs(RateLimiters.forOptions(options(tenant, "pw").build()))
                .isNotSameAs(RateLimiters.forOptions(bob));
        assertThat(RateLimiters.identity(alice)).get().asString().doesNotContain("alice").hasSize(64);
        assertThat(RateLimiters.identity(options(tenant, "pw").build())).get().asString().doesNotContain(tenant);
    }

    @Test
    void aDefaultHeaderNamedByTheScopeIdentifiesTheCallerToo() {
        ClientOptions byDefaultHeader = options(tenant, "pw").credentials(Credentials.builder().basic("u", "p").build())
                .defaultHeader("x-tenant", tenant).build();

        assertThat(RateLimiters.forOptions(byDefaultHeader)).isSameAs(RateLimiters.forOptions(options(tenant, "pw").build()));
    }

    @Test
    void withoutAScopeOrAPartOfItEveryClientHasItsOwnBucket() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
        ClientOptions unscoped = options(tenant, "pw").rateLimitScope(RateLimitScope.perClient()).build();
        ApiClient first = new ApiClient(unscoped, ErrorDecoder.DEFAULT);
        ApiClient second = new ApiClient(unscoped, ErrorDecoder.DEFAULT);
        ApiClient unnamed = new ApiClient(options(tenant, "pw").rateLimitScope(RateLimitScope.header("X-Reseller")).build(),
                ErrorDecoder.DEFAULT);

        for (int i = 0; i < 25; i++) {
            first.send(ping());
        }
        second.send(ping());
        unnamed.send(ping());
        assertThat(time.sleeps()).isEmpty(); // the same tenant, but nothing told the runtime the server counts by it

        first.send(ping());
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
        assertThat(ClientOptions.builder().baseUri(URI.create("https://api.example.com")).build().rateLimitScope())
                .isEqualTo(RateLimitScope.perClient());
        assertThat(RateLimiters.identity(unscoped)).isEmpty();
    }

    @Test
    void aScopeIsAValueThatNamesItsPartsInOrder() {
        RateLimitScope scope = RateLimitScope.header("X-Tenant").or(RateLimitScope.header("x-tenant"))
                .or(RateLimitScope.queryParameter("api_key")).or(RateLimitScope.cookie("session"))
                .or(RateLimitScope.authorization());

        assertThat(scope).hasToString("RateLimitScope[header x-tenant or query api_key or cookie session or authorization]")
                .isEqualTo(RateLimitScope.header("x-TENANT").or(RateLimitScope.queryParameter("api_key"))
                        .or(RateLimitScope.cookie("session")).or(RateLimitScope.authorization()))
                .isNotEqualTo(RateLimitScope.authorization().or(RateLimitScope.header("X-Tenant")));
        assertThat(scope.isPerClient()).isFalse();
        assertThat(RateLimitScope.perClient()).hasToString("RateLimitScope[per client]");
        assertThat(RateLimitScope.perClient().isPerClient()).isTrue();
        assertThat(catchThrowable(() -> RateLimitScope.header(" "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the header's name");
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
                        + " RateLimit[100/s, burst 100], but another client of the same caller"
                        + " (RateLimitScope[header x-tenant]) already shares RateLimit[10/s, burst 25]")
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
