package dev.specwright.micrometer;

import dev.specwright.runtime.ClientListener;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClientListener} that makes each attempt of a call a Micrometer {@link Observation}: with micrometer-tracing
 * (the OpenTelemetry or Brave bridge) on the {@link ObservationRegistry}, each attempt is a client span; with a
 * meter handler ({@code DefaultMeterObservationHandler}), a timer too. A Spring Boot 3 application has such a registry
 * set up: inject its {@code ObservationRegistry}.
 *
 * <pre>{@code
 * ClientListener observed = ObservationClientListener.builder(observationRegistry).client("platform").build();
 * PlatformClient client = PlatformClient.builder().baseUri("https://api.example.com").listener(observed).build();
 * }</pre>
 *
 * <p>Each attempt on the wire (retries and followed redirects each their own) is an observation named
 * {@value #NAME}, its contextual name (the span's name) {@code <method> <path template>}, e.g.
 * {@code GET /products/{sku}}. It starts as the attempt goes out and stops at the answer's headers or the failure; its
 * parent is the observation current on the calling thread when the attempt starts (for a blocking call, the caller's
 * span). Low-cardinality key values, the same as {@link MicrometerClientListener}'s tags: {@code method}, {@code uri}
 * (the path template), {@code status} (or {@code NONE}), {@code outcome}, {@code attempt}, {@code exception} (the
 * kind of failure when no answer came, else {@code none}), and the builder's own ({@code client}, ...). One
 * high-cardinality key value: {@code http.url}, the URI sent to without its query and with the client's secrets
 * redacted. An attempt that got no answer carries an error whose message is only the kind of failure. No key value
 * holds a credential; only {@code http.url} holds concrete ids.
 *
 * <p>The observation only reports: no trace header is put on the request (the listener cannot change requests), so
 * the server's spans are not joined to it. Use this listener or {@link MicrometerClientListener}, not both on the same
 * meters: with a meter handler both time the same attempts.
 */
public final class ObservationClientListener implements ClientListener {

    /** The name of every observation (and of the timer a meter handler makes of them). */
    public static final String NAME = "specwright.client.attempts";

    private final ObservationRegistry registry;
    private final KeyValues common;
    /** The attempts started and not yet ended, by call (its identity) and attempt number. */
    private final Map<Attempt, Observation> open = new ConcurrentHashMap<>();

    /** One attempt of one call: the {@link Call} compared by identity, since two calls may look alike. */
    private record Attempt(Call call, int attempt) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Attempt that && that.call == call && that.attempt == attempt;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(call) * 31 + attempt;
        }
    }

    /** What an attempt without an answer ends with: the kind of failure only (never a message that could hold a URI). */
    static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String kind) {
            super(kind, null, false, false);
        }
    }

    private ObservationClientListener(ObservationRegistry registry, KeyValues common) {
        this.registry = registry;
        this.common = common;
    }

    /** A listener observing into {@code registry}, without extra key values. */
    public static ObservationClientListener of(ObservationRegistry registry) {
        return builder(registry).build();
    }

    /** A listener observing into {@code registry}, with key values set on the builder. */
    public static Builder builder(ObservationRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public void attemptStarted(Call call, int attempt) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName(call.method() + " " + call.pathTemplate())
                .lowCardinalityKeyValues(common)
                .lowCardinalityKeyValue("method", call.method())
                .lowCardinalityKeyValue("uri", call.pathTemplate())
                .lowCardinalityKeyValue("attempt", Integer.toString(attempt))
                .highCardinalityKeyValue("http.url", call.uri())
                .start();
        Observation earlier = open.put(new Attempt(call, attempt), observation);
        if (earlier != null) {
            earlier.stop(); // cannot happen with the runtime's calls; never leave one open
        }
    }

    @Override
    public void attemptAnswered(Call call, int attempt, int status, Duration elapsed) {
        Observation observation = open.remove(new Attempt(call, attempt));
        if (observation == null) {
            return;
        }
        observation.lowCardinalityKeyValue("status", Integer.toString(status))
                .lowCardinalityKeyValue("outcome", MicrometerClientListener.outcome(status))
                .lowCardinalityKeyValue("exception", "none")
                .stop();
    }

    @Override
    public void attemptFailed(Call call, int attempt, String failure, Duration elapsed) {
        Observation observation = open.remove(new Attempt(call, attempt));
        if (observation == null) {
            return;
        }
        observation.lowCardinalityKeyValue("status", "NONE")
                .lowCardinalityKeyValue("outcome", "UNKNOWN")
                .lowCardinalityKeyValue("exception", failure)
                .error(new NoAnswer(failure))
                .stop();
    }

    /** How many attempts have started and not ended (0 once every call is over). */
    int openAttempts() {
        return open.size();
    }

    @Override
    public String toString() {
        return "ObservationClientListener" + common;
    }

    /** Sets the low-cardinality key values every observation of this listener has. */
    public static final class Builder {

        private final ObservationRegistry registry;
        private KeyValues keyValues = KeyValues.empty();

        private Builder(ObservationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** Adds {@code client=name} to every observation, to tell the clients of several APIs apart. Not blank. */
        public Builder client(String name) {
            Objects.requireNonNull(name, "client name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("the client name must not be blank; leave it out instead");
            }
            return keyValue("client", name);
        }

        /**
         * Adds a low-cardinality key value to every observation (e.g. {@code region}). Its value must be a constant,
         * never a credential: tracing and metrics backends receive it as it is.
         */
        public Builder keyValue(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            for (String own : new String[] {"method", "uri", "status", "outcome", "attempt", "exception", "http.url"}) {
                if (own.equals(key)) {
                    throw new IllegalArgumentException("the key " + key + " is set by the listener itself; choose"
                            + " another key");
                }
            }
            keyValues = keyValues.and(KeyValue.of(key, value));
            return this;
        }

        public ObservationClientListener build() {
            return new ObservationClientListener(registry, keyValues);
        }
    }
}
