package dev.specwright.runtime;

import dev.specwright.runtime.internal.UriText;
import java.net.URI;
import java.util.Objects;

/**
 * The server answered, but not with success: the base of every HTTP error a client throws. Generated clients with an
 * error catalogue subclass it (through {@link #ApiException(HttpFailure, String)}) to add the decoded error document.
 * The message is {@code METHOD uri → HTTP status: reason}, with the URI's query left out; it never holds a credential.
 */
public class ApiException extends RuntimeException {

    private final HttpFailure failure;
    private int attempts = 1;

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

    /** The response body as text, never null. */
    public String rawBody() {
        return failure.body();
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

    /** Everything about the answer, headers included (e.g. {@code Retry-After}). */
    public HttpFailure failure() {
        return failure;
    }
}
