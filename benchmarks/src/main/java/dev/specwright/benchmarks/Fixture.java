package dev.specwright.benchmarks;

import com.example.platform.PlatformClient;
import com.example.platform.PlatformCredentials;
import com.example.platform.model.Product;
import dev.specwright.runtime.RateLimit;
import java.util.List;
import java.util.Map;

/**
 * A loopback server with the answers, the generated platform client and the hand-written baseline, both pointed at
 * it. The generated client runs with its rate limit off (the baseline has none) and plain HTTP allowed to loopback
 * only, as the builder requires it to be said explicitly.
 */
final class Fixture implements AutoCloseable {

    static final String USER = "user";
    static final String PASSWORD = "secret";
    static final String TENANT = "acme";
    static final String CONNECTION = "conn-42";
    static final String USER_AGENT = "specwright-benchmarks/1.0 (dev@example.com)";
    static final String SKU = "SKU-00001";

    final LoopbackServer server;
    final PlatformClient client;
    final RawPlatformCalls raw;

    Fixture(int listSize) {
        server = new LoopbackServer(Map.of(
                "/api/products/" + SKU, ProductJson.one(),
                "/api/products", ProductJson.list(listSize)));
        client = PlatformClient.builder()
                .baseUri(server.baseUri())
                .allowPlainHttpToLoopback(true)
                .credentials(PlatformCredentials.tenant(USER, PASSWORD, TENANT, CONNECTION))
                .userAgent("specwright-benchmarks", "1.0", "dev@example.com")
                .rateLimit(RateLimit.off())
                .build();
        raw = new RawPlatformCalls(server.baseUri(), USER, PASSWORD);
    }

    /** The generated client's call for one product: the one place that names the generated API's methods. */
    Product generatedGet() {
        return client.products().get(SKU);
    }

    /** The generated client's call for the whole list. */
    List<Product> generatedList() {
        return client.products().list();
    }

    @Override
    public void close() {
        server.close();
    }
}
