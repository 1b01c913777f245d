package dev.specwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --allow-remote-refs} and {@code --allow-refs-outside}: off by default (exit 2, nothing fetched), explicit to allow. */
class RefOptionsCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "type: object\nproperties:\n  name: {type: string}\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = SpecwrightCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path spec(String ref) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("api"));
        return Files.writeString(folder.resolve("api.yaml"), "openapi: 3.0.3\ninfo: {title: Widget API, version: '1'}\n"
                + "paths:\n  /w:\n    get:\n      operationId: getWidget\n      responses:\n        '200':\n"
                + "          description: ok\n          content:\n            application/json:\n"
                + "              schema: {$ref: '" + ref + "'}\n");
    }

    private String remote() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/widget.yaml";
    }

    @Test
    void aRemoteRefIsExit2AndNothingIsFetched() throws IOException {
        Path out = dir.resolve("sdk");
        assertThat(run("generate", "--spec", spec(remote()).toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("reaches the network", "--allow-remote-refs");
        assertThat(requests.get()).isZero();
        assertThat(out).doesNotExist();
    }

    @Test
    void anAllowedHostIsFetched() throws IOException {
        int exit = run("generate", "--spec", spec(remote()).toString(), "--out", dir.resolve("sdk").toString(),
                "--allow-remote-refs", "example.org,127.0.0.1");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(requests.get()).isPositive();
    }

    @Test
    void aBadHostIsABadArgument() throws IOException {
        int exit = run("generate", "--spec", spec("#/x").toString(), "--out", dir.resolve("sdk").toString(),
                "--allow-remote-refs", "https://example.org/");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--allow-remote-refs", "must be a host name");
    }

    @Test
    void aFileOutsideIsExit2UnlessItsFolderIsAllowed() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("widget.yaml"), "type: object\nproperties:\n  name: {type: string}\n");
        Path spec = spec("../shared/widget.yaml");
        assertThat(run("generate", "--spec", spec.toString(), "--out", dir.resolve("sdk").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("outside the spec's folder", "--allow-refs-outside");
        int exit = run("generate", "--spec", spec.toString(), "--out", dir.resolve("sdk").toString(), "--allow-refs-outside", shared.toString());
        assertThat(exit).as(err.toString()).isZero();
    }

    @Test
    void aMissingAllowedFolderIsABadArgument() throws IOException {
        int exit = run("generate", "--spec", spec("#/x").toString(), "--out", dir.resolve("sdk").toString(),
                "--allow-refs-outside", dir.resolve("nope").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--allow-refs-outside: no such folder");
    }
}
