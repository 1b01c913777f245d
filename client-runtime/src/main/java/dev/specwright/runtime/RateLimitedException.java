package dev.specwright.runtime;

/**
 * HTTP 429 Too Many Requests, after the client's retries: the server counts the caller over its rate limit. Thrown when
 * the {@link RetryPolicy} is used up (429 is retried for every method, honouring {@code Retry-After}) or turned off
 * ({@link RetryPolicy#none()}); {@link #retryAfter()} says how long the server asked to wait.
 *
 * <p>{@link ErrorDecoder#DEFAULT} throws it. A client generated with an error catalogue throws the exception of the
 * category its error document names instead, so that its typed error code is kept; every {@link ApiException} answers
 * {@link ApiException#isRateLimited()} and {@link ApiException#retryAfter()}, so
 * {@code catch (ApiException e) { if (e.isRateLimited()) ... }} works for both.
 */
public class RateLimitedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param failure the 429 answer
     * @param reason  what the server said, for the message
     */
    public RateLimitedException(HttpFailure failure, String reason) {
        super(failure, reason);
        if (failure.status() != 429) {
            throw new IllegalArgumentException("a RateLimitedException is an HTTP 429 answer, this one is HTTP "
                    + failure.status() + "; use ApiException for other statuses");
        }
    }
}
