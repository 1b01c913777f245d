package dev.specwright.runtime;

import dev.specwright.runtime.internal.Redactor;

/**
 * The request got no answer: the connection failed, TLS verification failed, the request timed out, or the calling
 * thread was interrupted (its interrupt flag is then set again). Whether the server acted on the request is unknown.
 * The message never holds a credential of the client (see {@link ApiException}).
 */
public class TransportException extends RuntimeException {

    private int attempts = 1;
    private transient volatile Redactor redactor = Redactor.SHAPES_ONLY;
    private volatile String pageNote;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * How many requests the call sent (or tried to send), the failed one included: 1 when it was not retried, more when
     * the {@link RetryPolicy} retried it before giving up. 0 when the call ended before its first attempt (interrupted
     * or out of time while waiting for a rate-limit token).
     */
    public int attempts() {
        return attempts;
    }

    /** The message, with the client's secrets and anything shaped like a credential replaced by {@code ***}. */
    @Override
    public String getMessage() {
        Redactor current = redactor;
        // transient: a copy that went through serialization keeps the shapes at least
        String message = (current == null ? Redactor.SHAPES_ONLY : current).redact(super.getMessage());
        return pageNote == null ? message : message + " " + pageNote;
    }

    /** Set by a {@link Paginator} when this ended its walk: which page it was ({@code (page 2 of ...)}). */
    void notePage(String note) {
        this.pageNote = note;
    }

    void redactWith(Redactor clientRedactor) {
        Redactor current = redactor;
        this.redactor = (current == null ? Redactor.SHAPES_ONLY : current).and(clientRedactor);
    }

    void recordAttempts(int attempts) {
        this.attempts = attempts;
    }
}
