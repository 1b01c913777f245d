package dev.specwright.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call of a generated operation: a timeout, extra headers, an idempotency key (the same on every retry
 * of the call) and whether a non-idempotent call may be retried. Immutable; {@link #none()} changes nothing.
 *
 * <pre>{@code
 * client.products().with(RequestOptions.builder().idempotencyKey(orderId).timeout(Duration.ofSeconds(5)).build())
 *       .create(product);
 * }</pre>
 */
public final class RequestOptions {

    private static final RequestOptions NONE = new RequestOptions(new Builder());

    private final Duration timeout;
    private final List<String[]> headers;
    private final String idempotencyKey;
    private final boolean retryNonIdempotent;
    private final Long maxInMemoryBodySize;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.headers = List.copyOf(b.headers);
        this.idempotencyKey = b.idempotencyKey;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.maxInMemoryBodySize = b.maxInMemoryBodySize;
    }

    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    /** This call's limit on bodies read into memory, when it has its own. */
    public java.util.OptionalLong maxInMemoryBodySize() {
        return maxInMemoryBodySize == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(maxInMemoryBodySize);
    }

    /**
     * Applies these options to a request being built; generated code calls it last, so a header given here wins over
     * the operation's own.
     *
     * @param request the request builder
     * @return the same builder
     */
    public ApiRequest.Builder applyTo(ApiRequest.Builder request) {
        for (String[] header : headers) {
            request.header(header[0], header[1]);
        }
        if (timeout != null) {
            request.timeout(timeout);
        }
        if (idempotencyKey != null) {
            request.idempotencyKey(idempotencyKey);
        }
        if (retryNonIdempotent) {
            request.retryNonIdempotent(true);
        }
        if (maxInMemoryBodySize != null) {
            request.maxInMemoryBodySize(maxInMemoryBodySize);
        }
        return request;
    }

    /** Names what is set; header values are not shown (they may carry secrets). */
    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", headers=" + headers.stream().map(h -> h[0]).toList()
                + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set") + ", retryNonIdempotent=" + retryNonIdempotent
                + (maxInMemoryBodySize == null ? "" : ", maxInMemoryBodySize=" + maxInMemoryBodySize) + "]";
    }

    public static final class Builder {
        private Duration timeout;
        private final List<String[]> headers = new ArrayList<>();
        private String idempotencyKey;
        private boolean retryNonIdempotent;
        private Long maxInMemoryBodySize;

        private Builder() {}

        /** @param timeout how long this call may wait for its answer (each attempt) @return this builder */
        public Builder timeout(Duration timeout) {
            this.timeout = dev.specwright.runtime.internal.Durations.requirePositive("timeout", timeout);
            return this;
        }

        /**
         * An extra header for this call; checked like every header (no CR/LF).
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            ApiRequest.builder("GET", "/").header(name, value); // validates name and value now, where the caller is
            headers.add(new String[] {name, value});
            return this;
        }

        /**
         * Sent as {@code Idempotency-Key}, the same on every retry of this call; it also allows a POST to be retried.
         *
         * @param key e.g. {@code UUID.randomUUID().toString()}, or your own order id
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = ApiRequest.requireIdempotencyKey(key);
            return this;
        }

        /** @param allow whether a POST or PATCH may be retried after a 5xx or a reset connection @return this builder */
        public Builder retryNonIdempotent(boolean allow) {
            this.retryNonIdempotent = allow;
            return this;
        }

        /**
         * This call's limit on bodies read into memory, instead of the client's
         * ({@link ClientOptions.Builder#maxInMemoryBodySize(long)}): e.g. higher for one known large export.
         *
         * @param bytes at least 1, at most {@code Integer.MAX_VALUE - 8}
         * @return this builder
         */
        public Builder maxInMemoryBodySize(long bytes) {
            this.maxInMemoryBodySize = ClientOptions.Builder.requireBodySize(bytes);
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
