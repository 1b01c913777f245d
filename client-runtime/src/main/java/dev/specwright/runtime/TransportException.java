package dev.specwright.runtime;

/**
 * The request got no answer: the connection failed, TLS verification failed, the request timed out, or the calling
 * thread was interrupted (its interrupt flag is then set again). Whether the server acted on the request is unknown.
 */
public class TransportException extends RuntimeException {

    private int attempts = 1;

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

    void recordAttempts(int attempts) {
        this.attempts = attempts;
    }
}
