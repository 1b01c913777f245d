package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A revoked OAuth token: a 401 drops it, one fresh token is fetched however many calls were refused, each call goes once more. */
class AuthRecoveryTest {

    static final String CLIENT_SECRET = "cl13nt-s3cr3t-NEVER-SHOWN";
    static final String OLD = "old-t0k3n-NEVER-SHOWN";
    static final String FRESH = "fresh-t0k3n-NEVER-SHOWN";

    @RegisterExtension
    static WireMockExtension server = AuthFixture.httpsServer();

    private final AuthFixture auth = new AuthFixture(server);

    private final VirtualTime time = new VirtualTime();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void noSecretLogged() {
        AuthFixture.assertNothingLogged(logs, CLIENT_SECRET, OLD, FRESH);
    }

    private ApiClient client(Credentials credentials) {
        return AuthFixture.client(auth.options(credentials).timeSource(time).retryJitter(VirtualTime.jitterAlways(0.5)));
    }

    private OAuth2ClientCredentials oauth() {
        return auth.oauth(CLIENT_SECRET).timeSource(time).build();
    }

    /** The first token request gets {@code OLD}, every later one {@code FRESH} (slowly, so refusals overlap the fetch). */
    private static void tokensOldThenFresh() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson(token(OLD))).willSetStateTo("revoked"));
        server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("revoked")
                .willReturn(okJson(token(FRESH)).withFixedDelay(200)));
    }

    private static String token(String value) {
        return AuthFixture.tokenJson(value, "Bearer", 3600);
    }

    private static void pingAccepts(String token) {
        server.stubFor(get(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{}")));
    }

    private static void pingRefuses(String token) {
        server.stubFor(get(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    }

    private static ApiRequest ping() {
        return AuthFixture.ping();
    }

    @Test
    void thirtyTwoCallsRefusedAtOnceCauseOneRefreshAndAllSucceed() throws Exception {
        tokensOldThenFresh();
        pingAccepts(OLD);
        pingAccepts(FRESH);
        ApiClient client = client(Credentials.builder().authenticator(oauth()).build());
        client.send(ping()); // the old token is fetched and works
        pingRefuses(OLD); // then the server revokes it (the newest stub wins)

        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    client.send(ping());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(20, TimeUnit.SECONDS); // throws if any call failed
            }
        } finally {
            threads.shutdownNow();
        }

        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token"))); // the first token, and one refresh for all 32
        server.verify(32, getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + FRESH)));
    }

    @Test
    void asynchronousCallsRecoverTheSameWay() throws Exception {
        tokensOldThenFresh();
        pingRefuses(OLD);
        pingAccepts(FRESH);
        ApiClient client = client(Credentials.builder().authenticator(oauth()).build());

        client.sendAsync(ping()).get(20, TimeUnit.SECONDS);

        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + OLD)));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + FRESH)));
    }

    @Test
    void aFreshTokenRefusedToo_endsTheCallWithTheSecond401() {
        tokensOldThenFresh();
        pingRefuses(OLD);
        pingRefuses(FRESH);
        ApiClient client = client(Credentials.builder().authenticator(oauth()).build());

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.send(ping()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/ping")));
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aFixedBearerCannotRenewItself_soA401EndsTheCallAtOnce() {
        pingRefuses(OLD);
        ApiClient client = client(Credentials.builder().bearer(OLD).build());

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.send(ping()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).doesNotContain(OLD);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping")));
    }
}
