package dev.specwright.generator.features;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.runtime.Credentials;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated client of {@code jsonapi.yaml} (Oro's JSON:API shape) against a real HTTPS server on loopback. The
 * calls are made by {@code src/test/resources/jsonapi/Driver.java.txt}, typed code a user would write, compiled with the
 * generated sources ({@code -Xlint:all -Werror}); this test checks what went on the wire and what came back.
 */
class JsonApiTest {

    private static final String JSON_API = "application/vnd.api+json";
    private static final String PASSWORD = "changeit";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().httpDisabled(true)
            .dynamicHttpsPort().keystoreType("PKCS12").keystorePath(resource("/tls/localhost-keystore.p12").toString())
            .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)).build();

    private static ClassLoader loader;

    @BeforeAll
    static void generate() throws Exception {
        Path spec = TestSpecs.dir().resolve("features").resolve("jsonapi.yaml");
        List<GeneratedFile> files = new ArrayList<>(new Generator().files(
                GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build()));
        try (InputStream driver = JsonApiTest.class.getResourceAsStream("/jsonapi/Driver.java.txt")) {
            files.add(new GeneratedFile("feature/Driver.java", new String(driver.readAllBytes(), StandardCharsets.UTF_8)));
        }
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, Files.createTempDirectory("jsonapi"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror on jsonapi.yaml and the driver").isEmpty();
        loader = compiled.classLoader();
    }

    /** {@code Driver.<name>(args)}, its own exception rethrown. */
    static Object driver(String name, Object... args) throws Exception {
        for (Method m : loader.loadClass("feature.Driver").getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new AssertionError("Driver has no method " + name + " with " + args.length + " parameters");
    }

    static Object client(Credentials credentials) throws Exception {
        return driver("client", URI.create(server.getRuntimeInfo().getHttpsBaseUrl()), trustingLocalhost(), credentials);
    }

    @Test
    void everyRequestAsksForTheJsonApiMediaTypeAndABodyIsSentAsExactlyThatType() throws Exception {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_API)
                .withBody("{\"data\":null}")));

        driver("eachKindOfCall", client(Credentials.builder().bearer("t").build()));

        List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
                "GET /api/orders", "GET /api/orders/1", "POST /api/orders", "DELETE /api/orders/1",
                "GET /api/orders/1/relationships/customer");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().getHeader("Accept").values()).containsExactly(JSON_API));
        LoggedRequest create = requests.get(2);
        assertThat(create.getHeaders().getHeader("Content-Type").values()).containsExactly(JSON_API);
        assertThat(create.getBodyAsString()).isEqualTo("{\"data\":{\"type\":\"orders\"}}");
    }

    @Test
    void aSpecWithoutJsonApiStillSendsPlainJson() throws Exception {
        Path spec = TestSpecs.dir().resolve("features").resolve("bodies.yaml");
        String api = new Generator().files(GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build())
                .stream().filter(f -> f.path().endsWith(".java")).map(GeneratedFile::content)
                .reduce("", String::concat);
        assertThat(api).doesNotContain(JSON_API).contains(".jsonBody(body)");
    }

    static SSLContext trustingLocalhost() {
        try (InputStream in = JsonApiTest.class.getResourceAsStream("/tls/localhost-truststore.p12")) {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(in, PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test truststore", e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(JsonApiTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
