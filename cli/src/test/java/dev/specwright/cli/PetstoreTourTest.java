package dev.specwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's five-minute tour: {@code specs/features/petstore3.yaml} (the public Swagger Petstore 3 definition)
 * generated with the CLI as the README says, {@code src/test/resources/tour/PetstoreTour.java} (the README's code,
 * verbatim) compiled against it with {@code -Xlint:all -Werror}, and run against a local server that answers as the
 * Petstore does: every call of the tour reaches its path with the {@code api_key} header, and a 404 is an ApiException.
 */
class PetstoreTourTest {

    @TempDir
    Path dir;

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Test
    void theTourCompilesAgainstTheGeneratedClientAndDoesWhatTheReadmeSays() throws Exception {
        Path spec = Path.of(System.getProperty("specwright.specs", "../specs"), "features", "petstore3.yaml");
        Path out = dir.resolve("petstore");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        picocli.CommandLine cli = SpecwrightCli.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));

        int exit = cli.execute("generate", "-i", spec.toString(), "-o", out.toString());

        assertThat(exit).as("stderr: %s", stderr).isZero();
        Path sources = out.resolve("src/main/java");
        assertThat(sources.resolve("com/example/petstore/PetstoreClient.java")).as("the derived base package").exists();

        Path tour = Files.createDirectories(dir.resolve("tour/com/example/app")).resolve("PetstoreTour.java");
        try (InputStream in = getClass().getResourceAsStream("/tour/PetstoreTour.java")) {
            Files.write(tour, in.readAllBytes());
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> diagnostics = compile(sources, tour, classes);
        assertThat(diagnostics).as("javac -Xlint:all -Werror").isEmpty();

        HttpServer server = petstore();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3");
            Class<?> clientClass = loader.loadClass("com.example.petstore.PetstoreClient");
            Class<?> credentials = loader.loadClass("com.example.petstore.PetstoreCredentials");
            Class<?> credentialsType = loader.loadClass("dev.specwright.runtime.Credentials");
            Object builder = clientClass.getMethod("builder").invoke(null);
            Class<?> builderClass = builder.getClass();
            builderClass.getMethod("baseUri", URI.class).invoke(builder, base);
            builderClass.getMethod("credentials", credentialsType)
                    .invoke(builder, credentials.getMethod("apiKey", String.class).invoke(null, "special-key"));
            builderClass.getMethod("allowPlainHttpToLoopback", boolean.class).invoke(builder, true);
            Object petstore = builderClass.getMethod("build").invoke(builder);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Method run = loader.loadClass("com.example.app.PetstoreTour").getDeclaredMethod("tour", clientClass, PrintStream.class);
            run.setAccessible(true);
            run.invoke(null, petstore, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                    "1 pets available",
                    "added pet 10",
                    "inventory: {available=7, sold=2}",
                    "logged in: logged in user session:1700000000000",
                    "HTTP 404 from GET /api/v3/pet/-1: Pet not found");
        } finally {
            server.stop(0);
        }
        assertThat(requests).containsExactly(
                "GET /api/v3/pet/findByStatus?status=available api_key=special-key",
                "POST /api/v3/pet api_key=special-key {\"name\":\"doggie\",\"photoUrls\":[\"https://example.com/doggie.jpg\"],"
                        + "\"status\":\"available\"}",
                "GET /api/v3/store/inventory api_key=special-key",
                "GET /api/v3/user/login?username=theUser&password=12345 api_key=special-key",
                "GET /api/v3/pet/-1 api_key=special-key");
    }

    /** Answers the tour's calls as petstore3.swagger.io does, recording method, path, query, api_key and body. */
    private HttpServer petstore() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v3/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            requests.add(exchange.getRequestMethod() + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " api_key=" + exchange.getRequestHeaders().getFirst("api_key") + (body.isEmpty() ? "" : " " + body));
            switch (exchange.getRequestMethod() + " " + path) {
                case "GET /api/v3/pet/findByStatus" ->
                        json(exchange, 200, "[{\"id\":1,\"name\":\"rex\",\"photoUrls\":[],\"status\":\"available\"}]");
                case "POST /api/v3/pet" -> json(exchange, 200, body.replaceFirst("^\\{", "{\"id\":10,"));
                case "GET /api/v3/store/inventory" -> json(exchange, 200, "{\"available\":7,\"sold\":2}");
                case "GET /api/v3/user/login" -> json(exchange, 200, "\"logged in user session:1700000000000\"");
                default -> {
                    byte[] bytes = "Pet not found".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(404, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                }
            }
        });
        server.start();
        return server;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** javac as strictly as the project builds, against this test's class path (the runtime and Jackson). */
    private static List<String> compile(Path sources, Path tour, Path classes) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        files.add(tour);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            javac.getTask(null, fm, diagnostics, List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":"
                        + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }
}
