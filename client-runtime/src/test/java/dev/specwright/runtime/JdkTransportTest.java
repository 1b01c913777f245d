package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Transport#of(HttpClient)}: a user's own JDK client, on the wire, and never one that follows redirects. */
class JdkTransportTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @Test
    void aClientThatFollowsRedirectsIsRefusedSayingHowToBuildOne() {
        for (HttpClient.Redirect redirect : new HttpClient.Redirect[] {HttpClient.Redirect.NORMAL, HttpClient.Redirect.ALWAYS}) {
            HttpClient following = HttpClient.newBuilder().followRedirects(redirect).build();
            assertThatThrownBy(() -> Transport.of(following)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("follows redirects (" + redirect + ")")
                    .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
        }
    }

    @Test
    void theUsersOwnClientCarriesTheCallsAndTheRuntimeStillChecksRedirects() {
        server.stubFor(get(urlPathEqualTo("/api/old")).willReturn(temporaryRedirect("/api/new")));
        server.stubFor(get(urlPathEqualTo("/api/new")).willReturn(okJson("{\"ok\":true}")));
        HttpClient own = HttpClient.newBuilder().sslContext(TestTls.trustingLocalhost()).build(); // NEVER by default
        ApiClient client = new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .credentials(Credentials.builder().bearer("token-1").build())
                .transport(Transport.of(own))
                .build(), ErrorDecoder.DEFAULT);

        JsonNode answer = client.send(ApiRequest.builder("GET", "/old").build(), JsonNode.class);

        assertThat(answer.path("ok").asBoolean()).isTrue();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/old")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/new")));
    }
}
