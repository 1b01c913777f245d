package dev.specwright.generator.features;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.runtime.Page;
import dev.specwright.runtime.Paginator;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.specwright.runtime.TestTls;

/**
 * The platform spec's products list, as its {@code x-pagination} declares it (offset and limit), through the
 * generated client (with the error catalogue) over HTTPS.
 */
class PlatformPaginationTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private static List<GeneratedFile> files;
    private static ClassLoader loader;
    private Object products;

    @BeforeAll
    static void generate(@TempDir Path classes) throws Exception {
        files = new Generator().files(GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("unused"))
                .errorCatalog(TestSpecs.platformErrors()).basePackage("com.example.platform").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, classes);
        assertThat(compiled.diagnostics()).isEmpty();
        loader = compiled.classLoader();
    }

    @BeforeEach
    void client() throws Exception {
        Class<?> clientClass = loader.loadClass("com.example.platform.PlatformClient");
        Object credentials = loader.loadClass("com.example.platform.PlatformCredentials")
                .getMethod("tenant", String.class, String.class, String.class, String.class).invoke(null, "user", "secret", "acme", "conn-42");
        Object builder = clientClass.getMethod("builder").invoke(null);
        builder.getClass().getMethod("baseUri", URI.class).invoke(builder, URI.create(server.baseUrl()));
        builder.getClass().getMethod("sslContext", SSLContext.class).invoke(builder, TestTls.trustingLocalhost());
        builder.getClass().getMethod("credentials", dev.specwright.runtime.Credentials.class).invoke(builder, credentials);
        Object client = builder.getClass().getMethod("build").invoke(builder);
        products = clientClass.getMethod("products").invoke(client);
    }

    private Object params(int limit) throws Exception {
        Class<?> type = loader.loadClass("com.example.platform.api.ListProductsParams");
        Object builder = type.getMethod("builder").invoke(null);
        builder.getClass().getMethod("limit", Integer.class).invoke(builder, limit);
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private Paginator<?> listAll(Object params) throws Exception {
        try {
            return (Paginator<?>) products.getClass().getMethod("listAll", params.getClass()).invoke(products, params);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static String products(String... skus) {
        List<String> json = new ArrayList<>();
        for (String sku : skus) {
            json.add("{\"sku\":\"" + sku + "\",\"stock\":1}");
        }
        return "[" + String.join(",", json) + "]";
    }

    @Test
    void productsAreWalkedPageByPageAndTheFourthPageIsNeverAskedFor() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", absent()).willReturn(okJson(products("A", "B"))));
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("2")).willReturn(okJson(products("C", "D"))));
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("4")).willReturn(okJson(products("E"))));

        List<Object> skus = new ArrayList<>();
        for (Page<?> page : listAll(params(2)).pages()) {
            for (Object product : page.items()) {
                skus.add(Feature.get(product, "sku"));
            }
        }

        assertThat(skus).containsExactly("A", "B", "C", "D", "E");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("5")));
        // every page is an ordinary call: the tenant's credentials and headers on each
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/products")).withHeader("X-Tenant", equalTo("acme"))
                .withHeader("X-ConnectionId", equalTo("conn-42")).withQueryParam("limit", equalTo("2")));
        assertThat(listAll(params(2)).stream().limit(1).toList()).hasSize(1);
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(4);
    }

    @Test
    void aNotFoundOnPageTwoIsTheCataloguesTypedExceptionSayingPageTwo() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", absent()).willReturn(okJson(products("A", "B"))));
        server.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("offset", equalTo("2")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"error": true, "time": "2019-06-05T06:58:34Z", "code": 100001, "subCode": 101001,
                         "message": "gone", "errorCategory": "NotFound"}""")));
        Paginator<?> all = listAll(params(2));

        Throwable thrown = catchThrowable(() -> all.forEach(product -> { }));

        assertThat(thrown.getClass().getName()).isEqualTo("com.example.platform.NotFoundException");
        assertThat(thrown).hasMessageContaining("page 2 of GET /api/products");
    }

    @Test
    void everyListOfThePlatformHasItsPaginator() {
        String all = String.join("\n", files.stream().filter(f -> f.path().contains("/api/") && f.path().endsWith("Api.java"))
                .map(GeneratedFile::content).toList());
        assertThat(all.split("PageStyle.offset\\(\"offset\", \"limit\"\\).defaultSize\\(100\\).maxSize\\(1000\\)", -1)).hasSize(11); // 5 lists, sync and async
    }
}
