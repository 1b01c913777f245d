package dev.specwright.runtime;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What puts a request on the wire and brings its answer back: the one piece of a client that may be replaced. Set one
 * with {@link ClientOptions.Builder#transport} (a generated client's builder has {@code transport(...)} too); the
 * default sends through the JDK's {@link HttpClient} (HTTP/1.1, redirects not followed by the client, the TLS, proxy,
 * executor and connect-timeout options of {@link ClientOptions}). Everything above it — the rate limit, retries,
 * authentication, error decoding, redaction, the {@link ClientListener} — runs the same on any transport.
 *
 * <p>Requests and answers are the JDK's own value types, so an adapter for another HTTP client reads the method, URI,
 * headers and {@link HttpRequest#bodyPublisher() body} of the {@link HttpRequest}, and hands the answer's status,
 * headers and bytes to the {@link HttpResponse.BodyHandler} (which decides how the body is read: bounded in memory, or
 * streamed). {@link InMemoryTransport} does that with canned answers, for unit tests without a server.
 *
 * <p>A transport must be thread-safe. It reports a request that got no answer (connection refused, reset, timed out)
 * with an {@link IOException}, which the retry policy may retry; a 4xx or 5xx is an answer, not an exception. The
 * request already carries its credentials: a transport must not log its headers.
 */
public interface Transport {

    /**
     * Sends {@code request}, blocking until the answer's body is read as {@code handler} says (or streams).
     *
     * @throws IOException          if no answer came
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException,
            InterruptedException;

    /**
     * Sends {@code request} without blocking the calling thread; the future fails with an {@link IOException} if no
     * answer came. Cancelling the future should abandon the exchange (close its connection).
     */
    <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler);

    /**
     * A transport over a JDK client configured by the caller. The client's own settings apply, not the TLS, proxy,
     * executor and connect-timeout options of {@link ClientOptions}. It must not follow redirects itself: the runtime
     * follows them, checked (same origin, HTTPS, safe methods only), since a redirect the JDK client followed would
     * carry the request's credentials to wherever the server points.
     *
     * @throws IllegalArgumentException if the client follows redirects ({@code followRedirects} other than
     *                                  {@link HttpClient.Redirect#NEVER})
     */
    static Transport of(HttpClient client) {
        Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("Transport.of(client): the client follows redirects ("
                    + client.followRedirects() + "), which would send the request's credentials to wherever a redirect "
                    + "points; build it with HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER) (the "
                    + "runtime follows same-origin HTTPS redirects itself)");
        }
        return new JdkTransport(client);
    }
}
