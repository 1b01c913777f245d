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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No credential in any toString, exception message or log line. */
class CredentialLeakTest {

    static final String PASSWORD = "pa55-w0rd-NEVER-SHOWN";
    static final String TENANT = "tenant-NEVER-SHOWN";
    static final String BASIC = Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

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
                .requestTimeout(Duration.ofMillis(300))
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
        Throwable timeout = catchThrowable(() -> client.send(ApiRequest.builder("GET", "/slow").build()));
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

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(BASIC).doesNotContain(TENANT);
    }
}
