package dev.specwright.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.specwright.runtime.Exchange.Answer;
import dev.specwright.runtime.internal.JsonMappers;
import dev.specwright.runtime.internal.UriText;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The engine a generated client wraps: sends {@link ApiRequest}s and returns decoded 2xx bodies, turns other answers
 * into exceptions through the {@link ErrorDecoder}, and failures to get an answer into {@link TransportException}s.
 * Each attempt first takes a token from the {@link RateLimit} bucket shared by the JVM's clients of the same API and
 * caller (as the {@link RateLimitScope} names it); failed attempts are retried as the {@link RetryPolicy} says, and each retry is logged at DEBUG.
 *
 * <p>Every call also comes as {@code sendAsync}, returning a {@link CompletableFuture} at once: the same limiter, retry
 * rules and exceptions, but no thread waits for a token, a back-off or the answer. The future fails with the very
 * exception {@code send} would throw ({@code join()} wraps it in a {@code CompletionException}, {@code get()} in an
 * {@code ExecutionException}, as always); stages chained onto it run on the runtime's shared daemon threads.
 * Cancelling it stops the call before its next attempt.
 *
 * <p>No credential of the client reaches an exception message, a log line or a {@code toString()}, even when the
 * server echoes one back (see {@link ApiException}); bodies read into memory are bounded
 * ({@link ClientOptions.Builder#maxInMemoryBodySize(long)}); redirects are never followed (a 3xx is an
 * {@link ApiException}), so credentials never go to another host or over plain HTTP.
 *
 * <p>Thread-safe. Holds one {@link HttpClient} (HTTP/1.1, redirects not followed) and one {@link ObjectMapper}, both
 * created here once: they are expensive to build and meant to be shared.
 */
public final class ApiClient {

    private final ClientOptions options;
    private final ObjectMapper mapper;
    private final Exchange exchange;

    public ApiClient(ClientOptions options, ErrorDecoder errorDecoder) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(errorDecoder, "errorDecoder (use ErrorDecoder.DEFAULT)");
        this.mapper = JsonMappers.create();
        this.exchange = new Exchange(options, errorDecoder, mapper);
    }

    /**
     * Sends the request and reads the 2xx body as {@code type}; null for 204 or an empty body. How depends on the
     * answer's {@code Content-Type}:
     * <ul>
     *   <li>{@link Download}: the body as a stream (not read into memory: close the download), with its content type
     *       and file name, whatever the type;</li>
     *   <li>{@code String}: the text, decoded with the charset the type names (else UTF-8), unless the answer is JSON
     *       ({@code application/json}, {@code +json}), which is parsed (a JSON string gives its value);</li>
     *   <li>{@code byte[]}: the raw bytes, unless the answer is JSON (then, as in JSON, base64 text);</li>
     *   <li>anything else: XML ({@code application/xml}, {@code text/xml}, {@code +xml}) with the XML mapper, else JSON
     *       with {@link #objectMapper()}.</li>
     * </ul>
     * Any body but a {@link Download}'s is read into memory up to {@link ClientOptions#maxInMemoryBodySize()} (or the
     * call's own limit); a larger one ends the call with a {@link ResponseTooLargeException}.
     */
    public <T> T send(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return read(exchange.send(request, type == Download.class), type);
    }

    /**
     * Sends the request and reads the 2xx body as {@code type} (e.g. a {@code List<Product>}), by the rules of
     * {@link #send(ApiRequest, Class)}; null for an empty body.
     */
    public <T> T send(ApiRequest request, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return read(exchange.send(request, false), type);
    }

    /** Sends a request whose answer has no body of interest; returns on any 2xx. */
    public void send(ApiRequest request) {
        exchange.send(request, false);
    }

    /** {@link #send(ApiRequest, Class)} without blocking: the future holds the body read as {@code type}. */
    public <T> CompletableFuture<T> sendAsync(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return deliver(exchange.sendAsync(request, type == Download.class), answer -> read(answer, type));
    }

    /** {@link #send(ApiRequest, TypeReference)} without blocking: the future holds the body read as {@code type}. */
    public <T> CompletableFuture<T> sendAsync(ApiRequest request, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return deliver(exchange.sendAsync(request, false), answer -> read(answer, type));
    }

    /** {@link #send(ApiRequest)} without blocking: the future completes on any 2xx. */
    public CompletableFuture<Void> sendAsync(ApiRequest request) {
        return deliver(exchange.sendAsync(request, false), answer -> null);
    }

    /**
     * {@link #send(ApiRequest, Class)}, with the answer's status and headers: the same rate limit, retries, credential
     * recovery, listener and error decoding (an error status is still an exception), the body read by the same rules.
     */
    public <T> Response<T> sendForResponse(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return response(exchange.send(request, type == Download.class), answer -> read(answer, type));
    }

    /** {@link #send(ApiRequest, TypeReference)}, with the answer's status and headers (see {@link Response}). */
    public <T> Response<T> sendForResponse(ApiRequest request, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return response(exchange.send(request, false), answer -> read(answer, type));
    }

    /** {@link #send(ApiRequest)}, with the answer's status and headers; the body is not read ({@code body()} is null). */
    public Response<Void> sendForResponse(ApiRequest request) {
        return response(exchange.send(request, false), answer -> null);
    }

    /** {@link #sendForResponse(ApiRequest, Class)} without blocking. */
    public <T> CompletableFuture<Response<T>> sendForResponseAsync(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return deliver(exchange.sendAsync(request, type == Download.class), answer -> response(answer, a -> read(a, type)));
    }

    /** {@link #sendForResponse(ApiRequest, TypeReference)} without blocking. */
    public <T> CompletableFuture<Response<T>> sendForResponseAsync(ApiRequest request, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return deliver(exchange.sendAsync(request, false), answer -> response(answer, a -> read(a, type)));
    }

    /** {@link #sendForResponse(ApiRequest)} without blocking. */
    public CompletableFuture<Response<Void>> sendForResponseAsync(ApiRequest request) {
        return deliver(exchange.sendAsync(request, false), answer -> response(answer, a -> null));
    }

    private static <T> Response<T> response(Answer answer, Function<Answer, T> reader) {
        HttpResponse<ResponseBody> http = answer.response();
        return new Response<>(http.statusCode(), http.headers().map(), reader.apply(answer));
    }

    /**
     * A call to an endpoint the spec does not describe: any method, a path relative to the base URI (with
     * {@code {name}} placeholders if wanted), JSON or XML both ways, through the same credentials, rate limit, retries
     * and error decoding as every other call. See {@link GenericCall}.
     *
     * @param method an HTTP method, e.g. {@code GET}
     * @param path   the path relative to the base URI, starting with {@code /}
     */
    public GenericCall call(String method, String path) {
        return new GenericCall(this, method, path);
    }

    /** The mapper this client reads and writes JSON with (ISO dates, unknown properties ignored). */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    /**
     * How many requests may go now without waiting for the client-side {@link RateLimit}: the tokens in its bucket
     * (shared by every client with the same base URI and caller, see {@link RateLimitScope}), negative while calls wait
     * for tokens reserved ahead of time. Empty with {@link RateLimit#off()}, and for a
     * {@link RateLimit#distributed distributed} bucket, whose count lives in its store. For dashboards and tests; each
     * wait is told to a {@link ClientListener#tokenWait listener}.
     *
     * @return the tokens available now, or empty when this JVM does not hold the bucket
     */
    public java.util.OptionalLong rateLimitTokensAvailable() {
        return exchange.tokensAvailable();
    }

    public ClientOptions options() {
        return options;
    }

    /** The XML mapper of generic calls: the same rules as {@link #objectMapper()}; made on first use, then shared. */
    XmlMapper xmlMapper() {
        return XmlHolder.MAPPER;
    }

    /** Sends the request and reads the 2xx body, JSON or XML by its {@code Content-Type}, as {@code type}. */
    <T> T sendReading(ApiRequest request, JavaType type) {
        return readAny(exchange.send(request, false), type);
    }

    /** {@link #sendReading} without blocking. */
    <T> CompletableFuture<T> sendReadingAsync(ApiRequest request, JavaType type) {
        return deliver(exchange.sendAsync(request, false), answer -> readAny(answer, type));
    }

    @Override
    public String toString() {
        return "ApiClient[baseUri=" + options.baseUri() + ", credentials=" + options.credentials() + "]";
    }

    /**
     * The caller's future: completed on the runtime's daemon threads (so the body is read, and the caller's stages run,
     * off the HTTP client's threads) with the result or the unwrapped exception; cancelling it cancels the call.
     */
    private static <T> CompletableFuture<T> deliver(CompletableFuture<Answer> call, Function<Answer, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        call.whenCompleteAsync((answer, error) -> {
            if (error != null) {
                result.completeExceptionally(Exchange.unwrap(error));
                return;
            }
            try {
                T value = reader.apply(answer);
                Object body = value instanceof Response<?> response ? response.body() : value;
                if (!result.complete(value) && body instanceof Download orphan) {
                    orphan.close(); // cancelled meanwhile: nobody will read it, its connection must not stay busy
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, AsyncPool.EXECUTOR);
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                call.cancel(false);
            }
        });
        return result;
    }

    private <T> T read(Answer answer, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type == Void.class) {
            return null;
        }
        return decode(answer, mapper.constructType(type), type.getName());
    }

    private <T> T read(Answer answer, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return decode(answer, mapper.getTypeFactory().constructType(type), type.getType().getTypeName());
    }

    /** As {@link #decode}, but an empty body read as a tree is a {@link MissingNode}, not null. */
    private <T> T readAny(Answer answer, JavaType type) {
        if (type.getRawClass() == JsonNode.class && isEmpty(answer.bytes())) {
            @SuppressWarnings("unchecked") // T is JsonNode
            T missing = (T) MissingNode.getInstance();
            return missing;
        }
        return decode(answer, type, type.toCanonical());
    }

    /**
     * A 2xx body as {@code type}, by the answer's {@code Content-Type}: a {@link Download} whatever it is; a
     * {@code String} or {@code byte[]} as text (in its charset, else UTF-8) or raw bytes unless it is JSON; XML read
     * with the XML mapper; anything else as JSON. Null for an empty body (a 204).
     */
    private <T> T decode(Answer answer, JavaType type, String typeName) {
        HttpResponse<ResponseBody> response = answer.response();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Class<?> raw = type.getRawClass();
        if (answer.stream() != null) {
            @SuppressWarnings("unchecked") // streamed only when T is Download
            T download = (T) download(answer, contentType);
            return download;
        }
        byte[] body = answer.bytes();
        if (raw == Download.class || ((raw == String.class || raw == byte[].class) && !MediaTypes.isJson(contentType))) {
            if (body.length == 0) {
                return null;
            }
            Object value = raw == Download.class
                    ? new Download(body, contentType, response.headers().firstValue("Content-Disposition").orElse(null))
                    : raw == String.class ? new String(body, MediaTypes.charset(contentType)) : body;
            @SuppressWarnings("unchecked") // raw is T's class
            T result = (T) value;
            return result;
        }
        if (isEmpty(body)) {
            return null;
        }
        boolean xml = MediaTypes.isXml(contentType);
        try {
            return xml ? xmlMapper().readValue(body, type) : mapper.readValue(body, type);
        } catch (IOException e) {
            throw exchange.finished(unreadable(response, (xml ? "XML " : "") + typeName, e), answer.attempts());
        }
    }

    /** Made on first use: clients that never send XML never load the XML stack. */
    private static final class XmlHolder {
        static final XmlMapper MAPPER = JsonMappers.createXml();
    }

    private ApiException unreadable(HttpResponse<ResponseBody> response, String typeName, IOException e) {
        String detail = e instanceof JacksonException ? ((JacksonException) e).getOriginalMessage() : e.getMessage();
        // Jackson quotes the body in its messages: the cause is scrubbed, the message redacted when read
        return exchange.redacted(new ApiException(exchange.redactedFailure(response), "the response body cannot be read as "
                + typeName + ": " + detail, exchange.scrubbed(e)));
    }

    /**
     * A streamed answer as a {@link Download}; null for a 204 or a declared empty body (its stream closed). A read that
     * fails later is a {@link TransportException} naming the call; {@link Download#bytes()} over the limit, a
     * {@link ResponseTooLargeException}.
     */
    private Download download(Answer answer, String contentType) {
        HttpResponse<ResponseBody> response = answer.response();
        ResponseBody body = response.body();
        if (response.statusCode() == 204 || body.contentLength().orElse(-1) == 0) {
            try {
                answer.stream().close();
            } catch (IOException ignored) {
                // nothing to read: closing returns the connection
            }
            return null;
        }
        String target = response.request().method() + " " + UriText.withoutQuery(response.request().uri());
        long limit = body.limit();
        return new Download(answer.stream(), contentType, response.headers().firstValue("Content-Disposition").orElse(null),
                body.contentLength(), limit,
                e -> exchange.finished(new TransportException(target + ": reading the download failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), exchange.scrubbed(e)),
                        answer.attempts()),
                over -> exchange.finished(new ResponseTooLargeException(exchange.redactedFailure(response), over,
                        body.contentLength()), answer.attempts()));
    }

    static boolean isEmpty(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
