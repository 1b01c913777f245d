package dev.specwright.runtime;

import dev.specwright.runtime.internal.HeaderRules;
import dev.specwright.runtime.internal.ParamValues;
import dev.specwright.runtime.internal.PercentEncoder;
import dev.specwright.runtime.internal.Tokens;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One request, as a generated API method describes it: method, path template with its parameters, query, headers and
 * an optional JSON body, plus per-call options (timeout, idempotency key, retry opt-in). Immutable; everything is validated and encoded by {@link Builder#build()}, so a bad value fails
 * where it was given, not on the wire. {@code toString()} shows the method and path template only: parameter values
 * and headers may be personal data or secrets.
 */
public final class ApiRequest {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String method;
    private final String pathTemplate;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final Object jsonBody;
    private final byte[] rawBody;
    private final String rawBodyType;
    private final Duration timeout;
    private final String idempotencyKey;
    private final boolean retryNonIdempotent;

    private ApiRequest(Builder builder, String path, String idempotencyKey) {
        this.method = builder.method;
        this.pathTemplate = builder.pathTemplate;
        this.path = path;
        this.query = builder.query.toString();
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.jsonBody = builder.jsonBody;
        this.rawBody = builder.rawBody;
        this.rawBodyType = builder.rawBodyType;
        this.timeout = builder.timeout;
        this.idempotencyKey = idempotencyKey;
        this.retryNonIdempotent = builder.retryNonIdempotent;
    }

    /**
     * @param method       an HTTP method, e.g. {@code GET}
     * @param pathTemplate the operation's path relative to the base URI, starting with {@code /}; {@code {name}}
     *                     placeholders are filled by {@link Builder#pathParam(String, Object)}
     */
    public static Builder builder(String method, String pathTemplate) {
        return new Builder(method, pathTemplate);
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    /** The path with its parameters filled in and percent-encoded, e.g. {@code /products/..%2Fadmin}. */
    public String path() {
        return path;
    }

    /** The percent-encoded query without the leading {@code ?}; empty when there is none. */
    public String query() {
        return query;
    }

    /** The request's own headers, in the order given. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The object to send as JSON, if any. */
    public Optional<Object> jsonBody() {
        return Optional.ofNullable(jsonBody);
    }

    /** A body already written (e.g. XML by a {@link GenericCall}); sent as-is, the same bytes on every attempt. */
    byte[] rawBody() {
        return rawBody;
    }

    /** The {@code Content-Type} of {@link #rawBody()}. */
    String rawBodyType() {
        return rawBodyType;
    }

    /** How long each attempt of this call waits for an answer, instead of the client's {@code requestTimeout}. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The {@code Idempotency-Key} this call sends, set with {@link Builder#idempotencyKey(String)} or as a header: the
     * same on every retry of the call.
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Whether the caller allowed this call to be retried after a 5xx or a lost connection whatever its method. */
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + pathTemplate + "]";
    }

    public static final class Builder {

        private final String method;
        private final String pathTemplate;
        private final Map<String, Object> pathParams = new LinkedHashMap<>();
        private final StringJoiner query = new StringJoiner("&");
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object jsonBody;
        private byte[] rawBody;
        private String rawBodyType;
        private Duration timeout;
        private boolean retryNonIdempotent;

        private Builder(String method, String pathTemplate) {
            if (!Tokens.isToken(method)) {
                throw new IllegalArgumentException("HTTP method \"" + method + "\" is not a token, e.g. GET");
            }
            if (pathTemplate == null || !pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException("path template \"" + pathTemplate + "\" must start with '/'");
            }
            requireLegalPathText(pathTemplate);
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        /** Fills {@code {name}} in the path template; the value is percent-encoded as exactly one path segment. */
        public Builder pathParam(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                throw new IllegalArgumentException("path parameter " + name + " of " + pathTemplate
                        + " is null; it is required");
            }
            if (pathParams.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("path parameter " + name + " of " + pathTemplate + " is given twice");
            }
            return this;
        }

        /**
         * Adds a query parameter; a null value (or an empty list) is skipped, an {@link Iterable} or array is sent as
         * one parameter with its elements joined by {@code ,}. Calling it again with the same name repeats the
         * parameter.
         */
        public Builder query(String name, Object value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("query parameter name is empty");
            }
            String encoded = ParamValues.encoded(value);
            if (encoded != null) {
                query.add(PercentEncoder.encode(name) + "=" + encoded);
            }
            return this;
        }

        /**
         * Adds a query parameter once per element ({@code ?id=1&id=2}): OpenAPI's default for arrays ({@code style: form,
         * explode: true}). A null collection adds nothing; null elements are skipped.
         *
         * @param name the parameter name
         * @param values the values, each sent as its own {@code name=value}
         * @return this builder
         */
        public Builder queryEach(String name, Iterable<?> values) {
            if (values != null) {
                for (Object value : values) {
                    query(name, value);
                }
            }
            return this;
        }

        /**
         * Sets a request header; a null value is skipped. The value may not contain CR or LF. It overrides a default
         * or credential header of the same name.
         */
        public Builder header(String name, Object value) {
            HeaderRules.requireName(name);
            String text = ParamValues.joined(value);
            if (text != null) {
                HeaderRules.putReplacing(headers, name, text);
            }
            return this;
        }

        /** The request body, written as JSON by the client's mapper. GET requests cannot have one. */
        public Builder jsonBody(Object body) {
            this.jsonBody = Objects.requireNonNull(body, "jsonBody is null; leave jsonBody(...) out to send no body");
            this.rawBody = null;
            return this;
        }

        /** A body already written, sent as-is with this {@code Content-Type}; replaces a JSON body. */
        Builder rawBody(byte[] body, String contentType) {
            this.rawBody = Objects.requireNonNull(body, "body");
            this.rawBodyType = HeaderRules.requireValue("Content-Type", contentType);
            this.jsonBody = null;
            return this;
        }

        /** How long each attempt of this call waits for an answer; overrides the client's {@code requestTimeout}. */
        public Builder timeout(Duration timeout) {
            this.timeout = dev.specwright.runtime.internal.Durations.requirePositive("timeout", timeout);
            return this;
        }

        /**
         * Sends {@code Idempotency-Key: key}, the same on every attempt of this call, so a server that deduplicates by
         * it carries the request out at most once. That makes a POST or PATCH safe to retry after a 5xx or a lost
         * connection, so such a call is retried like a GET (see {@link RetryPolicy}). Use a fresh key, e.g. a random
         * UUID, per logical operation, not per attempt.
         */
        public Builder idempotencyKey(String key) {
            return header(IDEMPOTENCY_KEY, requireIdempotencyKey(key));
        }

        /**
         * Allows this call to be retried after a 5xx or a lost connection even if its method is not idempotent (POST,
         * PATCH): say so only when sending it twice does no harm. Off by default.
         */
        public Builder retryNonIdempotent(boolean allow) {
            this.retryNonIdempotent = allow;
            return this;
        }

        public ApiRequest build() {
            if ((jsonBody != null || rawBody != null) && (method.equals("GET") || method.equals("HEAD"))) {
                throw new IllegalArgumentException(method + " " + pathTemplate + " cannot have a body: the API refuses "
                        + method + " requests with a body; send the data as query parameters");
            }
            String idempotencyKey = headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(IDEMPOTENCY_KEY))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return new ApiRequest(this, expandPath(), idempotencyKey);
        }

        private String expandPath() {
            StringBuilder out = new StringBuilder(pathTemplate.length() + 32);
            Set<String> used = new HashSet<>();
            int at = 0;
            while (at < pathTemplate.length()) {
                int open = pathTemplate.indexOf('{', at);
                if (open < 0) {
                    out.append(pathTemplate, at, pathTemplate.length());
                    break;
                }
                int close = pathTemplate.indexOf('}', open);
                if (close < 0) {
                    throw new IllegalArgumentException("path template " + pathTemplate + " has a '{' without '}'");
                }
                String name = pathTemplate.substring(open + 1, close);
                out.append(pathTemplate, at, open).append(segment(name));
                used.add(name);
                at = close + 1;
            }
            if (!used.containsAll(pathParams.keySet())) {
                Set<String> unknown = new LinkedHashSet<>(pathParams.keySet());
                unknown.removeAll(used);
                throw new IllegalArgumentException("path template " + pathTemplate + " has no placeholder for path"
                        + " parameter " + unknown + "; a placeholder looks like {name}");
            }
            return out.toString();
        }

        private String segment(String name) {
            Object value = pathParams.get(name);
            if (value == null) {
                throw new IllegalArgumentException("path parameter {" + name + "} of " + pathTemplate
                        + " has no value; call pathParam(\"" + name + "\", value)");
            }
            String text = ParamValues.joined(value);
            if (text == null || text.isEmpty()) {
                // an empty segment would turn /products/{sku} into /products/, a different resource
                throw new IllegalArgumentException("path parameter {" + name + "} of " + pathTemplate + " is empty");
            }
            return PercentEncoder.isDotSegment(text) ? PercentEncoder.encodeSegment(text) : ParamValues.encoded(value);
        }

        /** Template text outside placeholders goes on the wire as-is, so it must already be a legal URI path. */
        private static void requireLegalPathText(String pathTemplate) {
            boolean inPlaceholder = false;
            for (int i = 0; i < pathTemplate.length(); i++) {
                char c = pathTemplate.charAt(i);
                if (c == '{' || c == '}') {
                    inPlaceholder = c == '{';
                } else if (!inPlaceholder && !PercentEncoder.isPathChar(c)) {
                    throw new IllegalArgumentException("path template " + pathTemplate + " contains '" + c
                            + "' outside a placeholder; percent-encode it in the template");
                }
            }
        }
    }

    static String requireIdempotencyKey(String key) {
        Objects.requireNonNull(key, "idempotency key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("idempotency key is blank; use e.g. UUID.randomUUID().toString()");
        }
        return key;
    }
}
