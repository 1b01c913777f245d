package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToXml;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls to endpoints no spec describes: JSON and XML both ways, through the same auth, limiter, retries and errors. */
class GenericCallTest {

    static final String PASSWORD = "g3n3r1c-pw";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @JacksonXmlRootElement(localName = "order")
    record Order(String id, int quantity) {}

    private final VirtualTime time = new VirtualTime();
    private final String tenant = "tenant-" + UUID.randomUUID();

    private ClientOptions.Builder options() {
        return ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().basic("user", PASSWORD).header("X-Tenant", tenant).build())
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5));
    }

    private ApiClient client() {
        return new ApiClient(options().build(), ErrorDecoder.DEFAULT);
    }

    @Test
    void sendsJsonAndReadsJsonTypedOrAsATree() {
        server.stubFor(post(urlPathEqualTo("/api/v2/orders/A%2F1/lines"))
                .withRequestBody(equalToJson("{\"id\":\"x\",\"quantity\":2}"))
                .willReturn(okJson("{\"id\":\"x\",\"quantity\":2,\"extra\":[1,2]}")));
        ApiClient client = client();

        Order order = client.call("POST", "/v2/orders/{id}/lines").pathParam("id", "A/1").query("dryRun", true)
                .header("X-Trace", "t1").jsonBody(new Order("x", 2)).execute(Order.class);
        JsonNode tree = client.call("POST", "/v2/orders/{id}/lines").pathParam("id", "A/1")
                .jsonBody(Map.of("id", "x", "quantity", 2)).executeForTree();

        assertThat(order).isEqualTo(new Order("x", 2));
        assertThat(tree.path("extra").get(1).asInt()).isEqualTo(2);
        server.verify(postRequestedFor(urlEqualTo("/api/v2/orders/A%2F1/lines?dryRun=true"))
                .withHeader("X-Trace", equalTo("t1"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("X-Tenant", equalTo(tenant)));
    }

    @Test
    void sendsXmlAndReadsXmlTypedOrAsATree() {
        server.stubFor(put(urlPathEqualTo("/api/legacy/order"))
                .withRequestBody(equalToXml("<order><id>x</id><quantity>3</quantity></order>"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml; charset=UTF-8")
                        .withBody("<order><id>x</id><quantity>4</quantity><note>ok</note></order>")));
        ApiClient client = client();

        Order order = client.call("PUT", "/legacy/order").xmlBody(new Order("x", 3)).execute(Order.class);
        JsonNode tree = client.call("PUT", "/legacy/order").xmlBody(Map.of("id", "x", "quantity", 3), "order")
                .executeForTree();

        assertThat(order).isEqualTo(new Order("x", 4));
        assertThat(tree.path("note").asText()).isEqualTo("ok");
        assertThat(tree.path("quantity").asText()).isEqualTo("4");
        server.verify(2, putRequestedFor(urlPathEqualTo("/api/legacy/order"))
                .withHeader("Content-Type", equalTo("application/xml; charset=UTF-8"))
                .withHeader("Accept", equalTo("application/xml, application/json;q=0.5")));
    }

    @Test
    void readsXmlAnswersToJsonRequestsAndJsonAnswersToXmlRequestsByContentType() {
        server.stubFor(get(urlPathEqualTo("/api/feed")).willReturn(aResponse()
                .withHeader("Content-Type", "application/atom+xml").withBody("<feed><title>news</title></feed>")));
        server.stubFor(post(urlPathEqualTo("/api/echo")).willReturn(okJson("{\"id\":\"j\",\"quantity\":1}")));
        ApiClient client = client();

        assertThat(client.call("GET", "/feed").executeForTree().path("title").asText()).isEqualTo("news");
        assertThat(client.call("POST", "/echo").xmlBody(new Order("j", 1)).execute(Order.class)).isEqualTo(new Order("j", 1));
    }

    @Test
    void answersAnEmptyBodyWithAMissingTreeOrNull() {
        server.stubFor(post(urlPathEqualTo("/api/fire")).willReturn(noContent()));
        ApiClient client = client();

        assertThat(client.call("POST", "/fire").executeForTree().isMissingNode()).isTrue();
        assertThat(client.call("POST", "/fire").execute(Order.class)).isNull();
        client.call("POST", "/fire").execute();
        server.verify(3, postRequestedFor(urlPathEqualTo("/api/fire")));
    }

    @Test
    void readsAGenericType() {
        server.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(okJson("[{\"id\":\"a\",\"quantity\":1}]")));

        List<Order> orders = client().call("GET", "/orders").execute(new TypeReference<List<Order>>() {});

        assertThat(orders).containsExactly(new Order("a", 1));
    }

    @Test
    void goesThroughTheSameRetriesLimiterAndErrorDecoding() {
        server.stubFor(get(urlPathEqualTo("/api/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/api/flaky")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{}")));
        server.stubFor(get(urlPathEqualTo("/api/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"no such thing\"}")));
        ApiClient client = new ApiClient(options().rateLimit(RateLimit.of(1, 1)).build(), ErrorDecoder.DEFAULT);

        client.call("GET", "/flaky").executeForTree();
        Throwable notFound = catchThrowable(() -> client.call("GET", "/missing").execute(Order.class));

        // the retry waited 2 s (Retry-After), which refilled the bucket; the third request waited 1 s for a token
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(notFound).isInstanceOf(ApiException.class).hasMessageEndingWith("/api/missing → HTTP 404: no such thing");
        assertThat(notFound.getMessage()).doesNotContain(PASSWORD);
        server.verify(getRequestedFor(urlPathEqualTo("/api/flaky")).withHeader("Authorization", equalTo(
                "Basic " + Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void runsAsynchronouslyWithTheSameExceptions() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/order")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("<order><id>q</id><quantity>7</quantity></order>")));
        server.stubFor(get(urlPathEqualTo("/api/broken")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><title>Bad Gateway</title></html>")));
        ApiClient client = new ApiClient(options().retryPolicy(RetryPolicy.none()).build(), ErrorDecoder.DEFAULT);

        Order order = client.call("GET", "/order").executeAsync(Order.class).get(10, TimeUnit.SECONDS);
        JsonNode tree = client.call("GET", "/order").executeForTreeAsync().get(10, TimeUnit.SECONDS);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        client.call("GET", "/broken").executeAsync().whenComplete((done, error) -> failure.complete(error));

        assertThat(order).isEqualTo(new Order("q", 7));
        assertThat(tree.path("quantity").asInt()).isEqualTo(7);
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(ApiException.class)
                .hasMessageEndingWith("/api/broken → HTTP 502: HTML page \"Bad Gateway\"");
    }

    @Test
    void sendsFormsMultipartBytesAndTextAndReadsDownloadsAndText() {
        server.stubFor(post(urlPathEqualTo("/api/forms")).willReturn(noContent()));
        server.stubFor(post(urlPathEqualTo("/api/reports")).willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "attachment; filename=\"q3.pdf\"").withBody(new byte[] {'%', 'P', 'D', 'F'})));
        server.stubFor(put(urlPathEqualTo("/api/blobs/1")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain; charset=UTF-8").withBody("stored 3 bytes")));
        server.stubFor(put(urlPathEqualTo("/api/notes/1")).willReturn(noContent()));
        ApiClient client = client();

        client.call("POST", "/forms").formField("name", "a b").formField("tags", List.of("x", "y"))
                .formFields(Map.of("n", 1)).cookie("session", "s 1").queryDeep("filter", Map.of("status", "open")).execute();
        Download report = client.call("POST", "/reports").part("template", Binary.of("<odt/>".getBytes(StandardCharsets.UTF_8))
                .withFileName("t.odt").withContentType("application/vnd.oasis.opendocument.text")).part("title", "Q3")
                .execute(Download.class);
        String stored = client.call("PUT", "/blobs/{id}").pathParam("id", 1).binaryBody(Binary.of(new byte[] {1, 2, 3}))
                .execute(String.class);
        client.call("PUT", "/notes/{id}").pathParam("id", 1).textBody("héllo", "text/markdown").execute();

        server.verify(postRequestedFor(urlEqualTo("/api/forms?filter%5Bstatus%5D=open"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Cookie", equalTo("session=s%201"))
                .withRequestBody(equalTo("name=a%20b&tags=x&tags=y&n=1")));
        server.verify(postRequestedFor(urlPathEqualTo("/api/reports"))
                .withHeader("Content-Type", matching("multipart/form-data; boundary=.+"))
                .withRequestBodyPart(aMultipart("template").withHeader("Content-Type", equalTo("application/vnd.oasis.opendocument.text"))
                        .withHeader("Content-Disposition", containing("filename=\"t.odt\"")).withBody(equalTo("<odt/>")).build())
                .withRequestBodyPart(aMultipart("title").withBody(equalTo("Q3")).build()));
        assertThat(report.bytes()).containsExactly('%', 'P', 'D', 'F');
        assertThat(report.contentType()).contains("application/pdf");
        assertThat(report.fileName()).contains("q3.pdf");
        server.verify(putRequestedFor(urlPathEqualTo("/api/blobs/1")).withHeader("Content-Type", equalTo("application/octet-stream"))
                .withRequestBody(binaryEqualTo(new byte[] {1, 2, 3})));
        assertThat(stored).isEqualTo("stored 3 bytes");
        server.verify(putRequestedFor(urlPathEqualTo("/api/notes/1")).withHeader("Content-Type", equalTo("text/markdown; charset=UTF-8"))
                .withRequestBody(binaryEqualTo("héllo".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void refusesABodyOnGetAndNamesNoValueInToString() {
        ApiClient client = client();

        assertThatThrownBy(() -> client.call("GET", "/x").xmlBody(new Order("a", 1)).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot have a body");
        assertThat(client.call("GET", "/x/{id}").pathParam("id", PASSWORD).query("q", PASSWORD))
                .hasToString("GenericCall[GET /x/{id}]");
        assertThatThrownBy(() -> client.call("GET", "/x?y=1")).hasMessageContaining("outside a placeholder");
    }
}
