package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plain HTTP, which only a loopback host gets and only when the builder asked for it. */
class PlainHttpLoopbackTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void reachesALoopbackServerWithTheOptIn() {
        server.stubFor(get(urlEqualTo("/status")).willReturn(okJson("{\"ok\":true}")));
        ClientOptions options = ClientOptions.builder()
                .baseUri(URI.create("http://127.0.0.1:" + server.getPort()))
                .allowPlainHttpToLoopback(true)
                .build();

        Map<String, Object> status = new ApiClient(options, ErrorDecoder.DEFAULT)
                .send(ApiRequest.builder("GET", "/status").build(), new TypeReference<Map<String, Object>>() {});

        assertThat(status).containsEntry("ok", true);
        server.verify(getRequestedFor(urlEqualTo("/status")));
    }

    @Test
    void reportsARefusedConnectionAsATransportException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ClientOptions options = ClientOptions.builder()
                .baseUri(URI.create("http://127.0.0.1:" + closedPort))
                .allowPlainHttpToLoopback(true)
                .build();
        ApiClient client = new ApiClient(options, ErrorDecoder.DEFAULT);

        assertThatThrownBy(() -> client.send(ApiRequest.builder("GET", "/status").query("q", 1).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/status could not connect");
    }
}
