package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import dev.specwright.runtime.internal.FailureReasons;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No credential in any toString, exception message or log line: also when the server echoes the request back, for
 * every kind of credential, through every kind of decoder, in every form the secret can come back in.
 */
class CredentialLeakTest {

    static final String PASSWORD = "pa55-w0rd-NEVER-SHOWN";
    static final String TENANT = "tenant-NEVER-SHOWN";
    static final String BASIC = Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final List<String> logLines = new ArrayList<>();
    private final Logger julLogger = Logger.getLogger(ApiClient.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage()); // System.Logger suppliers log finished text, no parameters
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private ClientOptions options;
    private ApiClient client;

    @BeforeEach
    void setUp() {
        julLogger.setLevel(Level.ALL);
        julLogger.addHandler(capture);
        options = ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", PASSWORD).header("X-Tenant", TENANT).build())
                .defaultHeader("X-Api-Key", PASSWORD)
                .requestTimeout(Duration.ofSeconds(10)) // a loaded machine's first TLS handshake; /slow has its own
                .build();
        client = new ApiClient(options, ErrorDecoder.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        julLogger.removeHandler(capture);
        julLogger.setLevel(null);
    }

    @Test
    void toStringsNameNoSecret() {
        ApiRequest request = ApiRequest.builder("GET", "/me").header("X-Other", PASSWORD).build();

        assertNoSecret(options.credentials().toString());
        assertNoSecret(options.toString());
        assertNoSecret(client.toString());
        assertNoSecret(request.toString());
        assertThat(options.toString()).contains("Authorization=***", "X-Tenant=***", "X-Api-Key");
    }

    @Test
    void errorMessagesNameNoSecret() {
        server.stubFor(get(urlPathEqualTo("/api/me")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad credentials\"}")));
        server.stubFor(get(urlPathEqualTo("/api/slow")).willReturn(okJson("{}").withFixedDelay(2000)));

        Throwable unauthorized = catchThrowable(() -> client.send(ApiRequest.builder("GET", "/me").build()));
        Throwable timeout = catchThrowable(() -> client.send(ApiRequest.builder("GET", "/slow")
                .timeout(Duration.ofMillis(300)).build()));
        Throwable badHeader = catchThrowable(() -> Credentials.builder().header("X-Tenant", PASSWORD + "\n"));

        assertThat(unauthorized).isInstanceOf(ApiException.class).hasMessageEndingWith("HTTP 401: bad credentials");
        assertThat(timeout).isInstanceOf(TransportException.class);
        assertThat(badHeader).isInstanceOf(IllegalArgumentException.class);
        for (Throwable thrown : List.of(unauthorized, timeout, badHeader)) {
            assertNoSecret(thrown.getMessage());
            assertNoSecret(thrown.toString());
        }
    }

    @Test
    void logsMethodUriStatusAndTimeButNoHeaderValues() {
        server.stubFor(get(urlPathEqualTo("/api/me")).willReturn(okJson("{}")));

        client.send(ApiRequest.builder("GET", "/me").query("page", 2).build());

        assertThat(logLines).singleElement().asString()
                .startsWith("GET " + server.getRuntimeInfo().getHttpsBaseUrl() + "/api/me → 200 in ")
                .doesNotContain("page=2");
        logLines.forEach(CredentialLeakTest::assertNoSecret);
    }

    // ---- an echoing server: every credential kind, every way a message is built, every form a secret comes back in

    static final String BASIC_PASSWORD = "pa55/w0rd+\"\u00e9&=x";
    static final String BEARER = "b3arer.T0ken/NEVER+SHOWN=";
    static final String API_KEY = "k3y-header/NEVER+SHOWN";
    static final String QUERY_KEY = "q-k3y/&=+\u00e9 NEVER";
    static final String COOKIE_KEY = "ck-S3cret/NEVER+SHOWN=";
    static final String CLIENT_SECRET = "cl1ent/s3cret+\"NEVER\u00e9";
    static final String CONNECTION = "conn-NEVER-SHOWN-42";

    /** A credential kind: its credentials and every secret value they hold. */
    record Kind(String name, java.util.function.Function<URI, Credentials> credentials, List<String> secrets) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Kind> kinds() {
        java.util.concurrent.atomic.AtomicInteger rotation = new java.util.concurrent.atomic.AtomicInteger();
        return List.of(
                new Kind("basic", base -> Credentials.builder().basic("user", BASIC_PASSWORD).build(),
                        List.of(BASIC_PASSWORD, basic("user", BASIC_PASSWORD), "user:" + BASIC_PASSWORD)),
                new Kind("platform basic + headers", base -> Credentials.builder().basic("user", BASIC_PASSWORD)
                        .header("X-Tenant", TENANT).header("X-ConnectionId", CONNECTION).build(),
                        List.of(BASIC_PASSWORD, basic("user", BASIC_PASSWORD), TENANT, CONNECTION)),
                new Kind("static bearer", base -> Credentials.builder().bearer(BEARER).build(), List.of(BEARER)),
                new Kind("supplied bearer", base -> Credentials.builder()
                        .bearer(() -> BEARER + rotation.incrementAndGet()).build(),
                        List.of(BEARER)), // every rotated token starts with BEARER
                new Kind("oauth", base -> Credentials.builder().authenticator(OAuth2ClientCredentials.builder()
                        .tokenUri(base.resolve("/token")).allowPlainHttpToLoopback(true)
                        .clientId("client-1").clientSecret(CLIENT_SECRET).build()).build(),
                        List.of(EchoServer.ACCESS_TOKEN, CLIENT_SECRET, basic("client-1", formEncoded(CLIENT_SECRET)))),
                new Kind("api key header", base -> Credentials.builder().header("X-Api-Key", API_KEY).build(),
                        List.of(API_KEY)),
                new Kind("api key query", base -> Credentials.builder().queryParameter("api_key", QUERY_KEY).build(),
                        List.of(QUERY_KEY)),
                new Kind("api key cookie", base -> Credentials.builder().cookie("session", COOKIE_KEY).build(),
                        List.of(COOKIE_KEY)));
    }

    /** How the exception's message is made: the default decoder, a typed one (as generated), a careless one. */
    static List<ErrorDecoder> decoders() {
        return List.of(ErrorDecoder.DEFAULT,
                (failure, mapper) -> new TypedException(failure, FailureReasons.of(failure, mapper)),
                (failure, mapper) -> new ApiException("the server said: " + failure.body() + " headers: "
                        + failure.headers(), failure));
    }

    /** Like a generated category exception: the reason from the error document's message. */
    static final class TypedException extends ApiException {
        private static final long serialVersionUID = 1L;

        TypedException(HttpFailure failure, String reason) {
            super(failure, reason);
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> kindsAndEchoes() {
        List<org.junit.jupiter.params.provider.Arguments> all = new ArrayList<>();
        for (Kind kind : kinds()) {
            for (String echo : List.of("/echo/401/json", "/echo/403/text", "/echo/200/notjson")) {
                all.add(org.junit.jupiter.params.provider.Arguments.of(kind, echo));
            }
        }
        return all.stream();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("kindsAndEchoes")
    void anEchoingServerGetsNoSecretIntoAnyMessageLogOrToString(Kind kind, String echo) throws Exception {
        try (EchoServer echoServer = new EchoServer()) {
            ClientOptions echoOptions = ClientOptions.builder().baseUri(echoServer.base())
                    .allowPlainHttpToLoopback(true).credentials(kind.credentials().apply(echoServer.base()))
                    .retryPolicy(RetryPolicy.none()).build();
            for (ErrorDecoder decoder : decoders()) {
                ApiClient echoClient = new ApiClient(echoOptions, decoder);
                List<Throwable> thrown = new ArrayList<>();
                for (int call = 0; call < 2; call++) { // twice: a supplied bearer rotates between them
                    thrown.add(catchThrowable(() -> echoClient.send(ApiRequest.builder("GET", echo).query("page", 2).build(),
                            Map.class)));
                    thrown.add(catchThrowable(() -> echoClient.sendAsync(ApiRequest.builder("GET", echo).build(), Map.class)
                            .get(10, java.util.concurrent.TimeUnit.SECONDS)).getCause());
                }
                for (Throwable failure : thrown) {
                    assertThat(failure).as(kind + " " + echo).isInstanceOf(ApiException.class);
                    ApiException api = (ApiException) failure;
                    // the server did echo the secrets: the raw body (documented as unredacted) holds them
                    assertThat(api.rawBody()).contains("bad credentials");
                    assertThat(kind.secrets().stream().anyMatch(secret -> forms(secret).stream()
                            .anyMatch(api.rawBody()::contains))).as("the echo carries a secret").isTrue();
                    assertNoForm(kind, everythingPrinted(failure));
                    assertNoForm(kind, api.redactedBody());
                    assertNoForm(kind, api.uri().toString());
                    assertNoForm(kind, api.failure().toString());
                }
                assertNoForm(kind, echoClient.toString());
            }
            assertNoForm(kind, echoOptions.toString());
            assertNoForm(kind, String.join("\n", logs.lines()));
        }
    }

    @Test
    void aTokenEndpointThatEchoesTheClientSecretGetsItIntoNoMessage() throws Exception {
        try (EchoServer echoServer = new EchoServer()) {
            OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder().tokenUri(echoServer.base().resolve("/token-echo"))
                    .allowPlainHttpToLoopback(true).clientId("client-1").clientSecret(CLIENT_SECRET).build();
            ApiClient echoClient = new ApiClient(ClientOptions.builder().baseUri(echoServer.base())
                    .allowPlainHttpToLoopback(true).credentials(Credentials.builder().authenticator(oauth).build())
                    .build(), ErrorDecoder.DEFAULT);
            Kind kind = new Kind("oauth refused", base -> null,
                    List.of(CLIENT_SECRET, basic("client-1", formEncoded(CLIENT_SECRET))));

            Throwable blocking = catchThrowable(() -> echoClient.send(ApiRequest.builder("GET", "/echo/200/json").build()));
            Throwable async = catchThrowable(() -> echoClient.sendAsync(ApiRequest.builder("GET", "/echo/200/json").build())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)).getCause();

            for (Throwable failure : List.of(blocking, async)) {
                assertThat(failure).isInstanceOf(ApiException.class).hasMessageContaining("token request was refused");
                assertThat(((ApiException) failure).rawBody()).contains(basic("client-1", formEncoded(CLIENT_SECRET)));
                assertNoForm(kind, everythingPrinted(failure));
            }
            assertNoForm(kind, oauth.toString());
        }
    }

    @Test
    void aCallsOwnSecretNamedHeaderIsKeptOutOfItsMessageToo() throws Exception {
        String perCall = "per-call-k3y/NEVER+SHOWN";
        try (EchoServer echoServer = new EchoServer()) {
            ApiClient echoClient = new ApiClient(ClientOptions.builder().baseUri(echoServer.base())
                    .allowPlainHttpToLoopback(true).retryPolicy(RetryPolicy.none()).build(),
                    (failure, mapper) -> new ApiException("the server said: " + failure.body(), failure));
            ApiRequest request = RequestOptions.builder().header("X-Api-Key", perCall).build()
                    .applyTo(ApiRequest.builder("GET", "/echo/401/text")).build();
            Kind kind = new Kind("per-call header", base -> null, List.of(perCall));

            Throwable blocking = catchThrowable(() -> echoClient.send(request));
            Throwable async = catchThrowable(() -> echoClient.sendAsync(request)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)).getCause();

            for (Throwable failure : List.of(blocking, async)) {
                assertThat(((ApiException) failure).rawBody()).contains(perCall);
                assertNoForm(kind, everythingPrinted(failure));
            }
        }
    }

    @Test
    void shortSecretsAreLeftInTextButTheirHeaderShapesAreNot() {
        // a 3-character password would redact every "abc" in every message; the Authorization shape still goes
        dev.specwright.runtime.internal.Redactor redactor = dev.specwright.runtime.internal.Redactor.of(
                List.of("abc", "Basic " + basic("u", "abc")));
        assertThat(redactor.redact("the abc of it; Authorization: Basic " + basic("u", "abc") + "; token=abc"))
                .isEqualTo("the abc of it; Authorization: ***; token=***");
        assertThat(redactor.redact("Basic authentication required; Bearer token expired"))
                .isEqualTo("Basic authentication required; Bearer token expired");
    }

    /** getMessage, toString, and the whole printed stack trace: causes and suppressed exceptions included. */
    private static String everythingPrinted(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return failure.getMessage() + "\n" + failure + "\n" + out;
    }

    private static void assertNoForm(Kind kind, String text) {
        for (String secret : kind.secrets()) {
            for (String form : forms(secret)) {
                assertThat(text).as(kind + ": " + form).doesNotContain(form);
            }
        }
    }

    /** The secret as given and as a server would echo it: percent- and form-encoded, JSON-escaped, base64. */
    static List<String> forms(String secret) {
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(secret);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return List.of(secret, dev.specwright.runtime.internal.PercentEncoder.encode(secret), formEncoded(secret),
                json.substring(1, json.length() - 1),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static String formEncoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(BASIC).doesNotContain(TENANT);
    }
}
