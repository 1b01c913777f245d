package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 429 the retries could not get past is a typed exception that says how long the server asked to wait. */
class RateLimitedExceptionTest {

    static final String PASSWORD = "throttled-pa55word";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private final VirtualTime time = new VirtualTime();

    private ApiClient client(RetryPolicy policy) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", PASSWORD).build())
                .retryPolicy(policy)
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .build(), ErrorDecoder.DEFAULT);
    }

    @Test
    void withRetriesOffA429IsThrownAtOnceWithTheServersWait() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"slow down, user:" + PASSWORD + "\"}")));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> client(RetryPolicy.none()).send(ApiRequest.builder("GET", "/thing").build(), String.class));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.isRateLimited()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("HTTP 429").doesNotContain(PASSWORD);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void whenTheRetriesAreUsedUpTheLast429IsThrown() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> client(RetryPolicy.builder().maxAttempts(3).build()).send(ApiRequest.builder("GET", "/thing").build(), String.class));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/thing")));
    }

    @Test
    void anHttpDateIsMeasuredFromTheAnswersDateHeader() {
        HttpFailure failure = new HttpFailure(429, "GET", URI.create("https://api.example/api/thing"),
                Map.of("retry-after", List.of("Wed, 21 Oct 2026 07:28:30 GMT"), "Date", List.of("Wed, 21 Oct 2026 07:28:00 GMT")), "");
        assertThat(new RateLimitedException(failure, "throttled").retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void otherStatusesAreNotRateLimited() {
        HttpFailure forbidden = new HttpFailure(403, "GET", URI.create("https://api.example/api/thing"), Map.of(), "");
        RuntimeException e = ErrorDecoder.DEFAULT.decode(forbidden, new com.fasterxml.jackson.databind.ObjectMapper());
        assertThat(e).isNotInstanceOf(RateLimitedException.class);
        assertThat(((ApiException) e).isRateLimited()).isFalse();
        assertThat(((ApiException) e).retryAfter()).isEmpty();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new RateLimitedException(forbidden, "x")))
                .hasMessageContaining("use ApiException");
    }
}
