package dev.specwright.generator.features;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The self-signed localhost certificate in {@code src/test/resources/tls} (a copy of the runtime's test material). */
final class TestTls {

    private static final String PASSWORD = "changeit";

    private TestTls() {}

    /** A WireMock server that speaks HTTPS only, with the localhost certificate. */
    static WireMockConfiguration httpsServer() {
        return WireMockConfiguration.wireMockConfig().httpDisabled(true).dynamicHttpsPort().keystoreType("PKCS12")
                .keystorePath(resource("/tls/localhost-keystore.p12").toString())
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD);
    }

    /** A TLS context that trusts exactly the localhost certificate. */
    static SSLContext trustingLocalhost() {
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

    private static Path resource(String name) {
        try {
            return Path.of(TestTls.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
