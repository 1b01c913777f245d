package dev.specwright.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.BodyFields.Leaf;
import dev.specwright.runtime.internal.PercentEncoder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Turns an {@link ApiRequest} into a {@code java.net.http} request. The headers every request carries are worked out
 * once per client, not per call. Later headers replace earlier ones of the same name, in this order: {@code Accept},
 * {@code User-Agent}, credentials, default headers, the request's own headers. The credentials' cookies are put
 * before a {@code Cookie} header of the request's own, their query parameters after its query. What
 * {@link Authenticator}s add comes later, per attempt (see {@link Exchange}).
 *
 * <p>Bodies: JSON ({@code application/json; charset=UTF-8}, or the media type the request names, exactly), form fields ({@code application/x-www-form-urlencoded},
 * no charset parameter: the format has none, and the encoding is UTF-8 percent-encoded ASCII), multipart
 * ({@code multipart/form-data; boundary=…}, see {@link Multipart}), a {@link Binary} or bytes with their own type. A
 * {@code Content-Type} header of the request's own replaces the body's.
 */
final class HttpRequestFactory {

    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final String baseUri;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;
    private final String[] fixedHeaders;
    private final String credentialQuery;
    private final String credentialCookies;

    HttpRequestFactory(ClientOptions options, ObjectMapper mapper) {
        this.baseUri = options.baseUri().toASCIIString();
        this.requestTimeout = options.requestTimeout();
        this.mapper = mapper;
        this.fixedHeaders = fixedHeaders(options);
        StringJoiner query = new StringJoiner("&");
        options.credentials().queryParameters().forEach((name, value) ->
                query.add(PercentEncoder.encode(name) + "=" + PercentEncoder.encode(value)));
        this.credentialQuery = query.toString();
        StringJoiner cookies = new StringJoiner("; ");
        options.credentials().cookies().forEach((name, value) -> cookies.add(name + "=" + value));
        this.credentialCookies = cookies.toString();
    }

    /**
     * The request as the wire sees it, with its body written once (JSON, form or multipart by the client's mapper) and
     * published anew for each attempt.
     */
    Outgoing create(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request)).timeout(request.timeout().orElse(requestTimeout));
        for (int i = 0; i < fixedHeaders.length; i += 2) {
            builder.setHeader(fixedHeaders[i], fixedHeaders[i + 1]);
        }
        Body body = body(request);
        if (body != null) {
            builder.setHeader("Content-Type", body.contentType());
        }
        request.headers().forEach(builder::setHeader);
        if (!credentialCookies.isEmpty()) {
            String own = request.headers().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("Cookie"))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            builder.setHeader("Cookie", own.isEmpty() ? credentialCookies : credentialCookies + "; " + own);
        }
        HttpRequest first = builder.method(request.method(), body == null ? BodyPublishers.noBody() : body.publisher().get())
                .build();
        return new Outgoing(first, body == null ? null : body.publisher());
    }

    /** A body as written: its {@code Content-Type}, and a maker of a fresh publisher for each attempt. */
    record Body(String contentType, Supplier<BodyPublisher> publisher) {

        static Body of(String contentType, byte[] bytes) {
            return new Body(contentType, () -> BodyPublishers.ofByteArray(bytes));
        }
    }

    /**
     * A request ready to send: the first attempt's, and the body to publish anew for each later one, so a file is
     * opened again, and its size taken again, for each attempt.
     */
    record Outgoing(HttpRequest first, Supplier<BodyPublisher> body) {

        HttpRequest forAttempt(int attempt) {
            if (attempt == 1 || body == null) {
                return first;
            }
            return HttpRequest.newBuilder(first, (name, value) -> true).method(first.method(), body.get()).build();
        }
    }

    private Body body(ApiRequest request) {
        RequestBody body = request.body();
        if (body == null) {
            return null;
        }
        if (body instanceof RequestBody.Json json) {
            return Body.of(json.contentType() == null ? JSON_UTF8 : json.contentType(), json(request, json.value()));
        }
        if (body instanceof RequestBody.Raw raw) {
            return Body.of(raw.contentType(), raw.bytes());
        }
        if (body instanceof RequestBody.Upload upload) {
            return new Body(upload.contentType(), upload.content()::publisher);
        }
        RequestBody.Fields fields = (RequestBody.Fields) body;
        List<Leaf> leaves = BodyFields.flatten(fields, mapper, request.toString());
        return fields.multipart() ? Multipart.write(leaves, Multipart.newBoundary()) : Body.of(FORM, formEncoded(leaves));
    }

    /** {@code name=value} pairs joined with {@code &}, both percent-encoded as UTF-8 ({@code %20} for a space). */
    private static byte[] formEncoded(List<Leaf> leaves) {
        StringJoiner form = new StringJoiner("&");
        for (Leaf leaf : leaves) {
            String value = leaf instanceof BodyFields.File file ? PercentEncoder.encode(file.content().bytes())
                    : PercentEncoder.encode(leaf instanceof BodyFields.Text text ? text.text() : ((BodyFields.Json) leaf).json());
            form.add(PercentEncoder.encode(leaf.name()) + "=" + value);
        }
        return form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    URI uri(ApiRequest request) {
        String query = request.query();
        if (!credentialQuery.isEmpty()) {
            query = query.isEmpty() ? credentialQuery : query + "&" + credentialQuery;
        }
        return URI.create(query.isEmpty() ? baseUri + request.path() : baseUri + request.path() + "?" + query);
    }

    private byte[] json(ApiRequest request, Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body of " + request + " (" + body.getClass().getName()
                    + ") cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String[] fixedHeaders(ClientOptions options) {
        List<String> pairs = new ArrayList<>();
        pairs.add("Accept");
        pairs.add("application/json");
        pairs.add("User-Agent");
        pairs.add(options.userAgent().map(UserAgent::headerValue).orElseGet(UserAgent::runtimeProduct));
        for (Map<String, String> headers : List.of(options.credentials().headers(), options.defaultHeaders())) {
            headers.forEach((name, value) -> {
                pairs.add(name);
                pairs.add(value);
            });
        }
        return pairs.toArray(String[]::new);
    }
}
