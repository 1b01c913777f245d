package dev.specwright.micrometer;

import dev.specwright.runtime.ClientListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link ClientListener} that records what a Specwright client does as Micrometer meters, for Prometheus, Datadog,
 * CloudWatch or whatever registry the application uses (a Spring Boot application has one: inject its
 * {@link MeterRegistry}). Set it on a generated client's builder with {@code listener(...)}, or on
 * {@link dev.specwright.runtime.ClientOptions.Builder#listener}:
 *
 * <pre>{@code
 * ClientListener metrics = MicrometerClientListener.builder(registry).client("platform").build();
 * PlatformClient client = PlatformClient.builder().baseUri("https://api.example.com").listener(metrics).build();
 * }</pre>
 *
 * <p>The meters (names as Micrometer writes them; a registry renders them in its own convention, e.g. Prometheus
 * {@code specwright_client_requests_seconds}):
 * <ul>
 *   <li>{@code specwright.client.requests} (timer): each attempt on the wire, from sending to the answer's headers;
 *       tags {@code method}, {@code uri} (the path template, e.g. {@code /products/{sku}}), {@code status} (the HTTP
 *       status, or {@code NONE} when no answer came), {@code outcome} ({@code SUCCESS}, {@code REDIRECTION},
 *       {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code INFORMATIONAL}, or {@code UNKNOWN} without an answer),
 *       {@code attempt} ({@code 1} for the first, more for retries) and {@code exception} (the kind of failure when
 *       no answer came, e.g. {@code HttpConnectTimeoutException}, else {@code none});</li>
 *   <li>{@code specwright.client.retries} (counter): each retry the retry policy decides on; tags {@code method},
 *       {@code uri}, {@code attempt} (the attempt that failed) and {@code reason} (e.g. {@code HTTP 503, backoff});</li>
 *   <li>{@code specwright.client.rate.limit.waits} (timer): each wait for a client-side rate-limit token; tags
 *       {@code method} and {@code uri};</li>
 *   <li>{@code specwright.client.credentials.refused} (counter): each 401 after which an authenticator renewed its
 *       credentials and the call went again; tags {@code method} and {@code uri};</li>
 *   <li>{@code specwright.client.credentials.fetches} (timer): each token request an authenticator made (OAuth 2.0
 *       client credentials: the first token, one near expiry, one after a 401); tags {@code method} and {@code uri} of
 *       the call that started it, and {@code outcome} ({@code SUCCESS} or {@code FAILURE}); never the endpoint's query;</li>
 *   <li>{@code specwright.client.redirects} (counter): each redirect followed (a hop, not a retry); tags
 *       {@code method}, {@code uri} and {@code status} (the redirect's).</li>
 * </ul>
 * Every meter also has the tags given to the builder ({@code client}, and any others). No tag holds a credential or a
 * concrete URI: the {@code uri} tag is the path template, never the path with its ids, so the number of time series
 * stays that of the operations.
 */
public final class MicrometerClientListener implements ClientListener {

    /** The prefix of every meter's name. */
    public static final String PREFIX = "specwright.client";

    private final MeterRegistry registry;
    private final Tags common;

    private MicrometerClientListener(MeterRegistry registry, Tags common) {
        this.registry = registry;
        this.common = common;
    }

    /** A listener recording to {@code registry}, without extra tags. */
    public static MicrometerClientListener of(MeterRegistry registry) {
        return builder(registry).build();
    }

    /** A listener recording to {@code registry}, with tags set on the builder. */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public void attemptAnswered(Call call, int attempt, int status, Duration elapsed) {
        requests(call, attempt, Integer.toString(status), outcome(status), "none").record(elapsed);
    }

    @Override
    public void attemptFailed(Call call, int attempt, String failure, Duration elapsed) {
        requests(call, attempt, "NONE", "UNKNOWN", failure).record(elapsed);
    }

    @Override
    public void retrying(Call call, int attempt, Duration delay, String reason) {
        Counter.builder(PREFIX + ".retries").description("Retries of client calls, by reason")
                .tags(operation(call)).tag("attempt", Integer.toString(attempt)).tag("reason", reason)
                .register(registry).increment();
    }

    @Override
    public void tokenWait(Call call, Duration wait) {
        Timer.builder(PREFIX + ".rate.limit.waits").description("Waits for a client-side rate-limit token")
                .tags(operation(call)).register(registry).record(wait);
    }

    @Override
    public void credentialsRefused(Call call, int attempt) {
        Counter.builder(PREFIX + ".credentials.refused")
                .description("401 answers after which the credentials were renewed and the call sent again")
                .tags(operation(call)).register(registry).increment();
    }

    @Override
    public void credentialsFetched(Call call, String endpoint, boolean succeeded, Duration elapsed) {
        Timer.builder(PREFIX + ".credentials.fetches").description("Token requests an authenticator made for a call")
                .tags(operation(call)).tag("outcome", succeeded ? "SUCCESS" : "FAILURE").register(registry).record(elapsed);
    }

    @Override
    public void redirected(Call call, int attempt, int status, String from, String to) {
        Counter.builder(PREFIX + ".redirects").description("Redirects followed within the same origin")
                .tags(operation(call)).tag("status", Integer.toString(status)).register(registry).increment();
    }

    private Timer requests(Call call, int attempt, String status, String outcome, String exception) {
        return Timer.builder(PREFIX + ".requests").description("Requests a client sent, each attempt apart")
                .tags(operation(call)).tag("status", status).tag("outcome", outcome)
                .tag("attempt", Integer.toString(attempt)).tag("exception", exception).register(registry);
    }

    private Tags operation(Call call) {
        return common.and(Tag.of("method", call.method()), Tag.of("uri", call.pathTemplate()));
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    @Override
    public String toString() {
        return "MicrometerClientListener" + common;
    }

    /** Sets the tags every meter of this listener has. */
    public static final class Builder {

        private final MeterRegistry registry;
        private Tags tags = Tags.empty();

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Tags every meter {@code client=name}, to tell the clients of several APIs apart in one registry. Must not be
         * blank.
         */
        public Builder client(String name) {
            Objects.requireNonNull(name, "client name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("the client name tag must not be blank; leave it out instead");
            }
            return tag("client", name);
        }

        /**
         * Adds a tag to every meter (e.g. {@code region}). Its value must be a low-cardinality constant, never a
         * credential: registries send tags to the monitoring system as they are.
         */
        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "tag key");
            Objects.requireNonNull(value, "tag value");
            for (String own : new String[] {"method", "uri", "status", "outcome", "attempt", "exception", "reason"}) {
                if (own.equals(key)) {
                    throw new IllegalArgumentException("the tag " + key + " is set by the listener itself; choose"
                            + " another key");
                }
            }
            tags = tags.and(key, value);
            return this;
        }

        public MicrometerClientListener build() {
            return new MicrometerClientListener(registry, tags);
        }
    }
}
