package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    private static String path(Object sku) {
        return ApiRequest.builder("GET", "/products/{sku}/stock").pathParam("sku", sku).build().path();
    }

    @Test
    void encodesAPathParameterAsExactlyOneSegment() {
        assertThat(path("../admin")).isEqualTo("/products/..%2Fadmin/stock");
        assertThat(path("a b")).isEqualTo("/products/a%20b/stock");
        assertThat(path("é€")).isEqualTo("/products/%C3%A9%E2%82%AC/stock");
        assertThat(path("a?b#c;d")).isEqualTo("/products/a%3Fb%23c%3Bd/stock");
        assertThat(path("..")).isEqualTo("/products/%2E%2E/stock");
        assertThat(path(42)).isEqualTo("/products/42/stock");
    }

    @Test
    void refusesMissingEmptyAndUnknownPathParameters() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/products/{sku}").build())
                .hasMessageContaining("pathParam(\"sku\", value)");
        assertThatThrownBy(() -> path(""))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/products").pathParam("sku", "a").build())
                .hasMessageContaining("no placeholder");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/products/{sku}").pathParam("sku", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsListsSkipsNullsAndRepeatsNames() {
        ApiRequest request = ApiRequest.builder("GET", "/products")
                .query("includeFields", List.of("sku", "stock"))
                .query("excludeFields", new String[] {"title", null})
                .query("absent", null)
                .query("empty", List.of())
                .query("tag", "a,b")
                .query("tag", "c")
                .query("since", OffsetDateTime.of(2019, 6, 5, 6, 58, 0, 0, ZoneOffset.UTC))
                .build();

        assertThat(request.query()).isEqualTo("includeFields=sku,stock&excludeFields=title&tag=a%2Cb&tag=c"
                + "&since=2019-06-05T06%3A58%3A00Z");
    }

    @Test
    void refusesABodyOnGet() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/products").jsonBody(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /products cannot have a body");
    }

    @Test
    void refusesCrLfInAHeaderWithoutEchoingTheValue() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").header("X-Request-Id", "1\r\nAuthorization: x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Request-Id")
                .hasMessageContaining("CR or LF")
                .hasMessageNotContaining("Authorization");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").header("Bad Name", "v"))
                .hasMessageContaining("not an RFC 7230 token");
    }

    @Test
    void skipsNullHeadersAndLetsTheLastValueWin() {
        ApiRequest request = ApiRequest.builder("GET", "/x").header("X-A", null).header("X-B", "1").header("x-b", 2)
                .build();

        assertThat(request.headers()).containsExactly(entry("x-b", "2"));
    }

    @Test
    void showsOnlyMethodAndPathTemplate() {
        ApiRequest request = ApiRequest.builder("PUT", "/users/{id}").pathParam("id", "jane.doe@example.com")
                .query("token", "t0k3n").header("X-Secret", "s3cr3t").jsonBody(List.of("body")).build();

        assertThat(request).hasToString("ApiRequest[PUT /users/{id}]");
    }

    @Test
    void refusesTemplateTextThatIsNotALegalPath() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/a b/{id}"))
                .hasMessageContaining("percent-encode it in the template");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "products")).hasMessageContaining("must start with '/'");
    }

    @Test
    void sendsTheIdempotencyKeyAsAHeaderAndKnowsItWhicheverWayItWasSet() {
        ApiRequest keyed = ApiRequest.builder("POST", "/orders").idempotencyKey("order-1").build();
        ApiRequest byHeader = ApiRequest.builder("POST", "/orders").header("idempotency-key", "order-2").build();

        assertThat(keyed.headers()).containsExactly(entry("Idempotency-Key", "order-1"));
        assertThat(keyed.idempotencyKey()).contains("order-1");
        assertThat(byHeader.idempotencyKey()).contains("order-2");
        assertThat(ApiRequest.builder("POST", "/orders").build().idempotencyKey()).isEmpty();
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/orders").idempotencyKey(" "))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/orders").idempotencyKey("a\r\nX-Injected: 1"))
                .hasMessageContaining("line break");
    }

    @Test
    void carriesPerCallTimeoutAndRetryOptIn() {
        ApiRequest request = ApiRequest.builder("POST", "/orders").timeout(Duration.ofSeconds(2))
                .retryNonIdempotent(true).build();

        assertThat(request.timeout()).contains(Duration.ofSeconds(2));
        assertThat(request.retryNonIdempotent()).isTrue();
        assertThat(ApiRequest.builder("POST", "/orders").build().retryNonIdempotent()).isFalse();
        assertThat(ApiRequest.builder("POST", "/orders").build().timeout()).isEmpty();
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").timeout(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void explodedArraysRepeatTheParameterAndCommaStyleJoinsIt() {
        ApiRequest request = ApiRequest.builder("GET", "/pets")
                .queryEach("status", java.util.List.of("available", "sold out"))
                .query("fields", java.util.List.of("a", "b"))
                .queryEach("none", null)
                .build();
        org.assertj.core.api.Assertions.assertThat(request.query()).isEqualTo("status=available&status=sold%20out&fields=a,b");
    }

    @Test
    void pipeAndSpaceDelimitedArraysJoinTheWireFormOfEachElement() {
        java.util.List<Object> at = new java.util.ArrayList<>(java.util.List.of(java.time.OffsetDateTime.parse("2024-01-31T12:00:00Z")));
        at.add(null);
        ApiRequest request = ApiRequest.builder("GET", "/pets")
                .queryJoined("ids", java.util.List.of(1, 2, 3), "|")
                .queryJoined("at", at, " ")
                .queryJoined("tags", java.util.List.of("a|b", "c"), "|")
                .queryJoined("none", java.util.List.of(), "|")
                .queryJoined("missing", null, " ")
                .build();
        assertThat(request.query()).isEqualTo("ids=1%7C2%7C3&at=2024-01-31T12%3A00%3A00Z&tags=a%7Cb%7Cc");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").queryJoined("ids", java.util.List.of(1), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pipeDelimited");
    }

    @Test
    void refusesEveryKindOfBodyOnGet() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").formField("a", null).build())
                .hasMessageContaining("GET /x cannot have a body").hasMessageContaining("send the data as query parameters");
        assertThatThrownBy(() -> ApiRequest.builder("HEAD", "/x").part("a", 1).build())
                .hasMessageContaining("HEAD /x cannot have a body");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").textBody("t", "text/plain").build())
                .hasMessageContaining("GET /x cannot have a body");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").binaryBody(Binary.of(new byte[0]), null).build())
                .hasMessageContaining("GET /x cannot have a body");
    }

    @Test
    void refusesFieldAndPartNamesThatCannotBeSent() {
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").formField("", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("form field name is empty; use the property name the operation's schema gives");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").part(null, 1))
                .hasMessageContaining("part name is empty; use the property name");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").part("a\r\nContent-Type: text/html", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains a line break (CR or LF), which would inject part headers; remove it")
                .hasMessageContaining("a\\u000d\\u000aContent-Type");
    }

    @Test
    void refusesAWholeFormOrMultipartBodyThatIsNotAnObject() {
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").formFields("a=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formFields(...) got java.lang.String: a form body must be an object or a map")
                .hasMessageContaining("add single fields with formField(name, value)");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").formFields(List.of(1)))
                .hasMessageContaining("a form body must be an object or a map");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").parts(new int[] {1}))
                .hasMessageContaining("parts(...) got [I: a multipart body must be an object or a map")
                .hasMessageContaining("add single parts with part(name, value)");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x")
                .parts(TextNode.valueOf("a")))
                .hasMessageContaining("a multipart body must be an object or a map");
    }

    @Test
    void refusesBinaryAndTextBodyTypesThatAreNotMediaTypes() {
        Binary content = Binary.of(new byte[0]);

        assertThatThrownBy(() -> ApiRequest.builder("PUT", "/x").binaryBody(null, "image/png"))
                .hasMessageContaining("binaryBody is null; leave binaryBody(...) out to send no body");
        assertThatThrownBy(() -> ApiRequest.builder("PUT", "/x").binaryBody(content, "png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declared content type \"png\" is not a media type; use type/subtype");
        assertThatThrownBy(() -> ApiRequest.builder("PUT", "/x").textBody(null, "text/plain"))
                .hasMessageContaining("textBody is null; leave textBody(...) out to send no body");
        assertThatThrownBy(() -> ApiRequest.builder("PUT", "/x").textBody("t", "csv"))
                .hasMessageContaining("text body content type \"csv\" is not a media type; use type/subtype");
        assertThatThrownBy(() -> ApiRequest.builder("PUT", "/x").textBody("t", "text/plain; charset=klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names charset \"klingon\", which this JVM does not support; leave the charset"
                        + " out to send UTF-8");
        // the Binary's own type is used; the declared one is not even looked at then
        assertThat(((RequestBody.Upload) ApiRequest.builder("PUT", "/x")
                .binaryBody(content.withContentType("image/png"), "png").build().body()).contentType())
                .isEqualTo("image/png");
    }

    @Test
    void refusesACookieNameThatIsNotAToken() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").cookie("my cookie", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cookie name \"my cookie\" is not an RFC 7230 token; use only letters, digits and")
                .hasMessageContaining("the value may hold anything: it is percent-encoded");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").cookie("a=b", "v"))
                .hasMessageContaining("is not an RFC 7230 token");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").cookie(null, "v"))
                .hasMessageContaining("cookie name \"null\" is not an RFC 7230 token");
    }

    @Test
    void putsCookiesIntoTheCookieHeaderAfterAnExplicitOne() {
        ApiRequest request = ApiRequest.builder("GET", "/x").cookie("a", "1").header("cookie", "b=2").cookie("c", 3)
                .build();

        assertThat(request.headers()).containsExactly(entry("Cookie", "b=2; a=1; c=3"));
    }

    @Test
    void refusesADeepObjectThatIsNotAnObjectAndSaysWhatToUse() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").queryDeep("filter", "status=open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deepObject query parameter filter got java.lang.String (a JSON STRING): it must"
                        + " be an object or a map; send a single value or a list with query(name, value)");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").queryDeep("filter", List.of(1)))
                .hasMessageContaining("(a JSON ARRAY): it must be an object or a map");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").queryDeep("", Map.of()))
                .hasMessageContaining("query parameter name is empty");
    }

    @Test
    void expandsADeepObjectWhenTheRequestIsBuilt() {
        ApiRequest request = ApiRequest.builder("GET", "/x")
                .queryDeep("f", JsonNodeFactory.instance.objectNode()
                        .put("a b", "c&d").putNull("n"))
                .build();

        assertThat(request.query()).isEqualTo("f%5Ba%20b%5D=c%26d");
    }
}
