package dev.specwright.runtime;

import dev.specwright.runtime.internal.HeaderRules;
import dev.specwright.runtime.internal.PercentEncoder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One attempt of a request, as an {@link Authenticator} sees it: what it is ({@link #method()}, {@link #uri()}) and
 * where authentication goes ({@link #header}, {@link #queryParameter}, {@link #cookie}). Values are validated as they
 * are given and never shown: messages name only what was refused. Not thread-safe: one per attempt.
 */
public final class AuthRequest {

    private final String method;
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final StringJoiner query = new StringJoiner("&");
    private final Map<String, String> queryNames = new LinkedHashMap<>();
    private final StringJoiner cookies = new StringJoiner("; ");
    /** Every value added: all of them authenticate, so all are secrets to keep out of messages. */
    private final List<String> values = new ArrayList<>();

    /** The transport the client sends this request through; an authenticator that fetches tokens may use it too. */
    private final Transport transport;

    AuthRequest(String method, URI uri) {
        this(method, uri, null);
    }

    AuthRequest(String method, URI uri, Transport transport) {
        this(method, uri, transport, null);
    }

    AuthRequest(String method, URI uri, Transport transport, Fetches fetches) {
        this.method = method;
        this.uri = uri;
        this.transport = transport;
        this.fetches = fetches;
    }

    /** Where an authenticator tells of a credentials fetch it made for this request (the client's listener). */
    interface Fetches {
        void fetched(URI endpoint, boolean succeeded, java.time.Duration elapsed);
    }

    /** Null when nobody listens. */
    private final Fetches fetches;

    /** Tells the client's listener, if any, of a fetch made for this request. */
    void fetched(URI endpoint, boolean succeeded, java.time.Duration elapsed) {
        if (fetches != null) {
            fetches.fetched(endpoint, succeeded, elapsed);
        }
    }

    public String method() {
        return method;
    }

    /** The request URI as it stands, with the query other credentials and the call put there. */
    public URI uri() {
        return uri;
    }

    /** Sets a header (replacing one of the same name the request already has), e.g. {@code Authorization}. */
    public AuthRequest header(String name, String value) {
        HeaderRules.putReplacing(headers, name, value);
        values.add(value);
        return this;
    }

    /** Adds a query parameter, percent-encoded; error messages and {@link ApiException#uri()} show its value as ***. */
    public AuthRequest queryParameter(String name, String value) {
        CredentialRules.requireQueryParameter(name, value);
        query.add(PercentEncoder.encode(name) + "=" + PercentEncoder.encode(value));
        queryNames.put(PercentEncoder.encode(name), name);
        values.add(value);
        return this;
    }

    /** Adds a cookie to the request's {@code Cookie} header. */
    public AuthRequest cookie(String name, String value) {
        CredentialRules.requireCookie(name, value);
        cookies.add(name + "=" + value);
        values.add(value);
        return this;
    }

    /** The client's transport, or null when the request was made outside a client. */
    Transport transport() {
        return transport;
    }

    /** The values added (headers, query parameters, cookies), to be kept out of messages and logs. */
    List<String> values() {
        return values;
    }

    /** The percent-encoded names of the query parameters added, whose values are to be redacted. */
    Iterable<String> encodedQueryNames() {
        return queryNames.keySet();
    }

    /** The request with what was added; the same object when nothing was. */
    HttpRequest applyTo(HttpRequest request) {
        if (headers.isEmpty() && query.length() == 0 && cookies.length() == 0) {
            return request;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> !isReplaced(name));
        headers.forEach(builder::setHeader);
        if (cookies.length() > 0) {
            String before = request.headers().firstValue("Cookie").orElse("");
            builder.setHeader("Cookie", before.isEmpty() ? cookies.toString() : before + "; " + cookies);
        }
        if (query.length() > 0) {
            builder.uri(withQuery(request.uri(), query.toString()));
        }
        return builder.build();
    }

    private boolean isReplaced(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (cookies.length() > 0 && lower.equals("cookie"))
                || headers.keySet().stream().anyMatch(added -> added.equalsIgnoreCase(name));
    }

    static URI withQuery(URI uri, String encodedQuery) {
        String text = uri.toASCIIString();
        int fragment = text.indexOf('#');
        String base = fragment < 0 ? text : text.substring(0, fragment);
        return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + encodedQuery);
    }

    /** Names what was added, never a value. */
    @Override
    public String toString() {
        return "AuthRequest[" + method + " " + Objects.toString(uri.getRawPath(), "") + ", headers=" + headers.keySet()
                + ", query=" + queryNames.values() + "]";
    }
}
