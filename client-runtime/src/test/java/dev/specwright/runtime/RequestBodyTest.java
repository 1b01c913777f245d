package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes on the wire for each kind of request body (form, multipart, binary, text), for cookies and for
 * {@code deepObject} queries: the exact bytes a real HTTPS server on loopback receives.
 */
class RequestBodyTest {

    static final String API_KEY = "c00kie-k3y";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @TempDir
    Path folder;

    enum Status {
        ACTIVE("active");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        @JsonValue
        String wire() {
            return wire;
        }
    }

    record Address(String city, String zip) {}

    record Signup(String name, List<String> tags, Address address, Status status, LocalDate born, String nothing) {}

    /** A type the mapper writes as a bare string: not an object, so not a form body. */
    record Code(String value) {
        @JsonValue
        String json() {
            return value;
        }
    }

    private final VirtualTime time = new VirtualTime();
    private ApiClient client;

    @BeforeEach
    void createClient() {
        server.stubFor(any(anyUrl()).willReturn(ok()));
        client = client(Credentials.builder().cookie("session", API_KEY).build());
    }

    private ApiClient client(Credentials credentials) {
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(credentials)
                .timeSource(time)
                .retryJitter(VirtualTime.jitterAlways(0.5))
                .build(), ErrorDecoder.DEFAULT);
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void sendsFormFieldsUrlEncodedWithRepeatedListsJsonObjectsAndEnumWireValues() {
        client.send(ApiRequest.builder("POST", "/signup")
                .formField("name", "Jane Doe & Co")
                .formField("tags", List.of("a", "b c"))
                .formField("address", new Address("Zürich", "8000"))
                .formField("status", Status.ACTIVE)
                .formField("born", LocalDate.of(1990, 1, 2))
                .formField("missing", null)
                .formField("ids", new Integer[] {1, null, 2})
                .formField("signature", new byte[] {1, 2, 3})
                .formField("note", Binary.of("a b".getBytes(StandardCharsets.UTF_8)))
                .build());

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.getBodyAsString()).isEqualTo("name=Jane%20Doe%20%26%20Co&tags=a&tags=b%20c"
                + "&address=%7B%22city%22%3A%22Z%C3%BCrich%22%2C%22zip%22%3A%228000%22%7D&status=active&born=1990-01-02"
                + "&ids=1&ids=2&signature=AQID&note=a%20b"); // byte[] as base64 (format: byte), a Binary's raw octets
    }

    @Test
    void spreadsAMapOrAnObjectIntoFormFields() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("list", List.of(1, 2));
        map.put("nested", Map.of("x", 1));
        map.put("skipped", null);
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("t", "v w");
        tree.putArray("arr").add(true).add(false);

        client.send(ApiRequest.builder("POST", "/map").formFields(map).build());
        client.send(ApiRequest.builder("POST", "/record")
                .formFields(new Signup("Jane", List.of("x", "y"), new Address("Bern", "3000"), Status.ACTIVE,
                        LocalDate.of(1990, 1, 2), null))
                .build());
        client.send(ApiRequest.builder("POST", "/tree").formFields(tree).build());

        assertThat(bodyOf("/api/map")).isEqualTo("a=1&list=1&list=2&nested=%7B%22x%22%3A1%7D");
        assertThat(bodyOf("/api/record")).isEqualTo("name=Jane&tags=x&tags=y"
                + "&address=%7B%22city%22%3A%22Bern%22%2C%22zip%22%3A%223000%22%7D&status=active&born=1990-01-02");
        assertThat(bodyOf("/api/tree")).isEqualTo("t=v%20w&arr=true&arr=false");
    }

    private static String bodyOf(String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString();
    }

    @Test
    void aFormWithoutValuesIsStillAFormRequest() {
        client.send(ApiRequest.builder("POST", "/empty").formField("only", null).formFields(null).build());

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.getBody()).isEmpty();
    }

    @Test
    void refusesWhenTheFormObjectIsNotAnObjectOnceWritten() {
        ApiRequest request = ApiRequest.builder("POST", "/x").formFields(new Code("abc")).build();

        assertThatThrownBy(() -> client.send(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a form body must be an object or a map")
                .hasMessageContaining("add single fields with formField(name, value)");
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void sendsMultipartTextJsonBytesAndFileParts() throws IOException {
        Path report = file("report.txt", "line 1\nline 2\n");
        server.stubFor(post(urlPathEqualTo("/api/upload"))
                .withMultipartRequestBody(aMultipart("title")
                        .withHeader("Content-Type", equalTo("text/plain; charset=UTF-8"))
                        .withBody(equalTo("Quarterly report")))
                .withMultipartRequestBody(aMultipart("meta")
                        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                        .withBody(equalToJson("{\"city\":\"Bern\",\"zip\":\"3000\"}")))
                .withMultipartRequestBody(aMultipart("thumbnail")
                        .withHeader("Content-Type", equalTo("application/octet-stream"))
                        .withBody(binaryEqualTo(new byte[] {1, 2, 3})))
                .withMultipartRequestBody(aMultipart("file").withFileName("report.txt")
                        .withHeader("Content-Type", equalTo("text/plain"))
                        .withBody(equalTo("line 1\nline 2\n")))
                .willReturn(okJson("{\"id\":7}")));

        Map<String, Object> created = client.send(ApiRequest.builder("POST", "/upload")
                .part("title", "Quarterly report")
                .part("meta", new Address("Bern", "3000"))
                .part("thumbnail", new byte[] {1, 2, 3})
                .part("file", Binary.of(report).withContentType("text/plain"))
                .part("tags", List.of("x", "y"))
                .part("skipped", null)
                .build(), new TypeReference<Map<String, Object>>() {});

        assertThat(created).containsEntry("id", 7); // only an answer if every part above matched
        LoggedRequest sent = onlyRequest();
        String boundary = sent.getHeader("Content-Type").substring("multipart/form-data; boundary=".length());
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=specwright-");
        assertThat(boundary).hasSize(43);
        String body = sent.getBodyAsString();
        assertThat(body).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nQuarterly report\r\n--" + boundary + "\r\n");
        assertThat(body).contains("Content-Disposition: form-data; name=\"thumbnail\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0001\u0002\u0003\r\n");
        assertThat(body).contains("Content-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline 1\nline 2\n\r\n");
        assertThat(body).contains("name=\"tags\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nx\r\n");
        assertThat(body).contains("name=\"tags\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ny\r\n");
        assertThat(body).doesNotContain("skipped");
        assertThat(body).endsWith("\r\n--" + boundary + "--\r\n");
    }

    @Test
    void spreadsAMapIntoPartsKeepingBinariesAsFilesAndEscapesQuotesInNames() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("say \"hi\"", "hello");
        map.put("doc", Binary.of("%PDF".getBytes(StandardCharsets.US_ASCII)).withFileName("a\"b.pdf")
                .withContentType("application/pdf"));
        map.put("count", 3);

        client.send(ApiRequest.builder("POST", "/parts").parts(map).parts(new Address("Bern", "3000")).build());

        String body = onlyRequest().getBodyAsString();
        assertThat(body).contains("Content-Disposition: form-data; name=\"say %22hi%22\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nhello\r\n");
        assertThat(body).contains("Content-Disposition: form-data; name=\"doc\"; filename=\"a%22b.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF\r\n");
        assertThat(body).contains("name=\"count\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n3\r\n");
        assertThat(body).contains("name=\"city\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBern\r\n");
        assertThat(body).contains("name=\"zip\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n3000\r\n");
    }

    @Test
    void anEmptyMultipartBodyIsTheCloseDelimiterAlone() {
        client.send(ApiRequest.builder("POST", "/none").part("nothing", null).build());

        LoggedRequest sent = onlyRequest();
        String boundary = sent.getHeader("Content-Type").substring("multipart/form-data; boundary=".length());
        assertThat(sent.getBodyAsString()).isEqualTo("--" + boundary + "--\r\n");
    }

    @Test
    void aRetriedMultipartRequestSendsTheFileAgain() throws IOException {
        Path photo = file("photo.jpg", "JPEG bytes");
        firstThen503("/api/photo");

        client.send(ApiRequest.builder("PUT", "/photo").part("photo", Binary.of(photo)).build());

        List<LoggedRequest> attempts = server.findAll(putRequestedFor(urlPathEqualTo("/api/photo")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getBodyAsString()).isEqualTo(attempts.get(0).getBodyAsString())
                .contains("filename=\"photo.jpg\"\r\nContent-Type: application/octet-stream\r\n\r\nJPEG bytes\r\n");
    }

    @Test
    void eachAttemptOpensTheFileAnewWithItsCurrentSize() throws IOException {
        Path data = file("data.bin", "first");
        firstThen503("/api/data");

        growingWhileWaiting(data).send(ApiRequest.builder("PUT", "/data").binaryBody(Binary.of(data), null).build());

        List<LoggedRequest> attempts = server.findAll(putRequestedFor(urlPathEqualTo("/api/data")));
        assertThat(attempts).extracting(LoggedRequest::getBodyAsString).containsExactly("first", "second, longer");
        assertThat(attempts.get(1).getHeader("Content-Length")).isEqualTo("14");
    }

    @Test
    void eachAsynchronousAttemptOpensTheFileAnewToo() throws Exception {
        Path data = file("data.bin", "first");
        firstThen503("/api/data");

        growingWhileWaiting(data).sendAsync(ApiRequest.builder("PUT", "/data").part("data", Binary.of(data)).build())
                .get(10, TimeUnit.SECONDS);

        List<LoggedRequest> attempts = server.findAll(putRequestedFor(urlPathEqualTo("/api/data")));
        assertThat(attempts).extracting(LoggedRequest::getBodyAsString)
                .satisfiesExactly(first -> assertThat(first).contains("\r\n\r\nfirst\r\n"),
                        second -> assertThat(second).contains("\r\n\r\nsecond, longer\r\n"));
    }

    /** A client whose waits before a retry (blocking or not) rewrite {@code data} with longer content. */
    private ApiClient growingWhileWaiting(Path data) {
        TimeSource rewriting = new TimeSource() {
            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public Instant now() {
                return time.now();
            }

            @Override
            public void sleep(Duration duration) {
                rewrite();
            }

            @Override
            public CompletableFuture<Void> delay(Duration duration) {
                rewrite();
                return CompletableFuture.completedFuture(null);
            }

            private void rewrite() {
                try {
                    Files.writeString(data, "second, longer");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(server.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .timeSource(rewriting)
                .build(), ErrorDecoder.DEFAULT);
    }

    /** The first PUT to {@code path} gets 503 with {@code Retry-After: 1}, every later one 200. */
    private static void firstThen503(String path) {
        server.stubFor(put(urlPathEqualTo(path)).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
        server.stubFor(put(urlPathEqualTo(path)).inScenario("retry").whenScenarioStateIs("up").willReturn(ok()));
    }

    @Test
    void sendsAFileAsTheWholeBodyWithTheBinarysTypeOrTheDeclaredOne() throws IOException {
        Path pdf = Files.write(folder.resolve("invoice.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xff});

        client.send(ApiRequest.builder("PUT", "/invoice").binaryBody(Binary.of(pdf), "application/pdf").build());

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/pdf");
        assertThat(sent.getBody()).isEqualTo(Files.readAllBytes(pdf));
    }

    @Test
    void choosesTheBinaryBodysContentType() {
        Binary plain = Binary.of(new byte[] {1});
        Binary typed = plain.withContentType("image/png");

        assertThat(uploadType(typed, "application/pdf")).isEqualTo("image/png");
        assertThat(uploadType(plain, "application/pdf")).isEqualTo("application/pdf");
        assertThat(uploadType(plain, "image/*")).isEqualTo("application/octet-stream");
        assertThat(uploadType(plain, "*/*")).isEqualTo("application/octet-stream");
        assertThat(uploadType(plain, null)).isEqualTo("application/octet-stream");
    }

    private String uploadType(Binary binary, String declared) {
        server.resetRequests();
        client.send(ApiRequest.builder("POST", "/blob").binaryBody(binary, declared).build());
        return onlyRequest().getHeader("Content-Type");
    }

    @Test
    void sendsTextInTheCharsetItsTypeNamesElseUtf8() {
        client.send(ApiRequest.builder("POST", "/csv").textBody("name,city\nJosé,Zürich\n", "text/csv").build());
        client.send(ApiRequest.builder("POST", "/latin").textBody("café", "text/plain; charset=ISO-8859-1").build());
        client.send(ApiRequest.builder("POST", "/any").textBody("x", "text/*").build());

        LoggedRequest csv = server.findAll(postRequestedFor(urlPathEqualTo("/api/csv"))).get(0);
        assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=UTF-8");
        assertThat(csv.getBody()).isEqualTo("name,city\nJosé,Zürich\n".getBytes(StandardCharsets.UTF_8));
        LoggedRequest latin = server.findAll(postRequestedFor(urlPathEqualTo("/api/latin"))).get(0);
        assertThat(latin.getHeader("Content-Type")).isEqualTo("text/plain; charset=ISO-8859-1");
        assertThat(latin.getBody()).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/api/any"))).get(0).getHeader("Content-Type"))
                .isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void aLaterBodyOfAnotherKindReplacesTheEarlierOne() {
        client.send(ApiRequest.builder("POST", "/replaced").jsonBody(Map.of("a", 1)).formField("b", 2).part("c", 3)
                .textBody("t", "text/plain").formField("d", 4).build());

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.getBodyAsString()).isEqualTo("d=4");
    }

    @Test
    void addsCookiesAfterTheCredentialsAndAnExplicitCookieHeaderPercentEncodingWhatACookieCannotCarry() {
        client.send(ApiRequest.builder("GET", "/prefs")
                .cookie("lang", "de ch;x")
                .header("Cookie", "theme=dark")
                .cookie("skipped", null)
                .cookie("ids", List.of(1, 2))
                .cookie("odd", "\"50%\"\\é")
                .build());

        assertThat(onlyRequest().getHeader("Cookie")).isEqualTo("session=" + API_KEY
                + "; theme=dark; lang=de%20ch%3Bx; ids=1%2C2; odd=%2250%25%22%5C%C3%A9");
    }

    @Test
    void sendsCookiesAloneWithoutCredentials() {
        client(Credentials.none()).send(ApiRequest.builder("GET", "/prefs").cookie("a", 1).cookie("b", "2").build());

        assertThat(onlyRequest().getHeader("Cookie")).isEqualTo("a=1; b=2");
    }

    record Range(LocalDate gte, LocalDate lt) {}

    record Filter(Status status, Range created, List<Integer> ids, String none) {}

    @Test
    void expandsADeepObjectMapIntoBracketedQueryParameters() {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("gte", "2024-01-01");
        created.put("lt", "2024-02-01");
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("status", "open now");
        filter.put("created", created);
        filter.put("tags", List.of("a", "b"));
        filter.put("none", null);
        filter.put("lines", List.of(Map.of("sku", "S-1"), Map.of("sku", "S-2")));

        client.send(ApiRequest.builder("GET", "/orders").query("page", 2).queryDeep("filter", filter)
                .queryDeep("absent", null).build());

        assertThat(onlyRequest().getUrl()).isEqualTo("/api/orders?page=2&filter%5Bstatus%5D=open%20now"
                + "&filter%5Bcreated%5D%5Bgte%5D=2024-01-01&filter%5Bcreated%5D%5Blt%5D=2024-02-01"
                + "&filter%5Btags%5D=a&filter%5Btags%5D=b"
                + "&filter%5Blines%5D%5B0%5D%5Bsku%5D=S-1&filter%5Blines%5D%5B1%5D%5Bsku%5D=S-2");
    }

    @Test
    void expandsADeepObjectRecordWithIsoDatesAndEnumWireValues() {
        Filter filter = new Filter(Status.ACTIVE, new Range(LocalDate.of(2024, 1, 1), null), List.of(3, 4), null);

        client.send(ApiRequest.builder("GET", "/orders").queryDeep("filter", filter).build());

        assertThat(onlyRequest().getUrl()).isEqualTo("/api/orders?filter%5Bstatus%5D=active"
                + "&filter%5Bcreated%5D%5Bgte%5D=2024-01-01&filter%5Bids%5D=3&filter%5Bids%5D=4");
    }
}
