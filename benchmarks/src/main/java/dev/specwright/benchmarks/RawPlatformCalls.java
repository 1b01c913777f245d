package dev.specwright.benchmarks;

import com.example.platform.model.Product;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The baseline: the same calls written by hand with {@link HttpClient} and Jackson, as a careful developer would
 * without a generated client. Same HTTP settings as the runtime (HTTP/1.1, no redirects, the same timeouts), the same
 * headers, the same {@link ObjectMapper} configuration ({@link JsonMappers#create()}) and the same decoding target (the
 * generated records), so the difference measured is what the generated client and the runtime add.
 */
final class RawPlatformCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ObjectMapper mapper = JsonMappers.create();
    private final JavaType productList = mapper.getTypeFactory().constructType(new TypeReference<List<Product>>() {});
    private final URI baseUri;
    private final String authorization;

    RawPlatformCalls(URI baseUri, String user, String password) {
        this.baseUri = baseUri;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Product getProduct(String sku) throws IOException, InterruptedException {
        return mapper.readValue(get("/api/products/" + sku), Product.class);
    }

    List<Product> listProducts() throws IOException, InterruptedException {
        return mapper.readValue(get("/api/products"), productList);
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", Fixture.USER_AGENT)
                .header("Authorization", authorization)
                .header("X-Tenant", Fixture.TENANT)
                .header("X-ConnectionId", Fixture.CONNECTION)
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
