package dev.specwright.runtime;

import dev.specwright.runtime.internal.Redactor;
import dev.specwright.runtime.internal.UriText;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered, but not with success: the base of every HTTP error a client throws. Generated clients with an
 * error catalogue subclass it (through {@link #ApiException(HttpFailure, String)}) to add the decoded error document.
 * The message is {@code METHOD uri → HTTP status: reason}, with the URI's query left out.
 *
 * <p>{@link #getMessage()} (and so {@code toString()} and every stack trace) never holds a credential of the client,
 * even when the server echoed one back and a decoder put it in the reason: the client's secrets, in each form they
 * could come back in, and anything shaped like {@code Authorization: ...} or {@code api_key=...} are replaced by
 * {@code ***} when the message is read. {@link #rawBody()} is the exception: it is the body exactly as the server sent
 * it, for code that needs it, and must not be logged as it is — log {@link #redactedBody()}.
 */
public class ApiException extends RuntimeException {

    private final HttpFailure failure;
    private final Instant answeredAt = Instant.now(); // what an HTTP-date Retry-After is measured from without a Date header
    private int attempts = 1;
    private transient volatile Redactor redactor = Redactor.SHAPES_ONLY;
    private volatile String bodyNote;
    private volatile String pageNote;
    private volatile String redirectNote;

    /** An exception with {@code message} exactly as given. */
    public ApiException(String message, HttpFailure failure) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** An exception whose message is {@code METHOD uri → HTTP status: reason}. */
    protected ApiException(HttpFailure failure, String reason) {
        this(failure, reason, null);
    }

    /** As {@link #ApiException(HttpFailure, String)}, with the exception that caused it. */
    protected ApiException(HttpFailure failure, String reason, Throwable cause) {
        super(describe(failure, reason), cause);
        this.failure = failure;
    }

    /** The standard message: {@code GET https://host/api/products/x → HTTP 400: reason}. */
    public static String describe(HttpFailure failure, String reason) {
        Objects.requireNonNull(failure, "failure");
        String head = failure.method() + " " + UriText.withoutQuery(failure.uri()) + " → HTTP " + failure.status();
        return reason == null || reason.isBlank() ? head : head + ": " + reason;
    }

    public int status() {
        return failure.status();
    }

    public String method() {
        return failure.method();
    }

    /** The request URI, query included. */
    public URI uri() {
        return failure.uri();
    }

    /**
     * The message, with the client's secrets and anything shaped like a credential replaced by {@code ***}; when the
     * error body was longer than the client keeps, it says so.
     */
    @Override
    public String getMessage() {
        Redactor current = redactor;
        // transient: a copy that went through serialization keeps the shapes at least
        String message = (current == null ? Redactor.SHAPES_ONLY : current).redact(super.getMessage());
        String noted = bodyNote == null ? message : message + " " + bodyNote;
        String paged = pageNote == null ? noted : noted + " " + pageNote;
        return redirectNote == null ? paged : paged + " " + redirectNote;
    }

    /**
     * The response body as text, never null, <strong>unredacted</strong>: exactly what the server sent (up to the
     * client's limit for error bodies, see {@link ClientOptions.Builder#maxInMemoryBodySize(long)}). A server that
     * echoes the request puts the caller's credentials here; do not log it — log {@link #redactedBody()}.
     */
    public String rawBody() {
        return failure.body();
    }

    /** The response body with the client's secrets and credential-shaped values replaced by {@code ***}: safe to log. */
    public String redactedBody() {
        Redactor current = redactor;
        return (current == null ? Redactor.SHAPES_ONLY : current).redact(failure.body());
    }

    /**
     * Whether the server refused the call for its rate limit: HTTP 429 Too Many Requests. The client has already
     * retried it as its {@link RetryPolicy} allows (429 is retried for every method); this is the answer it gave up on.
     * Without an error catalogue the exception is a {@link RateLimitedException}; with one it is the category the error
     * document names (the platform's says {@code PermissionDenied}), and this method tells them apart.
     *
     * @return {@code status() == 429}
     */
    public boolean isRateLimited() {
        return failure.status() == 429;
    }

    /**
     * How long the server asked the caller to wait before trying again: its {@code Retry-After} header (RFC 9110
     * §10.2.3), delay-seconds or an HTTP-date (measured from the answer's {@code Date} header, else from when this
     * exception was made; zero for a date in the past). Sent with 429 and 503 answers above all.
     *
     * @return the wait, or empty when the answer has no readable {@code Retry-After}
     */
    public Optional<Duration> retryAfter() {
        return RetryAfter.of(failure::firstHeader, answeredAt);
    }

    /**
     * How many requests the call sent, this answer's included: 1 when it was not retried, more when the
     * {@link RetryPolicy} retried it and this is the last answer, given up on.
     */
    public int attempts() {
        return attempts;
    }

    /** Set by the client before it throws: the exception is made by an {@link ErrorDecoder}, which cannot know. */
    void recordAttempts(int attempts) {
        this.attempts = attempts;
    }

    /** Set by the client before it throws: the secrets it holds, to keep out of the message. */
    void redactWith(Redactor clientRedactor) {
        Redactor current = redactor;
        this.redactor = (current == null ? Redactor.SHAPES_ONLY : current).and(clientRedactor);
    }

    /** Set by a {@link Paginator} when this ended its walk: which page it was ({@code (page 2 of ...)}). */
    void notePage(String note) {
        this.pageNote = note;
    }

    /** Set by the client when it did not follow this redirect: why ({@code (redirect to ... not followed: ...)}). */
    void noteRedirectNotFollowed(String note) {
        this.redirectNote = note;
    }

    /** Set by the client when it kept only the start of a long error body. */
    void noteTruncatedBody(long keptBytes) {
        this.bodyNote = "(error body cut after its first " + keptBytes + " bytes)";
    }

    /**
     * Everything about the answer, headers included (e.g. {@code Retry-After}). Like {@link #rawBody()}, its body and
     * headers are <strong>unredacted</strong>: what the server sent.
     */
    public HttpFailure failure() {
        return failure;
    }
}
