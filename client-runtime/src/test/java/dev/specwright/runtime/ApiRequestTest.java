package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
}
