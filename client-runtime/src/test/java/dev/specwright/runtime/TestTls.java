package dev.specwright.runtime;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The self-signed localhost certificate in {@code src/test/resources/tls} (see the README there). Public, and shipped
 * in the runtime's test jar, so that the other modules' tests (generator-core, client-micrometer) serve HTTPS with the
 * same material instead of copies.
 */
public final class TestTls {

    public static final String PASSWORD = "changeit";

    private TestTls() {}

    /** A WireMock server that speaks HTTPS only, with the localhost certificate. */
    public static WireMockConfiguration httpsServer() {
        return WireMockConfiguration.wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystoreType("PKCS12")
                .keystorePath(resource("/tls/localhost-keystore.p12").toString())
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD);
    }

    /** A TLS context that trusts exactly the localhost certificate. */
    public static SSLContext trustingLocalhost() {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/localhost-truststore.p12")) {
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

    /** The resource as a file: itself from test-classes, a temporary copy when read from the runtime's test jar. */
    private static Path resource(String name) {
        try {
            java.net.URI uri = TestTls.class.getResource(name).toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            Path copy = java.nio.file.Files.createTempFile("specwright-test-tls", ".p12");
            copy.toFile().deleteOnExit();
            try (InputStream in = TestTls.class.getResourceAsStream(name)) {
                java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the test TLS material " + name, e);
        }
    }
}
