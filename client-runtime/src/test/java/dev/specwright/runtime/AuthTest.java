package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bearer suppliers, API keys in query and cookie, OAuth 2.0 client credentials and the Authenticator hook, on loopback. */
class AuthTest {

    static final String API_KEY = "k3y-NEVER-SHOWN";
    static final String CLIENT_SECRET = "cl13nt-s3cr3t-NEVER-SHOWN";
    static final String ACCESS_TOKEN = "acc3ss-t0k3n-NEVER-SHOWN";

    @RegisterExtension
    static WireMockExtension server = AuthFixture.httpsServer();

    private final AuthFixture auth = new AuthFixture(server);

    private final VirtualTime time = new VirtualTime();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void stubAndCapture() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{}")));
    }

    @AfterEach
    void noSecretLogged() {
        AuthFixture.assertNothingLogged(logs, API_KEY, CLIENT_SECRET, ACCESS_TOKEN);
    }

    private ClientOptions.Builder options(Credentials credentials) {
        return auth.options(credentials).timeSource(time).retryJitter(VirtualTime.jitterAlways(0.5));
    }

    private ApiClient client(Credentials credentials) {
        return AuthFixture.client(options(credentials));
    }

    private OAuth2ClientCredentials.Builder oauth() {
        return auth.oauth(CLIENT_SECRET).scopes("orders:read", "orders:write").refreshSkew(Duration.ofSeconds(10))
                .timeSource(time);
    }

    private static void tokenEndpointAnswers(String token, int expiresIn) {
        server.stubFor(post(urlPathEqualTo(AuthFixture.TOKEN_PATH)).willReturn(okJson(
                AuthFixture.tokenJson(token, "bearer", expiresIn))));
    }

    private static ApiRequest ping() {
        return AuthFixture.ping();
    }

    private static List<String> authorizations() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/api/ping"))).stream()
                .map(request -> request.getHeader("Authorization")).toList();
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(API_KEY).doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void asksTheBearerSupplierBeforeEveryAttemptRetriesIncluded() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/api/ping")).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
        AtomicInteger issued = new AtomicInteger();
        ApiClient client = client(Credentials.builder().bearer(() -> "token-" + issued.incrementAndGet()).build());

        client.send(ping());
        client.send(ping());

        assertThat(authorizations()).containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-3");
        assertThat(client.options().credentials()).hasToString("Credentials[Authorization=Bearer (supplied per request)]");
    }

    @Test
    void aBearerSupplierThatFailsEndsTheCallUnsentAndNamesNoToken() {
        ApiClient client = client(Credentials.builder().bearer(() -> "two words " + ACCESS_TOKEN).build());

        Throwable thrown = catchThrowable(() -> client.send(ping()));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no whitespace");
        assertNoSecret(thrown.getMessage());
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/ping")));
        assertThatThrownBy(() -> Credentials.builder().basic("u", "p").bearer(() -> "t"))
                .hasMessageContaining("Authorization is already set");
        assertThatThrownBy(() -> Credentials.builder().bearer(() -> "t").bearer("t"))
                .hasMessageContaining("Authorization is already set");
    }

    @Test
    void sendsAnApiKeyAsAQueryParameterAndRedactsItInFailures() {
        server.stubFor(get(urlPathEqualTo("/api/secret")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"forbidden\"}")));
        ApiClient client = client(Credentials.builder().queryParameter("api key", API_KEY).build());

        client.send(ApiRequest.builder("GET", "/ping").query("page", 2).build());
        ApiException e = (ApiException) catchThrowable(() -> client.send(ApiRequest.builder("GET", "/secret").build()));

        LoggedRequest sent = server.findAll(getRequestedFor(urlPathEqualTo("/api/ping"))).get(0);
        assertThat(sent.getUrl()).isEqualTo("/api/ping?page=2&api%20key=" + API_KEY);
        assertThat(e.uri().toString()).endsWith("/api/secret?api%20key=***");
        assertThat(e.failure().uri().toString()).doesNotContain(API_KEY);
        for (String text : List.of(e.getMessage(), e.toString(), e.failure().toString(),
                client.options().credentials().toString(), client.options().toString(), client.toString())) {
            assertNoSecret(text);
        }
        assertThat(client.options().credentials()).hasToString("Credentials[query api key=***]");
    }

    @Test
    void sendsAnApiKeyAsACookieBeforeTheRequestsOwnCookies() {
        ApiClient client = client(Credentials.builder().cookie("session", API_KEY).header("X-Tenant", "acme").build());

        client.send(ping());
        client.send(ApiRequest.builder("GET", "/ping").header("Cookie", "theme=dark").build());

        List<String> cookies = server.findAll(getRequestedFor(urlPathEqualTo("/api/ping"))).stream()
                .map(request -> request.getHeader("Cookie")).toList();
        assertThat(cookies).containsExactly("session=" + API_KEY, "session=" + API_KEY + "; theme=dark");
        assertThat(client.options().credentials()).hasToString("Credentials[X-Tenant=***, cookie session=***]");
        assertThatThrownBy(() -> Credentials.builder().cookie("session", "a;b=" + API_KEY))
                .hasMessageContaining("cookie session: the value has a character a cookie cannot carry at index 1")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void fetchesAnOAuthTokenWithAFormPostAndReusesIt() throws Exception {
        tokenEndpointAnswers(ACCESS_TOKEN, 3600);
        OAuth2ClientCredentials oauth = oauth().build();
        ApiClient client = client(Credentials.builder().authenticator(oauth).header("X-Tenant", "acme").build());

        client.send(ping());
        client.sendAsync(ping()).get(10, TimeUnit.SECONDS);

        LoggedRequest tokenRequest = server.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).get(0);
        assertThat(tokenRequest.getBodyAsString()).isEqualTo("grant_type=client_credentials&scope=orders%3Aread+orders%3Awrite");
        assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        String basic = new String(Base64.getDecoder().decode(tokenRequest.getHeader("Authorization").substring(6)),
                StandardCharsets.UTF_8);
        assertThat(basic).endsWith(":" + CLIENT_SECRET);
        assertThat(oauth.tokenRequests()).isEqualTo(1);
        assertThat(authorizations()).containsExactly("Bearer " + ACCESS_TOKEN, "Bearer " + ACCESS_TOKEN);
        assertThat(client.options().credentials().toString()).isEqualTo("Credentials[X-Tenant=***, "
                + "OAuth2ClientCredentials[tokenUri=" + server.getRuntimeInfo().getHttpsBaseUrl() + "/oauth/token,"
                + " scopes=[orders:read, orders:write]]]");
    }

    @Test
    void sendsTheClientCredentialsInTheBodyWhenAskedTo() {
        tokenEndpointAnswers(ACCESS_TOKEN, 3600);
        OAuth2ClientCredentials oauth = oauth().clientId("my client").credentialsInBody(true)
                .parameter("audience", "https://api.example.com").build();

        client(Credentials.builder().authenticator(oauth).build()).send(ping());

        LoggedRequest tokenRequest = server.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).get(0);
        assertThat(tokenRequest.getHeader("Authorization")).isNull();
        assertThat(tokenRequest.getBodyAsString()).isEqualTo("grant_type=client_credentials"
                + "&scope=orders%3Aread+orders%3Awrite&audience=https%3A%2F%2Fapi.example.com"
                + "&client_id=my+client&client_secret=" + CLIENT_SECRET);
    }

    @Test
    void refreshesTheTokenTheSkewBeforeItExpiresOnTheVirtualClock() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"first\",\"token_type\":\"Bearer\",\"expires_in\":60}"))
                .willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"second\",\"token_type\":\"Bearer\",\"expires_in\":60}")));
        OAuth2ClientCredentials oauth = oauth().build(); // skew 10 s: a 60 s token is replaced after 50 s
        ApiClient client = client(Credentials.builder().authenticator(oauth).build());

        client.send(ping());
        time.advance(Duration.ofSeconds(49));
        client.send(ping());
        time.advance(Duration.ofSeconds(1));
        client.send(ping());
        client.send(ping());

        assertThat(authorizations()).containsExactly("Bearer first", "Bearer first", "Bearer second", "Bearer second");
        assertThat(oauth.tokenRequests()).isEqualTo(2);
    }

    @Test
    void sendsExactlyOneTokenRequestForThirtyTwoThreadsAtOnce() throws Exception {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                .withFixedDelay(300)));
        OAuth2ClientCredentials oauth = oauth().build();
        ApiClient client = client(Credentials.builder().authenticator(oauth).build());
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
                call.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(authorizations()).hasSize(32).containsOnly("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void asynchronousCallsShareOneTokenRequestToo() throws Exception {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                .withFixedDelay(200)));
        ApiClient client = client(Credentials.builder().authenticator(oauth().build()).build());

        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(client.sendAsync(ping()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(authorizations()).hasSize(32).containsOnly("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void aRefusedTokenRequestFailsTheCallWithAnApiExceptionAndTheNextCallAsksAgain() throws Exception {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}")));
        OAuth2ClientCredentials oauth = oauth().build();
        ApiClient client = client(Credentials.builder().authenticator(oauth).build());

        Throwable blocking = catchThrowable(() -> client.send(ping()));
        Throwable async = catchThrowable(() -> client.sendAsync(ping()).join()).getCause();

        for (Throwable thrown : List.of(blocking, async)) {
            assertThat(thrown).isInstanceOf(ApiException.class)
                    .hasMessageEndingWith("/oauth/token → HTTP 401: the token request was refused: unknown client");
            assertThat(((ApiException) thrown).attempts()).isZero();
            assertNoSecret(thrown.toString());
        }
        assertThat(oauth.tokenRequests()).isEqualTo(2);
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/ping")));
    }

    @Test
    void anUnreachableTokenEndpointFailsTheCallWithATransportException() {
        OAuth2ClientCredentials oauth = oauth().tokenUri(URI.create("https://127.0.0.1:1/oauth/token")).build();

        Throwable thrown = catchThrowable(() -> client(Credentials.builder().authenticator(oauth).build()).send(ping()));

        assertThat(thrown).isInstanceOf(TransportException.class)
                .hasMessageStartingWith("POST https://127.0.0.1:1/oauth/token: the token request failed");
        assertNoSecret(thrown.toString());
    }

    @Test
    void refusesAPlainHttpTokenEndpointAndIncompleteSettings() {
        assertThatThrownBy(() -> oauth().tokenUri(URI.create("http://auth.example.com/token")).build())
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> oauth().tokenUri(URI.create("http://127.0.0.1/token")).build())
                .hasMessageContaining("allowPlainHttpToLoopback(true)");
        assertThat(oauth().tokenUri(URI.create("http://127.0.0.1/token")).allowPlainHttpToLoopback(true).build())
                .isNotNull();
        assertThatThrownBy(() -> OAuth2ClientCredentials.builder().clientId("x").build())
                .hasMessageContaining("tokenUri, clientId and clientSecret are required");
        assertThatThrownBy(() -> oauth().scopes("two words")).hasMessageContaining("is not a scope token");
    }

    @Test
    void anAuthenticatorAddsHeadersQueryAndCookiesBeforeEveryAttempt() {
        List<String> seen = new ArrayList<>();
        Authenticator signer = request -> {
            seen.add(request.method() + " " + request.uri().getRawPath());
            request.header("X-Signature", "sig-" + seen.size()).queryParameter("key", API_KEY).cookie("c", "v");
        };
        ApiClient client = client(Credentials.builder().authenticator(signer).build());

        client.send(ping());

        LoggedRequest sent = server.findAll(getRequestedFor(urlPathEqualTo("/api/ping"))).get(0);
        assertThat(sent.getHeader("X-Signature")).isEqualTo("sig-1");
        assertThat(sent.getHeader("Cookie")).isEqualTo("c=v");
        assertThat(sent.queryParameter("key").firstValue()).isEqualTo(API_KEY);
        assertThat(seen).containsExactly("GET /api/ping");
        assertThat(client.options().credentials().toString()).startsWith("Credentials[authenticator dev.specwright.runtime.AuthTest$");
        assertThatThrownBy(() -> new AuthRequest("GET", URI.create("https://x/")).header("X-A", "a\r\nB: c"))
                .hasMessageContaining("line break");
    }

    @Test
    void callersWithTheSameOAuthClientOrBearerSupplierShareABucket() {
        OAuth2ClientCredentials oauth = oauth().build();
        OAuth2ClientCredentials sameClient = oauth().clientId("client-x").build();
        OAuth2ClientCredentials sameClientAgain = oauth().clientId("client-x").build();
        Supplier<String> supplier = () -> "t";

        String oauthIdentity = identity(Credentials.builder().authenticator(sameClient).build());

        assertThat(oauthIdentity).hasSize(64)
                .isEqualTo(identity(Credentials.builder().authenticator(sameClientAgain).build()))
                .isNotEqualTo(identity(Credentials.builder().authenticator(oauth).build()));
        assertThat(identity(Credentials.builder().bearer(supplier).build()))
                .isEqualTo(identity(Credentials.builder().bearer(supplier).build()))
                .isNotEqualTo(identity(Credentials.builder().bearer(() -> "t").build()));
        assertThat(identity(Credentials.builder().queryParameter("k", API_KEY).build()))
                .hasSize(64).doesNotContain(API_KEY);
        assertThat(RateLimiters.identity(options(Credentials.builder().queryParameter("other", API_KEY).build())
                .rateLimitScope(RateLimitScope.authorization().or(RateLimitScope.queryParameter("k"))).build()))
                .isEmpty(); // a part the scope does not name identifies no one
    }

    /** The caller's identity under a scope of the authorization, else the query parameter {@code k}. */
    private String identity(Credentials credentials) {
        return RateLimiters.identity(options(credentials)
                .rateLimitScope(RateLimitScope.authorization().or(RateLimitScope.queryParameter("k"))).build()).orElseThrow();
    }
}
