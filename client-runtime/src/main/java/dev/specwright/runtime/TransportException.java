package dev.specwright.runtime;

/**
 * The request got no answer: the connection failed, TLS verification failed, the request timed out, or the calling
 * thread was interrupted (its interrupt flag is then set again). Whether the server acted on the request is unknown.
 */
public class TransportException extends RuntimeException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
