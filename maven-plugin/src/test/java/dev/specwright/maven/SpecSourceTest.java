package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecSourceTest {

    private static final String SPEC = "openapi: 3.0.3\ninfo: {title: Widget API, version: 1.0.0}\npaths: {}\n";

    @TempDir
    Path tmp;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aFileRelativeToTheProjectIsUsedWhereItIs() throws Exception {
        Path spec = Files.writeString(Files.createDirectories(tmp.resolve("api")).resolve("openapi.yaml"), SPEC);

        assertThat(SpecSource.resolve("api/openapi.yaml", tmp, List.of(), tmp.resolve("work"))).isEqualTo(spec);
        assertThat(tmp.resolve("work")).doesNotExist();
    }

    @Test
    void aResourceInAJarIsExtractedWithTheFilesOfItsFolder() throws Exception {
        Path jar = jar(tmp.resolve("api-spec.jar"),
                "com/example/specs/widgets.yaml", SPEC,
                "com/example/specs/widgets-schemas.yaml", "Widget: {type: object}\n",
                "com/example/specs/common/errors.yaml", "Error: {type: object}\n",
                "com/example/other/unrelated.yaml", "x: 1\n",
                "com/example/specs/Widgets.class", "not a resource",
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        Path work = tmp.resolve("target/specwright-inputs/default");

        Path spec = SpecSource.resolve("com/example/specs/widgets.yaml", tmp.resolve("project"),
                List.of(tmp.resolve("no-such-folder").toString(), jar.toString()), work);

        Path folder = work.resolve("classpath/com/example/specs");
        assertThat(spec).isEqualTo(folder.resolve("widgets.yaml"));
        assertThat(Files.readString(spec)).isEqualTo(SPEC);
        assertThat(Files.readString(folder.resolve("widgets-schemas.yaml"))).isEqualTo("Widget: {type: object}\n");
        assertThat(folder.resolve("common/errors.yaml")).exists();
        assertThat(folder.resolve("Widgets.class")).doesNotExist();
        assertThat(work.resolve("classpath/com/example/other")).doesNotExist();
        assertThat(work.resolve("classpath/META-INF")).doesNotExist();

        // again, unchanged: nothing is rewritten (a no-op rebuild touches no timestamp)
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(spec, before);
        SpecSource.resolve("/com/example/specs/widgets.yaml", tmp.resolve("project"), List.of(jar.toString()), work);
        assertThat(Files.getLastModifiedTime(spec)).isEqualTo(before);
    }

    @Test
    void aResourceInAClassesFolderIsUsedWhereItIs() throws Exception {
        Path classes = tmp.resolve("classes");
        Path spec = Files.writeString(Files.createDirectories(classes.resolve("specs")).resolve("api.yaml"), SPEC);

        assertThat(SpecSource.resolve("classpath:specs/api.yaml", tmp.resolve("project"), List.of(classes.toString()),
                tmp.resolve("work"))).isEqualTo(spec);
    }

    @Test
    void aSpecFoundNowhereFailsSayingWhereItLooked() throws Exception {
        Path jar = jar(tmp.resolve("a.jar"), "other.yaml", SPEC);

        assertThatThrownBy(() -> SpecSource.resolve("com/example/missing.yaml", tmp, List.of(jar.toString()),
                tmp.resolve("work")))
                .isInstanceOf(SpecSource.NotFound.class)
                .hasMessageStartingWith("no file " + tmp.resolve("com/example/missing.yaml")
                        + ", and no resource \"com/example/missing.yaml\" on the project's compile classpath (1"
                        + " entries). Fix: ");
        assertThatThrownBy(() -> SpecSource.resolve("../../no/such/spec.yaml", tmp, List.of(jar.toString()),
                tmp.resolve("work"))).isInstanceOf(SpecSource.NotFound.class);
    }

    @Test
    void aSpecAtALoopbackUrlIsFetchedOnceIntoTheWorkFolder() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        serve("/specs/widgets.yaml", 200, SPEC, requests);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/specs/widgets.yaml";

        Path spec = SpecSource.resolve(url, tmp, List.of(), tmp.resolve("work"));

        assertThat(spec).isEqualTo(tmp.resolve("work/url/127.0.0.1_" + server.getAddress().getPort()
                + "/specs/widgets.yaml"));
        assertThat(Files.readString(spec)).isEqualTo(SPEC);
        assertThat(requests).hasValue(1);
    }

    @Test
    void theRelativeRefsOfASpecAtAUrlAreFetchedBesideItOnlyWhenAllowRemoteRefsNamesItsHost() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        String root = "openapi: 3.0.3\ninfo: {title: W, version: '1'}\npaths:\n  /w:\n    get:\n      responses:\n"
                + "        '200': {$ref: 'common/responses.yaml#/Ok'}\n";
        serve("/api/openapi.yaml", 200, root, requests);
        server.createContext("/api/common/responses.yaml", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = "Ok: {description: ok, content: {application/json: {schema: {$ref: '../schemas.json#/W'}}}}\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/api/schemas.json", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = "{\"W\": {\"type\": \"object\", \"properties\": {\"self\": {\"$ref\": \"#/W\"}}}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/openapi.yaml";

        assertThatThrownBy(() -> SpecSource.resolve(url, tmp, List.of(), tmp.resolve("work"), Set.of()))
                .isInstanceOf(SpecSource.NotFound.class)
                .hasMessage(url + " $refs \"common/responses.yaml\", a file on 127.0.0.1, which <allowRemoteRefs>"
                        + " does not name. Fix: add 127.0.0.1 to <allowRemoteRefs> (a relative $ref of a spec at a URL"
                        + " is fetched from its server), or give a local copy of the spec and its files.");

        requests.set(0);
        Path spec = SpecSource.resolve(url, tmp, List.of(), tmp.resolve("work"), Set.of("127.0.0.1"));

        Path host = tmp.resolve("work/url/127.0.0.1_" + server.getAddress().getPort());
        assertThat(spec).isEqualTo(host.resolve("api/openapi.yaml"));
        assertThat(host.resolve("api/common/responses.yaml")).exists();
        assertThat(host.resolve("api/schemas.json")).exists();
        assertThat(requests).hasValue(3); // each file once; the local #/W is not fetched
    }

    @Test
    void aUrlThatFailsOrRedirectsIsNamedAndNothingIsWritten() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        serve("/gone.yaml", 404, "no", requests);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        assertThatThrownBy(() -> SpecSource.resolve(base + "/gone.yaml", tmp, List.of(), tmp.resolve("work")))
                .isInstanceOf(SpecSource.NotFound.class)
                .hasMessage(base + "/gone.yaml answered HTTP 404. Fix: check the URL.");
        server.createContext("/moved.yaml", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://example.com/api.yaml");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> SpecSource.resolve(base + "/moved.yaml", tmp, List.of(), tmp.resolve("work")))
                .hasMessageContaining("answered 301, a redirect to https://example.com/api.yaml; redirects are not"
                        + " followed");
        assertThat(tmp.resolve("work")).doesNotExist();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWithoutConnecting() {
        assertThatThrownBy(() -> SpecSource.resolve("http://specs.example.com/api.yaml", tmp, List.of(),
                tmp.resolve("work")))
                .isInstanceOf(SpecSource.NotFound.class)
                .hasMessageContaining("is plain http to another machine");
        assertThat(SpecSource.loopback("localhost")).isTrue();
        assertThat(SpecSource.loopback("[::1]")).isTrue();
        assertThat(SpecSource.loopback("127.0.0.1")).isTrue();
        assertThat(SpecSource.loopback("10.0.0.1")).isFalse();
        assertThat(SpecSource.loopback("localhost.example.com")).isFalse();
    }

    private void serve(String path, int status, String body, AtomicInteger requests) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private static Path jar(Path file, String... namesAndContents) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
