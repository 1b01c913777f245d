package dev.specwright.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.PercentEncoder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns an {@link ApiRequest} into a {@code java.net.http} request. The headers every request carries are worked out
 * once per client, not per call. Later headers replace earlier ones of the same name, in this order: {@code Accept},
 * {@code User-Agent}, credentials, default headers, the request's own headers. The credentials' cookies are put
 * before a {@code Cookie} header of the request's own, their query parameters after its query. What
 * {@link Authenticator}s add comes later, per attempt (see {@link Exchange}).
 */
final class HttpRequestFactory {

    private static final String JSON_UTF8 = "application/json; charset=UTF-8";

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

    HttpRequest create(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request)).timeout(request.timeout().orElse(requestTimeout));
        for (int i = 0; i < fixedHeaders.length; i += 2) {
            builder.setHeader(fixedHeaders[i], fixedHeaders[i + 1]);
        }
        BodyPublisher body = BodyPublishers.noBody();
        if (request.jsonBody().isPresent()) {
            builder.setHeader("Content-Type", JSON_UTF8);
            body = BodyPublishers.ofByteArray(json(request));
        } else if (request.rawBody() != null) {
            builder.setHeader("Content-Type", request.rawBodyType());
            body = BodyPublishers.ofByteArray(request.rawBody());
        }
        request.headers().forEach(builder::setHeader);
        if (!credentialCookies.isEmpty()) {
            String own = request.headers().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("Cookie"))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            builder.setHeader("Cookie", own.isEmpty() ? credentialCookies : credentialCookies + "; " + own);
        }
        return builder.method(request.method(), body).build();
    }

    URI uri(ApiRequest request) {
        String query = request.query();
        if (!credentialQuery.isEmpty()) {
            query = query.isEmpty() ? credentialQuery : query + "&" + credentialQuery;
        }
        return URI.create(query.isEmpty() ? baseUri + request.path() : baseUri + request.path() + "?" + query);
    }

    private byte[] json(ApiRequest request) {
        Object body = request.jsonBody().orElseThrow();
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
