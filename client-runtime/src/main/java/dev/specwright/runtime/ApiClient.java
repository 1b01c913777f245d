package dev.specwright.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.Durations;
import dev.specwright.runtime.internal.JsonMappers;
import dev.specwright.runtime.internal.UriText;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * The engine a generated client wraps: sends {@link ApiRequest}s and returns decoded 2xx bodies, turns other answers
 * into exceptions through the {@link ErrorDecoder}, and failures to get an answer into {@link TransportException}s.
 * Thread-safe. Holds one {@link HttpClient} (HTTP/1.1, redirects not followed) and one {@link ObjectMapper}, both
 * created here once: they are expensive to build and meant to be shared.
 */
public final class ApiClient {

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    private final ClientOptions options;
    private final ErrorDecoder errorDecoder;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final HttpRequestFactory requests;

    public ApiClient(ClientOptions options, ErrorDecoder errorDecoder) {
        this.options = Objects.requireNonNull(options, "options");
        this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder (use ErrorDecoder.DEFAULT)");
        this.mapper = JsonMappers.create();
        this.http = httpClient(options);
        this.requests = new HttpRequestFactory(options, mapper);
    }

    /** Sends the request and reads the 2xx body as {@code type}; null for 204 or an empty body. */
    public <T> T send(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(type, "type");
        HttpResponse<byte[]> response = exchange(request);
        if (type == Void.class || isEmpty(response.body())) {
            return null;
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw unreadable(response, type.getName(), e);
        }
    }

    /** Sends the request and reads the 2xx body as {@code type} (e.g. a {@code List<Product>}); null for an empty body. */
    public <T> T send(ApiRequest request, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        HttpResponse<byte[]> response = exchange(request);
        if (isEmpty(response.body())) {
            return null;
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw unreadable(response, type.getType().getTypeName(), e);
        }
    }

    /** Sends a request whose answer has no body of interest; returns on any 2xx. */
    public void send(ApiRequest request) {
        exchange(request);
    }

    /** The mapper this client reads and writes JSON with (ISO dates, unknown properties ignored). */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    public ClientOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "ApiClient[baseUri=" + options.baseUri() + ", credentials=" + options.credentials() + "]";
    }

    /** Sends the request; returns the response if it is 2xx, throws otherwise. */
    private HttpResponse<byte[]> exchange(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        HttpRequest httpRequest = requests.create(request);
        String target = request.method() + " " + UriText.withoutQuery(httpRequest.uri());
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest, BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> target + " failed after " + millisSince(start) + " ms: " + e.getClass().getName());
            throw transportFailure(target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's code decides what the interrupt means
            throw new TransportException(target + " was interrupted before an answer arrived", e);
        }
        LOG.log(Level.DEBUG, () -> target + " → " + response.statusCode() + " in " + millisSince(start) + " ms");
        if (response.statusCode() / 100 != 2) {
            throw decodeError(failure(response));
        }
        return response;
    }

    private TransportException transportFailure(String target, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new TransportException(target + " could not connect within "
                    + Durations.readable(options.connectTimeout()) + " (connectTimeout)", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new TransportException(target + " timed out: no answer within "
                    + Durations.readable(options.requestTimeout()) + " (requestTimeout)", e);
        }
        if (e instanceof SSLException) {
            return new TransportException(target + " failed the TLS handshake (" + e.getMessage()
                    + "); if the server's certificate comes from a private CA, trust it through ClientOptions.sslContext", e);
        }
        if (e instanceof ConnectException) {
            return new TransportException(target + " could not connect: " + describe(e), e);
        }
        return new TransportException(target + " failed: " + describe(e), e);
    }

    /** The decoder's exception; if the decoder itself fails, the default one, so the status and body are not lost. */
    private RuntimeException decodeError(HttpFailure failure) {
        try {
            RuntimeException decoded = errorDecoder.decode(failure, mapper);
            if (decoded != null) {
                return decoded;
            }
        } catch (RuntimeException decoderBug) {
            RuntimeException fallback = ErrorDecoder.DEFAULT.decode(failure, mapper);
            fallback.addSuppressed(decoderBug);
            return fallback;
        }
        return ErrorDecoder.DEFAULT.decode(failure, mapper);
    }

    private ApiException unreadable(HttpResponse<byte[]> response, String typeName, IOException e) {
        String detail = e instanceof JacksonException ? ((JacksonException) e).getOriginalMessage() : e.getMessage();
        return new ApiException(failure(response), "the response body cannot be read as " + typeName + ": " + detail, e);
    }

    private static HttpFailure failure(HttpResponse<byte[]> response) {
        HttpRequest request = response.request();
        String body = new String(response.body(), charset(response));
        return new HttpFailure(response.statusCode(), request.method(), request.uri(), response.headers().map(), body);
    }

    /** The charset the Content-Type names; UTF-8 when it names none (JSON is UTF-8 by definition). */
    private static Charset charset(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean isEmpty(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static HttpClient httpClient(ClientOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                // a redirect could carry the Authorization header to another host; 3xx goes to the error decoder instead
                .followRedirects(HttpClient.Redirect.NEVER);
        options.sslContext().ifPresent(builder::sslContext);
        return builder.build();
    }
}
