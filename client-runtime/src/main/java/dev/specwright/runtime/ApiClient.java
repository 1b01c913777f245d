package dev.specwright.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.RetryRules.Retry;
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
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The engine a generated client wraps: sends {@link ApiRequest}s and returns decoded 2xx bodies, turns other answers
 * into exceptions through the {@link ErrorDecoder}, and failures to get an answer into {@link TransportException}s.
 * Each attempt first takes a token from the {@link RateLimit} bucket shared by the JVM's clients of the same API and
 * caller; failed attempts are retried as the {@link RetryPolicy} says, and each retry is logged at DEBUG.
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
    private final TimeSource time;
    private final RetryRules retries;
    private final RateLimiter limiter;

    public ApiClient(ClientOptions options, ErrorDecoder errorDecoder) {
        this.options = Objects.requireNonNull(options, "options");
        this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder (use ErrorDecoder.DEFAULT)");
        this.mapper = JsonMappers.create();
        this.http = httpClient(options);
        this.requests = new HttpRequestFactory(options, mapper);
        this.time = options.timeSource();
        this.retries = new RetryRules(options.retryPolicy(), options.retryJitter().orElse(null), time);
        this.limiter = RateLimiters.forOptions(options);
    }

    /** Sends the request and reads the 2xx body as {@code type}; null for 204 or an empty body. */
    public <T> T send(ApiRequest request, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Answer answer = exchange(request);
        byte[] body = answer.response().body();
        if (type == Void.class || isEmpty(body)) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw withAttempts(unreadable(answer.response(), type.getName(), e), answer.attempts());
        }
    }

    /** Sends the request and reads the 2xx body as {@code type} (e.g. a {@code List<Product>}); null for an empty body. */
    public <T> T send(ApiRequest request, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        Answer answer = exchange(request);
        byte[] body = answer.response().body();
        if (isEmpty(body)) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw withAttempts(unreadable(answer.response(), type.getType().getTypeName(), e), answer.attempts());
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

    /** A 2xx answer and the number of attempts it took. */
    private record Answer(HttpResponse<byte[]> response, int attempts) {}

    /** How long one attempt waits for its answer, and which setting said so (for the message when it times out). */
    private record AttemptTimeout(Duration duration, String setting) {}

    /**
     * Sends the request, retrying as the {@link RetryPolicy} allows, each attempt after a rate-limit token; returns the
     * 2xx answer, throws the last failure otherwise.
     */
    private Answer exchange(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        HttpRequest httpRequest = requests.create(request);
        String target = request.method() + " " + UriText.withoutQuery(httpRequest.uri());
        CallDeadline deadline = CallDeadline.start(time, retries.deadline());
        RuntimeException last = null;
        for (int attempt = 1; ; attempt++) {
            takeToken(target, deadline, last, attempt);
            AttemptTimeout timeout = attemptTimeout(request, deadline);
            Optional<Retry> retry;
            try {
                HttpResponse<byte[]> response = sendOnce(target, withTimeout(httpRequest, timeout.duration()));
                tellLimiter(response.statusCode());
                if (response.statusCode() / 100 == 2) {
                    return new Answer(response, attempt);
                }
                last = decodeError(failure(response));
                retry = retries.afterAnswer(request, response, attempt);
            } catch (IOException e) {
                last = transportFailure(target, e, timeout);
                retry = retries.afterNoAnswer(request, e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller's code decides what the interrupt means
                throw withAttempts(new TransportException(target + " was interrupted before an answer arrived", e), attempt);
            }
            if (retry.isEmpty()) {
                throw withAttempts(last, attempt);
            }
            pause(target, retry.get(), attempt, deadline, last);
        }
    }

    private HttpResponse<byte[]> sendOnce(String target, HttpRequest httpRequest) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(httpRequest, BodyHandlers.ofByteArray());
            LOG.log(Level.DEBUG, () -> target + " → " + response.statusCode() + " in " + millisSince(start) + " ms");
            return response;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> target + " failed after " + millisSince(start) + " ms: " + e.getClass().getName());
            throw e;
        }
    }

    /**
     * Blocks for a rate-limit token. If the token would come only after the deadline, the call ends: with the last
     * failure when there was one, else with a {@link TransportException}.
     */
    private void takeToken(String target, CallDeadline deadline, RuntimeException last, int attempt) {
        if (deadline.hasPassed()) {
            throw last != null ? withAttempts(last, attempt - 1) : withAttempts(new TransportException(target
                    + " was not sent: the deadline of " + Durations.readable(deadline.limit()) + " had passed", null), 0);
        }
        if (limiter == null) {
            return;
        }
        long start = time.nanoTime();
        boolean taken;
        try {
            taken = limiter.acquire(deadline.remaining());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TransportException interrupted = new TransportException(target
                    + " was interrupted while waiting for a rate-limit token", e);
            if (last != null) {
                interrupted.addSuppressed(last);
            }
            throw withAttempts(interrupted, attempt - 1);
        }
        if (!taken) {
            throw last != null ? withAttempts(last, attempt - 1) : withAttempts(new TransportException(target
                    + " was not sent: no rate-limit token (" + limiter.limit() + ") within the deadline of "
                    + Durations.readable(deadline.limit()), null), 0);
        }
        long waited = time.nanoTime() - start;
        if (waited > 0) {
            LOG.log(Level.DEBUG, () -> target + ": waited " + Durations.readable(Duration.ofNanos(waited))
                    + " for a rate-limit token (" + limiter.limit() + ")");
        }
    }

    /** Waits before the next attempt; ends the call with its last failure instead if the wait would pass the deadline. */
    private void pause(String target, Retry retry, int attempt, CallDeadline deadline, RuntimeException last) {
        String wait = Durations.readable(retry.delay());
        if (!deadline.allows(retry.delay())) {
            LOG.log(Level.DEBUG, () -> target + ": attempt " + attempt + " failed (" + retry.reason() + "); not retrying:"
                    + " waiting " + wait + " would pass the deadline of " + Durations.readable(deadline.limit()));
            throw withAttempts(last, attempt);
        }
        LOG.log(Level.DEBUG, () -> target + ": attempt " + attempt + " of " + retries.maxAttempts() + " failed ("
                + retry.reason() + "); retrying in " + wait);
        try {
            if (!retry.delay().isZero()) {
                time.sleep(retry.delay());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TransportException interrupted = new TransportException(target + " was interrupted while waiting to retry", e);
            interrupted.addSuppressed(last);
            throw withAttempts(interrupted, attempt);
        }
    }

    private void tellLimiter(int status) {
        if (limiter == null) {
            return;
        }
        if (status / 100 == 2) {
            limiter.succeeded();
        } else if (status == 429) {
            limiter.throttled();
        }
    }

    /** The call's own timeout or the client's, shortened to what the deadline leaves. */
    private AttemptTimeout attemptTimeout(ApiRequest request, CallDeadline deadline) {
        AttemptTimeout configured = request.timeout()
                .map(timeout -> new AttemptTimeout(timeout, "the request's timeout"))
                .orElseGet(() -> new AttemptTimeout(options.requestTimeout(), "requestTimeout"));
        Duration remaining = deadline.remaining();
        if (remaining != null && remaining.compareTo(configured.duration()) < 0) {
            return new AttemptTimeout(remaining, "what was left of the retry deadline of "
                    + Durations.readable(deadline.limit()));
        }
        return configured;
    }

    private static HttpRequest withTimeout(HttpRequest request, Duration timeout) {
        if (request.timeout().filter(timeout::equals).isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    /** Tells the exception how many attempts the call made; decoders and constructors cannot know. */
    private static <E extends RuntimeException> E withAttempts(E failure, int attempts) {
        if (failure instanceof ApiException api) {
            api.recordAttempts(attempts);
        } else if (failure instanceof TransportException transport) {
            transport.recordAttempts(attempts);
        }
        return failure;
    }

    private TransportException transportFailure(String target, IOException e, AttemptTimeout timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return new TransportException(target + " could not connect within "
                    + Durations.readable(options.connectTimeout()) + " (connectTimeout)", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new TransportException(target + " timed out: no answer within "
                    + Durations.readable(timeout.duration()) + " (" + timeout.setting() + ")", e);
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
