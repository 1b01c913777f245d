package dev.specwright.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLSession;

/**
 * A {@link Transport} with canned answers that records every request: the way to unit-test code that uses a generated
 * client without a server. Nothing goes on the network; everything above the transport — the rate limit, retries,
 * authentication, error decoding into the client's exceptions, the listener — runs as it does in production:
 *
 * <pre>{@code
 * InMemoryTransport transport = new InMemoryTransport()
 *         .answer("GET", "/api/products/SKU-1", InMemoryTransport.Answer.json(200, "{\"sku\":\"SKU-1\"}"));
 * ShopClient shop = ShopClient.builder().baseUri("https://shop.example.com/api").bearer("test-token")
 *         .transport(transport).build();
 *
 * Product product = shop.getProduct("SKU-1");
 *
 * assertEquals("SKU-1", product.sku());
 * assertEquals("Bearer test-token", transport.requests().get(0).header("Authorization").orElseThrow());
 * }</pre>
 *
 * <p>Each {@code answer(...)} adds a rule: requests it matches get its answers in order, the last one again once they
 * are used up (so {@code answer("GET", path, Answer.status(503), Answer.json(200, "{}"))} is a server that fails once,
 * then works). Rules are tried in the order added. A request no rule matches fails with an
 * {@link IllegalStateException} that names its method and path. {@link Answer#noAnswer()} plays a connection that
 * fails, which the retry policy treats as it would the real one. Thread-safe; answers come at once, on the calling
 * thread, also for {@code sendAsync}.
 */
public final class InMemoryTransport implements Transport {

    private final List<Rule> rules = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();

    /** A canned answer: status, headers and body; or, with {@link #noAnswer()}, a failed connection. */
    public static final class Answer {
        private final int status;
        private final Map<String, List<String>> headers;
        private final byte[] body;
        private final boolean fails;

        private Answer(int status, Map<String, List<String>> headers, byte[] body, boolean fails) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.fails = fails;
        }

        /** An answer with {@code status} and no body. */
        public static Answer status(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
            }
            return new Answer(status, Map.of(), new byte[0], false);
        }

        /** An answer with {@code status} and a JSON body ({@code Content-Type: application/json}). */
        public static Answer json(int status, String json) {
            return status(status).header("Content-Type", "application/json")
                    .body(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
        }

        /** No answer: the transport fails with an {@link IOException}, as a connection refused or reset would. */
        public static Answer noAnswer() {
            return new Answer(0, Map.of(), new byte[0], true);
        }

        /** This answer with a header added (e.g. {@code Retry-After}, {@code Content-Type}). */
        public Answer header(String name, String value) {
            requireAnswer("a header");
            Map<String, List<String>> more = new LinkedHashMap<>(headers);
            more.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "value"));
            return new Answer(status, Map.copyOf(more), body, false);
        }

        /** This answer with {@code body} as its bytes. */
        public Answer body(byte[] body) {
            requireAnswer("a body");
            return new Answer(status, headers, Objects.requireNonNull(body, "body").clone(), false);
        }

        private void requireAnswer(String what) {
            if (fails) {
                throw new IllegalStateException("noAnswer() has no status, so it cannot have " + what);
            }
        }

        @Override
        public String toString() {
            return fails ? "Answer[none]" : "Answer[" + status + ", " + body.length + " bytes]";
        }
    }

    /**
     * A request as the transport received it: method, URI, headers (credentials included: it is a test's own) and
     * body bytes.
     */
    public record RecordedRequest(String method, URI uri, HttpHeaders headers, byte[] body) {

        /** The first value of header {@code name}, compared ignoring case. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The path of the URI, e.g. {@code /api/products/SKU-1}. */
        public String path() {
            return uri.getRawPath();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RecordedRequest that && method.equals(that.method) && uri.equals(that.uri)
                    && headers.equals(that.headers) && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, uri, headers, Arrays.hashCode(body));
        }

        /** Method and URI only: the headers may hold credentials. */
        @Override
        public String toString() {
            return "RecordedRequest[" + method + " " + uri + "]";
        }
    }

    private static final class Rule {
        final Predicate<RecordedRequest> matches;
        final List<Answer> answers;
        int next;

        Rule(Predicate<RecordedRequest> matches, List<Answer> answers) {
            this.matches = matches;
            this.answers = answers;
        }

        Answer take() {
            Answer answer = answers.get(Math.min(next, answers.size() - 1));
            next++;
            return answer;
        }
    }

    /**
     * Requests with this method and URI path (the whole path, the base URI's included, e.g.
     * {@code /api/products/SKU-1}; the query is not compared) get {@code answers} in order, then the last again.
     */
    public InMemoryTransport answer(String method, String path, Answer... answers) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path " + path + " must start with '/' (the URI's whole path)");
        }
        return answer(request -> request.method().equalsIgnoreCase(method) && request.path().equals(path), answers);
    }

    /** Requests {@code matches} accepts get {@code answers} in order, then the last again. */
    public synchronized InMemoryTransport answer(Predicate<RecordedRequest> matches, Answer... answers) {
        Objects.requireNonNull(matches, "matches");
        if (answers.length == 0) {
            throw new IllegalArgumentException("give at least one Answer");
        }
        rules.add(new Rule(matches, List.of(answers)));
        return this;
    }

    /** Every request received so far, in order, retries included. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        RecordedRequest recorded = new RecordedRequest(request.method(), request.uri(), request.headers(), bodyOf(request));
        Answer answer;
        synchronized (this) {
            requests.add(recorded);
            answer = rules.stream().filter(rule -> rule.matches.test(recorded)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("InMemoryTransport has no answer for "
                            + recorded.method() + " " + recorded.path() + "; add one with answer(...)"))
                    .take();
        }
        if (answer.fails) {
            throw new IOException("InMemoryTransport: no answer (Answer.noAnswer()) for " + recorded.method() + " "
                    + recorded.path());
        }
        HttpHeaders headers = HttpHeaders.of(answer.headers, (name, value) -> true);
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
        T body = read(handler.apply(info), answer.body);
        return new Response<>(request, answer.status, headers, body);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Feeds {@code bytes} to the subscriber in one piece, as much as it asks for, and returns what it makes of them. */
    private static <T> T read(HttpResponse.BodySubscriber<T> subscriber, byte[] bytes) throws IOException {
        subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (done) {
                    return;
                }
                done = true;
                if (n <= 0) {
                    subscriber.onError(new IllegalArgumentException("demand must be positive, was " + n));
                    return;
                }
                if (bytes.length > 0) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                }
                subscriber.onComplete();
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
        try {
            return subscriber.getBody().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a canned body", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the body handler did not finish reading a canned body", e);
        }
    }

    /** The request's body bytes, read from its publisher (empty without one). */
    private static byte[] bodyOf(HttpRequest request) throws IOException {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        CompletableFuture<byte[]> collected = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                collected.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                collected.complete(out.toByteArray());
            }
        });
        try {
            return collected.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the request body was not published within 10 s", e);
        }
    }

    private record Response<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
            implements HttpResponse<T> {

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Override
    public synchronized String toString() {
        return "InMemoryTransport[" + rules.size() + " rules, " + requests.size() + " requests]";
    }
}
