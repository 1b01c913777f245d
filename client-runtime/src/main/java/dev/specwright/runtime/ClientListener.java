package dev.specwright.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What a client does, told as it happens: each attempt sent and answered, each retry with its reason, each wait for a
 * rate-limit token, each refusal of the credentials. Set one with {@link ClientOptions.Builder#listener} (a generated
 * client's builder has {@code listener(...)} too) to feed metrics, traces or logs of your own; no framework is needed.
 *
 * <p>Every method has a do-nothing default, so an implementation overrides what it uses. Methods are called on the
 * thread that does the work (a caller's thread, or the client's async pool) and must be quick and thread-safe; one that
 * throws is ignored (logged at FINE) and does not change the call. No argument holds a credential: the {@link Call} has
 * the method, the path template and the URI without its query, with the client's secrets redacted.
 */
public interface ClientListener {

    /** The listener that does nothing: the default. */
    ClientListener NONE = new ClientListener() {};

    /**
     * One call, as a listener sees it.
     *
     * @param method       {@code GET}, {@code POST}, ...
     * @param pathTemplate the operation's path as the spec writes it, e.g. {@code /products/{sku}}: a low-cardinality
     *                     name for metrics
     * @param uri          the URI sent to, without the query, the client's secrets redacted
     */
    record Call(String method, String pathTemplate, String uri) {
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            Objects.requireNonNull(uri, "uri");
        }
    }

    /**
     * An attempt is about to go out (after its rate-limit token and its authentication). Every attempt started ends
     * with exactly one {@link #attemptAnswered} or {@link #attemptFailed}, on the same {@link Call} object (one per
     * call, so a listener can key the attempts of concurrent calls on its identity).
     *
     * @param attempt 1 for the first, more for retries; a followed redirect's request keeps the number of the attempt
     *                redirected (see {@link #redirected})
     */
    default void attemptStarted(Call call, int attempt) {}

    /**
     * The server answered the attempt, with any status.
     *
     * @param status  the HTTP status
     * @param elapsed from sending to the answer's headers (the body of a successful answer is read after)
     */
    default void attemptAnswered(Call call, int attempt, int status, Duration elapsed) {}

    /**
     * The attempt got no answer: the connection failed or timed out, or the call was interrupted or cancelled, or the
     * transport failed otherwise.
     *
     * @param failure the kind of failure, e.g. {@code ConnectException}, {@code HttpTimeoutException},
     *                {@code InterruptedException}, {@code CancellationException}
     */
    default void attemptFailed(Call call, int attempt, String failure, Duration elapsed) {}

    /**
     * The attempt failed and the {@link RetryPolicy} sends the call again after {@code delay}.
     *
     * @param attempt the attempt that failed
     * @param reason  why it is retried, e.g. {@code HTTP 503, Retry-After} or {@code HTTP 429 without Retry-After, backoff}
     */
    default void retrying(Call call, int attempt, Duration delay, String reason) {}

    /**
     * The attempt was answered with a redirect the client follows (GET or HEAD, same origin, https): the same attempt
     * goes on to {@code to} at once, with the next {@link #attemptStarted} under the same attempt number. A hop is not a
     * retry and does not count against the {@link RetryPolicy}'s attempts; a call follows at most 5 in all. Each hop
     * takes a rate-limit token, as any request does.
     *
     * @param status the redirect's status (301, 302, 303, 307 or 308)
     * @param from   the URI redirected, without its query, the client's secrets redacted
     * @param to     where it leads, the same
     */
    default void redirected(Call call, int attempt, int status, String from, String to) {}

    /** The call waits (blocking calls: waited) this long for a token of the client-side {@link RateLimit}. */
    default void tokenWait(Call call, Duration wait) {}

    /**
     * The server answered 401 and an {@link Authenticator} renews its credentials (an OAuth token is fetched anew):
     * the call goes once more.
     */
    default void credentialsRefused(Call call, int attempt) {}

    /**
     * An {@link Authenticator} fetched credentials for this call: {@link OAuth2ClientCredentials} asked its token
     * endpoint for a token (the first, one near expiry, or a fresh one after {@link #credentialsRefused}). Told once
     * per token request, to the call that started it; calls that joined it or used the cached token hear nothing.
     *
     * @param endpoint  the token endpoint, without its query, secrets redacted
     * @param succeeded whether a token came back (false: the endpoint refused, or no answer came)
     * @param elapsed   from sending the token request to its end, on the client's {@link TimeSource}
     */
    default void credentialsFetched(Call call, String endpoint, boolean succeeded, Duration elapsed) {}
}
