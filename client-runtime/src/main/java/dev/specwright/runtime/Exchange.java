package dev.specwright.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.RetryRules.Retry;
import dev.specwright.runtime.internal.Durations;
import dev.specwright.runtime.internal.UriText;
import dev.specwright.runtime.internal.PercentEncoder;
import dev.specwright.runtime.internal.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * One client's way of carrying out a call: each attempt after a rate-limit token, failed attempts retried as the
 * {@link RetryPolicy} says, the answer or the last failure handed back. The blocking {@link #send} and the asynchronous
 * {@link #sendAsync} apply the same rules through the same helpers; they differ only in how they wait (the time
 * source's {@code sleep} or {@code delay}) and how they send ({@code HttpClient.send} or {@code sendAsync}).
 */
final class Exchange {

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    /**
     * A 2xx answer and the number of attempts it took; for a streamed call, {@code stream} is its body (guarded against
     * a server that stalls), else null and the body is in {@link #bytes()}.
     */
    record Answer(HttpResponse<ResponseBody> response, int attempts, InputStream stream) {

        byte[] bytes() {
            return response.body().bytes();
        }
    }

    /** How long one attempt waits for its answer, and which setting said so (for the message when it times out). */
    private record AttemptTimeout(Duration duration, String setting) {}

    private final ClientOptions options;
    private final ErrorDecoder errorDecoder;
    private final ObjectMapper mapper;
    private final Transport http;
    private final HttpRequestFactory requests;
    private final TimeSource time;
    private final RetryRules retries;
    private final RateLimiter limiter;
    private final List<Authenticator> authenticators;
    private final Redactor redactor;
    /** Percent-encoded names of query parameters that carry credentials: their values are redacted in failures. */
    private final Set<String> secretQueryNames = ConcurrentHashMap.newKeySet();

    Exchange(ClientOptions options, ErrorDecoder errorDecoder, ObjectMapper mapper) {
        this.options = options;
        this.errorDecoder = errorDecoder;
        this.mapper = mapper;
        this.http = options.transport().orElseGet(() -> JdkTransport.forOptions(options));
        this.requests = new HttpRequestFactory(options, mapper);
        this.time = options.timeSource();
        this.retries = new RetryRules(options.retryPolicy(), options.retryJitter().orElse(null), time);
        this.limiter = RateLimiters.forOptions(options);
        this.authenticators = options.credentials().authenticators();
        this.redactor = Redactor.of(secrets(options));
        options.credentials().queryParameters().keySet()
                .forEach(name -> secretQueryNames.add(PercentEncoder.encode(name)));
    }

    /**
     * Sends the request, blocking, retrying as the {@link RetryPolicy} allows, each attempt after a rate-limit token;
     * returns the 2xx answer, throws the last failure otherwise.
     */
    Answer send(ApiRequest request, boolean stream) {
        Objects.requireNonNull(request, "request");
        try {
            return sendBlocking(request, stream);
        } catch (RuntimeException e) {
            throw withCallSecrets(e, request);
        }
    }

    private Answer sendBlocking(ApiRequest request, boolean stream) {
        long limit = bodyLimit(request);
        HttpRequestFactory.Outgoing outgoing = requests.create(request);
        String target = target(request, outgoing.first());
        ClientListener.Call call = listened() ? call(request, outgoing.first()) : null; // null: nobody asks
        CallDeadline deadline = CallDeadline.start(time, retries.deadline());
        RuntimeException last = null;
        boolean reauthenticated = false;
        URI redirectTo = null;
        int redirects = 0;
        for (int attempt = 1; ; attempt++) {
            HttpRequest httpRequest = redirected(forAttempt(outgoing, attempt, last), redirectTo);
            redirectTo = null;
            takeToken(call, target, deadline, last, attempt);
            HttpRequest authenticated = authenticate(call, httpRequest, attempt);
            AttemptTimeout timeout = attemptTimeout(request, deadline);
            Optional<Retry> retry;
            int sent = attempt;
            listen(l -> l.attemptStarted(call, sent));
            long began = System.nanoTime();
            try {
                HttpResponse<ResponseBody> response;
                try {
                    response = sendOnce(target, withTimeout(authenticated, timeout.duration()), timeout.duration(),
                            BoundedBody.handler(limit, stream));
                } catch (RuntimeException e) {
                    listen(l -> l.attemptFailed(call, sent, e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - began)));
                    attemptFailed(); // a transport's own failure: the limiter must not count it as still out
                    throw transportRaised(target, e, sent);
                }
                listen(l -> l.attemptAnswered(call, sent, response.statusCode(), Duration.ofNanos(System.nanoTime() - began)));
                tellLimiter(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    return answer(response, attempt, request);
                }
                Redirect redirect = redirect(target, response, redirects);
                if (redirect.to() != null) {
                    redirects++;
                    redirectTo = redirect.to();
                    hopped(call, sent, response.statusCode(), httpRequest.uri(), redirectTo);
                    attempt--; // a hop is not an attempt: the same one goes on, at once, to the same origin
                    continue;
                }
                last = decodeError(response);
                noteRedirect(last, redirect);
                if (!reauthenticated && tokenRefused(call, attempt, target, response, last)) {
                    reauthenticated = true;
                    continue; // once, at once, with a fresh token
                }
                retry = retries.afterAnswer(request, response, attempt);
            } catch (IOException e) {
                listen(l -> l.attemptFailed(call, sent, e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - began)));
                attemptFailed();
                last = transportFailure(target, e, timeout);
                retry = retries.afterNoAnswer(request, e, attempt);
            } catch (InterruptedException e) {
                listen(l -> l.attemptFailed(call, sent, "InterruptedException", Duration.ofNanos(System.nanoTime() - began)));
                attemptFailed();
                Thread.currentThread().interrupt(); // the caller's code decides what the interrupt means
                throw finished(new TransportException(target + " was interrupted before an answer arrived", e), attempt);
            }
            if (retry.isEmpty()) {
                throw finished(last, attempt);
            }
            pause(call, target, retry.get(), attempt, deadline, last);
        }
    }

    /**
     * The asynchronous {@link #send}: the same rules, but no thread waits — not for a token, not between attempts, not
     * for the answer. The future fails with the exception {@code send} would throw (never wrapped); cancelling it stops
     * the call before its next attempt.
     */
    CompletableFuture<Answer> sendAsync(ApiRequest request, boolean stream) {
        Objects.requireNonNull(request, "request");
        try {
            AsyncCall call = new AsyncCall(request, requests.create(request), BoundedBody.handler(bodyLimit(request), stream));
            call.nextAttempt();
            return call.result;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The state of one asynchronous call. Its steps run one after another, each started by the completion of the one
     * before (a token's delay, an answer, a back-off), so the fields need no locking: completing a future happens-before
     * its dependent stages run.
     */
    private final class AsyncCall {

        final CompletableFuture<Answer> result = new CompletableFuture<>();
        private final ApiRequest request;
        private final HttpRequestFactory.Outgoing outgoing;
        private final String target;
        private final ClientListener.Call call;
        private final CallDeadline deadline;
        private int attempt;
        private boolean reauthenticated;
        private URI redirectTo;
        private int redirects;
        private HttpRequest httpRequest;
        private RuntimeException last;
        private final HttpResponse.BodyHandler<ResponseBody> bodies;
        private volatile CompletableFuture<HttpResponse<ResponseBody>> inFlight;

        AsyncCall(ApiRequest request, HttpRequestFactory.Outgoing outgoing, HttpResponse.BodyHandler<ResponseBody> bodies) {
            this.request = request;
            this.outgoing = outgoing;
            this.bodies = bodies;
            this.target = target(request, outgoing.first());
            this.call = listened() ? call(request, outgoing.first()) : null; // null: nobody asks
            this.deadline = CallDeadline.start(time, retries.deadline());
            // a caller who gives up on the call should not keep a connection busy with its answer
            result.whenComplete((answer, error) -> {
                CompletableFuture<HttpResponse<ResponseBody>> sending = inFlight;
                if (result.isCancelled() && sending != null) {
                    sending.cancel(true);
                }
            });
        }

        /** Takes a token, or reserves one and schedules the attempt for when it is due. */
        void nextAttempt() {
            attempt++;
            if (result.isDone()) {
                return; // cancelled by the caller
            }
            try {
                httpRequest = redirected(forAttempt(outgoing, attempt, last), redirectTo);
                redirectTo = null;
                takeTokenThenSend();
            } catch (TransportException storeDown) {
                fail(finished(withSuppressed(storeDown, last), attempt - 1)); // a shared bucket's store is down
            } catch (RuntimeException | Error e) {
                fail(e); // the caller must not wait forever
            }
        }

        private void takeTokenThenSend() {
            if (deadline.hasPassed()) {
                fail(deadlinePassed(target, deadline, last, attempt));
                return;
            }
            if (limiter == null) {
                authenticateThenSend();
                return;
            }
            // a shared bucket's store answers later: no thread waits for it
            limiter.reserveAsync(deadline.remaining()).whenComplete((wait, error) -> {
                try {
                    tokenReserved(wait, error == null ? null : unwrap(error));
                } catch (RuntimeException | Error e) {
                    fail(e); // thrown here it would vanish into the future whenComplete returns
                }
            });
        }

        private void tokenReserved(Long wait, Throwable failure) {
            if (failure instanceof TransportException storeDown) {
                fail(withAttempts(withSuppressed(storeDown, last), attempt - 1)); // a shared bucket's store is down
            } else if (failure != null) {
                fail(failure);
            } else if (result.isDone()) {
                if (wait >= 0) {
                    limiter.release(); // cancelled meanwhile: the token was not used
                }
            } else {
                waitForToken(wait);
            }
        }

        private void waitForToken(long wait) {
            if (wait < 0) {
                fail(noToken(target, deadline, last, attempt));
                return;
            }
            if (wait == 0) {
                authenticateThenSend();
                return;
            }
            debug(() -> target + ": waiting " + Durations.readable(Duration.ofNanos(wait))
                    + " for a rate-limit token (" + limiter.limit() + ")");
            listen(l -> l.tokenWait(call, Duration.ofNanos(wait)));
            time.delay(Duration.ofNanos(wait)).whenComplete((done, error) -> {
                if (result.isDone()) {
                    limiter.release(); // cancelled meanwhile: the token was not used
                } else if (error != null) {
                    limiter.release();
                    fail(unwrap(error));
                } else {
                    authenticateThenSend();
                }
            });
        }

        private void authenticateThenSend() {
            authenticateAsync(call, httpRequest).whenComplete((authenticated, error) -> {
                if (error != null) {
                    releaseToken();
                    fail(finished(unwrap(error), attempt - 1)); // not sent: the attempts before it count
                } else if (result.isDone()) {
                    releaseToken(); // cancelled meanwhile
                } else {
                    sendAttempt(authenticated);
                }
            });
        }

        private void releaseToken() {
            if (limiter != null) {
                limiter.release();
            }
        }

        private void sendAttempt(HttpRequest authenticated) {
            AttemptTimeout timeout = attemptTimeout(request, deadline);
            int sent = attempt;
            listen(l -> l.attemptStarted(call, sent));
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<ResponseBody>> sending;
            try {
                sending = http.sendAsync(withTimeout(authenticated, timeout.duration()), bodies);
            } catch (RuntimeException e) {
                listen(l -> l.attemptFailed(call, sent, e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - start)));
                attemptFailed();
                fail(e);
                return;
            }
            inFlight = sending;
            // the HTTP client's own timeout ends with the headers; this one covers the body too (blocking calls: BodyDeadline)
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> timer = AsyncPool.TIMER.schedule(() -> AsyncPool.EXECUTOR.execute(() -> {
                timedOut.set(true);
                sending.cancel(true); // closes the connection: it is still busy with the late answer
            }), timeout.duration().toNanos(), TimeUnit.NANOSECONDS);
            sending.whenComplete((response, error) -> {
                timer.cancel(false);
                Throwable failure = error == null ? null : unwrap(error);
                if (failure instanceof CancellationException && timedOut.get()) {
                    failure = BodyDeadline.timedOut(timeout.duration());
                }
                try {
                    answered(response, failure, timeout, start);
                } catch (RuntimeException | Error e) {
                    fail(e); // a bug in a decoder must not leave the caller waiting forever
                }
            });
        }

        private void answered(HttpResponse<ResponseBody> response, Throwable error, AttemptTimeout timeout, long start) {
            Optional<Retry> retry;
            if (error instanceof IOException e) {
                debug(() -> target + " failed after " + millisSince(start) + " ms: " + e.getClass().getName());
                listen(l -> l.attemptFailed(call, attempt, e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - start)));
                attemptFailed();
                last = transportFailure(target, e, timeout);
                retry = retries.afterNoAnswer(request, e, attempt);
            } else if (error != null) {
                listen(l -> l.attemptFailed(call, attempt, error.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - start)));
                attemptFailed();
                // cancelled, or not an I/O failure: nothing a retry would mend
                fail(error instanceof RuntimeException e && !(error instanceof CancellationException)
                        ? transportRaised(target, e, attempt) : error);
                return;
            } else {
                debug(() -> target + " → " + response.statusCode() + " in " + millisSince(start) + " ms");
                listen(l -> l.attemptAnswered(call, attempt, response.statusCode(), Duration.ofNanos(System.nanoTime() - start)));
                tellLimiter(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    result.complete(answer(response, attempt, request)); // throws when too large: fail() takes it
                    return;
                }
                Redirect redirect = redirect(target, response, redirects);
                if (redirect.to() != null) {
                    redirects++;
                    redirectTo = redirect.to();
                    hopped(call, attempt, response.statusCode(), httpRequest.uri(), redirectTo);
                    attempt--; // a hop is not an attempt: the same one goes on, at once, to the same origin
                    nextAttempt();
                    return;
                }
                last = decodeError(response);
                noteRedirect(last, redirect);
                if (!reauthenticated && tokenRefused(call, attempt, target, response, last)) {
                    reauthenticated = true;
                    nextAttempt(); // once, at once, with a fresh token
                    return;
                }
                retry = retries.afterAnswer(request, response, attempt);
            }
            if (retry.isEmpty() || !mayWait(call, target, retry.get(), attempt, deadline)) {
                fail(finished(last, attempt));
                return;
            }
            time.delay(retry.get().delay()).whenComplete((done, delayError) -> {
                if (delayError != null) {
                    fail(unwrap(delayError));
                } else {
                    nextAttempt();
                }
            });
        }

        private void fail(Throwable failure) {
            result.completeExceptionally(withCallSecrets(failure, request));
        }
    }

    /**
     * The request for this attempt, with its body published anew (a file opened again). If that fails (the file is
     * gone), the call ends with that failure, the last attempt's failure suppressed in it.
     */
    private HttpRequest forAttempt(HttpRequestFactory.Outgoing outgoing, int attempt, RuntimeException last) {
        try {
            return outgoing.forAttempt(attempt);
        } catch (RuntimeException e) {
            throw finished(withSuppressed(e, last), attempt - 1);
        }
    }

    /**
     * The request as the authenticators make it for this attempt; the request itself when there are none. If one of
     * them fails, the call ends with its exception and the rate-limit token goes back: nothing was sent.
     */
    private HttpRequest authenticate(ClientListener.Call call, HttpRequest request, int attempt) {
        if (authenticators.isEmpty()) {
            return request;
        }
        AuthRequest auth = new AuthRequest(request.method(), request.uri(), http, fetches(call));
        try {
            authenticators.forEach(authenticator -> authenticator.authenticate(auth));
        } catch (RuntimeException e) {
            if (limiter != null) {
                limiter.release();
            }
            throw finished(e, attempt - 1); // not sent: the attempts before it count
        }
        return applied(auth, request);
    }

    /** {@link #authenticate} without blocking: each authenticator's {@code authenticateAsync}, one after another. */
    private CompletableFuture<HttpRequest> authenticateAsync(ClientListener.Call call, HttpRequest request) {
        if (authenticators.isEmpty()) {
            return CompletableFuture.completedFuture(request);
        }
        AuthRequest auth = new AuthRequest(request.method(), request.uri(), http, fetches(call));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Authenticator authenticator : authenticators) {
            chain = chain.thenCompose(done -> authenticator.authenticateAsync(auth));
        }
        return chain.thenApply(done -> applied(auth, request));
    }

    /** The listener's ear for credentials fetches made for a call; null when no listener was set. */
    private AuthRequest.Fetches fetches(ClientListener.Call call) {
        if (!listened()) {
            return null;
        }
        return (endpoint, succeeded, elapsed) -> listen(l -> l.credentialsFetched(call,
                redactor.redact(UriText.withoutQuery(endpoint)), succeeded, elapsed));
    }

    private HttpRequest applied(AuthRequest auth, HttpRequest request) {
        auth.encodedQueryNames().forEach(secretQueryNames::add);
        redactor.learn(auth.values()); // a refreshed token is a secret from the moment it is sent
        return auth.applyTo(request);
    }

    /** What the error decoder sees of a failed answer, with the values of credential query parameters as ***. */
    HttpFailure redactedFailure(HttpResponse<ResponseBody> response) {
        HttpFailure failure = failure(response);
        String query = failure.uri().getRawQuery();
        if (query == null || secretQueryNames.isEmpty()) {
            return failure;
        }
        StringJoiner redacted = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            redacted.add(secretQueryNames.contains(name) ? name + "=***" : pair);
        }
        String uri = failure.uri().toASCIIString();
        URI withoutQuery = URI.create(uri.substring(0, uri.indexOf('?')));
        return new HttpFailure(failure.status(), failure.method(), AuthRequest.withQuery(withoutQuery, redacted.toString()),
                failure.headers(), failure.body());
    }

    /**
     * One attempt, blocking for at most {@code timeout} for the whole answer, body included: the request's own timeout
     * covers the headers, {@link BodyDeadline} the body. On the calling thread ({@code HttpClient.send}):
     * {@code sendAsync(...).get()} hands each answer to the client's executor and back to the caller, which made a
     * call on loopback about twice as slow ({@code benchmarks/}: one GET, 2.95x the raw client's time).
     */
    private HttpResponse<ResponseBody> sendOnce(String target, HttpRequest httpRequest, Duration timeout,
            HttpResponse.BodyHandler<ResponseBody> bodies) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<ResponseBody> response = http.send(httpRequest,
                    BodyDeadline.guard(bodies, start + timeout.toNanos(), timeout));
            debug(() -> target + " → " + response.statusCode() + " in " + millisSince(start) + " ms");
            return response;
        } catch (HttpConnectTimeoutException e) {
            debug(() -> target + " failed after " + millisSince(start) + " ms: " + e.getClass().getName());
            throw e;
        } catch (HttpTimeoutException e) {
            debug(() -> target + " timed out after " + millisSince(start) + " ms");
            throw BodyDeadline.timedOut(timeout);
        } catch (IOException | RuntimeException e) {
            debug(() -> target + " failed after " + millisSince(start) + " ms: " + e.getClass().getName());
            throw e;
        }
    }

    /**
     * Blocks for a rate-limit token. If the token would come only after the deadline, the call ends: with the last
     * failure when there was one, else with a {@link TransportException}.
     */
    private void takeToken(ClientListener.Call call, String target, CallDeadline deadline, RuntimeException last, int attempt) {
        if (deadline.hasPassed()) {
            throw deadlinePassed(target, deadline, last, attempt);
        }
        if (limiter == null) {
            return;
        }
        long start = time.nanoTime();
        boolean taken;
        try {
            taken = limiter.acquire(deadline.remaining());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TransportException interrupted = new TransportException(target
                    + " was interrupted while waiting for a rate-limit token", e);
            if (last != null) {
                interrupted.addSuppressed(last);
            }
            throw finished(interrupted, attempt - 1);
        } catch (TransportException storeDown) {
            throw finished(withSuppressed(storeDown, last), attempt - 1);
        }
        if (!taken) {
            throw noToken(target, deadline, last, attempt);
        }
        long waited = time.nanoTime() - start;
        if (waited > 0) {
            debug(() -> target + ": waited " + Durations.readable(Duration.ofNanos(waited))
                    + " for a rate-limit token (" + limiter.limit() + ")");
            listen(l -> l.tokenWait(call, Duration.ofNanos(waited)));
        }
    }

    /** The call's end when its deadline passed before attempt {@code attempt}: the last failure, if any. */
    private RuntimeException deadlinePassed(String target, CallDeadline deadline, RuntimeException last,
            int attempt) {
        return last != null ? finished(last, attempt - 1) : finished(new TransportException(target
                + " was not sent: the deadline of " + Durations.readable(deadline.limit()) + " had passed", null), 0);
    }

    /** The call's end when no token would come before its deadline: the last failure, if any. */
    private RuntimeException noToken(String target, CallDeadline deadline, RuntimeException last, int attempt) {
        return last != null ? finished(last, attempt - 1) : finished(new TransportException(target
                + " was not sent: no rate-limit token (" + limiter.limit() + ") within the deadline of "
                + Durations.readable(deadline.limit()), null), 0);
    }

    /** Waits before the next attempt; ends the call with its last failure instead if the wait would pass the deadline. */
    private void pause(ClientListener.Call call, String target, Retry retry, int attempt, CallDeadline deadline,
            RuntimeException last) {
        if (!mayWait(call, target, retry, attempt, deadline)) {
            throw finished(last, attempt);
        }
        try {
            if (!retry.delay().isZero()) {
                time.sleep(retry.delay());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TransportException interrupted = new TransportException(target + " was interrupted while waiting to retry", e);
            interrupted.addSuppressed(last);
            throw finished(interrupted, attempt);
        }
    }

    /** Whether the retry's wait leaves time before the deadline; logs the decision either way. */
    private boolean mayWait(ClientListener.Call call, String target, Retry retry, int attempt, CallDeadline deadline) {
        String wait = Durations.readable(retry.delay());
        if (!deadline.allows(retry.delay())) {
            debug(() -> target + ": attempt " + attempt + " failed (" + retry.reason() + "); not retrying:"
                    + " waiting " + wait + " would pass the deadline of " + Durations.readable(deadline.limit()));
            return false;
        }
        debug(() -> target + ": attempt " + attempt + " of " + retries.maxAttempts() + " failed ("
                + retry.reason() + "); retrying in " + wait);
        listen(l -> l.retrying(call, attempt, retry.delay(), retry.reason()));
        return true;
    }

    /** Tells the listener of a redirect followed: both URIs without their query, the client's secrets redacted. */
    private void hopped(ClientListener.Call call, int attempt, int status, URI from, URI to) {
        if (listened()) {
            String fromText = redactor.redact(UriText.withoutQuery(from));
            String toText = redactor.redact(UriText.withoutQuery(to));
            listen(l -> l.redirected(call, attempt, status, fromText, toText));
        }
    }

    /** The most redirects one call follows (all its attempts together); hops are not counted as attempts. */
    static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    /** Where to go after a redirect ({@code to}), or why it is not followed ({@code notFollowed}); neither: no redirect. */
    private record Redirect(URI to, String notFollowed) {
        static final Redirect NONE = new Redirect(null, null);
    }

    /**
     * Whether to follow a 301, 302, 303, 307 or 308: only for GET and HEAD, only to the same origin (scheme, host and
     * port) over https, at most {@link #MAX_REDIRECTS} times per call — the request carries the credentials, which must
     * reach no other host and never go unencrypted. Otherwise the answer ends the call as an {@link ApiException}
     * whose message says why it was not followed (its headers hold the {@code Location}).
     */
    private Redirect redirect(String target, HttpResponse<?> response, int redirects) {
        if (!REDIRECT_STATUSES.contains(response.statusCode())) {
            return Redirect.NONE;
        }
        HttpRequest sent = response.request();
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return new Redirect(null, "(redirect not followed: the answer has no Location)");
        }
        URI next;
        try {
            next = sent.uri().resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
            return new Redirect(null, "(redirect not followed: its Location is not a URI)");
        }
        String where = origin(next);
        String refusal = null;
        if (!sent.method().equals("GET") && !sent.method().equals("HEAD")) {
            refusal = "only GET and HEAD are redirected, not " + sent.method();
        } else if (!"https".equalsIgnoreCase(next.getScheme())) {
            refusal = "it leads to " + (next.getScheme() == null ? "no scheme" : next.getScheme() + "://")
                    + ", and credentials go over https only";
        } else if (!origin(sent.uri()).equals(where)) {
            refusal = "it leads to another origin, and credentials go to " + origin(sent.uri()) + " only";
        } else if (redirects >= MAX_REDIRECTS) {
            refusal = "more than " + MAX_REDIRECTS + " redirects";
        }
        if (refusal != null) {
            String reason = refusal;
            debug(() -> target + ": HTTP " + response.statusCode() + " to " + where + " not followed: " + reason);
            return new Redirect(null, "(redirect to " + where + " not followed: " + reason + ")");
        }
        debug(() -> target + ": HTTP " + response.statusCode() + ", following the redirect within " + where);
        return new Redirect(next, null);
    }

    /** {@code scheme://host:port}, the port made explicit, the host lower case: what "same origin" compares. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    private static void noteRedirect(RuntimeException failure, Redirect redirect) {
        if (redirect.notFollowed() != null && failure instanceof ApiException api) {
            api.noteRedirectNotFollowed(redirect.notFollowed());
        }
    }

    /** The attempt's request sent to {@code to} instead (a followed redirect); as it is when {@code to} is null. */
    private static HttpRequest redirected(HttpRequest request, URI to) {
        return to == null ? request : HttpRequest.newBuilder(request, (name, value) -> true).uri(to).build();
    }

    /**
     * A 401 whose token an authenticator can renew ({@link Authenticator#refused}): every authenticator is told, and
     * the call goes once more if one of them will send something new.
     */
    private boolean tokenRefused(ClientListener.Call call, int attempt, String target, HttpResponse<?> response,
            RuntimeException refusal) {
        if (response.statusCode() != 401 || authenticators.isEmpty()) {
            return false;
        }
        boolean renewed = false;
        for (Authenticator authenticator : authenticators) {
            try {
                renewed |= authenticator.refused(response.request().headers());
            } catch (RuntimeException e) {
                // a refresh that failed ends the call with the 401, the failure (scrubbed of secrets) suppressed in it
                refusal.addSuppressed(redactor.scrubbed(e));
                return false;
            }
        }
        if (renewed) {
            debug(() -> target + ": HTTP 401, the credentials were refused; sending once more with fresh ones");
            listen(l -> l.credentialsRefused(call, attempt));
        }
        return renewed;
    }

    /** The client-side bucket's tokens now; empty without a limit or for a shared store's bucket. */
    java.util.OptionalLong tokensAvailable() {
        return limiter == null ? java.util.OptionalLong.empty() : limiter.tokensAvailable();
    }

    /** What a listener sees of a call: its method, path template and URI without the query, secrets redacted. */
    private ClientListener.Call call(ApiRequest request, HttpRequest first) {
        return new ClientListener.Call(request.method(), request.pathTemplate(), redactor.redact(UriText.withoutQuery(first.uri())));
    }

    /** Whether a listener was set: without one, the request path makes no {@link ClientListener.Call}. */
    private boolean listened() {
        return options.listener() != ClientListener.NONE;
    }

    /** Tells the listener; one that throws is logged and ignored, since it must not change the call's outcome. */
    private void listen(java.util.function.Consumer<ClientListener> event) {
        if (!listened()) {
            return;
        }
        ClientListener listener = options.listener();
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            debug(() -> "the ClientListener " + listener.getClass().getName() + " threw " + e.getClass().getName()
                    + "; ignored");
        }
    }

    /** An attempt failed without an answer: a cold start's callers must not wait for it (see RateLimiter#answered). */
    private void attemptFailed() {
        if (limiter != null) {
            limiter.answered();
        }
    }

    private void tellLimiter(int status) {
        if (limiter == null) {
            return;
        }
        limiter.answered();
        if (status / 100 == 2) {
            limiter.succeeded();
        } else if (status == 429) {
            limiter.throttled();
        }
    }

    /** The call's own timeout or the client's, shortened to what the deadline leaves. */
    private AttemptTimeout attemptTimeout(ApiRequest request, CallDeadline deadline) {
        AttemptTimeout configured = request.timeout()
                .map(timeout -> new AttemptTimeout(timeout, "the request's timeout"))
                .orElseGet(() -> new AttemptTimeout(options.requestTimeout(), "requestTimeout"));
        Duration remaining = deadline.remaining();
        if (remaining != null && remaining.compareTo(configured.duration()) < 0) {
            return new AttemptTimeout(remaining, "what was left of the retry deadline of "
                    + Durations.readable(deadline.limit()));
        }
        return configured;
    }

    private static String target(ApiRequest request, HttpRequest httpRequest) {
        return request.method() + " " + UriText.withoutQuery(httpRequest.uri());
    }

    private static HttpRequest withTimeout(HttpRequest request, Duration timeout) {
        if (request.timeout().filter(timeout::equals).isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    /** Tells the exception how many attempts the call made; decoders and constructors cannot know. */
    static <E extends Throwable> E withAttempts(E failure, int attempts) {
        if (failure instanceof ApiException api) {
            api.recordAttempts(attempts);
        } else if (failure instanceof TransportException transport) {
            transport.recordAttempts(attempts);
        }
        return failure;
    }

    /** {@link #withAttempts}, and the client's secrets kept out of the exception's message. */
    <E extends Throwable> E finished(E failure, int attempts) {
        return withAttempts(redacted(failure), attempts);
    }

    /** The exception, told which secrets its message must not show (ours; another kind cannot be told). */
    <E extends Throwable> E redacted(E failure) {
        return redactedWith(failure, redactor);
    }

    private static <E extends Throwable> E redactedWith(E failure, Redactor secrets) {
        if (failure instanceof ApiException api) {
            api.redactWith(secrets);
        } else if (failure instanceof TransportException transport) {
            transport.redactWith(secrets);
        }
        return failure;
    }

    /** The cause to attach to an exception: itself, or a stand-in when its messages hold a secret. */
    Throwable scrubbed(Throwable cause) {
        return redactor.scrubbed(cause);
    }

    /**
     * The exception, also kept free of the values of this call's own headers whose names say they carry a secret
     * ({@code X-Api-Key} as an operation's header parameter, an {@code X-Auth-Token} given per call).
     */
    private static <E extends Throwable> E withCallSecrets(E failure, ApiRequest request) {
        List<String> secrets = new ArrayList<>();
        request.headers().forEach((name, value) -> {
            if (Redactor.isSecretName(name) && !name.equalsIgnoreCase("Idempotency-Key")) {
                secrets.add(value);
            }
        });
        if (secrets.isEmpty()) {
            return failure;
        }
        return redactedWith(failure, Redactor.of(secrets));
    }

    /** Text for a log line or a message, without the client's secrets. */
    String redact(String text) {
        return redactor.redact(text);
    }

    private static <E extends Throwable> E withSuppressed(E failure, Throwable earlier) {
        if (earlier != null) {
            failure.addSuppressed(earlier);
        }
        return failure;
    }

    /** The failure itself, out of the wrappers futures put around it. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * What the caller gets when the transport threw instead of answering or failing with an {@link IOException}: our
     * own exceptions (a body over its limit, a transport's {@code TransportException}) redacted, anything else (a bug
     * or a refusal in a user's adapter, {@code InMemoryTransport}'s unmatched request) as it is — unless a message in
     * its chain holds one of the client's secrets (an adapter may print the URL with its query credential, or a header
     * it was given): then a {@code TransportException} whose cause is a redacted stand-in.
     */
    private RuntimeException transportRaised(String target, RuntimeException e, int attempt) {
        if (e instanceof ApiException || e instanceof TransportException) {
            return finished(e, attempt);
        }
        Throwable scrubbed = redactor.scrubbed(e);
        if (scrubbed == e) {
            return e;
        }
        return finished(new TransportException(target + " failed in the transport: " + scrubbed.getMessage(), scrubbed),
                attempt);
    }

    private TransportException transportFailure(String target, IOException e, AttemptTimeout timeout) {
        return redacted(unredactedTransportFailure(target, e, timeout));
    }

    private TransportException unredactedTransportFailure(String target, IOException e, AttemptTimeout timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return new TransportException(target + " could not connect within "
                    + Durations.readable(options.connectTimeout()) + " (connectTimeout)", redactor.scrubbed(e));
        }
        if (e instanceof HttpTimeoutException) {
            return new TransportException(target + " timed out: no answer within "
                    + Durations.readable(timeout.duration()) + " (" + timeout.setting() + ")", redactor.scrubbed(e));
        }
        if (e instanceof SSLException) {
            return new TransportException(target + " failed the TLS handshake (" + e.getMessage()
                    + "); if the server's certificate comes from a private CA, trust it with the builder's truststore(path, "
                    + "password) or trustedCertificates(pem), or your own sslContext",
                    redactor.scrubbed(e));
        }
        if (e instanceof ConnectException) {
            return new TransportException(target + " could not connect: " + describe(e), redactor.scrubbed(e));
        }
        return new TransportException(target + " failed: " + describe(e), redactor.scrubbed(e));
    }

    /**
     * The decoder's exception for an error answer, its message kept free of the client's secrets and saying so when
     * the body was cut; if the decoder itself fails, the default one, so the status and body are not lost.
     */
    private RuntimeException decodeError(HttpResponse<ResponseBody> response) {
        RuntimeException decoded = decodeError(redactedFailure(response));
        if (decoded instanceof ApiException api && response.body().isCut()) {
            api.noteTruncatedBody(response.body().cutAt());
        }
        return redacted(decoded);
    }

    private RuntimeException decodeError(HttpFailure failure) {
        try {
            RuntimeException decoded = errorDecoder.decode(failure, mapper);
            if (decoded != null) {
                return decoded;
            }
        } catch (RuntimeException decoderBug) {
            RuntimeException fallback = ErrorDecoder.DEFAULT.decode(failure, mapper);
            fallback.addSuppressed(redactor.scrubbed(decoderBug));
            return fallback;
        }
        return ErrorDecoder.DEFAULT.decode(failure, mapper);
    }

    /**
     * The 2xx answer as the caller gets it; a body that was over the limit ends the call with a
     * {@link ResponseTooLargeException} (not retried: the server did what was asked, only the answer is too big).
     */
    private Answer answer(HttpResponse<ResponseBody> response, int attempt, ApiRequest request) {
        ResponseBody body = response.body();
        if (body.tooLarge()) {
            throw finished(new ResponseTooLargeException(redactedFailure(response), body.limit(), body.contentLength()),
                    attempt);
        }
        if (body.stream() == null) {
            return new Answer(response, attempt, null);
        }
        // each read of a download may wait the configured timeout, not what a retry deadline left of it: the
        // deadline bounds getting an answer, and a download is read at the caller's pace after that
        AttemptTimeout perRead = request.timeout()
                .map(timeout -> new AttemptTimeout(timeout, "the request's timeout"))
                .orElseGet(() -> new AttemptTimeout(options.requestTimeout(), "requestTimeout"));
        return new Answer(response, attempt, new StallGuard(body.stream(), perRead.duration(), perRead.setting()));
    }

    /** The limit on bodies read into memory: the call's own, else the client's. */
    private long bodyLimit(ApiRequest request) {
        return request.maxInMemoryBodySize().orElse(options.maxInMemoryBodySize());
    }

    static HttpFailure failure(HttpResponse<ResponseBody> response) {
        HttpRequest request = response.request();
        String body = new String(response.body().bytes(),
                MediaTypes.charset(response.headers().firstValue("Content-Type").orElse(null)));
        return new HttpFailure(response.statusCode(), request.method(), request.uri(), response.headers().map(), body);
    }

    /** A DEBUG line, built only when DEBUG is on, without the client's secrets. */
    private void debug(Supplier<String> message) {
        LOG.log(Level.DEBUG, () -> redactor.redact(message.get()));
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Every secret the client holds, for its {@link Redactor}: the credentials' header values (Basic, Bearer, the
     * platform's scoping headers), query parameters and cookies, an OAuth client's secret, and the default headers whose
     * names say they carry one ({@code X-Api-Key}, {@code X-Auth-Token}, ...). What authenticators add per request is
     * learnt as it is sent.
     */
    private static List<String> secrets(ClientOptions options) {
        Credentials credentials = options.credentials();
        List<String> secrets = new ArrayList<>(credentials.headers().values());
        secrets.addAll(credentials.queryParameters().values());
        secrets.addAll(credentials.cookies().values());
        for (Authenticator authenticator : credentials.authenticators()) {
            if (authenticator instanceof OAuth2ClientCredentials oauth) {
                secrets.addAll(oauth.secrets());
            }
        }
        options.defaultHeaders().forEach((name, value) -> {
            if (Redactor.isSecretName(name)) {
                secrets.add(value);
            }
        });
        return secrets;
    }
}
