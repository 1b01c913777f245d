package dev.specwright.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.FailureReasons;

/**
 * Turns an answer that is not 2xx into the exception the client throws. Generated clients with an error catalogue
 * supply one that decodes the error document into typed exceptions.
 */
@FunctionalInterface
public interface ErrorDecoder {

    /**
     * An {@link ApiException} whose reason is the error document's message, an HTML page's title, or the body's start;
     * a {@link RateLimitedException} for HTTP 429.
     */
    ErrorDecoder DEFAULT = (failure, mapper) -> failure.status() == 429
            ? new RateLimitedException(failure, FailureReasons.of(failure, mapper))
            : new ApiException(failure, FailureReasons.of(failure, mapper));

    /**
     * @param failure the answer
     * @param mapper  the client's configured mapper, for reading the error document
     * @return the exception to throw; never null
     */
    RuntimeException decode(HttpFailure failure, ObjectMapper mapper);
}
