package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A private CA trusted in one line: a truststore file (PKCS12 or JKS) or PEM text, against a real HTTPS server. */
class TrustOptionsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @TempDir
    Path dir;

    private KeyStore localhost;

    @BeforeEach
    void stub() throws Exception {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/thing")).willReturn(okJson("\"hello\"")));
        localhost = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/localhost-truststore.p12")) {
            localhost.load(in, TestTls.PASSWORD.toCharArray());
        }
    }

    private String get(ClientOptions.Builder options) {
        return new ApiClient(options.baseUri(server.getRuntimeInfo().getHttpsBaseUrl() + "/api").build(), ErrorDecoder.DEFAULT)
                .send(ApiRequest.builder("GET", "/thing").build(), String.class);
    }

    @Test
    void anUntrustedServerFailsTheHandshakeSayingHowToTrustAPrivateCa() {
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> get(ClientOptions.builder().retryPolicy(RetryPolicy.none())));
        assertThat(e).hasMessageContaining("failed the TLS handshake")
                .hasMessageContaining("truststore(path, password)").hasMessageContaining("trustedCertificates(pem)");
    }

    @Test
    void aPkcs12Truststore() throws Exception {
        Path p12 = dir.resolve("trust.p12");
        Files.copy(TestTls.class.getResourceAsStream("/tls/localhost-truststore.p12"), p12);
        assertThat(get(ClientOptions.builder().truststore(p12, TestTls.PASSWORD.toCharArray()))).isEqualTo("hello");
    }

    @Test
    void aJksTruststore() throws Exception {
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        for (String alias : Collections.list(localhost.aliases())) {
            jks.setCertificateEntry(alias, localhost.getCertificate(alias));
        }
        Path file = dir.resolve("trust.jks");
        try (OutputStream out = Files.newOutputStream(file)) {
            jks.store(out, "jks-pa55".toCharArray());
        }
        assertThat(get(ClientOptions.builder().truststore(file, "jks-pa55".toCharArray()))).isEqualTo("hello");
    }

    @Test
    void pemCertificates() throws Exception {
        StringBuilder pem = new StringBuilder();
        for (String alias : Collections.list(localhost.aliases())) {
            Certificate certificate = localhost.getCertificate(alias);
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        assertThat(get(ClientOptions.builder().trustedCertificates(pem.toString()))).isEqualTo("hello");
    }

    @Test
    void aWrongPasswordSaysWhatToCheckAndNeverShowsThePassword() throws Exception {
        Path p12 = dir.resolve("trust.p12");
        Files.copy(TestTls.class.getResourceAsStream("/tls/localhost-truststore.p12"), p12);
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.builder().truststore(p12, "not-the-pa55word".toCharArray()));
        assertThat(e).hasMessageContaining(p12.toString()).hasMessageContaining("PKCS12 or JKS")
                .hasMessageNotContaining("not-the-pa55word");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.builder().truststore(dir.resolve("missing.p12"), null))).hasMessageContaining("not a readable file");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ClientOptions.builder().trustedCertificates("no certificate here"))).hasMessageContaining("BEGIN CERTIFICATE");
    }

    @Test
    void baseUriFromText() {
        assertThat(ClientOptions.builder().baseUri("https://api.example.com/api").build().baseUri())
                .hasToString("https://api.example.com/api");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ClientOptions.builder().baseUri("https://api example")))
                .hasMessageContaining("is not a URI").hasMessageContaining("https://api.example.com/api");
    }
}
