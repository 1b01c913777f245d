package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.runtime.InMemoryTransport.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole client over {@link InMemoryTransport}, no server: typed answers, recorded requests, and the rate limit,
 * retries, error decoding and the listener working as they do over the network, on a virtual clock.
 */
class InMemoryTransportTest {

    static final String TOKEN = "t0k3n-NEVER-SHOWN";

    private final VirtualTime time = new VirtualTime();
    private final InMemoryTransport transport = new InMemoryTransport();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    record Product(String sku, int stock) {}

    private ClientOptions.Builder options() {
        return ClientOptions.builder()
                .baseUri(URI.create("https://shop.example.com/api"))
                .credentials(Credentials.builder().bearer(TOKEN).header("X-Tenant", "t-" + UUID.randomUUID()).build())
                .rateLimitScope(RateLimitScope.header("X-Tenant"))
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .listener(new ClientListener() {
                    @Override
                    public void attemptAnswered(Call call, int attempt, int status, Duration elapsed) {
                        events.add(call.pathTemplate() + " #" + attempt + " " + status);
                    }

                    @Override
                    public void attemptFailed(Call call, int attempt, String failure, Duration elapsed) {
                        events.add(call.pathTemplate() + " #" + attempt + " " + failure);
                    }

                    @Override
                    public void retrying(Call call, int attempt, Duration delay, String reason) {
                        events.add("retry after " + delay.toMillis() + " ms: " + reason);
                    }
                })
                .transport(transport);
    }

    private ApiClient client() {
        return new ApiClient(options().rateLimit(RateLimit.off()).build(), ErrorDecoder.DEFAULT);
    }

    private static ApiRequest product(String sku) {
        return ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", sku).build();
    }

    @Test
    void answersTypedAndRecordsTheRequestAsSentCredentialsIncluded() {
        transport.answer("GET", "/api/products/SKU-1", Answer.json(200, "{\"sku\":\"SKU-1\",\"stock\":3}"));

        Product product = client().send(product("SKU-1"), Product.class);

        assertThat(product).isEqualTo(new Product("SKU-1", 3));
        assertThat(transport.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.uri()).isEqualTo(URI.create("https://shop.example.com/api/products/SKU-1"));
            assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
            assertThat(request.toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void recordsTheBodyOfAPost() {
        transport.answer("POST", "/api/products", Answer.json(201, "{\"sku\":\"SKU-2\",\"stock\":0}"));

        Product created = client().send(ApiRequest.builder("POST", "/products").jsonBody(Map.of("sku", "SKU-2")).build(),
                Product.class);

        assertThat(created.sku()).isEqualTo("SKU-2");
        assertThat(transport.requests().get(0).bodyText()).isEqualTo("{\"sku\":\"SKU-2\"}");
        assertThat(transport.requests().get(0).header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void retriesA503AndAConnectionWithoutAnAnswerAsOverTheNetwork() {
        transport.answer("GET", "/api/products/SKU-1", Answer.status(503), Answer.noAnswer(),
                Answer.json(200, "{\"sku\":\"SKU-1\",\"stock\":1}"));

        Product product = client().send(product("SKU-1"), Product.class);

        assertThat(product.stock()).isEqualTo(1);
        assertThat(transport.requests()).hasSize(3);
        assertThat(events).containsExactly("/products/{sku} #1 503", "retry after 100 ms: HTTP 503, backoff",
                "/products/{sku} #2 IOException", "retry after 200 ms: connection lost (IOException), backoff",
                "/products/{sku} #3 200");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void decodesErrorsIntoTheRuntimesExceptions() {
        transport.answer("GET", "/api/products/GONE", Answer.json(404, "{\"message\":\"no such product\"}"));
        transport.answer("GET", "/api/products/BUSY", Answer.json(429, "{\"message\":\"slow down\"}")
                .header("Retry-After", "7"));
        ApiClient client = new ApiClient(options().rateLimit(RateLimit.off()).retryPolicy(RetryPolicy.none()).build(),
                ErrorDecoder.DEFAULT);

        ApiException notFound = catchThrowableOfType(ApiException.class, () -> client.send(product("GONE")));
        RateLimitedException limited = catchThrowableOfType(RateLimitedException.class, () -> client.send(product("BUSY")));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.getMessage()).contains("no such product").doesNotContain(TOKEN);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void theRateLimitHoldsCallsAsOverTheNetwork() {
        transport.answer("GET", "/api/products/SKU-1", Answer.json(200, "{\"sku\":\"SKU-1\",\"stock\":1}"));
        ApiClient client = new ApiClient(options().rateLimit(RateLimit.of(2, 3)).build(), ErrorDecoder.DEFAULT);

        for (int i = 0; i < 5; i++) {
            client.send(product("SKU-1"));
        }

        assertThat(transport.requests()).hasSize(5);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500)); // burst 3, then 2/s
    }

    @Test
    void sendAsyncAnswersToo() {
        transport.answer("GET", "/api/products/SKU-1", Answer.status(503), Answer.json(200, "{\"sku\":\"SKU-1\",\"stock\":5}"));

        Product product = client().sendAsync(product("SKU-1"), Product.class).join();

        assertThat(product.stock()).isEqualTo(5);
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void aRequestNoRuleMatchesFailsSayingWhichAndWhatToDo() {
        transport.answer("GET", "/api/products/SKU-1", Answer.status(200));

        assertThatThrownBy(() -> client().send(product("OTHER")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/products/OTHER").hasMessageContaining("add one with answer(...)");
        assertThatThrownBy(() -> transport.answer("GET", "products")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> Answer.noAnswer().header("A", "b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Answer.status(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransportThatThrowsDoesNotLeaveATokenCountedAsOut() {
        transport.answer("GET", "/api/products/SKU-1", Answer.json(200, "{\"sku\":\"SKU-1\",\"stock\":1}"));
        ApiClient client = new ApiClient(options().rateLimit(RateLimit.of(10, 25)).build(), ErrorDecoder.DEFAULT);
        for (int i = 0; i < 20; i++) { // within the burst: no wait
            assertThatThrownBy(() -> client.send(product("UNMATCHED"))).isInstanceOf(IllegalStateException.class);
        }
        time.advance(Duration.ofSeconds(10)); // both buckets full again

        for (int i = 0; i < 25; i++) {
            client.send(product("SKU-1")); // the burst, at once: no token is thought still out
        }
        assertThat(time.sleeps()).isEmpty();
    }

    /** A user's adapter that prints what it was given: the token must not reach the caller, blocking or async. */
    @Test
    void aTransportWhoseExceptionEchoesTheCredentialFailsWithoutShowingIt() {
        Transport echoing = new Transport() {
            @Override
            public <T> java.net.http.HttpResponse<T> send(java.net.http.HttpRequest request,
                    java.net.http.HttpResponse.BodyHandler<T> handler) {
                throw new IllegalStateException("cannot send " + request.uri() + " with "
                        + request.headers().firstValue("Authorization").orElse("none"));
            }

            @Override
            public <T> java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
                    java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler) {
                return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("cannot send "
                        + request.headers().firstValue("Authorization").orElse("none")));
            }
        };
        ApiClient client = new ApiClient(options().transport(echoing).build(), ErrorDecoder.DEFAULT);

        TransportException blocking = catchThrowableOfType(TransportException.class, () -> client.send(product("SKU-1")));
        Throwable async = org.assertj.core.api.Assertions.catchThrowable(() -> client.sendAsync(product("SKU-1")).join()).getCause();

        for (Throwable failure : List.of(blocking, async)) {
            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("failed in the transport")
                    .hasMessageContaining("IllegalStateException");
            java.io.StringWriter printed = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(printed));
            assertThat(printed.toString()).doesNotContain(TOKEN).contains("cannot send");
        }
    }
}
