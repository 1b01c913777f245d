package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.specwright.runtime.InMemoryTransport.Answer;
import dev.specwright.runtime.InMemoryTransport.RecordedRequest;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OAuth 2.0 token request goes through the client's {@link Transport}: an {@link InMemoryTransport} answers it in a
 * unit test, and the client's trust settings and proxy apply to the token endpoint.
 */
class OAuthTransportTest {

    static final String CLIENT_SECRET = "cl13nt-s3cr3t-NEVER-SHOWN";
    static final String TOKEN = "acc3ss-t0k3n-NEVER-SHOWN";
    static final String FRESH = "fr3sh-t0k3n-NEVER-SHOWN";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void noSecretLogged() {
        logs.lines().forEach(line -> assertNoSecret(line));
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(CLIENT_SECRET).doesNotContain(TOKEN).doesNotContain(FRESH)
                .doesNotContain(Base64.getEncoder().encodeToString(("my-client:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    /** No sslContext, no transport: the token requests go through the transport of the client asking. */
    private static OAuth2ClientCredentials oauth(String tokenUri) {
        return OAuth2ClientCredentials.builder().tokenUri(URI.create(tokenUri))
                .clientId("my-client").clientSecret(CLIENT_SECRET).scopes("orders:read").build();
    }

    private static String token(String value) {
        return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    }

    private static ApiClient inMemoryClient(InMemoryTransport transport, OAuth2ClientCredentials oauth) {
        return new ApiClient(ClientOptions.builder().baseUri("https://shop.example.com/api").transport(transport)
                .credentials(Credentials.builder().authenticator(oauth).build()).build(), ErrorDecoder.DEFAULT);
    }

    private static ApiRequest ping() {
        return ApiRequest.builder("GET", "/ping").build();
    }

    @Test
    void anInMemoryTransportAnswersTheTokenRequestAndRecordsItWithoutShowingTheSecret() {
        InMemoryTransport transport = new InMemoryTransport()
                .answer("POST", "/oauth2/token", Answer.json(200, token(TOKEN)))
                .answer("GET", "/api/ping", Answer.json(200, "\"pong\""));
        OAuth2ClientCredentials oauth = oauth("https://auth.example.com/oauth2/token");
        ApiClient client = inMemoryClient(transport, oauth);

        assertThat(client.send(ping(), String.class)).isEqualTo("pong");
        assertThat(client.send(ping(), String.class)).isEqualTo("pong");

        List<RecordedRequest> requests = transport.requests();
        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/oauth2/token"),
                org.assertj.core.groups.Tuple.tuple("GET", "/api/ping"),
                org.assertj.core.groups.Tuple.tuple("GET", "/api/ping"));
        RecordedRequest tokenRequest = requests.get(0);
        assertThat(tokenRequest.uri()).isEqualTo(URI.create("https://auth.example.com/oauth2/token"));
        assertThat(tokenRequest.bodyText()).isEqualTo("grant_type=client_credentials&scope=orders%3Aread");
        assertThat(tokenRequest.header("Content-Type")).hasValue("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(tokenRequest.header("Authorization")).hasValue("Basic " + Base64.getEncoder()
                .encodeToString(("my-client:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(requests.get(1).header("Authorization")).hasValue("Bearer " + TOKEN);
        assertThat(oauth.tokenRequests()).isEqualTo(1);
        // what a test prints of the recorded requests, the transport and the authenticator shows no secret
        requests.forEach(request -> assertNoSecret(request.toString()));
        assertNoSecret(transport.toString());
        assertNoSecret(oauth.toString());
    }

    @Test
    void aRevokedTokenIsFetchedAnewThroughTheTransportAndTheCallSentOnceMore() {
        InMemoryTransport transport = new InMemoryTransport()
                .answer("POST", "/oauth2/token", Answer.json(200, token(TOKEN)), Answer.json(200, token(FRESH)))
                .answer(request -> request.path().equals("/api/ping")
                        && request.header("Authorization").orElse("").equals("Bearer " + TOKEN), Answer.status(401))
                .answer("GET", "/api/ping", Answer.json(200, "\"pong\""));
        OAuth2ClientCredentials oauth = oauth("https://auth.example.com/oauth2/token");

        assertThat(inMemoryClient(transport, oauth).send(ping(), String.class)).isEqualTo("pong");

        assertThat(transport.requests()).extracting(RecordedRequest::path)
                .containsExactly("/oauth2/token", "/api/ping", "/oauth2/token", "/api/ping");
        assertThat(transport.requests().get(3).header("Authorization")).hasValue("Bearer " + FRESH);
        assertThat(oauth.tokenRequests()).isEqualTo(2);
    }

    /** The listener hears each token request once, from the call that started it: the first, and the one after a 401. */
    @Test
    void theListenerIsToldOfEachTokenFetchWithTheEndpointAndNoSecret() {
        InMemoryTransport transport = new InMemoryTransport()
                .answer("POST", "/oauth2/token", Answer.json(200, token(TOKEN)), Answer.json(200, token(FRESH)),
                        Answer.json(401, "{\"error\":\"invalid_client\"}"))
                .answer(request -> request.path().equals("/api/ping") && request.header("Authorization").orElse("")
                        .equals("Bearer " + TOKEN) && request.uri().getQuery() != null, Answer.status(401))
                .answer("GET", "/api/ping", Answer.json(200, "\"pong\""));
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ApiClient client = new ApiClient(ClientOptions.builder().baseUri("https://shop.example.com/api").transport(transport)
                .credentials(Credentials.builder().authenticator(oauth("https://auth.example.com/oauth2/token?tenant=" + CLIENT_SECRET))
                        .build())
                .retryPolicy(RetryPolicy.none())
                .listener(new ClientListener() {
                    @Override
                    public void credentialsFetched(Call call, String endpoint, boolean succeeded, java.time.Duration elapsed) {
                        events.add(call.pathTemplate() + " " + endpoint + " " + succeeded);
                    }

                    @Override
                    public void credentialsRefused(Call call, int attempt) {
                        events.add(call.pathTemplate() + " refused #" + attempt);
                    }
                }).build(), ErrorDecoder.DEFAULT);

        client.send(ping(), String.class); // fetches the first token
        client.send(ping(), String.class); // the cached one: nothing to tell
        client.send(ApiRequest.builder("GET", "/ping").query("revoked", "yes").build(), String.class); // 401, fetched anew

        assertThat(events).containsExactly(
                "/ping https://auth.example.com/oauth2/token true",
                "/ping refused #1",
                "/ping https://auth.example.com/oauth2/token true");
        events.forEach(OAuthTransportTest::assertNoSecret);
    }

    @Test
    void aRefusedTokenRequestFromTheTransportFailsTheCallWithNoSecretInTheMessage() {
        // a token endpoint that echoes the request back: the secret in its error body must not reach the message
        InMemoryTransport transport = new InMemoryTransport().answer("POST", "/oauth2/token", Answer.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"client_secret " + CLIENT_SECRET + " is wrong\"}"));
        ApiClient client = inMemoryClient(transport, oauth("https://auth.example.com/oauth2/token"));

        Throwable thrown = catchThrowable(() -> client.send(ping()));

        assertThat(thrown).isInstanceOf(ApiException.class).hasMessageContaining("the token request was refused")
                .hasMessageContaining("client_secret *** is wrong");
        assertThat(((ApiException) thrown).status()).isEqualTo(401);
        assertNoSecret(thrown.toString());
        assertNoSecret(((ApiException) thrown).redactedBody());
        assertThat(transport.requests()).extracting(RecordedRequest::path).containsExactly("/oauth2/token");
    }

    @Test
    void aTokenAnswerOverTheBodyBoundIsRefusedThroughTheTransportToo() {
        byte[] huge = ("{\"access_token\":\"" + TOKEN + "\",\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        InMemoryTransport transport = new InMemoryTransport().answer("POST", "/oauth2/token",
                Answer.status(200).header("Content-Type", "application/json").body(huge));

        Throwable thrown = catchThrowable(() -> inMemoryClient(transport, oauth("https://auth.example.com/oauth2/token"))
                .send(ping()));

        assertThat(thrown).isInstanceOf(ResponseTooLargeException.class);
        assertNoSecret(thrown.toString());
    }

    @Test
    void thirtyTwoThreadsOnAnInMemoryTransportShareOneTokenRequest() throws Exception {
        InMemoryTransport transport = new InMemoryTransport()
                .answer("POST", "/oauth2/token", Answer.json(200, token(TOKEN)))
                .answer("GET", "/api/ping", Answer.json(200, "\"pong\""));
        OAuth2ClientCredentials oauth = oauth("https://auth.example.com/oauth2/token");
        ApiClient client = inMemoryClient(transport, oauth);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(() -> client.send(ping(), String.class)));
            }
            List<CompletableFuture<String>> async = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                async.add(client.sendAsync(ping(), String.class));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo("pong");
            }
            for (CompletableFuture<String> call : async) {
                assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo("pong");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(oauth.tokenRequests()).isEqualTo(1);
        assertThat(transport.requests().stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(1);
    }

    @Test
    void theClientsTrustSettingsAndProxyApplyToTheTokenEndpoint() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(token(TOKEN))));
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("\"pong\"")));
        List<URI> proxied = new CopyOnWriteArrayList<>();
        ProxySelector direct = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                proxied.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
        };
        String base = server.getRuntimeInfo().getHttpsBaseUrl();
        // the authenticator has no TLS context of its own: only the client's trust of the test CA gets it through
        ApiClient client = new ApiClient(ClientOptions.builder().baseUri(base + "/api")
                .sslContext(TestTls.trustingLocalhost()).proxy(direct)
                .credentials(Credentials.builder().authenticator(oauth(base + "/oauth/token")).build()).build(),
                ErrorDecoder.DEFAULT);

        assertThat(client.send(ping(), String.class)).isEqualTo("pong");

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(proxied).extracting(URI::getPath).contains("/oauth/token");
    }

    @Test
    void aClientWithoutTheTrustFailsTheTokenRequestAndTheAuthenticatorsOwnTransportWins() {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(token(TOKEN))));
        String base = server.getRuntimeInfo().getHttpsBaseUrl();
        ApiClient untrusting = new ApiClient(ClientOptions.builder().baseUri(base + "/api")
                .credentials(Credentials.builder().authenticator(oauth(base + "/oauth/token")).build()).build(),
                ErrorDecoder.DEFAULT);

        Throwable thrown = catchThrowable(() -> untrusting.send(ping()));

        assertThat(thrown).isInstanceOf(TransportException.class)
                .hasMessageStartingWith("POST " + base + "/oauth/token: the token request failed");
        server.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token"))); // the handshake failed: nothing arrived

        InMemoryTransport own = new InMemoryTransport().answer("POST", "/oauth/token", Answer.json(200, token(TOKEN)));
        InMemoryTransport api = new InMemoryTransport().answer("GET", "/api/ping", Answer.json(200, "\"pong\""));
        OAuth2ClientCredentials withOwn = OAuth2ClientCredentials.builder().tokenUri(URI.create(base + "/oauth/token"))
                .clientId("my-client").clientSecret(CLIENT_SECRET).sslContext(TestTls.trustingLocalhost())
                .transport(own).build();

        assertThat(inMemoryClient(api, withOwn).send(ping(), String.class)).isEqualTo("pong");
        assertThat(own.requests()).extracting(RecordedRequest::path).containsExactly("/oauth/token");
        assertThat(api.requests()).extracting(RecordedRequest::path).containsExactly("/api/ping");
    }
}
