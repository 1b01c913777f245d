package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Paginator} and {@code AsyncPaginator} over HTTPS, one test per style: three pages walked and the fourth never
 * requested (WireMock's journal), lazy, an error on page 2 said to be on page 2 with its type kept, retries per page.
 */
class PaginatorTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    record Item(String id) {}

    /** What a decoder of a generated client gives: a typed exception under ApiException. */
    static final class NotFound extends ApiException {
        NotFound(HttpFailure failure) {
            super(ApiException.describe(failure, "not found"), failure);
        }
    }

    private final VirtualTime time = new VirtualTime();

    private ApiClient client(RetryPolicy retries) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().bearer("secret-token-1").build())
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .retryPolicy(retries)
                .build(), (failure, mapper) -> failure.status() == 404 ? new NotFound(failure) : ErrorDecoder.DEFAULT.decode(failure, mapper));
    }

    private ApiClient client() {
        return client(RetryPolicy.none());
    }

    private static String items(String... ids) {
        StringBuilder out = new StringBuilder("[");
        for (String id : ids) {
            out.append(out.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\"}");
        }
        return out.append("]").toString();
    }

    private static List<String> ids(Iterable<Item> items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.id()));
        return ids;
    }

    private static int requests() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    private void offsetPages() {
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", absent())
                .willReturn(okJson(items("a", "b"))));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(items("c", "d"))));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("4"))
                .willReturn(okJson(items("e"))));
    }

    private static ApiRequest list(int limit) {
        return ApiRequest.builder("GET", "/items").query("limit", limit).query("sort", "id").build();
    }

    @Test
    void offsetWalksThreePagesAndNeverAsksForTheFourth() {
        offsetPages();

        Paginator<Item> items = Paginator.of(client(), list(2), PageStyle.offset("offset", "limit"), Item.class);

        assertThat(ids(items)).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests()).isEqualTo(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("5")));
        // the other parameters stay as they were, in their order
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("4"))
                .withQueryParam("limit", equalTo("2")).withQueryParam("sort", equalTo("id")));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/items"))).get(1).getUrl())
                .isEqualTo("/api/items?limit=2&sort=id&offset=2");
    }

    @Test
    void takingOneItemFetchesOnePage() {
        offsetPages();
        Paginator<Item> items = Paginator.of(client(), list(2), PageStyle.offset("offset", "limit"), Item.class);

        assertThat(items.stream().limit(1).map(Item::id).toList()).containsExactly("a");
        assertThat(requests()).isEqualTo(1);
        assertThat(items.stream().limit(3).map(Item::id).toList()).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3); // a new walk: page 1 again, then page 2
        assertThat(items.iterator().hasNext()).isTrue();
        assertThat(requests()).isEqualTo(4);
    }

    @Test
    void pagesAreWalkedOneByOneAndTellWhetherMoreFollowWithoutAsking() {
        offsetPages();
        Paginator<Item> items = Paginator.of(client(), list(2), PageStyle.offset("offset", "limit"), Item.class);

        Page<Item> first = items.firstPage();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.response().status()).isEqualTo(200);
        assertThat(requests()).isEqualTo(1);
        List<Integer> sizes = items.pageStream().map(p -> p.items().size()).toList();
        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void theSpecsDefaultSizeEndsTheWalkWhenTheRequestSendsNone() {
        offsetPages();
        ApiRequest noLimit = ApiRequest.builder("GET", "/items").build();

        Paginator<Item> items = Paginator.of(client(), noLimit, PageStyle.offset("offset", "limit").defaultSize(2), Item.class);

        assertThat(ids(items)).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aServerCappingTheSizeAtItsMaximumStillHasItsPagesWalked() {
        offsetPages(); // pages of 2 whatever is asked: this server's maximum is 2

        Paginator<Item> capped = Paginator.of(client(), list(50), PageStyle.offset("offset", "limit").maxSize(2), Item.class);
        assertThat(ids(capped)).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests()).isEqualTo(3);

        // without the maximum, the first page of 2 looks short for 50 asked: the walk ends there
        Paginator<Item> unaware = Paginator.of(client(), list(50), PageStyle.offset("offset", "limit"), Item.class);
        assertThat(ids(unaware)).containsExactly("a", "b");
    }

    @Test
    void anErrorOnPageTwoSaysPageTwoAndKeepsItsType() {
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", absent()).willReturn(okJson(items("a", "b"))));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"gone\"}")));
        Paginator<Item> items = Paginator.of(client(), list(2), PageStyle.offset("offset", "limit"), Item.class);
        List<String> seen = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> items.forEach(i -> seen.add(i.id())));

        assertThat(thrown).isInstanceOf(NotFound.class).hasMessageContaining("page 2 of GET /items")
                .hasMessageContaining("404");
        assertThat(((ApiException) thrown).status()).isEqualTo(404);
        assertThat(seen).containsExactly("a", "b");
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void eachPageIsRetriedLikeAnyCall() {
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", absent()).willReturn(okJson(items("a", "b"))));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("2")).inScenario("retry")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("2")).inScenario("retry")
                .whenScenarioStateIs("ok").willReturn(okJson(items("c"))));

        Paginator<Item> items = Paginator.of(client(RetryPolicy.defaults()), list(2), PageStyle.offset("offset", "limit"), Item.class);

        assertThat(ids(items)).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3); // page 1, page 2 twice
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void pageNumbersAsJsonApiNamesThem() {
        RequestPatternBuilder page = getRequestedFor(urlPathEqualTo("/api/orders"));
        server.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", absent())
                .willReturn(okJson("{\"data\":" + items("a", "b") + "}")));
        server.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", equalTo("2"))
                .willReturn(okJson("{\"data\":" + items("c", "d") + "}")));
        server.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", equalTo("3"))
                .willReturn(okJson("{\"data\":" + items("e") + "}")));
        ApiRequest first = ApiRequest.builder("GET", "/orders").query("page[size]", 2).build();

        Paginator<Item> orders = Paginator.of(client(), first, PageStyle.pageNumber("page[number]", "page[size]").items("/data"),
                Item.class);

        assertThat(ids(orders)).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests()).isEqualTo(3);
        server.verify(0, page.withQueryParam("page[number]", equalTo("4")));
        server.verify(1, page.withQueryParam("page[number]", equalTo("3")).withQueryParam("page[size]", equalTo("2")));
    }

    record Document(List<Item> data, Map<String, Integer> meta) {}

    record Strict(String data) {}

    @Test
    void aPagesWholeBodyIsReadAsItsDocumentTypeAndABadTypeSaysWhichPage() {
        server.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(okJson("{\"data\":" + items("a") + ",\"meta\":{\"total\":7}}")));
        Paginator<Item> orders = Paginator.of(client(), ApiRequest.builder("GET", "/orders").build(),
                PageStyle.pageNumber("page[number]", "page[size]").defaultSize(2).items("/data"), Item.class);

        Page<Item> page = orders.firstPage();

        assertThat(page.document(Document.class)).isEqualTo(new Document(List.of(new Item("a")), Map.of("total", 7)));
        assertThat(page.document(new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}))
                .containsKeys("data", "meta");
        assertThatThrownBy(() -> page.document(Strict.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("page 1: its body cannot be read as " + Strict.class.getName())
                .hasMessageNotContaining("\"a\"");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void theTotalCountFromAHeaderOrTheBodyAndEmptyWhereTheAnswerGivesNoneOrNoWholeNumber() {
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", absent())
                .willReturn(okJson(items("a", "b")).withHeader("X-Total-Count", "5")));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(items("c", "d")).withHeader("X-Total-Count", "many")));
        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("4")).willReturn(okJson(items("e"))));
        Paginator<Item> byHeader = Paginator.of(client(), list(2),
                PageStyle.offset("offset", "limit").totalCountHeader("x-total-count"), Item.class);

        assertThat(byHeader.pageStream().map(Page::totalCount).toList()).containsExactly(
                java.util.OptionalLong.of(5), java.util.OptionalLong.empty(), java.util.OptionalLong.empty());
        assertThat(requests()).isEqualTo(3);

        server.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", absent())
                .willReturn(okJson("{\"data\":" + items("a") + ",\"meta\":{\"total\":3}}")));
        server.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", equalTo("2"))
                .willReturn(okJson("{\"data\":" + items("b") + ",\"meta\":{\"total\":\"3\"}}")));
        server.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("page[number]", equalTo("3"))
                .willReturn(okJson("{\"data\":" + items("c") + ",\"meta\":{\"total\":-1}}")));
        PageStyle inBody = PageStyle.pageNumber("page[number]", "page[size]").items("/data").totalCountAt("/meta/total");
        Paginator<Item> byBody = Paginator.of(client(), ApiRequest.builder("GET", "/orders").query("page[size]", 1).build(),
                inBody, Item.class);
        List<Page<Item>> pages = byBody.pageStream().limit(3).toList();
        assertThat(pages).extracting(Page::totalCount).containsExactly(
                java.util.OptionalLong.of(3), java.util.OptionalLong.of(3), java.util.OptionalLong.empty());
        assertThat(pages.get(0)).hasToString("Page[number=1, items=1, hasNext=true, totalCount=3]");
        assertThat(inBody).hasToString("PageStyle.pageNumber(page[number], page[size]).items(/data).totalCountAt(/meta/total)");

        assertThatThrownBy(() -> PageStyle.linkHeader().totalCountAt("meta")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totalPointer \"meta\" is not a JSON Pointer");
        assertThatThrownBy(() -> PageStyle.linkHeader().totalCountHeader(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Total-Count");
    }

    private static String stripeList(boolean hasMore, String... ids) {
        return "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":" + hasMore + ",\"data\":" + items(ids) + "}";
    }

    @Test
    void afterTheLastItemsIdWhileTheBodySaysMoreFollowAsStripePages() {
        server.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", absent())
                .willReturn(okJson(stripeList(true, "cus_1", "cus_2"))));
        server.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", equalTo("cus_2"))
                .willReturn(okJson(stripeList(true, "cus_3", "cus_4"))));
        server.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", equalTo("cus_4"))
                .willReturn(okJson(stripeList(false, "cus_5", "cus_6"))));
        PageStyle stripe = PageStyle.afterLast("starting_after", "/id", "/has_more").items("/data");
        Paginator<Item> customers = Paginator.of(client(), ApiRequest.builder("GET", "/customers").query("limit", 2).build(),
                stripe, Item.class);

        // a full last page ends the walk too: has_more is false
        assertThat(ids(customers)).containsExactly("cus_1", "cus_2", "cus_3", "cus_4", "cus_5", "cus_6");
        assertThat(requests()).isEqualTo(3);
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", equalTo("cus_6")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", equalTo("cus_4"))
                .withQueryParam("limit", equalTo("2")));
        assertThat(stripe).hasToString("PageStyle.afterLast(starting_after from the last item's /id while /has_more).items(/data)");
    }

    @Test
    void afterLastStopsWithAnErrorWhenMoreFollowButNoIdSaysWhereOrTheIdRepeats() {
        server.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", absent())
                .willReturn(okJson(stripeList(true, "cus_1"))));
        server.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("starting_after", equalTo("cus_1"))
                .willReturn(okJson(stripeList(true, "cus_1"))));
        server.stubFor(get(urlPathEqualTo("/api/empty")).willReturn(okJson(stripeList(true))));
        PageStyle stripe = PageStyle.afterLast("starting_after", "/id", "/has_more").items("/data");

        assertThatThrownBy(() -> ids(Paginator.of(client(), ApiRequest.builder("GET", "/customers").build(), stripe, Item.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("page 2 of GET /customers")
                .hasMessageContaining("loop");
        assertThatThrownBy(() -> ids(Paginator.of(client(), ApiRequest.builder("GET", "/empty").build(), stripe, Item.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("page 1 of GET /empty")
                .hasMessageContaining("no last item with an id at \"/id\"");
        assertThat(requests()).isEqualTo(3);
        assertThatThrownBy(() -> PageStyle.afterLast("starting_after", "id", "/has_more"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemId \"id\" is not a JSON Pointer");
    }

    @Test
    void aCursorFromTheBodyUntilTheBodyGivesNone() {
        server.stubFor(get(urlPathEqualTo("/api/events")).withQueryParam("cursor", absent())
                .willReturn(okJson("{\"items\":" + items("a") + ",\"meta\":{\"next\":\"c2\"}}")));
        server.stubFor(get(urlPathEqualTo("/api/events")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(okJson("{\"items\":" + items("b") + ",\"meta\":{\"next\":\"c/3 +\"}}")));
        server.stubFor(get(urlPathEqualTo("/api/events")).withQueryParam("cursor", equalTo("c/3 +"))
                .willReturn(okJson("{\"items\":" + items("c") + ",\"meta\":{\"next\":null}}")));
        ApiRequest first = ApiRequest.builder("GET", "/events").build();

        Paginator<Item> events = Paginator.of(client(), first, PageStyle.cursor("cursor", "/meta/next").items("/items"), Item.class);

        assertThat(ids(events)).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aCursorThatRepeatsIsAnErrorNotALoop() {
        server.stubFor(get(urlPathEqualTo("/api/events")).withQueryParam("cursor", absent())
                .willReturn(okJson("{\"items\":" + items("a") + ",\"next\":\"c2\"}")));
        server.stubFor(get(urlPathEqualTo("/api/events")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(okJson("{\"items\":" + items("b") + ",\"next\":\"c2\"}")));
        Paginator<Item> events = Paginator.of(client(), ApiRequest.builder("GET", "/events").build(),
                PageStyle.cursor("cursor", "/next").items("/items"), Item.class);

        assertThatThrownBy(() -> ids(events)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("page 2 of GET /events").hasMessageContaining("loop");
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void nextLinksInTheBodyRelativeOrAbsolute() {
        String base = server.getRuntimeInfo().getHttpsBaseUrl();
        server.stubFor(get(urlPathEqualTo("/api/things")).withQueryParam("page", absent())
                .willReturn(okJson("{\"items\":" + items("a") + ",\"links\":{\"next\":\"/api/things?page=2&x=%2F\"}}")));
        server.stubFor(get(urlPathEqualTo("/api/things")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"items\":" + items("b") + ",\"links\":{\"next\":\"" + base + "/api/things?page=3\"}}")));
        server.stubFor(get(urlPathEqualTo("/api/things")).withQueryParam("page", equalTo("3"))
                .willReturn(okJson("{\"items\":" + items("c") + ",\"links\":{\"next\":null}}")));
        ApiRequest first = ApiRequest.builder("GET", "/things").header("Accept", "application/vnd.api+json").build();

        Paginator<Item> things = Paginator.of(client(), first, PageStyle.nextLink("/links/next").items("/items"), Item.class);

        assertThat(ids(things)).containsExactly("a", "b", "c");
        assertThat(requests()).isEqualTo(3);
        // the first request's headers go with every page
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/things")).withHeader("Accept", equalTo("application/vnd.api+json"))
                .withHeader("Authorization", equalTo("Bearer secret-token-1")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/things")).withQueryParam("x", equalTo("/")));
    }

    @Test
    void theLinkHeaderOfRfc8288() {
        server.stubFor(get(urlPathEqualTo("/api/repos")).withQueryParam("page", absent())
                .willReturn(okJson(items("a", "b")).withHeader("Link",
                        "</api/repos?page=2>; rel=\"next\", </api/repos?page=3>; rel=\"last\"")));
        server.stubFor(get(urlPathEqualTo("/api/repos")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(items("c")).withHeader("Link", "</api/repos?page=1>; rel=\"prev first\"",
                        "</api/repos?page=3>; REL=\"last next\"")));
        server.stubFor(get(urlPathEqualTo("/api/repos")).withQueryParam("page", equalTo("3"))
                .willReturn(okJson(items("d")).withHeader("Link", "</api/repos?page=2>; rel=prev")));

        Paginator<Item> repos = Paginator.of(client(), ApiRequest.builder("GET", "/repos").build(), PageStyle.linkHeader(), Item.class);

        assertThat(ids(repos)).containsExactly("a", "b", "c", "d");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aLinkToAnotherOriginIsNeverFollowed() {
        server.stubFor(get(urlPathEqualTo("/api/repos")).willReturn(okJson(items("a"))
                .withHeader("Link", "<https://evil.example/api/repos?page=2>; rel=\"next\"")));
        Paginator<Item> repos = Paginator.of(client(), ApiRequest.builder("GET", "/repos").build(), PageStyle.linkHeader(), Item.class);

        assertThatThrownBy(repos::firstPage).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("page 1 of GET /repos").hasMessageContaining("evil.example")
                .hasMessageContaining("credentials");
        server.stubFor(get(urlPathEqualTo("/api/repos")).willReturn(okJson(items("a"))
                .withHeader("Link", "</other/repos?page=2>; rel=\"next\"")));
        assertThatThrownBy(repos::firstPage).isInstanceOf(IllegalStateException.class).hasMessageContaining("/other/repos");
    }

    @Test
    void asyncWalksThePagesOneAfterAnotherAndSaysWhichPageFailed() throws Exception {
        offsetPages();
        AsyncPaginator<Item> items = AsyncPaginator.of(client(), list(2), PageStyle.offset("offset", "limit"), Item.class);

        assertThat(items.toList().get(10, TimeUnit.SECONDS).stream().map(Item::id)).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests()).isEqualTo(3);
        Page<Item> first = items.firstPage().get(10, TimeUnit.SECONDS);
        assertThat(requests()).isEqualTo(4);
        assertThat(items.nextPage(first).get(10, TimeUnit.SECONDS).items()).containsExactly(new Item("c"), new Item("d"));

        server.stubFor(get(urlPathEqualTo("/api/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(aResponse().withStatus(404)));
        List<Integer> pages = new ArrayList<>();
        CompletableFuture<Void> walk = items.forEachPage(p -> pages.add(p.number()));
        Throwable failure = catchThrowable(() -> walk.get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotFound.class)
                .hasMessageContaining("page 2 of GET /items");
        assertThat(pages).containsExactly(1);
    }

    @Test
    void genericItemsAndStyleArgumentsThatSayWhatToDo() {
        server.stubFor(get(urlPathEqualTo("/api/items")).willReturn(okJson(items("a"))));
        Paginator<Map<String, Object>> maps = Paginator.of(client(), list(5), PageStyle.offset("offset", "limit"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(maps.stream().toList()).containsExactly(Map.of("id", "a"));

        assertThatThrownBy(() -> PageStyle.offset(" ", "limit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query parameter");
        assertThatThrownBy(() -> PageStyle.cursor("c", "meta.next")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> PageStyle.linkHeader().defaultSize(10)).isInstanceOf(IllegalStateException.class);
    }
}
