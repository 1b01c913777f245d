package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy selector and the executor given on the builder are the ones the HTTP client uses. */
class ProxyAndExecutorTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @BeforeEach
    void stub() {
        server.stubFor(get(urlPathEqualTo("/api/thing")).willReturn(okJson("\"hello\"")));
    }

    private ClientOptions.Builder options() {
        return ClientOptions.builder()
                .baseUri(server.getRuntimeInfo().getHttpsBaseUrl() + "/api")
                .sslContext(TestTls.trustingLocalhost());
    }

    @Test
    void theProxySelectorIsAskedForEveryRequest() {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector direct = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
        };

        String answer = new ApiClient(options().proxy(direct).build(), ErrorDecoder.DEFAULT)
                .send(ApiRequest.builder("GET", "/thing").build(), String.class);

        assertThat(answer).isEqualTo("hello");
        assertThat(asked).isNotEmpty().allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("localhost"));
    }

    @Test
    void asynchronousWorkRunsOnTheGivenExecutor() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ApiClient client = new ApiClient(options().executor(task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            }).build(), ErrorDecoder.DEFAULT);

            assertThat(client.sendAsync(ApiRequest.builder("GET", "/thing").build(), String.class).get(20, TimeUnit.SECONDS))
                    .isEqualTo("hello");
            assertThat(tasks.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
