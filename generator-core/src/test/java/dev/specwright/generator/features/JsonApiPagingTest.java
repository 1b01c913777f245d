package dev.specwright.generator.features;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.specwright.runtime.TestTls;

/**
 * A JSON:API list of {@code jsonapi.yaml} walked through the generated client's {@code getListAll} over HTTPS: three
 * pages, each request carrying the same filters, sparse fieldsets, include and {@code X-Include} with only the page
 * number moving on, the JSON:API media type on each, the fourth page never asked for, each page's total
 * from {@code X-Include-Total-Count} ({@code Page.totalCount()}), and each page's own
 * {@code included} resources read through {@code Page.document(OrdersCollection.class)}. The calls are made by
 * {@code src/test/resources/jsonapi/PagingDriver.java.txt}, compiled with the generated sources (-Xlint:all -Werror).
 */
class JsonApiPagingTest {

    private static final String JSON_API = "application/vnd.api+json";

    /** What every page's request sends besides its page number, decoded. */
    private static final String QUERY = "page[size]=2&fields[orders]=identifier,customer&fields[customers]=name"
            + "&include=customer&filter[status]=open";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private static ClassLoader loader;
    private static List<GeneratedFile> files;

    @BeforeAll
    static void generate() throws Exception {
        Path spec = TestSpecs.dir().resolve("features").resolve("jsonapi.yaml");
        files = new ArrayList<>(new Generator().files(
                GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build()));
        try (InputStream driver = JsonApiPagingTest.class.getResourceAsStream("/jsonapi/PagingDriver.java.txt")) {
            files.add(new GeneratedFile("feature/PagingDriver.java", new String(driver.readAllBytes(), StandardCharsets.UTF_8)));
        }
        files.add(new GeneratedFile("feature/ReadmePagingExample.java", readmeExample()));
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, Files.createTempDirectory("jsonapi-paging"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror on jsonapi.yaml and the paging driver").isEmpty();
        loader = compiled.classLoader();
    }

    /** The README's paged JSON:API example (the {@code java} block after "A page's document"), as a method's body. */
    private static String readmeExample() throws java.io.IOException {
        String readme = Files.readString(TestSpecs.dir().getParent().resolve("README.md"));
        int section = readme.indexOf("**A page's document.**");
        assertThat(section).as("README's paragraph **A page's document.**").isGreaterThanOrEqualTo(0);
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String code = readme.substring(start, readme.indexOf("```\n", start));
        assertThat(code).contains("getListAll(", "page.document(OrdersCollection.class)", "page.totalCount()");
        return "package feature;\n\nimport dev.specwright.runtime.*;\nimport feature.api.*;\nimport feature.model.*;\n"
                + "import java.util.List;\n\nfinal class ReadmePagingExample {\n    private ReadmePagingExample() {}\n\n"
                + "    static void run(OroClient client) {\n" + code + "    }\n}\n";
    }

    private static Object driver(String name) throws Exception {
        Object client = call("client", URI.create(server.getRuntimeInfo().getHttpsBaseUrl()), TestTls.trustingLocalhost());
        return call(name, client);
    }

    private static Object call(String name, Object... args) throws Exception {
        return Feature.call(loader.loadClass("feature.PagingDriver"), null, name, args);
    }

    private static String order(String id, String customer) {
        return "{\"type\": \"orders\", \"id\": \"" + id + "\", \"attributes\": {\"identifier\": \"SO-" + id + "\"},"
                + " \"relationships\": {\"customer\": {\"data\": " + (customer == null ? "null"
                : "{\"type\": \"customers\", \"id\": \"" + customer + "\"}") + "}}}";
    }

    private static String customer(String id, String name) {
        return "{\"type\": \"customers\", \"id\": \"" + id + "\", \"attributes\": {\"name\": \"" + name + "\"}}";
    }

    private static MappingBuilder page(String number) {
        return get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", number == null ? absent() : equalTo(number));
    }

    private static void threePages() {
        // five open orders, two a page; each page includes only its own orders' customers
        server.stubFor(page(null).willReturn(aResponse().withHeader("Content-Type", JSON_API).withHeader("X-Include-Total-Count", "5")
                .withBody("{\"data\": [" + order("1", "c1") + ", " + order("2", "c2") + "], \"included\": ["
                        + customer("c1", "Acme") + ", " + customer("c2", "Globex") + "], \"meta\": {}}")));
        // a server may leave the count out of a page: that page's totalCount is empty
        server.stubFor(page("2").willReturn(aResponse().withHeader("Content-Type", JSON_API)
                .withBody("{\"data\": [" + order("3", "c1") + ", " + order("4", null) + "], \"included\": ["
                        + customer("c1", "Acme") + "]}")));
        server.stubFor(page("3").willReturn(aResponse().withHeader("Content-Type", JSON_API).withHeader("X-Include-Total-Count", "5")
                .withBody("{\"data\": [" + order("5", "c3") + "], \"included\": [" + customer("c3", "Initech") + "]}")));
    }

    private static List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** Each request had the same query but for its page number (none on the first, then added), and JSON:API's media type. */
    private static void assertThreePageRequests() {
        List<LoggedRequest> requests = requests();
        assertThat(requests).extracting(r -> URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8)).containsExactly(
                "/api/orders?" + QUERY,
                "/api/orders?" + QUERY + "&page[number]=2",
                "/api/orders?" + QUERY + "&page[number]=3");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getHeader("Accept")).isEqualTo(JSON_API);
            assertThat(r.getHeader("X-Include")).isEqualTo("totalCount");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t");
        });
    }

    @Test
    void threePagesOfOrdersAreWalkedWithTheSameFiltersFieldsAndIncludeAndEachPagesIncludedResourcesAreTyped() throws Exception {
        threePages();

        Object seen = driver("ordersWithCustomers");

        assertThat(seen).isEqualTo(List.of(
                "1:SO-1@Acme/5", "1:SO-2@Globex/5", "1:customers=2",
                "2:SO-3@Acme/-1", "2:SO-4@-/-1", "2:customers=1",
                "3:SO-5@Initech/5", "3:customers=1"));
        assertThreePageRequests(); // and no fourth: page 3 had one order, fewer than page[size]=2
    }

    @Test
    void theItemsAsAStreamAndWithoutBlockingAskForTheSamePages() throws Exception {
        threePages();

        assertThat(driver("identifiers")).isEqualTo(List.of("SO-1", "SO-2", "SO-3", "SO-4", "SO-5"));
        assertThreePageRequests();

        server.resetRequests();
        assertThat(driver("identifiersAsync")).isEqualTo(List.of("SO-1", "SO-2", "SO-3", "SO-4", "SO-5"));
        assertThreePageRequests();
    }

    @Test
    void theGeneratedPaginatorPagesByJsonApisPageNumberAndSize() {
        String api = files.stream().filter(f -> f.path().endsWith("api/OrdersApi.java")).findFirst().orElseThrow().content();
        assertThat(api).contains("public Paginator<Orders> getListAll(OrdersGetListParams params)")
                .contains("PageStyle.pageNumber(\"page[number]\", \"page[size]\").defaultSize(10).items(\"/data\")"
                        + ".totalCountHeader(\"X-Include-Total-Count\")");
    }
}
