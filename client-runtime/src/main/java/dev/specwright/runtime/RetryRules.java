package dev.specwright.runtime;

import dev.specwright.runtime.internal.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;

/**
 * Decides, after a failed attempt, whether to try again and after how long: guard clauses, one reason each (see
 * {@link RetryPolicy} for the rules in prose). The deadline is not checked here but by the caller, which knows the
 * time spent.
 */
final class RetryRules {

    /** Methods RFC 9110 defines as idempotent that the API uses: sending one twice has the effect of sending it once. */
    private static final Set<String> REPEATABLE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /** Answers that say "not now" rather than "not this request". */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(500, 502, 503, 504);

    /** A decision to try again: wait {@code delay} first, for this reason (for the log). */
    record Retry(Duration delay, String reason) {}

    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final TimeSource time;

    /** @param random the jitter source; null for {@link ThreadLocalRandom} */
    RetryRules(RetryPolicy policy, RandomGenerator random, TimeSource time) {
        this.policy = policy;
        this.random = random;
        this.time = time;
    }

    int maxAttempts() {
        return policy.maxAttempts();
    }

    Optional<Duration> deadline() {
        return policy.deadline();
    }

    /** After an answer that is not 2xx. */
    Optional<Retry> afterAnswer(ApiRequest request, HttpResponse<?> response, int attempt) {
        if (attempt >= policy.maxAttempts()) {
            return Optional.empty(); // the attempts are used up
        }
        int status = response.statusCode();
        Optional<Duration> retryAfter = RetryAfter.of(response.headers(), time.now());
        if (status == 429) {
            // refused before it was carried out, whatever the method
            return Optional.of(retryAfter.map(wait -> honour(wait, "HTTP 429"))
                    .orElseGet(() -> backoff(attempt, "HTTP 429 without Retry-After")));
        }
        if (status == 503 && retryAfter.isPresent()) {
            return Optional.of(honour(retryAfter.get(), "HTTP 503")); // the server says when to come back
        }
        if (!TRANSIENT_STATUSES.contains(status)) {
            return Optional.empty(); // the same request would get the same answer
        }
        if (!mayRepeat(request)) {
            return Optional.empty(); // the server may have carried it out already
        }
        return Optional.of(backoff(attempt, "HTTP " + status));
    }

    /** After an attempt that got no answer. */
    Optional<Retry> afterNoAnswer(ApiRequest request, IOException failure, int attempt) {
        if (attempt >= policy.maxAttempts()) {
            return Optional.empty(); // the attempts are used up
        }
        if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
            return Optional.of(backoff(attempt, "could not connect")); // nothing was sent, whatever the method
        }
        if (failure instanceof HttpTimeoutException) {
            return Optional.empty(); // a slow server is not faster the second time, and each try costs the whole timeout
        }
        if (failure instanceof SSLException) {
            return Optional.empty(); // a certificate or protocol mismatch does not heal by itself
        }
        if (!mayRepeat(request)) {
            return Optional.empty(); // the request may have reached the server and been carried out
        }
        return Optional.of(backoff(attempt, "connection lost (" + failure.getClass().getSimpleName() + ")"));
    }

    /**
     * Whether sending the request again cannot do harm: its method is idempotent, it carries an idempotency key the
     * server deduplicates by, or the caller said so.
     */
    static boolean mayRepeat(ApiRequest request) {
        return REPEATABLE_METHODS.contains(request.method()) || request.idempotencyKey().isPresent()
                || request.retryNonIdempotent();
    }

    private Retry honour(Duration retryAfter, String status) {
        if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            return new Retry(policy.maxRetryAfter(), status + ", Retry-After capped at "
                    + Durations.readable(policy.maxRetryAfter()));
        }
        return new Retry(retryAfter, status + ", Retry-After");
    }

    /** Full jitter: uniformly between 0 and {@code min(maxBackoff, initialBackoff × 2^(attempt-1))}. */
    private Retry backoff(int attempt, String reason) {
        double ceiling = Math.min(policy.maxBackoff().toNanos(),
                policy.initialBackoff().toNanos() * Math.pow(2, Math.min(attempt - 1, 62)));
        RandomGenerator jitter = random == null ? ThreadLocalRandom.current() : random;
        return new Retry(Duration.ofNanos((long) (jitter.nextDouble() * ceiling)), reason + ", backoff");
    }
}
