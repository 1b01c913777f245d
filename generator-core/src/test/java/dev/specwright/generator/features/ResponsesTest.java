package dev.specwright.generator.features;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.specwright.runtime.ApiException;
import dev.specwright.runtime.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.specwright.runtime.TestTls;

/** The generated {@code <op>WithResponse} forms of {@code responses.yaml}, compiled and called over HTTPS. */
class ResponsesTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private static Feature f;
    private Object items;
    private Object asyncItems;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("responses.yaml");
    }

    @BeforeEach
    void client() throws Exception {
        Class<?> clientClass = f.loader.loadClass("feature.ResponsesClient");
        Object builder = clientClass.getMethod("builder").invoke(null);
        builder.getClass().getMethod("baseUri", URI.class).invoke(builder, URI.create(server.baseUrl()));
        builder.getClass().getMethod("sslContext", SSLContext.class).invoke(builder, TestTls.trustingLocalhost());
        Object client = builder.getClass().getMethod("build").invoke(builder);
        items = clientClass.getMethod("items").invoke(client);
        asyncItems = items.getClass().getMethod("async").invoke(items);
    }

    private static Object call(Object api, String operation, Object... args) throws Exception {
        return Feature.call(api.getClass(), api, operation, args);
    }

    private static Object params(String paramsClass, String name, Object value) throws Exception {
        Class<?> type = f.loader.loadClass("feature.api." + paramsClass);
        Object builder = type.getMethod("builder").invoke(null);
        builder.getClass().getMethod(name, String.class).invoke(builder, value);
        return builder.getClass().getMethod("build").invoke(builder);
    }

    @Test
    void theResponseFormGivesTheStatusHeadersAndTypedBodyOfTheSameRequest() throws Exception {
        server.stubFor(get(urlPathEqualTo("/items/a")).withQueryParam("lang", equalTo("de"))
                .willReturn(okJson("{\"id\":\"a\",\"name\":\"Alpha\"}").withHeader("ETag", "\"v7\"")));

        // getItem is "get"; the operation getItemWithResponse took "getWithResponse", so get's form is numbered
        Response<?> response = (Response<?>) call(items, "getWithResponse2", "a", params("GetItemParams", "lang", "de"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("etag")).contains("\"v7\"");
        assertThat(response.body().getClass().getName()).isEqualTo("feature.model.Item");
        assertThat(Feature.get(response.body(), "name")).isEqualTo("Alpha");
        server.verify(1, getRequestedFor(urlPathEqualTo("/items/a")).withQueryParam("lang", equalTo("de")));
    }

    @Test
    void aListAndABodilessAnswerSyncAndAsync() throws Exception {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"id\":\"a\"},{\"id\":\"b\"}]")
                .withHeader("X-Total-Count", "2")));
        server.stubFor(delete(urlPathEqualTo("/items/a")).willReturn(aResponse().withStatus(204).withHeader("X-Trace", "t1")));

        Response<?> list = (Response<?>) call(items, "listWithResponse");
        Response<?> listLater = (Response<?>) ((CompletableFuture<?>) call(asyncItems, "listWithResponse")).get(10, TimeUnit.SECONDS);
        Response<?> deleted = (Response<?>) call(items, "deleteWithResponse", "a");
        Response<?> deletedLater = (Response<?>) ((CompletableFuture<?>) call(asyncItems, "deleteWithResponse", "a"))
                .get(10, TimeUnit.SECONDS);

        assertThat(list.header("X-TOTAL-COUNT")).contains("2");
        assertThat((List<?>) list.body()).hasSize(2).allSatisfy(i -> assertThat(i.getClass().getSimpleName()).isEqualTo("Item"));
        assertThat(listLater.body()).isEqualTo(list.body());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(deleted.header("x-trace")).contains("t1");
        assertThat(deletedLater.status()).isEqualTo(204);
    }

    @Test
    void anErrorStatusIsTheUsualException() throws Exception {
        server.stubFor(get(urlPathEqualTo("/items/zz")).willReturn(aResponse().withStatus(404)));
        try {
            call(items, "getWithResponse2", "zz", params("GetItemParams", "lang", "en"));
            throw new AssertionError("no exception");
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(404);
        }
    }

    @Test
    void theCollidingOperationKeepsItsNameAndGetsItsOwnForm() throws Exception {
        server.stubFor(get(urlPathEqualTo("/items/a/with-response")).willReturn(okJson("{\"id\":\"a\"}").withHeader("X-Own", "1")));

        Object plain = call(items, "getWithResponse", "a");
        Response<?> form = (Response<?>) call(items, "getWithResponseWithResponse", "a");

        assertThat(plain.getClass().getSimpleName()).isEqualTo("Item");
        assertThat(form.header("x-own")).contains("1");
        String source = f.source("api/ItemsApi.java");
        assertThat(source).contains("public Response<Item> getWithResponse2(String id, GetItemParams params)")
                .contains("public Response<List<Item>> listWithResponse()")
                .contains("public Response<Void> deleteWithResponse(String id)")
                // getPlainItem declares no header but Content-Type: no form of its own
                .doesNotContain("getPlainWithResponse").doesNotContain("getPlainItemWithResponse");
    }
}
