package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.UUID;

/**
 * The setup the authentication tests share ({@code AuthTest}, {@code AuthRecoveryTest}, {@code RefreshingBearerTest}):
 * a WireMock server over HTTPS on loopback, a client whose base URI is its {@code /api} and which trusts its test
 * certificate, an OAuth 2.0 client for its {@code /oauth/token}, token answers, and the check that no secret was logged.
 * Each test adds what it needs on top (a virtual clock, a retry policy, no rate limit).
 *
 * <pre>{@code
 * @RegisterExtension static WireMockExtension server = AuthFixture.httpsServer();
 * private final AuthFixture auth = new AuthFixture(server);
 * }</pre>
 */
final class AuthFixture {

    /** The path of the token endpoint {@link #oauth} uses. */
    static final String TOKEN_PATH = "/oauth/token";

    private final WireMockExtension server;

    AuthFixture(WireMockExtension server) {
        this.server = server;
    }

    /** A WireMock server over HTTPS with the test certificate (register it as a static extension). */
    static WireMockExtension httpsServer() {
        return WireMockExtension.newInstance().options(TestTls.httpsServer()).build();
    }

    /** {@code https://localhost:<port>}. */
    String origin() {
        return server.getRuntimeInfo().getHttpsBaseUrl();
    }

    /** The server's {@code /api} as base URI, its certificate trusted, with {@code credentials}. */
    ClientOptions.Builder options(Credentials credentials) {
        return ClientOptions.builder()
                .baseUri(URI.create(origin() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(credentials);
    }

    static ApiClient client(ClientOptions.Builder options) {
        return new ApiClient(options.build(), ErrorDecoder.DEFAULT);
    }

    /**
     * An OAuth 2.0 client for the server's {@link #TOKEN_PATH}, with its own TLS context trusting the test certificate;
     * a client id of its own (so each test has its own rate-limit bucket) and {@code clientSecret}.
     */
    OAuth2ClientCredentials.Builder oauth(String clientSecret) {
        return OAuth2ClientCredentials.builder()
                .tokenUri(URI.create(origin() + TOKEN_PATH))
                .clientId("client-" + UUID.randomUUID())
                .clientSecret(clientSecret)
                .sslContext(TestTls.trustingLocalhost());
    }

    /** A token endpoint's answer: {@code access_token}, {@code token_type}, {@code expires_in}. */
    static String tokenJson(String token, String type, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"" + type + "\",\"expires_in\":" + expiresIn + "}";
    }

    /** {@code GET /ping} (the server's {@code /api/ping}). */
    static ApiRequest ping() {
        return ApiRequest.builder("GET", "/ping").build();
    }

    /** No line the runtime logged during the test holds any of {@code secrets}. */
    static void assertNothingLogged(CapturedLogs logs, String... secrets) {
        for (String line : logs.lines()) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }
}
