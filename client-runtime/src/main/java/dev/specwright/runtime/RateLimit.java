package dev.specwright.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A client-side token bucket: up to {@code burst} requests at once, refilled at {@code requestsPerSecond}. Whom the
 * server counts is the client's {@link RateLimitScope} ({@link ClientOptions.Builder#rateLimitScope}; a generated
 * client sets the one its spec declares): every {@link ApiClient} with the same base URI and the same caller by that
 * scope shares one bucket in the JVM, because the server counts per caller, not per client object; with the default
 * {@link RateLimitScope#perClient()} each client has its own. Each attempt, retries included, takes one token,
 * waiting for it if need be.
 *
 * <p>{@link #adaptive()} also reacts to the server: an HTTP 429 halves the local rate (down to 1/s, or the configured
 * rate if that is lower) and empties the bucket; after every run of consecutive successes about a second long (as many
 * as the current rate per second) the rate climbs back by a tenth of the configured one, up to the configured rate.
 *
 * <p>{@link #distributed(BucketStore)} keeps the bucket in a store several JVMs share (Redis, see {@link RedisBuckets}),
 * so that a fleet of workers with one tenant stays under the tenant's limit together.
 *
 * <p>Immutable value: equal settings (the same store object included) are equal.
 */
public final class RateLimit {

    private static final double MIN_RATE = 1e-6;
    private static final double MAX_RATE = 1e9; // one token per nanosecond: Bucket4j's resolution

    private static final RateLimit OFF = new RateLimit(0, 0, false, null);

    private final double requestsPerSecond;
    private final int burst;
    private final boolean adaptive;
    private final BucketStore store;

    private RateLimit(double requestsPerSecond, int burst, boolean adaptive, BucketStore store) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.adaptive = adaptive;
        this.store = store;
    }

    /**
     * A bucket of {@code burst} tokens refilled at {@code requestsPerSecond}, e.g. {@code RateLimit.of(10, 25)}.
     *
     * @param requestsPerSecond the sustained rate, positive (fractions allowed: {@code 0.5} is one request every 2 s)
     * @param burst             the bucket's capacity, at least 1: how many requests may go at once after a pause
     */
    public static RateLimit of(double requestsPerSecond, int burst) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, was " + requestsPerSecond
                    + "; use RateLimit.off() for no client-side limit");
        }
        if (requestsPerSecond < MIN_RATE || requestsPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("requestsPerSecond must be between " + MIN_RATE + " (one request every"
                    + " 11.6 days) and " + MAX_RATE + ", was " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        return new RateLimit(requestsPerSecond, burst, false, null);
    }

    /**
     * No client-side limit: every request goes at once. The default of {@link ClientOptions} built by hand; a generated
     * client defaults to its spec's {@code x-rate-limit} ({@code <Name>Client.DEFAULT_RATE_LIMIT}) when it has one, and
     * this turns that off.
     */
    public static RateLimit off() {
        return OFF;
    }

    /** The same bucket, lowered by the server's 429 answers and recovered by successes (see the class comment). */
    public RateLimit adaptive() {
        if (isOff()) {
            throw new IllegalStateException("RateLimit.off() cannot be adaptive; start from RateLimit.of(rate, burst)");
        }
        return adaptive ? this : new RateLimit(requestsPerSecond, burst, true, store);
    }

    /**
     * The same bucket, kept in {@code store} instead of this JVM's memory, so every JVM whose clients use the same base
     * URI, caller and store draws from it: {@code RateLimit.of(10, 25).distributed(RedisBuckets.lettuce(redis))}. The
     * caller is who the client's {@link RateLimitScope} names; {@link ClientOptions.Builder#build()} refuses a
     * distributed bucket for a client the scope names no one for.
     * Each JVM has at most one request per bucket with the store at a time (a read and a compare-and-swap: two round
     * trips, plus two more when it collides with another JVM's), carrying every token its threads and asynchronous
     * calls asked for meanwhile; asynchronous calls hold no thread while the store answers. If the store cannot be reached, calls fail
     * with a {@link TransportException} rather than go out unmetered. With {@link #adaptive()}, a 429 lowers the shared
     * rate.
     */
    public RateLimit distributed(BucketStore store) {
        Objects.requireNonNull(store, "store");
        if (isOff()) {
            throw new IllegalStateException("RateLimit.off() cannot be distributed; start from RateLimit.of(rate, burst)");
        }
        return new RateLimit(requestsPerSecond, burst, adaptive, store);
    }

    public boolean isOff() {
        return burst == 0;
    }

    /** The configured sustained rate; 0 when off. */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** The bucket's capacity; 0 when off. */
    public int burst() {
        return burst;
    }

    public boolean isAdaptive() {
        return adaptive;
    }

    /** Where the bucket is kept when it is shared between JVMs; empty for a bucket in this JVM. */
    public Optional<BucketStore> store() {
        return Optional.ofNullable(store);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimit that && Double.compare(requestsPerSecond, that.requestsPerSecond) == 0
                && burst == that.burst && adaptive == that.adaptive && store == that.store;
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestsPerSecond, burst, adaptive, store == null ? 0 : System.identityHashCode(store));
    }

    /** {@code RateLimit[10/s, burst 25, adaptive, in RedisBuckets.lettuce]} or {@code RateLimit[off]}. */
    @Override
    public String toString() {
        if (isOff()) {
            return "RateLimit[off]";
        }
        String rate = requestsPerSecond == Math.rint(requestsPerSecond)
                ? String.valueOf((long) requestsPerSecond) : String.valueOf(requestsPerSecond);
        return "RateLimit[" + rate + "/s, burst " + burst + (adaptive ? ", adaptive" : "")
                + (store == null ? "]" : ", in " + store + "]");
    }
}
