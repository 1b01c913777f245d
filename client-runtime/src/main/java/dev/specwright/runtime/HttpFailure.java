package dev.specwright.runtime;

import dev.specwright.runtime.internal.UriText;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an {@link ErrorDecoder} sees of an answer that is not 2xx.
 *
 * @param status  the HTTP status code
 * @param method  the request method
 * @param uri     the request URI, query included
 * @param headers the response headers; lookups ignore case
 * @param body    the raw response body as text, never null (empty when there was none)
 */
public record HttpFailure(int status, String method, URI uri, Map<String, List<String>> headers, String body) {

    public HttpFailure {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = caseInsensitiveCopy(headers);
        body = body == null ? "" : body;
    }

    /** The first value of a response header. */
    public Optional<String> firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Whether the body is JSON by its {@code Content-Type} ({@code application/json}, {@code text/json} or any
     * {@code +json} type): the same rule successful answers are read by.
     */
    public boolean isJson() {
        return MediaTypes.isJson(firstHeader("Content-Type").orElse(null));
    }

    /** Leaves out headers and body: they can be large, and a {@code Set-Cookie} is nobody's business in a log. */
    @Override
    public String toString() {
        return "HttpFailure[" + method + " " + UriText.withoutQuery(uri) + " → HTTP " + status + "]";
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            copy.replaceAll((name, values) -> List.copyOf(values));
        }
        return Collections.unmodifiableMap(copy);
    }
}
