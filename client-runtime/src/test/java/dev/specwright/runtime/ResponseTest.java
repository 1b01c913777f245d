package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sendForResponse}: the status and headers of a 2xx answer, through the very pipeline of {@code send}. */
class ResponseTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    record Product(String sku, int stock) {}

    private final VirtualTime time = new VirtualTime();

    private ApiClient client(RetryPolicy retries) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().bearer("secret-token-1").build())
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .retryPolicy(retries)
                .build(), ErrorDecoder.DEFAULT);
    }

    @Test
    void givesTheStatusTheHeadersIgnoringCaseAndTheBody() {
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(okJson("[{\"sku\":\"a\",\"stock\":3}]")
                .withStatus(203)
                .withHeader("Link", "<https://x/products?offset=2>; rel=\"next\"")
                .withHeader("X-Total-Count", "7")
                .withHeader("Set-Cookie", "a=1", "b=2")));

        Response<List<Product>> response = client(RetryPolicy.none())
                .sendForResponse(ApiRequest.builder("GET", "/products").build(), new TypeReference<List<Product>>() {});

        assertThat(response.status()).isEqualTo(203);
        assertThat(response.body()).containsExactly(new Product("a", 3));
        assertThat(response.header("x-total-count")).contains("7");
        assertThat(response.header("LINK")).contains("<https://x/products?offset=2>; rel=\"next\"");
        assertThat(response.headers().get("x-TOTAL-count")).containsExactly("7");
        assertThat(response.headerValues("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.header("X-Missing")).isEmpty();
        assertThat(response.headerValues("X-Missing")).isEmpty();
        assertThat(response.toString()).contains("203", "set-cookie").doesNotContain("a=1");
    }

    @Test
    void retriesLikeSendAndReportsTheAnswerThatSucceeded() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("X-Attempt", "1")).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/api/products/a")).inScenario("retry").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"sku\":\"a\",\"stock\":3}").withHeader("X-Attempt", "2")));

        Response<Product> response = client(RetryPolicy.defaults())
                .sendForResponse(ApiRequest.builder("GET", "/products/a").build(), Product.class);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Attempt")).contains("2");
        assertThat(response.body()).isEqualTo(new Product("a", 3));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/products/a")));
    }

    @Test
    void anErrorStatusIsStillTheDecodedException() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"no such product\"}")));

        Throwable thrown = catchThrowable(() -> client(RetryPolicy.none())
                .sendForResponse(ApiRequest.builder("GET", "/products/a").build(), Product.class));

        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).status()).isEqualTo(404);
    }

    @Test
    void withoutABodyAndAsync() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/products")).willReturn(noContent().withHeader("Location", "/products/b")));
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{\"sku\":\"a\",\"stock\":3}")
                .withHeader("ETag", "\"v1\"")));
        ApiClient client = client(RetryPolicy.none());
        ApiRequest create = ApiRequest.builder("POST", "/products").jsonBody(new Product("b", 1)).build();

        Response<Void> created = client.sendForResponse(create);
        Response<Void> createdAsync = client.sendForResponseAsync(create).get(10, TimeUnit.SECONDS);
        Response<Product> read = client.sendForResponseAsync(ApiRequest.builder("GET", "/products/a").build(),
                Product.class).get(10, TimeUnit.SECONDS);
        Response<Map<String, Object>> tree = client.sendForResponseAsync(ApiRequest.builder("GET", "/products/a").build(),
                new TypeReference<Map<String, Object>>() {}).get(10, TimeUnit.SECONDS);

        assertThat(created.status()).isEqualTo(204);
        assertThat(created.body()).isNull();
        assertThat(created.header("location")).contains("/products/b");
        assertThat(createdAsync.status()).isEqualTo(204);
        assertThat(read.body()).isEqualTo(new Product("a", 3));
        assertThat(read.header("etag")).contains("\"v1\"");
        assertThat(tree.body()).containsEntry("sku", "a");
    }

    @Test
    void anAsyncErrorFailsTheFutureWithTheDecodedException() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(aResponse().withStatus(409)));

        CompletableFuture<Response<Product>> future = client(RetryPolicy.none())
                .sendForResponseAsync(ApiRequest.builder("GET", "/products/a").build(), Product.class);

        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ApiException.class);
    }

    @Test
    void aResponseMadeByHandMergesSpellingsAndRefusesABadStatus() {
        Response<String> response = new Response<>(200, Map.of("X-A", List.of("1")), "body");
        assertThat(response.headerValues("x-a")).containsExactly("1");
        assertThatThrownBy(() -> new Response<>(42, Map.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 to 599");
        assertThatThrownBy(() -> response.headers().put("X-B", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
