package dev.specwright.generator.features;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.specwright.runtime.Binary;
import dev.specwright.runtime.Download;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The generated client of {@code bodies.yaml} against a real HTTP server: what goes on the wire, what comes back. */
class BodiesTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Feature f;
    private Object files;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("bodies.yaml");
    }

    @BeforeEach
    void client() throws Exception {
        Class<?> clientClass = f.loader.loadClass("feature.BodiesClient");
        Object builder = clientClass.getMethod("builder").invoke(null);
        builder.getClass().getMethod("baseUri", URI.class).invoke(builder, URI.create(server.baseUrl()));
        builder.getClass().getMethod("allowPlainHttpToLoopback", boolean.class).invoke(builder, true);
        Object client = builder.getClass().getMethod("build").invoke(builder);
        files = clientClass.getMethod("files").invoke(client);
    }

    private Object call(String operation, Object... args) throws Exception {
        for (Method m : files.getClass().getMethods()) {
            if (m.getName().equals(operation) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(files, args);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + operation + " with " + args.length + " parameters");
    }

    private static Object constant(String enumName, String constant) throws Exception {
        return f.model(enumName).getField(constant).get(null);
    }

    @Test
    void aFormBodySendsEachPropertyAsAFieldListsRepeatedAndObjectsAsJson() throws Exception {
        server.stubFor(post("/signups").willReturn(aResponse().withStatus(204)));
        Object address = f.build("Address", "city", "Zürich");
        call("signUp", f.build("SignUpRequest", "email", "a b+c@x.io", "tags", List.of("x", "y"),
                "plan", constant("Plan", "PRO"), "address", address));

        var request = server.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(formPairs(request.getBodyAsString())).containsExactly(
                "email=a b+c@x.io", "tags=x", "tags=y", "plan=pro", "address={\"city\":\"Zürich\"}");
    }

    @Test
    void aMultipartBodySendsFilesWithTheirNamesTextAndJsonParts(@TempDir Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("report.pdf"), "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII));
        server.stubFor(post("/documents")
                .withMultipartRequestBody(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"report.pdf\""))
                        .withBody(equalTo("%PDF-1.7 fake")))
                .withMultipartRequestBody(aMultipart().withName("attachments")
                        .withHeader("Content-Disposition", containing("filename=\"a.txt\""))
                        .withHeader("Content-Type", equalTo("text/plain"))
                        .withBody(equalTo("first")))
                .withMultipartRequestBody(aMultipart().withName("title").withBody(equalTo("Q3 report")))
                .withMultipartRequestBody(aMultipart().withName("meta")
                        .withHeader("Content-Type", containing("application/json"))
                        .withBody(equalTo("{\"city\":\"Oslo\"}")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"d1\",\"title\":\"Q3 report\",\"size\":13}")));

        Object document = call("uploadDocument", f.build("UploadDocumentRequest",
                "file", Binary.of(pdf),
                "attachments", List.of(Binary.of("first".getBytes(StandardCharsets.UTF_8)).withFileName("a.txt").withContentType("text/plain")),
                "title", "Q3 report",
                "meta", f.build("Address", "city", "Oslo")));

        assertThat(Feature.get(document, "id")).isEqualTo("d1");
        assertThat(Feature.get(document, "size")).isEqualTo(13L);
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    }

    @Test
    void aMultipartPatchBodyIsAPlainRecordNotAPartialUpdate() throws Exception {
        assertThat(f.model("ReplaceDocumentFileRequest").isRecord()).isTrue();
        server.stubFor(patch("/documents/d1").withMultipartRequestBody(aMultipart().withName("file").withBody(equalTo("new")))
                .willReturn(aResponse().withStatus(204)));
        call("replaceDocument", "d1", f.build("ReplaceDocumentFileRequest", "file", Binary.of("new".getBytes(StandardCharsets.UTF_8)))); // replaceDocumentFile in the group files
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aBinaryBodyGoesAsItIsWithTheDeclaredMediaType() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        server.stubFor(put("/avatars/me").willReturn(aResponse().withStatus(204)));
        call("putAvatar", "me", Binary.of(png));
        server.verify(putRequestedFor(urlPathEqualTo("/avatars/me"))
                .withHeader("Content-Type", equalTo("image/png")).withRequestBody(binaryEqualTo(png)));
    }

    @Test
    void aTextBodyAndATextAnswerAreStringsAndAnOptionalBodyMayBeLeftOut() throws Exception {
        server.stubFor(post("/notes").willReturn(aResponse().withHeader("Content-Type", "text/plain; charset=UTF-8").withBody("stored: héllo")));
        assertThat(call("addNote", "héllo")).isEqualTo("stored: héllo");
        server.verify(postRequestedFor(urlPathEqualTo("/notes")).withHeader("Content-Type", containing("text/plain"))
                .withHeader("Accept", equalTo("text/plain")).withRequestBody(equalTo("héllo")));

        call("addNote", (Object) null);
        var bodiless = server.getAllServeEvents().get(0).getRequest(); // the newest first
        assertThat(bodiless.getHeader("Content-Type")).isNull();
        assertThat(bodiless.getBody()).isEmpty();
    }

    @Test
    void aFileAnswerIsADownloadWithItsContentTypeAndFileName() throws Exception {
        byte[] pdf = "%PDF-1.7 \u00e9".getBytes(StandardCharsets.ISO_8859_1);
        server.stubFor(get("/documents/d1/raw").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "attachment; filename=\"q3.pdf\"").withBody(pdf)));
        Download download = (Download) call("downloadDocument", "d1");
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.contentType()).contains("application/pdf");
        assertThat(download.fileName()).contains("q3.pdf");
        server.verify(getRequestedFor(urlPathEqualTo("/documents/d1/raw")).withHeader("Accept", equalTo("application/pdf, image/png")));
    }

    @Test
    void aCsvAnswerIsText() throws Exception {
        server.stubFor(get("/exports").willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("a,b\n1,2\n")));
        assertThat(call("exportCsv")).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void whereJsonAndAFormAreBothAcceptedTheTypedJsonBodyIsSent() throws Exception {
        server.stubFor(post("/either").willReturn(aResponse().withStatus(204)));
        call("postEither", f.build("Address", "city", "Rome"));
        server.verify(postRequestedFor(urlPathEqualTo("/either")).withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalTo("{\"city\":\"Rome\"}")));
    }

    @Test
    void anXmlOnlyAnswerIsReadIntoItsModel() throws Exception {
        server.stubFor(get("/legacy/1").willReturn(aResponse().withHeader("Content-Type", "application/xml")
                .withBody("<Address><city>Oslo</city><zip>0150</zip></Address>")));
        Object address = call("getLegacy", "1");
        assertThat(Feature.get(address, "city")).isEqualTo("Oslo");
        assertThat(Feature.get(address, "zip")).isEqualTo("0150");
        server.verify(getRequestedFor(urlPathEqualTo("/legacy/1")).withHeader("Accept", equalTo("application/xml")));
    }

    @Test
    void deepObjectExplodedObjectsAndMapsPipeDelimitedArraysAndCookies() throws Exception {
        server.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":\"d1\"}]")));
        Class<?> params = f.loader.loadClass("feature.api.SearchParams");
        Object builder = params.getMethod("builder").invoke(null);
        builder.getClass().getMethod("filter", f.model("Filter")).invoke(builder, f.build("Filter", "status", "open", "minSize", 3L));
        builder.getClass().getMethod("page", f.model("Page")).invoke(builder, f.build("Page", "limit", 10L, "offset", 20L));
        builder.getClass().getMethod("labels", Map.class).invoke(builder, Map.of("team", "core"));
        builder.getClass().getMethod("ids", List.class).invoke(builder, List.of(1L, 2L, 3L));
        List<OffsetDateTime> at = new ArrayList<>(List.of(OffsetDateTime.parse("2024-01-31T12:00:00Z")));
        at.add(null);
        at.add(OffsetDateTime.parse("2024-02-01T08:30:00+01:00"));
        builder.getClass().getMethod("at", List.class).invoke(builder, at);
        builder.getClass().getMethod("theme", String.class).invoke(builder, "dark");

        List<?> found = (List<?>) call("search", builder.getClass().getMethod("build").invoke(builder));

        assertThat(found).hasSize(1);
        var request = server.getAllServeEvents().get(0).getRequest();
        String query = URI.create(request.getUrl()).getRawQuery();
        assertThat(formPairs(query)).containsExactlyInAnyOrder(
                "filter[status]=open", "filter[minSize]=3", "limit=10", "offset=20", "team=core", "ids=1|2|3",
                "at=2024-01-31T12:00:00Z 2024-02-01T08:30:00+01:00");
        assertThat(request.getHeader("Cookie")).isEqualTo("theme=dark");
    }

    /** {@code a=1&b=2} decoded into {@code ["a=1", "b=2"]}, in order. */
    private static List<String> formPairs(String encoded) {
        List<String> pairs = new ArrayList<>();
        Arrays.stream(encoded.split("&")).forEach(pair -> {
            String[] kv = pair.split("=", 2);
            pairs.add(URLDecoder.decode(kv[0], StandardCharsets.UTF_8) + "=" + URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        });
        return pairs;
    }
}
