package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.specwright.runtime.internal.RuntimeVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real HTTPS server on loopback, trusted through the test truststore. */
class ApiClientTest {

    static final String PASSWORD = "s3cr3t-Passw0rd";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    record Product(String sku, int stock) {}

    enum Sort {
        NAME_ASC("name:asc");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        @JsonValue
        String wire() {
            return wire;
        }
    }

    enum ProductField implements FieldSelector {
        SKU("sku"),
        STOCK("stock");

        private final String fieldName;

        ProductField(String fieldName) {
            this.fieldName = fieldName;
        }

        @Override
        public String fieldName() {
            return fieldName;
        }
    }

    private ApiClient client;

    @BeforeEach
    void createClient() {
        client = client(ErrorDecoder.DEFAULT, Duration.ofSeconds(5));
    }

    private static ApiClient client(ErrorDecoder decoder, Duration requestTimeout) {
        return new ApiClient(options().requestTimeout(requestTimeout).build(), decoder);
    }

    private static ClientOptions.Builder options() {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api/"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", PASSWORD).header("X-Tenant", "acme")
                        .header("X-ConnectionId", "conn-42").build())
                .userAgent(UserAgent.of("my-app", "1.0", "you@example.com"));
    }

    private static ApiRequest getProduct(String sku) {
        return ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", sku).build();
    }

    @Test
    void sendsBasicAuthAndCredentialHeadersOnEveryRequest() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{\"sku\":\"a\",\"stock\":1}")));
        server.stubFor(get(urlPathEqualTo("/api/products/b")).willReturn(okJson("{\"sku\":\"b\",\"stock\":2}")));

        client.send(getProduct("a"), Product.class);
        client.send(getProduct("b"), Product.class);

        String basic = "Basic " + Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.verify(2, getRequestedFor(urlPathMatching("/api/products/[ab]"))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("X-Tenant", equalTo("acme"))
                .withHeader("X-ConnectionId", equalTo("conn-42"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", absent()));
    }

    @Test
    void sendsTheUserAgentWithTheRuntimeProductToken() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{}")));

        client.send(getProduct("a"), Product.class);

        server.verify(getRequestedFor(urlPathEqualTo("/api/products/a"))
                .withHeader("User-Agent", equalTo("my-app/1.0 (you@example.com) specwright/" + RuntimeVersion.get())));
    }

    @Test
    void sendsOnlyTheRuntimeProductTokenWithoutAUserAgent() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{}")));
        ApiClient anonymous = new ApiClient(options().userAgent(null).build(), ErrorDecoder.DEFAULT);

        anonymous.send(getProduct("a"), Product.class);

        server.verify(getRequestedFor(urlPathEqualTo("/api/products/a"))
                .withHeader("User-Agent", equalTo("specwright/" + RuntimeVersion.get())));
    }

    @Test
    void keepsAPathParameterInOneSegment() {
        server.stubFor(get(urlPathEqualTo("/api/products/..%2Fadmin")).willReturn(okJson("{\"sku\":\"../admin\"}")));

        Product product = client.send(getProduct("../admin"), Product.class);

        assertThat(product.sku()).isEqualTo("../admin");
        server.verify(getRequestedFor(urlEqualTo("/api/products/..%2Fadmin")));
    }

    @Test
    void encodesQueryValuesAndJoinsLists() {
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(okJson("[]")));
        ApiRequest request = ApiRequest.builder("GET", "/products")
                .query("includeFields", List.of(ProductField.SKU, ProductField.STOCK))
                .query("orderBy", Sort.NAME_ASC)
                .query("since", LocalDate.of(2026, 1, 31))
                .query("q", "a b&c=d/é")
                .query("skipped", null)
                .build();

        client.send(request);

        server.verify(getRequestedFor(urlEqualTo("/api/products?includeFields=sku,stock&orderBy=name%3Aasc"
                + "&since=2026-01-31&q=a%20b%26c%3Dd%2F%C3%A9")));
    }

    @Test
    void sendsAJsonBodyAndDecodesTheJsonAnswer() {
        server.stubFor(post(urlPathEqualTo("/api/products")).willReturn(okJson("{\"sku\":\"SKU-1\",\"stock\":7,\"new\":1}")));
        ApiRequest request = ApiRequest.builder("POST", "/products").jsonBody(new Product("SKU-1", 7)).build();

        Product created = client.send(request, Product.class);

        assertThat(created).isEqualTo(new Product("SKU-1", 7)); // the unknown "new" field is ignored
        server.verify(postRequestedFor(urlPathEqualTo("/api/products"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"sku\":\"SKU-1\",\"stock\":7}")));
    }

    @Test
    void decodesGenericTypes() {
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(okJson("[{\"sku\":\"a\",\"stock\":1}]")));

        List<Product> products = client.send(ApiRequest.builder("GET", "/products").build(), new TypeReference<>() {});

        assertThat(products).containsExactly(new Product("a", 1));
    }

    @Test
    void returnsNullFor204AndForAnEmptyBody() {
        server.stubFor(put(urlPathEqualTo("/api/products/a")).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(aResponse().withStatus(200)));
        ApiRequest update = ApiRequest.builder("PUT", "/products/{sku}").pathParam("sku", "a")
                .jsonBody(new Product("a", 2)).build();

        assertThat(client.send(update, Product.class)).isNull();
        assertThat(client.send(getProduct("a"), new TypeReference<List<Product>>() {})).isNull();
    }

    @Test
    void turnsAJsonErrorIntoAnApiExceptionWithStatusAndRawBody() {
        String error = "{\"error\":true,\"code\":100002,\"message\":\"Field test field cannot be ordered by\"}";
        server.stubFor(get(urlPathEqualTo("/api/products/x")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(error)));
        ApiRequest request = ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", "x").query("page", 2).build();

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.send(request, Product.class));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.uri().toString()).endsWith("/api/products/x?page=2");
        assertThat(e.rawBody()).isEqualTo(error);
        assertThat(e.getMessage()).isEqualTo("GET " + server.getRuntimeInfo().getHttpsBaseUrl()
                + "/api/products/x → HTTP 400: Field test field cannot be ordered by");
    }

    @Test
    void turnsAnHtmlBadGatewayIntoAnApiException() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
        server.stubFor(get(urlPathEqualTo("/api/products/x")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(page)));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.send(getProduct("x"), Product.class));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.rawBody()).isEqualTo(page);
        assertThat(e.getMessage()).endsWith("/api/products/x → HTTP 502: HTML page \"502 Bad Gateway\"");
    }

    @Test
    void throwsWhatACustomErrorDecoderReturns() {
        class NotFound extends ApiException {
            NotFound(HttpFailure failure) {
                super(failure, "no such product");
            }
        }
        server.stubFor(get(urlPathEqualTo("/api/products/x")).willReturn(aResponse().withStatus(404)));
        ApiClient custom = client((failure, mapper) -> new NotFound(failure), Duration.ofSeconds(5));

        assertThatThrownBy(() -> custom.send(getProduct("x"), Product.class))
                .isInstanceOf(NotFound.class)
                .hasMessageEndingWith("/api/products/x → HTTP 404: no such product");
    }

    @Test
    void fallsBackToTheDefaultWhenTheErrorDecoderFails() {
        server.stubFor(get(urlPathEqualTo("/api/products/x")).willReturn(aResponse().withStatus(500).withBody("boom")));
        ApiClient broken = client((failure, mapper) -> {
            throw new IllegalStateException("decoder bug");
        }, Duration.ofSeconds(5));

        ApiException e = catchThrowableOfType(ApiException.class, () -> broken.send(getProduct("x"), Product.class));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getSuppressed()).singleElement().hasFieldOrPropertyWithValue("message", "decoder bug");
    }

    @Test
    void doesNotFollowRedirects() {
        server.stubFor(get(urlPathEqualTo("/api/products/x")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://elsewhere.example/steal")));

        assertThatThrownBy(() -> client.send(getProduct("x"), Product.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(302));
    }

    @Test
    void reportsAnUnreadableSuccessBody() {
        server.stubFor(get(urlPathEqualTo("/api/products/x")).willReturn(okJson("{\"stock\":\"many\"}")));

        assertThatThrownBy(() -> client.send(getProduct("x"), Product.class))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(200))
                .hasMessageContaining("cannot be read as " + Product.class.getName());
    }

    @Test
    void timesOutWithATransportException() {
        server.stubFor(get(urlPathEqualTo("/api/products/slow")).willReturn(okJson("{}").withFixedDelay(3000)));
        ApiClient impatient = client(ErrorDecoder.DEFAULT, Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.send(getProduct("slow"), Product.class))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("timed out")
                .hasMessageContaining("200 ms");
    }

    @Test
    void verifiesTheServerCertificate() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{}")));
        ClientOptions jvmDefaultTrust = ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .build();

        assertThatThrownBy(() -> new ApiClient(jvmDefaultTrust, ErrorDecoder.DEFAULT).send(getProduct("a"), Product.class))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("TLS");
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/products/a")));
    }

    @Test
    void restoresTheInterruptFlag() {
        server.stubFor(get(urlPathEqualTo("/api/products/a")).willReturn(okJson("{}")));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.send(getProduct("a"), Product.class))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
