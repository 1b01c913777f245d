package dev.specwright.runtime;

import dev.specwright.runtime.internal.Sizes;
import java.util.OptionalLong;

/**
 * A successful answer whose body is larger than the client reads into memory
 * ({@link ClientOptions.Builder#maxInMemoryBodySize(long)}, per call {@link RequestOptions.Builder#maxInMemoryBodySize(long)}).
 * The body was not read: its connection was closed, and the client goes on with the next call as usual. Not retried —
 * the server did what was asked. An {@link ApiException} like any answer the client could not use; its
 * {@link #rawBody()} is empty.
 */
public class ResponseTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final OptionalLong contentLength;

    ResponseTooLargeException(HttpFailure failure, long limit, OptionalLong contentLength) {
        super(failure, reason(limit, contentLength));
        this.limit = limit;
        this.contentLength = contentLength;
    }

    /** The limit the body was over, in bytes. */
    public long limit() {
        return limit;
    }

    /** The answer's {@code Content-Length}, when it declared one. */
    public OptionalLong contentLength() {
        return contentLength;
    }

    private static String reason(long limit, OptionalLong contentLength) {
        String size = contentLength.isPresent() ? "of " + Sizes.readable(contentLength.getAsLong()) + " (Content-Length)"
                : "(no Content-Length)";
        return "the response body " + size + " is larger than the " + Sizes.readable(limit) + " this client reads into"
                + " memory; raise the limit with ClientOptions.builder().maxInMemoryBodySize(bytes), or for this call"
                + " with RequestOptions.builder().maxInMemoryBodySize(bytes), or read the answer as a Download, which"
                + " streams it";
    }
}
