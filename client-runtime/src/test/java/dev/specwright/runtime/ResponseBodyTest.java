package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How 2xx answers that are not JSON are read: downloads, text, raw bytes and XML, from a real HTTPS server on loopback. */
class ResponseBodyTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @TempDir
    Path folder;

    @JacksonXmlRootElement(localName = "order")
    record Order(String id, int quantity) {}

    private final ApiClient client = new ApiClient(ClientOptions.builder()
            .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
            .sslContext(TestTls.trustingLocalhost())
            .build(), ErrorDecoder.DEFAULT);

    private static void answer(String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/api" + path)).willReturn(response));
    }

    private static ApiRequest getting(String path) {
        return ApiRequest.builder("GET", path).build();
    }

    @Test
    void readsADownloadWithItsTypeAndFileNameAndWritesItToAFile() throws IOException {
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff};
        answer("/invoice", aResponse().withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition",
                        "attachment; filename=\"invoice.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")
                .withBody(pdf));

        Download download = client.send(ApiRequest.builder("GET", "/invoice").header("Accept", "application/pdf").build(),
                Download.class);

        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.size()).isEqualTo(6);
        assertThat(download.contentType()).contains("application/pdf");
        assertThat(download.fileName()).contains("résumé.pdf");
        assertThat(download.inputStream().readAllBytes()).isEqualTo(pdf);
        Path written = download.writeTo(folder.resolve(download.fileName().orElseThrow()));
        assertThat(Files.readAllBytes(written)).isEqualTo(pdf);
        assertThat(download).hasToString("Download[contentType=application/pdf, fileName=résumé.pdf, size=6 bytes]");
        // the Accept header of the request replaced the default application/json: one value, the request's
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/invoice"))).get(0).getHeaders()
                .getHeader("Accept").values()).containsExactly("application/pdf");
    }

    @Test
    void keepsOnlyTheLastSegmentOfAFileNameAndDecodesTextInItsCharset() {
        answer("/export", aResponse().withHeader("Content-Type", "text/csv; charset=ISO-8859-1")
                .withHeader("Content-Disposition", "attachment; filename=\"../../etc/passwd\"")
                .withBody(new byte[] {'c', 'a', 'f', (byte) 0xe9}));

        Download download = client.send(getting("/export"), Download.class);

        assertThat(download.fileName()).contains("passwd");
        assertThat(download.text()).isEqualTo("café");
    }

    @Test
    void readsADownloadAsynchronouslyAndNullForNoContent() throws Exception {
        answer("/logo", aResponse().withHeader("Content-Type", "image/png").withBody(new byte[] {(byte) 0x89, 'P'}));
        answer("/gone", noContent());

        Download logo = client.sendAsync(getting("/logo"), Download.class).get(10, TimeUnit.SECONDS);

        assertThat(logo.bytes()).containsExactly(0x89, 'P');
        assertThat(logo.fileName()).isEmpty();
        assertThat(client.send(getting("/gone"), Download.class)).isNull();
    }

    @Test
    void readsNonJsonTextAsItIsAndJsonTextAsJson() {
        answer("/plain", aResponse().withHeader("Content-Type", "text/plain; charset=UTF-8").withBody("hello\n\"world\""));
        answer("/html", aResponse().withHeader("Content-Type", "text/html").withBody("<p>é</p>"));
        answer("/untyped", aResponse().withBody("{\"raw\":true}"));
        answer("/json", okJson("\"quoted\""));

        assertThat(client.send(getting("/plain"), String.class)).isEqualTo("hello\n\"world\"");
        assertThat(client.send(getting("/html"), String.class)).isEqualTo("<p>é</p>");
        assertThat(client.send(getting("/untyped"), new TypeReference<String>() {})).isEqualTo("{\"raw\":true}");
        assertThat(client.send(getting("/json"), String.class)).isEqualTo("quoted");
    }

    @Test
    void readsNonJsonBytesRawAndJsonBytesAsBase64() {
        answer("/blob", aResponse().withHeader("Content-Type", "application/octet-stream").withBody(new byte[] {0, 1, 2}));
        answer("/json", okJson("\"AAEC\""));

        assertThat(client.send(getting("/blob"), byte[].class)).containsExactly(0, 1, 2);
        assertThat(client.send(getting("/json"), byte[].class)).containsExactly(0, 1, 2);
    }

    @Test
    void readsAnXmlAnswerIntoAClass() throws Exception {
        answer("/order", aResponse().withHeader("Content-Type", "application/xml; charset=UTF-8")
                .withBody("<order><id>o-1</id><quantity>3</quantity></order>"));

        assertThat(client.send(getting("/order"), Order.class)).isEqualTo(new Order("o-1", 3));
        assertThat(client.send(getting("/order"), new TypeReference<Order>() {})).isEqualTo(new Order("o-1", 3));
        assertThat(client.sendAsync(getting("/order"), Order.class).get(10, TimeUnit.SECONDS))
                .isEqualTo(new Order("o-1", 3));
        assertThat(client.send(getting("/order"), String.class))
                .isEqualTo("<order><id>o-1</id><quantity>3</quantity></order>");
    }

    @Test
    void genericCallsReadDownloadsAndTextToo() {
        answer("/report", aResponse().withHeader("Content-Type", "text/csv").withBody("a,b\n"));

        assertThat(client.call("GET", "/report").execute(String.class)).isEqualTo("a,b\n");
        assertThat(client.call("GET", "/report").execute(Download.class).text()).isEqualTo("a,b\n");
        assertThat(new String(client.call("GET", "/report").execute(byte[].class), StandardCharsets.UTF_8))
                .isEqualTo("a,b\n");
    }
}
