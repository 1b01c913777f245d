package dev.specwright.generator.features;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.runtime.ApiException;
import dev.specwright.runtime.Credentials;
import dev.specwright.runtime.jsonapi.JsonApiException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.specwright.runtime.TestTls;

/**
 * The generated client of {@code jsonapi.yaml} (Oro's JSON:API shape) against a real HTTPS server on loopback. The
 * calls are made by {@code src/test/resources/jsonapi/Driver.java.txt}, typed code a user would write, compiled with the
 * generated sources ({@code -Xlint:all -Werror}); this test checks what went on the wire and what came back.
 */
class JsonApiTest {

    private static final String JSON_API = "application/vnd.api+json";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private static final String TOKEN_URL_IN_SPEC = "tokenUrl: https://shop.example.com/oauth2-token";

    private static ClassLoader loader;
    private static Path classes;

    @BeforeAll
    static void generate() throws Exception {
        // the spec as it is, but for its token URL, which points at the test server: the generated credentials ask it
        Path dir = Files.createTempDirectory("jsonapi");
        String text = Files.readString(TestSpecs.dir().resolve("features").resolve("jsonapi.yaml"));
        assertThat(text).contains(TOKEN_URL_IN_SPEC);
        Path spec = Files.writeString(dir.resolve("jsonapi.yaml"), text.replace(TOKEN_URL_IN_SPEC,
                "tokenUrl: " + server.getRuntimeInfo().getHttpsBaseUrl() + "/oauth2-token"));
        List<GeneratedFile> files = new ArrayList<>(new Generator().files(
                GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build()));
        try (InputStream driver = JsonApiTest.class.getResourceAsStream("/jsonapi/Driver.java.txt")) {
            files.add(new GeneratedFile("feature/Driver.java", new String(driver.readAllBytes(), StandardCharsets.UTF_8)));
        }
        files.add(new GeneratedFile("feature/ReadmeExample.java", readmeExample()));
        classes = Files.createDirectories(dir.resolve("classes"));
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, classes);
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror on jsonapi.yaml and the driver").isEmpty();
        loader = compiled.classLoader();
    }

    /**
     * The README's JSON:API example (the first {@code java} block of its section), as the body of a method: it must
     * compile against what the generator makes of {@code jsonapi.yaml}.
     */
    private static String readmeExample() throws java.io.IOException {
        String readme = Files.readString(TestSpecs.dir().getParent().resolve("README.md"));
        int section = readme.indexOf("## JSON:API clients");
        assertThat(section).as("README section ## JSON:API clients").isGreaterThanOrEqualTo(0);
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String code = readme.substring(start, readme.indexOf("```\n", start));
        assertThat(code).contains("OrdersFilter.status()", "page.included(", "JsonApiException");
        return "package feature;\n\nimport dev.specwright.runtime.*;\nimport dev.specwright.runtime.jsonapi.*;\n"
                + "import feature.api.*;\nimport feature.model.*;\nimport java.net.URI;\nimport java.time.OffsetDateTime;\n"
                + "import java.util.List;\n\nfinal class ReadmeExample {\n    private ReadmeExample() {}\n\n"
                + "    static void run(String secret, OffsetDateTime from, OffsetDateTime to) {\n" + code + "    }\n}\n";
    }

    /** {@code Driver.<name>(args)}, its own exception rethrown. */
    static Object driver(String name, Object... args) throws Exception {
        return Feature.call(loader.loadClass("feature.Driver"), null, name, args);
    }

    static Object client(Credentials credentials) throws Exception {
        return driver("client", URI.create(server.getRuntimeInfo().getHttpsBaseUrl()), TestTls.trustingLocalhost(), credentials);
    }

    @Test
    void everyRequestAsksForTheJsonApiMediaTypeAndABodyIsSentAsExactlyThatType() throws Exception {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_API)
                .withBody("{\"data\":null}")));

        driver("eachKindOfCall", client(Credentials.builder().bearer("t").build()));

        List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
                "GET /api/orders", "GET /api/orders/1", "POST /api/orders", "DELETE /api/orders/1",
                "GET /api/orders/1/relationships/customer");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().getHeader("Accept").values()).containsExactly(JSON_API));
        LoggedRequest create = requests.get(2);
        assertThat(create.getHeaders().getHeader("Content-Type").values()).containsExactly(JSON_API);
        assertThat(create.getBodyAsString()).isEqualTo("{\"data\":{\"type\":\"orders\"}}");
    }

    private static final String ORDERS_PAGE = """
            {"data": [
              {"type": "orders", "id": "1",
               "attributes": {"identifier": "SO-1", "status": "open", "createdAt": "2026-01-05T10:00:00Z", "poNumber": null},
               "relationships": {"customer": {"data": {"type": "customers", "id": "c1"}},
                                 "lineItems": {"data": [{"type": "orderlineitems", "id": "li1"}]}}},
              {"type": "orders", "id": "2",
               "attributes": {"identifier": "SO-2", "status": "closed"},
               "relationships": {"customer": {"data": null}, "lineItems": {"data": []}}}],
             "included": [
              {"type": "customers", "id": "c1", "attributes": {"name": "Acme"}},
              {"type": "orderlineitems", "id": "li1", "attributes": {"productSku": "SKU-9", "quantity": 2}},
              {"type": "warehouses", "id": "w1", "attributes": {"city": "Oslo"}}],
             "links": {"next": "https://shop.example.com/api/orders?page[number]=3"},
             "meta": {"totalCount": 60}}
            """;

    @Test
    void filtersFieldsIncludeSortAndPagingGoOnTheWireExactlyAndIncludedResourcesAndTheTotalCountComeBackTyped() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON_API).withHeader("X-Include-Total-Count", "60").withBody(ORDERS_PAGE)));

        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) driver("listOrders", client(Credentials.builder().bearer("t").build()));

        LoggedRequest request = server.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8)).isEqualTo("/api/orders"
                + "?page[number]=2&page[size]=25&sort=-createdAt,identifier"
                + "&fields[orders]=identifier,status,customer&fields[customers]=name"
                + "&include=customer,lineItems.product"
                + "&filter[status]=open&filter[id]=1,2&filter[createdAt]=2026-01-01T00:00:00Z..2026-02-01T00:00:00Z"
                + "&filter[updatedAt][gte]=2026-01-01T00:00:00Z&filter[poNumber][exists]=false"
                + "&filter[customer.name][contains]=Acme & Co");
        // brackets, commas and the range as sent: percent-encoded where RFC 3986 wants it, the '&' of the value too
        assertThat(request.getUrl()).contains("filter%5Bstatus%5D=open", "sort=-createdAt,identifier",
                "filter%5BcreatedAt%5D=2026-01-01T00%3A00%3A00Z..2026-02-01T00%3A00%3A00Z", "contains%5D=Acme%20%26%20Co");
        assertThat(request.getHeader("Accept")).isEqualTo(JSON_API);
        assertThat(request.getHeader("X-Include")).isEqualTo("totalCount");

        assertThat(seen).containsEntry("totalCount", 60L).containsEntry("meta.totalCount", 60L);
        assertThat(seen.get("first.status")).hasToString("open");
        assertThat(seen.get("first.createdAt")).isEqualTo(OffsetDateTime.parse("2026-01-05T10:00:00Z"));
        assertThat(seen).containsEntry("first.customer", "c1").containsEntry("first.customer.name", "Acme")
                .containsEntry("first.lineItems", 1)
                .containsEntry("second.customer", "null").containsEntry("second.customer.included", false)
                .containsEntry("customers", List.of("c1")).containsEntry("lineItems", List.of("SKU-9"))
                .containsEntry("unknown", 1L);
    }

    @Test
    void aDeleteOnAFilteredListSendsItsFiltersAndTheXIncludeHeaderAndReadsTheDeletedCount() throws Exception {
        server.stubFor(any(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(204).withHeader("X-Include-Deleted-Count", "3")));

        Object deleted = driver("deleteOldClosedOrders", client(Credentials.builder().bearer("t").build()));

        assertThat(deleted).isEqualTo(3L);
        LoggedRequest request = server.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getMethod().getName()).isEqualTo("DELETE");
        assertThat(URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8))
                .isEqualTo("/api/orders?filter[status]=closed&filter[createdAt][lt]=2025-01-01T00:00:00Z");
        assertThat(request.getHeader("X-Include")).isEqualTo("deletedCount");
        assertThat(request.getHeader("Accept")).isEqualTo(JSON_API);
    }

    /** javac's messages for one more class in package {@code feature}, compiled against the generated client. */
    private static List<String> compileAgainstTheClient(String body) throws Exception {
        String source = "package feature;\n\nimport feature.api.*;\nimport feature.model.*;\n\nfinal class Snippet {\n"
                + "    private Snippet() {}\n\n    static Object run() {\n        return " + body + ";\n    }\n}\n";
        List<String> options = new ArrayList<>(InProcessCompiler.options(Files.createTempDirectory("snippet")));
        int at = options.indexOf("-classpath") + 1;
        options.set(at, options.get(at) + java.io.File.pathSeparator + classes);
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
        try (javax.tools.StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, java.util.Locale.ROOT, null)) {
            javac.getTask(null, fm, diagnostics, options, null,
                    InProcessCompiler.sources(List.of(new GeneratedFile("feature/Snippet.java", source)))).call();
        }
        return InProcessCompiler.messages(diagnostics);
    }

    @Test
    void aFilterOfAnotherResourceDoesNotCompileAndEachResourceHasItsOwnRawEscapeHatch() throws Exception {
        assertThat(compileAgainstTheClient("OrdersGetListParams.builder().filter(OrdersFilter.status().eq(OrdersAttributesStatus.OPEN),"
                + " OrdersFilter.raw(\"customer.name\", \"contains\", \"Acme\")).build()"))
                .as("the orders' own filters, typed and raw").isEmpty();
        assertThat(compileAgainstTheClient("CustomersGetListParams.builder().filter(CustomersFilter.raw(\"orders.id\", null, \"1\")).build()"))
                .as("the customers' raw escape hatch").isEmpty();

        assertThat(String.join("\n", compileAgainstTheClient(
                "OrdersGetListParams.builder().filter(CustomersFilter.raw(\"name\", null, \"Acme\")).build()")))
                .contains("method filter in class feature.api.OrdersGetListParams.Builder cannot be applied to given types",
                        "feature.model.CustomersFilter.Condition cannot be converted to feature.model.OrdersFilter.Condition");
        assertThat(String.join("\n", compileAgainstTheClient(
                "OrdersGetListParams.builder().filter(dev.specwright.runtime.jsonapi.Filter.raw(\"name\", null, \"Acme\")).build()")))
                .contains("dev.specwright.runtime.jsonapi.Filter cannot be converted to feature.model.OrdersFilter.Condition");
    }

    @Test
    void aMetaTheSpecDescribesIsARecordAndAFreeFormOneStaysAMap() throws Exception {
        assertThat(compileAgainstTheClient("((OrdersCollection) null).meta().totalCount()")).isEmpty();
        assertThat(compileAgainstTheClient("new java.util.ArrayList<java.util.Map<String, com.fasterxml.jackson.databind.JsonNode>>()"
                + ".add(((OrdersItem) null).meta())")).as("a single record's meta is free form").isEmpty();
        assertThat(String.join("\n", compileAgainstTheClient("((OrdersCollection) null).meta().get(\"totalCount\")")))
                .contains("cannot find symbol");
    }

    @Test
    void theJsonApiClientIsTheSameBytesOnEveryRun() throws Exception {
        Path spec = TestSpecs.dir().resolve("features").resolve("jsonapi.yaml");
        GeneratorOptions options = GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build();
        assertThat(new Generator().files(options)).isEqualTo(new Generator().files(options));
    }

    @Test
    void aToOneRelationshipIsSetToNullWithDataNull() throws Exception {
        server.stubFor(patch(urlPathEqualTo("/api/orders/7/relationships/customer")).willReturn(aResponse().withStatus(204)));

        driver("clearCustomer", client(Credentials.builder().bearer("t").build()));

        LoggedRequest request = server.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getBodyAsString()).isEqualTo("{\"data\":null}");
        assertThat(request.getHeader("Content-Type")).isEqualTo(JSON_API);
        assertThat(request.getHeader("Accept")).isEqualTo(JSON_API);
    }

    @Test
    void a422ErrorDocumentIsAJsonApiExceptionWhoseEntriesNameTheirFields() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", JSON_API).withBody("""
                        {"errors": [
                          {"status": "422", "title": "not blank constraint", "detail": "This value should not be blank.",
                           "source": {"pointer": "/data/attributes/identifier"}},
                          {"status": "422", "title": "form constraint", "detail": "The customer does not exist.",
                           "source": {"pointer": "/data/relationships/customer/data"}},
                          {"status": "400", "title": "filter constraint", "detail": "Expected a date.",
                           "source": {"parameter": "filter[createdAt]"}}]}
                        """)));

        Throwable thrown = catchThrowable(() -> driver("createOrder", client(Credentials.builder().bearer("t").build())));

        assertThat(thrown).isInstanceOf(JsonApiException.class)
                .hasMessageContaining("HTTP 422").hasMessageContaining("not blank constraint: This value should not be blank. (identifier)")
                .hasMessageContaining("and 2 more");
        JsonApiException e = (JsonApiException) thrown;
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).extracting(err -> err.field().orElse("")).containsExactly("identifier", "customer", "createdAt");
        assertThat(e.errorsFor("identifier")).singleElement().satisfies(err -> {
            assertThat(err.pointer()).isEqualTo("/data/attributes/identifier");
            assertThat(err.detail()).isEqualTo("This value should not be blank.");
        });
        assertThat(e.errors().get(2).parameter()).isEqualTo("filter[createdAt]");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1); // a 422 is not retried
    }

    @Test
    void aCredentialTheServerEchoesInAnErrorIsRedactedFromTheMessage() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", JSON_API).withBody("{\"errors\": [{\"title\": \"bad token s3cr3t-b3ar3r\","
                        + " \"source\": {\"pointer\": \"/data/attributes/identifier\"}}]}")));

        Throwable thrown = catchThrowable(() -> driver("createOrder", client(Credentials.builder().bearer("s3cr3t-b3ar3r").build())));

        assertThat(thrown).isInstanceOf(JsonApiException.class).hasMessageContaining("bad token ***")
                .hasMessageNotContaining("s3cr3t-b3ar3r");
        assertThat(((JsonApiException) thrown).errors().get(0).title()).contains("s3cr3t-b3ar3r"); // as sent, documented
    }

    @Test
    void anAnswerThatIsNoErrorDocumentStaysAPlainApiException() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/orders")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<html><title>Oops</title></html>")));
        Throwable thrown = catchThrowable(() -> driver("createOrder", client(Credentials.builder().bearer("t").build())));
        assertThat(thrown).isInstanceOf(ApiException.class).isNotInstanceOf(JsonApiException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void anOperatorTheSpecDoesNotListForTheFieldIsRefusedSayingWhatItAllows() {
        assertThatThrownBy(() -> driver("filterWithAnOperatorTheSpecDoesNotAllow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filter[status] does not take the operator gt; the spec allows eq, neq"
                        + " (Filter.raw(\"status\", \"gt\", value) sends it anyway)");
    }

    @Test
    void anOAuthTokenIsFetchedOnceWithAJsonRequestAndReused() throws Exception {
        server.stubFor(post(urlPathEqualTo("/oauth2-token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"access_token\":\"t0k3n\",\"expires_in\":3600}")));
        server.stubFor(any(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_API)
                .withBody("{\"data\":null}")));

        // the token request goes through the client's transport, so the client's trust settings reach the token endpoint
        Object client = driver("oauthClient", URI.create(server.getRuntimeInfo().getHttpsBaseUrl()), TestTls.trustingLocalhost());
        driver("eachKindOfCall", client);
        driver("eachKindOfCall", client);

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2-token")).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"shop-client\",\"client_secret\":\"s3cr3t\"}")));
        List<LoggedRequest> calls = server.findAll(anyRequestedFor(urlPathMatching("/api/.*")));
        assertThat(calls).hasSize(10).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t0k3n");
            assertThat(r.getHeader("Accept")).isEqualTo(JSON_API);
        });
    }

    @Test
    void aSpecWithoutJsonApiStillSendsPlainJson() throws Exception {
        Path spec = TestSpecs.dir().resolve("features").resolve("bodies.yaml");
        String api = new Generator().files(GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build())
                .stream().filter(f -> f.path().endsWith(".java")).map(GeneratedFile::content)
                .reduce("", String::concat);
        assertThat(api).doesNotContain(JSON_API).contains(".jsonBody(body)");
    }
}
