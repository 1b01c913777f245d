package dev.specwright.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import dev.specwright.runtime.RetryPolicy;
import dev.specwright.runtime.TransportException;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.specwright.runtime.TestTls;

/**
 * Real calls through a real client against WireMock over HTTPS, observed into an {@link ObservationRegistry} whose
 * handler records every observation as a tracing bridge would see it (start, stop, key values, parent, error).
 */
class ObservationClientListenerTest {

    static final String PASSWORD = "pa55w0rd-NEVER-IN-A-SPAN";
    static final String SKU = "SKU-9876543";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    /** What a tracing handler is given: each observation's context as it started and as it stopped. */
    static final class Recorder implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> started = new CopyOnWriteArrayList<>();
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            started.add(context);
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    private final Recorder recorder = new Recorder();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final String user = "user-" + UUID.randomUUID();

    {
        registry.observationConfig().observationHandler(recorder);
    }

    @AfterEach
    void noCredentialInAnyKeyValueAndNoConcreteIdInTheLowCardinalityOnes() {
        for (Observation.Context context : recorder.stopped) {
            for (KeyValue keyValue : context.getAllKeyValues()) {
                assertThat(keyValue.getValue()).doesNotContain(PASSWORD).doesNotContain(user)
                        .doesNotContain("Basic ").doesNotContain("Bearer ");
            }
            for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
                assertThat(keyValue.getValue()).doesNotContain(SKU).doesNotContain("https://");
            }
            assertThat(String.valueOf(context.getContextualName())).doesNotContain(SKU);
        }
    }

    private ClientOptions.Builder options(ObservationClientListener listener) {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic(user, PASSWORD).build())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(java.time.Duration.ofMillis(1))
                        .maxBackoff(java.time.Duration.ofMillis(1)).build())
                .listener(listener);
    }

    private static ApiRequest product() {
        return ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", SKU).build();
    }

    private static Map<String, String> lowCardinality(Observation.Context context) {
        Map<String, String> values = new TreeMap<>();
        context.getLowCardinalityKeyValues().forEach(keyValue -> values.put(keyValue.getKey(), keyValue.getValue()));
        return values;
    }

    @Test
    void eachAttemptIsAnObservationWithTheOperationsKeyValuesAndTheCallersObservationAsParent() {
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"sku\":\"" + SKU + "\"}")));
        ObservationClientListener listener = ObservationClientListener.builder(registry).client("shop").build();
        ApiClient client = new ApiClient(options(listener).build(), ErrorDecoder.DEFAULT);

        Observation caller = Observation.createNotStarted("checkout", registry);
        caller.observe(() -> client.send(product())); // the caller's observation is current while it sends

        List<Observation.Context> attempts = new ArrayList<>(recorder.stopped);
        attempts.removeIf(context -> !context.getName().equals(ObservationClientListener.NAME));
        assertThat(attempts).hasSize(2);
        assertThat(lowCardinality(attempts.get(0))).isEqualTo(Map.of("client", "shop", "method", "GET",
                "uri", "/products/{sku}", "attempt", "1", "status", "503", "outcome", "SERVER_ERROR", "exception", "none"));
        assertThat(lowCardinality(attempts.get(1))).containsEntry("attempt", "2").containsEntry("status", "200")
                .containsEntry("outcome", "SUCCESS");
        for (Observation.Context attempt : attempts) {
            assertThat(attempt.getContextualName()).isEqualTo("GET /products/{sku}");
            assertThat(attempt.getHighCardinalityKeyValue("http.url").getValue())
                    .isEqualTo(server.getRuntimeInfo().getHttpsBaseUrl() + "/api/products/" + SKU);
            assertThat(attempt.getParentObservation()).isSameAs(caller);
            assertThat(attempt.getError()).isNull();
        }
        assertThat(recorder.started).hasSize(3); // the caller's and the two attempts: every one started was stopped
        assertThat(listener.openAttempts()).isZero();
    }

    @Test
    void anAttemptWithoutAnAnswerEndsWithTheKindOfFailureAsItsError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ObservationClientListener listener = ObservationClientListener.of(registry);
        ApiClient client = new ApiClient(options(listener).baseUri(URI.create("https://localhost:" + closedPort + "/api"))
                .retryPolicy(RetryPolicy.none()).build(), ErrorDecoder.DEFAULT);

        assertThat(catchThrowable(() -> client.send(product()))).isInstanceOf(TransportException.class);

        assertThat(recorder.stopped).hasSize(1);
        Observation.Context failed = recorder.stopped.get(0);
        assertThat(lowCardinality(failed)).containsEntry("status", "NONE").containsEntry("outcome", "UNKNOWN")
                .containsEntry("exception", "ConnectException");
        assertThat(failed.getError()).isInstanceOf(ObservationClientListener.NoAnswer.class)
                .hasMessage("ConnectException");
        assertThat(listener.openAttempts()).isZero();
    }

    @Test
    void asynchronousCallsLookingAlikeAreObservedApartAndAMeterHandlerTimesThem() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/products/" + SKU)).willReturn(okJson("{}").withFixedDelay(50)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        ObservationClientListener listener = ObservationClientListener.of(registry);
        ApiClient client = new ApiClient(options(listener).build(), ErrorDecoder.DEFAULT);

        List<java.util.concurrent.CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(client.sendAsync(product())); // eight calls with equal Call records, all in flight at once
        }
        for (java.util.concurrent.CompletableFuture<Void> call : calls) {
            call.get(20, TimeUnit.SECONDS);
        }

        assertThat(recorder.stopped).hasSize(8).doesNotHaveDuplicates();
        assertThat(listener.openAttempts()).isZero();
        Timer timer = meters.get(ObservationClientListener.NAME).tag("uri", "/products/{sku}").tag("status", "200")
                .timer();
        assertThat(timer.count()).isEqualTo(8);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(8 * 50);
    }

    @Test
    void theListenersOwnKeysCannotBeSetTwiceAndAClientNameMustNotBeBlank() {
        for (String own : List.of("method", "uri", "status", "outcome", "attempt", "exception", "http.url")) {
            assertThatThrownBy(() -> ObservationClientListener.builder(registry).keyValue(own, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose another key");
        }
        assertThatThrownBy(() -> ObservationClientListener.builder(registry).client(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
        assertThat(ObservationClientListener.builder(registry).keyValue("region", "eu").build().toString())
                .contains("region");
    }
}
