package dev.specwright.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful (2xx) answer with what the decoded body alone does not show: its status and its headers (a paging
 * {@code Link}, an {@code X-Total-Count}, an {@code ETag}, a rate-limit header). Got from
 * {@link ApiClient#sendForResponse(ApiRequest, Class)} and its overloads, or from a generated operation's
 * {@code ...WithResponse} method; the call went through the same rate limit, retries, credential recovery, listener
 * and error decoding as {@link ApiClient#send(ApiRequest, Class)}, so an error status is still an exception and never
 * a {@code Response}.
 *
 * <p>Header names are looked up ignoring case, as HTTP says they are compared. Immutable; thread-safe if the body is.
 * {@link #toString()} shows the status and the header names, never a header value (a {@code Set-Cookie} may carry a
 * secret).
 *
 * @param <T> the decoded body's type; {@code Void} for a call whose answer has no body of interest
 */
public final class Response<T> {

    private final int status;
    private final Map<String, List<String>> headers;
    private final T body;

    /**
     * A response as the client got it. Public for tests of code that takes a {@code Response} (a user's own code, an
     * in-memory double); the client makes its own.
     *
     * @param status  the HTTP status, 100 to 599
     * @param headers the headers, each name with its values in the order received; names are matched ignoring case
     *                (two spellings of one name are merged)
     * @param body    the decoded body; null for an empty one
     */
    public Response(int status, Map<String, List<String>> headers, T body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status from 100 to 599, was " + status);
        }
        Objects.requireNonNull(headers, "headers (use Map.of() for none)");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            Objects.requireNonNull(name, "a header name is null");
            Objects.requireNonNull(values, () -> "the values of header " + name + " are null");
            copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
        });
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.status = status;
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
    }

    /** The HTTP status of the answer (2xx for a response the client returns). */
    public int status() {
        return status;
    }

    /**
     * Every header with its values, in the order received; {@code get} on this map ignores the name's case. Unmodifiable.
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of the header {@code name} (any case), or empty when the answer does not have it. */
    public Optional<String> header(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the header {@code name} (any case), in the order received; empty when the answer does not have it. */
    public List<String> headerValues(String name) {
        Objects.requireNonNull(name, "name");
        return headers.getOrDefault(name, List.of());
    }

    /** The decoded body; null for a 204 or an empty body, and for {@code Response<Void>}. */
    public T body() {
        return body;
    }

    /** The status and the header names (lower case), no values: a header may carry a secret. */
    @Override
    public String toString() {
        List<String> names = headers.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return "Response[status=" + status + ", headers=" + names + ", body="
                + (body == null ? "none" : body.getClass().getSimpleName()) + "]";
    }
}
