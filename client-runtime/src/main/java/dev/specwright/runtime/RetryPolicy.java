package dev.specwright.runtime;

import dev.specwright.runtime.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When and how long a client waits before sending a failed request again. Each rule has one reason:
 * <ul>
 *   <li>HTTP 429, any method: the server refused the request without acting on it. With {@code Retry-After} (seconds
 *       or an HTTP-date) the client waits that long, at most {@link #maxRetryAfter()}; without, it backs off.</li>
 *   <li>HTTP 503 with {@code Retry-After}, any method: the server asks to be called again then.</li>
 *   <li>A connection that could not be opened, any method: nothing was sent.</li>
 *   <li>HTTP 500, 502, 503 (without {@code Retry-After}), 504 and a connection lost before the answer: only for
 *       methods that are safe to repeat (GET, HEAD, PUT, DELETE, OPTIONS), or when the request carries an
 *       {@linkplain ApiRequest.Builder#idempotencyKey(String) idempotency key} or opted in with
 *       {@link ApiRequest.Builder#retryNonIdempotent(boolean)}: a POST the server may already have carried out is
 *       not sent twice behind the caller's back.</li>
 *   <li>Nothing else: a request timeout (a slow server is not faster the second time, and each attempt would cost the
 *       whole timeout again), a TLS failure, any other answer.</li>
 * </ul>
 * Back-off is exponential with full jitter: before retry {@code n} the client waits a random time between 0 and
 * {@code min(maxBackoff, initialBackoff × 2^(n-1))}. There are never more than {@link #maxAttempts()} attempts, and
 * with a {@link #deadline()} no wait or attempt runs past it: when the next wait would, the last failure is thrown.
 * The exception thrown is the one the last attempt produced, with {@code attempts()} telling how many were made.
 *
 * <p>Immutable value: equal settings are equal.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration deadline;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.deadline = builder.deadline;
    }

    /** 3 attempts, back-off from 200 ms up to 10 s, {@code Retry-After} honoured up to 60 s, no deadline. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt: every failure is thrown at once. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxAttempts = maxAttempts;
        builder.initialBackoff = initialBackoff;
        builder.maxBackoff = maxBackoff;
        builder.maxRetryAfter = maxRetryAfter;
        builder.deadline = deadline;
        return builder;
    }

    /** How many requests one call may send in all, the first included; 1 means no retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The upper bound of the first back-off; it doubles with each retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The upper bound no back-off exceeds. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest a {@code Retry-After} is honoured: a longer one is shortened to this. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * How long one call may take in all, waits for rate-limit tokens, attempts and back-offs included; each attempt's
     * timeout is shortened to what is left. Empty: no overall limit.
     */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that && maxAttempts == that.maxAttempts
                && initialBackoff.equals(that.initialBackoff) && maxBackoff.equals(that.maxBackoff)
                && maxRetryAfter.equals(that.maxRetryAfter) && Objects.equals(deadline, that.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, deadline);
    }

    /** {@code RetryPolicy[3 attempts, backoff 200 ms..10 s, Retry-After ≤ 60 s, no deadline]}. */
    @Override
    public String toString() {
        if (maxAttempts == 1) {
            return "RetryPolicy[none]";
        }
        return "RetryPolicy[" + maxAttempts + " attempts, backoff " + Durations.readable(initialBackoff) + ".."
                + Durations.readable(maxBackoff) + ", Retry-After ≤ " + Durations.readable(maxRetryAfter) + ", "
                + (deadline == null ? "no deadline" : "deadline " + Durations.readable(deadline)) + "]";
    }

    public static final class Builder {

        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration deadline;

        private Builder() {}

        /** Attempts in all, the first included; at least 1 (default 3). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retries), was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first back-off's upper bound (default 200 ms); zero means retry at once. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = requireNotNegative("initialBackoff", initialBackoff);
            return this;
        }

        /** The largest back-off (default 10 s). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = requireNotNegative("maxBackoff", maxBackoff);
            return this;
        }

        /** The longest {@code Retry-After} honoured (default 60 s); a longer one is shortened to this. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = requireNotNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /** The most one call may take in all, retries included; null for none (the default). */
        public Builder deadline(Duration deadline) {
            if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("initialBackoff " + Durations.readable(initialBackoff)
                        + " is longer than maxBackoff " + Durations.readable(maxBackoff) + "; raise maxBackoff");
            }
            return new RetryPolicy(this);
        }

        private static Duration requireNotNegative(String what, Duration duration) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, was " + duration);
            }
            return duration;
        }
    }
}
