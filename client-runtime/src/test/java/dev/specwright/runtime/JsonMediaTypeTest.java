package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON bodies with their own media type ({@code application/vnd.api+json}), sent exactly as named, and the OAuth 2.0
 * token request written as JSON: what a real HTTPS server on loopback receives.
 */
class JsonMediaTypeTest {

    private static final String JSON_API = "application/vnd.api+json";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    /** A body whose JSON has one order: a record's components are written in declaration order. */
    record Resource(String type, String id) {}

    private ApiClient client(Credentials credentials) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl()))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(credentials)
                .build(), ErrorDecoder.DEFAULT);
    }

    @Test
    void aJsonBodyWithAMediaTypeGoesOutWithExactlyThatTypeAndNoCharset() {
        server.stubFor(any(anyUrl()).willReturn(ok()));
        client(Credentials.none()).send(ApiRequest.builder("PATCH", "/api/orders/1").header("Accept", JSON_API)
                .jsonBody(Map.of("data", new Resource("orders", "1")), JSON_API).build());

        LoggedRequest request = server.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo(JSON_API);
        assertThat(request.getHeader("Accept")).isEqualTo(JSON_API);
        assertThat(request.getBodyAsString()).isEqualTo("{\"data\":{\"type\":\"orders\",\"id\":\"1\"}}");
    }

    @Test
    void aPlainJsonBodyKeepsTheDefaultType() {
        server.stubFor(any(anyUrl()).willReturn(ok()));
        client(Credentials.none()).send(ApiRequest.builder("POST", "/x").jsonBody(List.of(1)).build());
        assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Content-Type"))
                .isEqualTo("application/json; charset=UTF-8");
    }

    @Test
    void aJsonBodyMediaTypeThatIsNotJsonOrNotAMediaTypeIsRefusedWithWhatToUse() {
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").jsonBody(Map.of(), "text/csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON type")
                .hasMessageContaining("application/vnd.api+json");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").jsonBody(Map.of(), "json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a media type");
        assertThatThrownBy(() -> ApiRequest.builder("POST", "/x").jsonBody(Map.of(), "application/json\r\nX: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }

    @Test
    void aJsonTokenRequestSendsTheGrantAndTheClientInOneJsonObjectAndNoBasicHeader() {
        server.stubFor(post("/oauth2-token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"access_token\":\"t0k3n\",\"expires_in\":3600}")));
        server.stubFor(any(urlPathEqualTo("/api/orders")).willReturn(ok()));
        OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder()
                .tokenUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/oauth2-token"))
                .clientId("shop-client").clientSecret("s3cr3t").jsonTokenRequest(true)
                .sslContext(TestTls.trustingLocalhost()).build();
        ApiClient client = client(Credentials.builder().authenticator(oauth).build());

        client.send(ApiRequest.builder("GET", "/api/orders").build());
        client.send(ApiRequest.builder("GET", "/api/orders").build());

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"shop-client\","
                        + "\"client_secret\":\"s3cr3t\"}")));
        assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/api/orders"))))
                .extracting(r -> r.getHeader("Authorization")).containsExactly("Bearer t0k3n", "Bearer t0k3n");
        assertThat(oauth.toString()).doesNotContain("s3cr3t").doesNotContain("t0k3n");
    }
}
