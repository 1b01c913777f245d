package com.example.platform.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.platform.ErrorCategory;
import com.example.platform.ErrorCode;
import com.example.platform.InvalidDataException;
import com.example.platform.PlatformApiException;
import com.example.platform.PlatformClient;
import com.example.platform.PlatformCredentials;
import com.example.platform.api.GetProductParams;
import com.example.platform.api.ListProductsParams;
import com.example.platform.model.Product;
import com.example.platform.model.ProductField;
import com.example.platform.model.ProductUpdate;
import com.example.platform.model.TenantCreate;
import com.example.platform.model.TenantCreated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.specwright.runtime.Page;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated platform client against WireMock over HTTPS (a self-signed localhost certificate the test trusts, see
 * {@code src/test/resources/tls/README.md}).
 */
class PlatformClientTest {

    private static final String PASSWORD = "changeit";

    /** The platform's error document for a field that cannot be sorted by, as the seed issue gives it. */
    private static final String NOT_SORTABLE = """
            {"error": true, "time": "2019-06-05T06:58:34Z", "code": 100002, "subCode": 101019,
             "message": "Field test field cannot be ordered by", "defaultMessage": "Field test field cannot be ordered by",
             "field": "field", "fieldValue": "unsortableField", "helpText": null,
             "class": "record.product.proto.ProductError$ProductFieldNotSortable"}
            """;

    private static final String PRODUCT_JSON = """
            {"sku": "SKU-1", "title": "A title", "stock": 10, "price": 199.0, "currency": "SEK",
             "categories": ["shoes"], "isDeleted": false, "createdAt": "2019-06-05T06:58:34Z"}
            """;

    private static WireMockServer server;
    private static SSLContext trustingLocalhost;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServer() throws Exception {
        server = new WireMockServer(wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(resource("tls/localhost-keystore.p12").toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
        server.start();
        trustingLocalhost = sslContextTrusting("tls/localhost-truststore.p12");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static URI baseUri() {
        return URI.create("https://localhost:" + server.httpsPort());
    }

    private static PlatformClient tenantClient() {
        return PlatformClient.builder()
                .baseUri(baseUri())
                .credentials(PlatformCredentials.tenant("user", "secret", "acme", "conn-42"))
                .userAgent("my-app", "1.0", "dev@example.com")
                .sslContext(trustingLocalhost)
                .build();
    }

    private static PlatformClient resellerClient() {
        return PlatformClient.builder()
                .baseUri(baseUri())
                .credentials(PlatformCredentials.reseller("partner", "p4ss", "reseller-7"))
                .userAgent("my-app", "1.0", "dev@example.com")
                .sslContext(trustingLocalhost)
                .build();
    }

    @Test
    void getTakesTheFieldsDirectlyAndSendsThemCommaSeparated() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson("{\"sku\": \"SKU-1\", \"stock\": 10}")));
        PlatformClient client = tenantClient();

        Product product = client.products().get("SKU-1", ProductField.SKU, ProductField.STOCK);

        assertThat(product.sku()).isEqualTo("SKU-1");
        assertThat(product.stock()).isEqualTo(10);
        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/api/products/SKU-1?includeFields=sku,stock");
        assertThat(request.queryParameter("includeFields").values()).containsExactly("sku,stock");
    }

    @Test
    void paramsRecordKeepsTypedFieldsAndSendsRawNamesAfterThem() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson("{\"sku\": \"SKU-1\"}")));

        GetProductParams params = GetProductParams.builder().includeFields(ProductField.SKU)
                .includeFieldNames("newServerField").excludeFields(ProductField.DESCRIPTION).build();
        tenantClient().products().get("SKU-1", params);

        assertThat(params.includeFields()).containsExactly(ProductField.SKU);
        assertThat(onlyRequest().getUrl())
                .isEqualTo("/api/products/SKU-1?includeFields=sku,newServerField&excludeFields=description");
    }

    @Test
    void noFieldsIsTheCallWithoutOptionalParameters() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));

        tenantClient().products().get("SKU-1");
        tenantClient().products().get("SKU-1", new ProductField[0]);

        List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly("/api/products/SKU-1", "/api/products/SKU-1");
    }

    @Test
    void asyncKeepsThePerCallOptionsOfTheViewItCameFrom() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));
        var options = dev.specwright.runtime.RequestOptions.builder().header("X-Correlation-Id", "c-7").build();

        Product product = tenantClient().products().with(options).async().get("SKU-1", ProductField.SKU).join();

        assertThat(product.sku()).isEqualTo("SKU-1");
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/products/SKU-1"))
                .withQueryParam("includeFields", equalTo("sku")).withHeader("X-Correlation-Id", equalTo("c-7")));
    }

    @Test
    void listSendsTypedFieldFilterAsCommaSeparatedNames() {
        server.stubFor(get(urlPathEqualTo("/api/products"))
                .willReturn(okJson("[{\"sku\": \"SKU-1\", \"stock\": 10}, {\"sku\": \"SKU-2\", \"stock\": 0}]")));

        List<Product> products = tenantClient().products().list(ProductField.SKU, ProductField.STOCK);

        assertThat(products).extracting(Product::sku).containsExactly("SKU-1", "SKU-2");
        assertThat(products).extracting(Product::stock).containsExactly(10, 0);
        assertThat(products.get(0).title()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/api/products?includeFields=sku,stock");
        assertThat(request.queryParameter("includeFields").values()).containsExactly("sku,stock");
    }

    @Test
    void createPostsTheProductAndReadsTheAnswer() {
        server.stubFor(post(urlPathEqualTo("/api/products")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(PRODUCT_JSON)));

        Product created = tenantClient().products().create(Product.builder()
                .sku("SKU-1").title("A title").stock(10).price(199.0).currency("SEK").categories(List.of("shoes"))
                .build());

        assertThat(created.sku()).isEqualTo("SKU-1");
        assertThat(created.isDeleted()).isFalse();
        assertThat(created.createdAt()).isEqualTo(OffsetDateTime.parse("2019-06-05T06:58:34Z"));
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/products"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"sku": "SKU-1", "title": "A title", "stock": 10, "price": 199.0, "currency": "SEK",
                         "categories": ["shoes"]}
                        """)));
    }

    @Test
    void partialUpdateSendsOnlyTheFieldsThatWereSet() throws IOException {
        server.stubFor(put(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));

        Product updated = tenantClient().products()
                .update("SKU-1", ProductUpdate.builder().stock(5).price(149.5).build());

        assertThat(updated.sku()).isEqualTo("SKU-1");
        // equalToJson without ignoreExtraElements: exactly these members, nothing else (not even "title": null)
        server.verify(1, putRequestedFor(urlPathEqualTo("/api/products/SKU-1"))
                .withRequestBody(equalToJson("{\"stock\": 5, \"price\": 149.5}")));
        JsonNode body = json.readTree(onlyRequest().getBodyAsString());
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("stock", "price"); // unset ≠ null: absent
    }

    @Test
    void partialUpdateCanClearAFieldWithAnExplicitNull() throws IOException {
        server.stubFor(put(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));

        tenantClient().products().update("SKU-1", ProductUpdate.builder().description(null).stock(0).build());

        JsonNode body = json.readTree(onlyRequest().getBodyAsString());
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("description", "stock"); // set to null ≠ never set
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("stock").asInt()).isZero();
    }

    @Test
    void everyOperationAlsoRunsAsyncWithTheSameTypedErrors() {
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(NOT_SORTABLE)));
        PlatformClient client = tenantClient();

        Product product = client.products().async().get("SKU-1").join();
        java.util.concurrent.CompletionException failed = catchThrowableOfType(java.util.concurrent.CompletionException.class,
                () -> client.products().async().list(ListProductsParams.builder().orderBy("unsortableField").build()).join());

        assertThat(product.sku()).isEqualTo("SKU-1");
        assertThat(failed).isNotNull();
        assertThat(failed.getCause()).isInstanceOf(InvalidDataException.class);
        assertThat(((InvalidDataException) failed.getCause()).errorCode()).isEqualTo(ErrorCode.PRODUCT_FIELD_NOT_SORTABLE);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/products/SKU-1")).withHeader("X-Tenant", equalTo("acme")));
    }

    @Test
    void perCallOptionsCarryAnIdempotencyKeyAndExtraHeadersForThatCallOnly() {
        server.stubFor(post(urlPathEqualTo("/api/products")).willReturn(okJson(PRODUCT_JSON).withStatus(201)));
        PlatformClient client = tenantClient();

        client.products().with(dev.specwright.runtime.RequestOptions.builder()
                        .idempotencyKey("create-SKU-1").header("X-Correlation-Id", "c-42").build())
                .create(Product.builder().sku("SKU-1").build());
        client.products().create(Product.builder().sku("SKU-2").build());

        server.verify(1, postRequestedFor(urlPathEqualTo("/api/products"))
                .withHeader("Idempotency-Key", equalTo("create-SKU-1")).withHeader("X-Correlation-Id", equalTo("c-42"))
                .withHeader("X-Tenant", equalTo("acme")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/products")).withoutHeader("Idempotency-Key"));
    }

    @Test
    void deleteMarksTheProductDeleted() {
        server.stubFor(delete(urlPathEqualTo("/api/products/SKU%201"))
                .willReturn(okJson("{\"sku\": \"SKU 1\", \"isDeleted\": true}")));

        Product deleted = tenantClient().products().delete("SKU 1");

        assertThat(deleted.isDeleted()).isTrue();
        server.verify(1, deleteRequestedFor(urlPathEqualTo("/api/products/SKU%201")));
        assertThat(onlyRequest().getBodyAsString()).isEmpty();
    }

    @Test
    void errorDocumentBecomesTypedExceptionWithEveryFieldReadable() {
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(NOT_SORTABLE)));

        InvalidDataException e = catchThrowableOfType(InvalidDataException.class, () -> tenantClient().products()
                .list(ListProductsParams.builder().orderBy("unsortableField").build()));

        assertThat(e).isNotNull().isInstanceOf(PlatformApiException.class);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.PRODUCT_FIELD_NOT_SORTABLE);
        assertThat(e.errorCode().category()).isEqualTo(ErrorCategory.INVALID_DATA);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.error().time()).isEqualTo(OffsetDateTime.parse("2019-06-05T06:58:34Z"));
        assertThat(e.error().code()).isEqualTo(100002);
        assertThat(e.error().subCode()).isEqualTo(101019);
        assertThat(e.error().message()).isEqualTo("Field test field cannot be ordered by");
        assertThat(e.error().defaultMessage()).isEqualTo("Field test field cannot be ordered by");
        assertThat(e.error().field()).isEqualTo("field");
        assertThat(e.error().fieldValue()).isEqualTo("unsortableField");
        assertThat(e.error().helpText()).isNull();
        assertThat(e.error().class_()).isEqualTo("record.product.proto.ProductError$ProductFieldNotSortable");
        // one type for the category: the document's (none sent here) is the catalogue's ErrorCategory, as the exception's
        ErrorCategory documented = e.error().errorCategory();
        assertThat(documented).isNull();
        assertThat(e.errorCategory()).isEqualTo(ErrorCategory.INVALID_DATA);
        assertThat(e.rawBody()).contains("\"subCode\": 101019");
        assertThat(e.getMessage()).contains("400").doesNotContain("secret");
        assertThat(onlyRequest().queryParameter("orderBy").firstValue()).isEqualTo("unsortableField");
    }

    @Test
    void everyTenantRequestCarriesBasicAuthTenantAndConnectionHeaders() {
        server.stubFor(get(urlPathEqualTo("/api/products")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));
        server.stubFor(post(urlPathEqualTo("/api/products")).willReturn(okJson(PRODUCT_JSON).withStatus(201)));
        server.stubFor(put(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));
        server.stubFor(delete(urlPathEqualTo("/api/products/SKU-1")).willReturn(okJson(PRODUCT_JSON)));

        PlatformClient client = tenantClient();
        client.products().list(ListProductsParams.builder().build());
        client.products().get("SKU-1");
        client.products().create(Product.builder().sku("SKU-1").build());
        client.products().update("SKU-1", ProductUpdate.builder().title("New").build());
        client.products().delete("SKU-1");

        assertThat(server.getAllServeEvents()).hasSize(5);
        server.verify(5, anyRequestedFor(anyUrl())
                .withBasicAuth(new BasicCredentials("user", "secret"))
                .withHeader("X-Tenant", equalTo("acme"))
                .withHeader("X-ConnectionId", equalTo("conn-42"))
                .withoutHeader("X-Reseller")
                .withHeader("User-Agent", matching("my-app/1\\.0 \\(dev@example\\.com\\) specwright/.+")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/products/SKU-1")));
    }

    @Test
    void resellerCallCarriesResellerHeaderAndNoTenant() {
        server.stubFor(post(urlPathEqualTo("/reseller/tenant")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"codeName\": \"acme\"}")));

        TenantCreated created = resellerClient().reseller()
                .createTenant(TenantCreate.builder().name("Acme AB").codeName("acme").build());

        assertThat(created.codeName()).isEqualTo("acme");
        server.verify(1, postRequestedFor(urlPathEqualTo("/reseller/tenant"))
                .withBasicAuth(new BasicCredentials("partner", "p4ss"))
                .withHeader("X-Reseller", equalTo("reseller-7"))
                .withoutHeader("X-Tenant")
                .withoutHeader("X-ConnectionId")
                .withRequestBody(equalToJson("{\"name\": \"Acme AB\", \"codeName\": \"acme\"}")));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PlatformClientTest.class.getClassLoader().getResource(name).toURI());
    }

    private static SSLContext sslContextTrusting(String truststore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = PlatformClientTest.class.getClassLoader().getResourceAsStream(truststore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void listAllWalksTheProductsPageByPageAsTheReadmeShows() {
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", absent())
                .willReturn(okJson("[{\"sku\": \"A\", \"stock\": 1}, {\"sku\": \"B\", \"stock\": 2}]")));
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson("[{\"sku\": \"C\", \"stock\": 3}, {\"sku\": \"D\", \"stock\": 4}]")));
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("4"))
                .willReturn(okJson("[{\"sku\": \"E\", \"stock\": 5}]")));
        PlatformClient client = tenantClient();

        // the README's Pagination section, with 2 per request so that three pages hold the five products
        ListProductsParams params = ListProductsParams.builder().limit(2).includeFields(ProductField.SKU, ProductField.STOCK).build();
        List<String> skus = new ArrayList<>();
        for (Product product : client.products().listAll(params)) {
            skus.add(product.sku());
        }
        assertThat(skus).containsExactly("A", "B", "C", "D", "E");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("5")));

        List<Product> firstTen = client.products().listAll().stream().limit(10).toList();
        assertThat(firstTen).hasSize(2); // two products are fewer than the spec's default limit of 100: one page
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(4);

        List<Integer> sizes = new ArrayList<>();
        for (Page<Product> page : client.products().listAll(params).pages()) {
            sizes.add(page.items().size());
        }
        assertThat(sizes).containsExactly(2, 2, 1);

        List<String> later = new ArrayList<>();
        client.products().async().listAll(params).forEach(product -> later.add(product.sku())).join();
        assertThat(later).containsExactly("A", "B", "C", "D", "E");
    }
}
