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
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.runtime.ApiException;
import dev.specwright.runtime.AsyncPaginator;
import dev.specwright.runtime.Page;
import dev.specwright.runtime.Paginator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.specwright.runtime.TestTls;

/**
 * The paginators generated for {@code pagination.yaml} (each style, detected or declared), compiled with -Xlint:all
 * -Werror and walked over HTTPS: three pages, and WireMock's journal shows no fourth request.
 */
class PaginationTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    private static Feature f;
    private Object paging;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("pagination.yaml");
    }

    @BeforeEach
    void client() throws Exception {
        Class<?> clientClass = f.loader.loadClass("feature.PagingClient");
        Object builder = clientClass.getMethod("builder").invoke(null);
        builder.getClass().getMethod("baseUri", URI.class).invoke(builder, URI.create(server.baseUrl() + "/v1"));
        builder.getClass().getMethod("sslContext", SSLContext.class).invoke(builder, TestTls.trustingLocalhost());
        Object client = builder.getClass().getMethod("build").invoke(builder);
        paging = clientClass.getMethod("paging").invoke(client);
    }

    private static Object call(Object api, String operation, Object... args) throws Exception {
        return Feature.call(api.getClass(), api, operation, args);
    }

    private static String items(String... ids) {
        List<String> json = new ArrayList<>();
        for (String id : ids) {
            json.add("{\"id\":\"" + id + "\"}");
        }
        return "[" + String.join(",", json) + "]";
    }

    private static List<Object> ids(Object paginator) throws Exception {
        List<Object> ids = new ArrayList<>();
        for (Object item : (Paginator<?>) paginator) {
            ids.add(Feature.get(item, "id"));
        }
        return ids;
    }

    private static int requests() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    private void offsetPages() {
        server.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", absent()).willReturn(okJson(items("a", "b"))));
        server.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo("2")).willReturn(okJson(items("c", "d"))));
        server.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo("4")).willReturn(okJson(items("e"))));
    }

    @Test
    void detectedOffsetWalksThreePagesWithTheSpecsDefaultLimit() throws Exception {
        offsetPages();

        // the operation listItemsAll has the name listItems' paginator wanted
        assertThat(ids(call(paging, "listItemsAll2"))).containsExactly("a", "b", "c", "d", "e");

        assertThat(requests()).isEqualTo(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo("5")));
        assertThat(f.source("api/PagingApi.java"))
                .contains("PageStyle.offset(\"offset\", \"limit\").defaultSize(2).maxSize(50)")
                .contains("public Paginator<Item> listItemsAll2(ListItemsParams params)")
                .contains("public Paginator<Item> listItemsAll2()")
                .contains("public List<Item> listItemsAll()");
    }

    @Test
    void takingOneItemFetchesOnePageAndParamsStartTheWalk() throws Exception {
        offsetPages();
        Paginator<?> items = (Paginator<?>) call(paging, "listItemsAll2");
        assertThat(items.stream().limit(1).toList()).hasSize(1);
        assertThat(requests()).isEqualTo(1);

        Class<?> params = f.loader.loadClass("feature.api.ListItemsParams");
        Object builder = params.getMethod("builder").invoke(null);
        builder.getClass().getMethod("offset", Integer.class).invoke(builder, 2);
        builder.getClass().getMethod("sort", String.class).invoke(builder, "id");
        Object fromTwo = builder.getClass().getMethod("build").invoke(builder);
        assertThat(ids(call(paging, "listItemsAll2", fromTwo))).containsExactly("c", "d", "e");
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo("4"))
                .withQueryParam("sort", equalTo("id")));
    }

    @Test
    void anErrorOnPageTwoSaysPageTwo() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", absent()).willReturn(okJson(items("a", "b"))));
        server.stubFor(get(urlPathEqualTo("/v1/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(aResponse().withStatus(404)));

        Throwable thrown = catchThrowable(() -> ids(call(paging, "listItemsAll2")));

        assertThat(thrown).isInstanceOf(ApiException.class).hasMessageContaining("page 2 of GET /items");
        assertThat(((ApiException) thrown).status()).isEqualTo(404);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void detectedJsonApiPageNumbers() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/orders")).withQueryParam("page[number]", absent())
                .willReturn(okJson("{\"data\":" + items("a", "b") + "}")));
        server.stubFor(get(urlPathEqualTo("/v1/orders")).withQueryParam("page[number]", equalTo("2"))
                .willReturn(okJson("{\"data\":" + items("c", "d") + "}")));
        server.stubFor(get(urlPathEqualTo("/v1/orders")).withQueryParam("page[number]", equalTo("3"))
                .willReturn(okJson("{\"data\":" + items("e") + "}")));

        assertThat(ids(call(paging, "listOrdersAll"))).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests()).isEqualTo(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/orders")).withQueryParam("page[number]", equalTo("4")));
    }

    @Test
    void declaredCursor() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("after", absent())
                .willReturn(okJson("{\"events\":" + items("a") + ",\"meta\":{\"next\":\"e1\"}}")));
        server.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("after", equalTo("e1"))
                .willReturn(okJson("{\"events\":" + items("b") + ",\"meta\":{\"next\":\"e2\"}}")));
        server.stubFor(get(urlPathEqualTo("/v1/events")).withQueryParam("after", equalTo("e2"))
                .willReturn(okJson("{\"events\":" + items("c") + ",\"meta\":{}}")));

        assertThat(ids(call(paging, "listEventsAll"))).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void declaredNextLink() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/things")).withQueryParam("p", absent())
                .willReturn(okJson("{\"things\":" + items("a") + ",\"links\":{\"next\":\"/v1/things?p=2\"}}")));
        server.stubFor(get(urlPathEqualTo("/v1/things")).withQueryParam("p", equalTo("2"))
                .willReturn(okJson("{\"things\":" + items("b") + ",\"links\":{\"next\":\"things?p=3\"}}")));
        server.stubFor(get(urlPathEqualTo("/v1/things")).withQueryParam("p", equalTo("3"))
                .willReturn(okJson("{\"things\":" + items("c") + ",\"links\":{\"next\":null}}")));

        assertThat(ids(call(paging, "listThingsAll"))).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void detectedLinkHeaderSyncAndAsync() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/repos/acme")).withQueryParam("page", absent())
                .willReturn(okJson(items("a")).withHeader("Link", "</v1/repos/acme?page=2>; rel=\"next\"")));
        server.stubFor(get(urlPathEqualTo("/v1/repos/acme")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(items("b")).withHeader("Link", "</v1/repos/acme?page=3>; rel=\"next\"")));
        server.stubFor(get(urlPathEqualTo("/v1/repos/acme")).withQueryParam("page", equalTo("3"))
                .willReturn(okJson(items("c"))));

        assertThat(ids(call(paging, "listReposAll", "acme"))).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3);

        Object async = paging.getClass().getMethod("async").invoke(paging);
        AsyncPaginator<?> later = (AsyncPaginator<?>) call(async, "listReposAll", "acme");
        assertThat(later.toList().get(10, TimeUnit.SECONDS)).hasSize(3);
        assertThat(requests()).isEqualTo(6);
    }

    private static List<Object> totals(Object paginator) {
        List<Object> totals = new ArrayList<>();
        for (Page<?> page : ((Paginator<?>) paginator).pages()) {
            totals.add(page.totalCount());
        }
        return totals;
    }

    @Test
    void theTotalCountFromTheOnlyCandidateOrWhereTheSpecDeclaresIt() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/counted")).withQueryParam("offset", absent())
                .willReturn(okJson(items("a", "b")).withHeader("X-Total-Count", "5")));
        server.stubFor(get(urlPathEqualTo("/v1/counted")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(items("c", "d")).withHeader("X-Total-Count", "5")));
        server.stubFor(get(urlPathEqualTo("/v1/counted")).withQueryParam("offset", equalTo("4"))
                .willReturn(okJson(items("e")).withHeader("X-Total-Count", "5")));
        assertThat(totals(call(paging, "listCountedAll"))).containsExactly(OptionalLong.of(5), OptionalLong.of(5), OptionalLong.of(5));
        assertThat(requests()).isEqualTo(3);

        server.stubFor(get(urlPathEqualTo("/v1/tickets")).withQueryParam("after", absent())
                .willReturn(okJson("{\"tickets\":" + items("a") + ",\"meta\":{\"next\":\"t1\",\"total\":2}}")));
        server.stubFor(get(urlPathEqualTo("/v1/tickets")).withQueryParam("after", equalTo("t1"))
                .willReturn(okJson("{\"tickets\":" + items("b") + ",\"meta\":{\"total\":2}}")));
        assertThat(totals(call(paging, "listTicketsAll"))).containsExactly(OptionalLong.of(2), OptionalLong.of(2));

        server.stubFor(get(urlPathEqualTo("/v1/audits")).withQueryParam("page", absent())
                .willReturn(okJson(items("a", "b")).withHeader("X-Audit-Total", "3")));
        server.stubFor(get(urlPathEqualTo("/v1/audits")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(items("c")).withHeader("X-Audit-Total", "3")));
        assertThat(totals(call(paging, "listAuditsAll"))).containsExactly(OptionalLong.of(3), OptionalLong.of(3));
        assertThat(requests()).isEqualTo(7);

        String source = f.source("api/PagingApi.java");
        assertThat(source).contains("PageStyle.offset(\"offset\", \"limit\").defaultSize(2).totalCountHeader(\"X-Total-Count\")")
                .contains("PageStyle.cursor(\"after\", \"/meta/next\").items(\"/tickets\").totalCountAt(\"/meta/total\")")
                .contains("PageStyle.pageNumber(\"page\", \"per_page\").defaultSize(2).totalCountHeader(\"X-Audit-Total\")")
                // two candidates: no total rather than a guess
                .contains("PageStyle.nextLink(\"/next\").items(\"/reports\"),")
                .doesNotContain("totalCountHeader(\"X-Total-Count\").totalCountAt");
    }

    @Test
    void detectedStripeListsWalkAfterTheLastItemsIdWhileHasMoreIsTrue() throws Exception {
        String list = "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":%s,\"data\":%s}";
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", absent())
                .willReturn(okJson(list.formatted(true, items("cus_a", "cus_b")))));
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_b"))
                .willReturn(okJson(list.formatted(true, items("cus_c", "cus_d")))));
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_d"))
                .willReturn(okJson(list.formatted(false, items("cus_e", "cus_f")))));

        assertThat(ids(call(paging, "listCustomersAll"))).containsExactly("cus_a", "cus_b", "cus_c", "cus_d", "cus_e", "cus_f");
        assertThat(requests()).isEqualTo(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_f")));
        assertThat(f.source("api/PagingApi.java"))
                .contains("PageStyle.afterLast(\"starting_after\", \"/id\", \"/has_more\").items(\"/data\")");
    }

    @Test
    void declaredAfterLastWithItsOwnNames() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/ledger")).withQueryParam("after", absent())
                .willReturn(okJson("{\"entries\":[{\"key\":\"k1\"}],\"meta\":{\"more\":true}}")));
        server.stubFor(get(urlPathEqualTo("/v1/ledger")).withQueryParam("after", equalTo("k1"))
                .willReturn(okJson("{\"entries\":[{\"key\":\"k2\"}],\"meta\":{\"more\":true}}")));
        server.stubFor(get(urlPathEqualTo("/v1/ledger")).withQueryParam("after", equalTo("k2"))
                .willReturn(okJson("{\"entries\":[{\"key\":\"k3\"}],\"meta\":{}}")));

        List<Object> keys = new ArrayList<>();
        for (Object entry : (Paginator<?>) call(paging, "listLedgerAll")) {
            keys.add(Feature.get(entry, "key"));
        }

        assertThat(keys).containsExactly("k1", "k2", "k3");
        assertThat(requests()).isEqualTo(3);
        assertThat(f.source("api/PagingApi.java"))
                .contains("PageStyle.afterLast(\"after\", \"/key\", \"/meta/more\").items(\"/entries\")");
    }

    @Test
    void detectedGooglePageTokensWithTheBodysOnlyArrayAsTheItems() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/projects/p1/topics")).withQueryParam("pageToken", absent())
                .willReturn(okJson("{\"topics\":" + items("a", "b") + ",\"nextPageToken\":\"t2\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/projects/p1/topics")).withQueryParam("pageToken", equalTo("t2"))
                .willReturn(okJson("{\"topics\":" + items("c") + ",\"nextPageToken\":\"t3\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/projects/p1/topics")).withQueryParam("pageToken", equalTo("t3"))
                .willReturn(okJson("{\"topics\":" + items("d") + ",\"nextPageToken\":\"\"}")));

        assertThat(ids(call(paging, "listTopicsAll", "p1"))).containsExactly("a", "b", "c", "d");
        assertThat(requests()).isEqualTo(3);
        assertThat(f.source("api/PagingApi.java"))
                .contains("PageStyle.cursor(\"pageToken\", \"/nextPageToken\").items(\"/topics\")")
                .doesNotContain("listClustersAll");
    }

    @Test
    void azuresXMsPageableFollowsTheNextLinkAndItsNullMeansOnePage() throws Exception {
        String base = server.baseUrl();
        server.stubFor(get(urlPathEqualTo("/v1/vaults")).withQueryParam("page", absent())
                .willReturn(okJson("{\"value\":" + items("a", "b") + ",\"nextLink\":\"" + base
                        + "/v1/vaults?api-version=2024-01-01&page=2\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/vaults")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"value\":" + items("c") + ",\"nextLink\":\"" + base
                        + "/v1/vaults?api-version=2024-01-01&page=3\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/vaults")).withQueryParam("page", equalTo("3"))
                .willReturn(okJson("{\"value\":" + items("d") + "}")));

        assertThat(ids(call(paging, "listVaultsAll", "2024-01-01"))).containsExactly("a", "b", "c", "d");
        assertThat(requests()).isEqualTo(3);
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1/vaults")).withQueryParam("api-version", equalTo("2024-01-01")));
        assertThat(f.source("api/PagingApi.java")).contains("PageStyle.nextLink(\"/nextLink\").items(\"/value\")")
                .doesNotContain("listVaultUsagesAll");
    }

    @Test
    void noPaginatorWhereTheSpecSaysNoneOrNothingPages() {
        String source = f.source("api/PagingApi.java");
        assertThat(source).doesNotContain("listNotesAll").doesNotContain("listItemsAllAll");
        assertThat(f.source("api/PagingAsyncApi.java")).contains("public AsyncPaginator<Item> listItemsAll2()");
    }

    @Test
    void theOutputIsTheSameOnEveryRun() throws Exception {
        Path spec = dev.specwright.generator.TestSpecs.dir().resolve("features/pagination.yaml");
        List<String> again = new Generator().files(GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build())
                .stream().map(file -> file.path() + "\n" + file.content()).toList();
        assertThat(again).isEqualTo(f.files.stream().map(file -> file.path() + "\n" + file.content()).toList());
    }

    @Test
    void aBadDeclarationIsALocatedProblem(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), """
                openapi: 3.0.3
                info: {title: Bad, version: "1"}
                paths:
                  /things:
                    get:
                      operationId: listThings
                      x-pagination: {style: offset, offsetParam: skip, limit: 10, items: /things}
                      parameters:
                        - {name: offset, in: query, schema: {type: integer}}
                        - {name: limit, in: query, schema: {type: integer}}
                      responses:
                        "200":
                          description: ok
                          content:
                            application/json:
                              schema: {type: array, items: {type: string}}
                  /others:
                    get:
                      operationId: listOthers
                      x-pagination: {style: pages}
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
                  /totals:
                    get:
                      operationId: listTotals
                      x-pagination: {style: linkHeader, totalCount: X-Total-Count}
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
                """);

        Throwable thrown = catchThrowable(() -> new Generator().files(GeneratorOptions.builder(spec, dir.resolve("out")).build()));

        assertThat(thrown).isInstanceOf(SpecProblemsException.class);
        String message = thrown.getMessage();
        assertThat(message).contains("/paths/~1things/get/x-pagination/offsetParam").contains("\"skip\"")
                .contains("offset, limit")
                .contains("/paths/~1things/get/x-pagination/limit").contains("has no key limit")
                .contains("/paths/~1things/get/x-pagination/items").contains("\"/things\" does not lead to an array")
                .contains("/paths/~1others/get/x-pagination/style").contains("afterLast, cursor, linkHeader, nextLink, offset, page")
                .contains("/paths/~1totals/get/x-pagination/totalCount").contains("header:X-Total-Count");
    }
}
