package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that try to hurt the client, on loopback: bodies far larger than the client keeps in memory (declared and
 * chunked), an error page of megabytes, a download that breaks off, a server that never answers, one that stalls after
 * its headers, and redirects to another host and from https to plain http. Runs with the default heap: a body is never
 * held whole, so nothing here relies on an {@code OutOfMemoryError} not happening by luck.
 */
class HostileServerTest {

    static final int MIB = 1024 * 1024;
    static final long HUGE = 64L * MIB;
    /** What a call that must end by its timeout may take beyond it on a loaded machine; a hang takes forever. */
    static final Duration SLACK = Duration.ofSeconds(5);

    @RegisterExtension
    static WireMockExtension https = WireMockExtension.newInstance().options(TestTls.httpsServer()).build();

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @TempDir
    Path folder;

    private final Plain server = new Plain();
    private final List<AutoCloseable> closeAfter = new CopyOnWriteArrayList<>(List.of(server));

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
    }

    private ApiClient client(URI base, long limit, Duration timeout) {
        return new ApiClient(ClientOptions.builder().baseUri(base).allowPlainHttpToLoopback(true)
                .credentials(Credentials.builder().basic("user", "s3cret-NEVER-SHOWN").cookie("session", "c00kie-NEVER")
                        .build())
                .maxInMemoryBodySize(limit).requestTimeout(timeout).retryPolicy(RetryPolicy.defaults()).build(),
                ErrorDecoder.DEFAULT);
    }

    private ApiClient client(long limit) {
        return client(server.base(), limit, Duration.ofSeconds(20));
    }

    private static ApiRequest getting(String path) {
        return ApiRequest.builder("GET", path).build();
    }

    /** The failure of the asynchronous call, unwrapped. */
    private static Throwable asyncFailure(Supplier<java.util.concurrent.CompletableFuture<?>> call) throws Exception {
        try {
            call.get().get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    // ---- bodies over the limit

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeItIsReadAndTheClientGoesOn() throws Exception {
        server.streaming("/huge", 200, "application/json", HUGE, true);
        server.fixed("/small", 200, "application/json", "{\"ok\":true}");
        ApiClient client = client(MIB);

        Throwable blocking = catchThrowable(() -> client.send(getting("/huge"), Map.class));
        Throwable async = asyncFailure(() -> client.sendAsync(getting("/huge"), Map.class));

        for (Throwable failure : List.of(blocking, async)) {
            assertThat(failure).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("→ HTTP 200: the response body of 64 MiB (Content-Length) is larger than the"
                            + " 1 MiB this client reads into memory")
                    .hasMessageContaining("maxInMemoryBodySize");
            ResponseTooLargeException tooLarge = (ResponseTooLargeException) failure;
            assertThat(tooLarge.limit()).isEqualTo(MIB);
            assertThat(tooLarge.contentLength()).hasValue(HUGE);
            assertThat(tooLarge.attempts()).isEqualTo(1); // not retried
            assertThat(tooLarge.rawBody()).isEmpty();
        }
        assertThat(server.requests("/huge")).isEqualTo(2);
        assertThat(server.awaitWritten("/huge", 2)).allSatisfy(written -> assertThat(written).isLessThan(HUGE));
        assertThat(client.send(getting("/small"), com.fasterxml.jackson.databind.JsonNode.class).path("ok").asBoolean())
                .isTrue();
        assertThat(client.sendAsync(getting("/small"), com.fasterxml.jackson.databind.JsonNode.class)
                .get(20, TimeUnit.SECONDS).path("ok").asBoolean()).isTrue();
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsCutOffAtTheLimit() throws Exception {
        server.streaming("/chunked", 200, "text/plain", HUGE, false);
        server.fixed("/small", 200, "text/plain", "fine");
        ApiClient client = client(MIB);

        Throwable blocking = catchThrowable(() -> client.send(getting("/chunked"), String.class));
        Throwable async = asyncFailure(() -> client.sendAsync(getting("/chunked"), byte[].class));

        for (Throwable failure : List.of(blocking, async)) {
            assertThat(failure).isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining("(no Content-Length) is larger than the 1 MiB");
            assertThat(((ResponseTooLargeException) failure).contentLength()).isEmpty();
        }
        assertThat(server.awaitWritten("/chunked", 2)).allSatisfy(written -> assertThat(written).isLessThan(HUGE));
        assertThat(client.send(getting("/small"), String.class)).isEqualTo("fine");
    }

    @Test
    void anErrorPageOverTheLimitStillGivesTheHttpErrorWithItsStart() throws Exception {
        server.streaming("/error", 500, "text/html", 8L * MIB, false);
        ApiClient client = client(ClientOptions.DEFAULT_MAX_IN_MEMORY_BODY_SIZE);

        Throwable failure = catchThrowable(() -> client.send(ApiRequest.builder("POST", "/error").build()));

        assertThat(failure).isExactlyInstanceOf(ApiException.class)
                .hasMessageContaining("→ HTTP 500: HTML page \"huge\"")
                .hasMessageEndingWith("(error body cut after its first 1048576 bytes)");
        assertThat(((ApiException) failure).rawBody()).hasSize(MIB).startsWith("<html><title>huge</title>");
        assertThat(server.awaitWritten("/error", 1)).allSatisfy(written -> assertThat(written).isLessThan(8L * MIB));
    }

    @Test
    void aCallMayRaiseOrLowerTheLimitForItself() {
        String text = "x".repeat(2 * MIB);
        server.fixed("/export", 200, "text/csv", text);
        ApiClient client = client(MIB);

        Throwable refused = catchThrowable(() -> client.send(getting("/export"), String.class));
        String raised = client.send(RequestOptions.builder().maxInMemoryBodySize(4L * MIB).build()
                .applyTo(ApiRequest.builder("GET", "/export")).build(), String.class);
        Throwable lowered = catchThrowable(() -> client(4L * MIB).send(ApiRequest.builder("GET", "/export")
                .maxInMemoryBodySize(MIB / 2).build(), String.class));

        assertThat(refused).isInstanceOf(ResponseTooLargeException.class);
        assertThat(raised).isEqualTo(text);
        assertThat(lowered).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("larger than the 512 KiB");
    }

    @Test
    void aTokenEndpointThatAnswersWithAHugeBodyIsCutOffToo() throws Exception {
        server.streaming("/token", 200, "application/json", HUGE, false);
        server.fixed("/data", 200, "application/json", "{}");
        OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder().tokenUri(server.base().resolve("/token"))
                .allowPlainHttpToLoopback(true).clientId("id").clientSecret("s3cret-NEVER-SHOWN").build();
        ApiClient client = new ApiClient(ClientOptions.builder().baseUri(server.base()).allowPlainHttpToLoopback(true)
                .credentials(Credentials.builder().authenticator(oauth).build()).build(), ErrorDecoder.DEFAULT);

        Throwable failure = catchThrowable(() -> client.send(getting("/data"), Map.class));

        assertThat(failure).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("larger than the 1 MiB");
        assertThat(server.awaitWritten("/token", 1)).allSatisfy(written -> assertThat(written).isLessThan(HUGE));
        assertThat(server.requests("/data")).isZero();
    }

    // ---- downloads stream

    @Test
    void aDownloadStreamsFarPastTheLimitToAFile() throws Exception {
        server.streaming("/dump", 200, "application/octet-stream", HUGE, false);
        server.streaming("/dump-declared", 200, "application/octet-stream", 4L * MIB, true);
        ApiClient client = client(MIB);
        Path target = folder.resolve("dump.bin");

        try (Download download = client.send(getting("/dump"), Download.class)) {
            assertThat(download.writeTo(target)).isEqualTo(target);
        }
        Download declared = client.sendAsync(getting("/dump-declared"), Download.class).get(20, TimeUnit.SECONDS);
        Throwable intoMemory = catchThrowable(declared::bytes);

        assertThat(Files.size(target)).isEqualTo(HUGE);
        assertThat(intoMemory).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("1 MiB");
        assertThat(folder.toFile().list()).containsExactly("dump.bin"); // no partial file left
    }

    @Test
    void aDownloadThatBreaksOffIsNotSentAgainAndLeavesTheFileAsItWas() throws Exception {
        server.breakingOff("/broken", 4L * MIB, MIB / 4);
        ApiClient client = client(MIB);
        Path target = folder.resolve("report.pdf");
        Files.writeString(target, "the report of yesterday");

        Download download = client.send(getting("/broken"), Download.class);
        Throwable failure = catchThrowable(() -> download.writeTo(target));

        assertThat(failure).isInstanceOf(TransportException.class)
                .hasMessageStartingWith("GET " + server.base() + "/broken: reading the download failed");
        assertThat(Files.readString(target)).isEqualTo("the report of yesterday");
        assertThat(folder.toFile().list()).containsExactly("report.pdf");
        assertThat(server.requests("/broken")).isEqualTo(1); // a GET, yet not replayed half-read
    }

    // ---- servers that do not answer

    @Test
    void aServerThatNeverAnswersEndsInATimeoutNotAHang() throws Exception {
        Silent silent = new Silent(0);
        closeAfter.add(silent);
        Duration timeout = Duration.ofMillis(500);
        ApiClient client = new ApiClient(ClientOptions.builder().baseUri(silent.base()).allowPlainHttpToLoopback(true)
                .requestTimeout(timeout).retryPolicy(RetryPolicy.none()).build(), ErrorDecoder.DEFAULT);

        long start = System.nanoTime();
        Throwable blocking = catchThrowable(() -> client.send(getting("/anything"), Map.class));
        Duration blockingTook = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        Throwable async = asyncFailure(() -> client.sendAsync(getting("/anything"), Map.class));
        Duration asyncTook = Duration.ofNanos(System.nanoTime() - start);

        for (Throwable failure : List.of(blocking, async)) {
            assertThat(failure).isInstanceOf(TransportException.class)
                    .hasMessageContaining("timed out: no answer within 500 ms (requestTimeout)");
        }
        assertThat(blockingTook).isBetween(timeout, timeout.plus(SLACK));
        assertThat(asyncTook).isBetween(timeout, timeout.plus(SLACK));
        assertThat(silent.accepted()).isEqualTo(2);
        // and a client that sets nothing still has a timeout
        assertThat(ClientOptions.builder().baseUri(URI.create("https://api.example.com")).build().requestTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aServerThatStallsAfterItsHeadersEndsInATimeoutBufferedOrStreamed() throws Exception {
        Silent stalling = new Silent(3); // headers, Content-Length 100, then 3 bytes, then nothing
        closeAfter.add(stalling);
        Duration timeout = Duration.ofMillis(500);
        ApiClient client = new ApiClient(ClientOptions.builder().baseUri(stalling.base()).allowPlainHttpToLoopback(true)
                .requestTimeout(timeout).retryPolicy(RetryPolicy.none()).build(), ErrorDecoder.DEFAULT);

        long start = System.nanoTime();
        Throwable buffered = catchThrowable(() -> client.send(getting("/stall"), String.class));
        Duration bufferedTook = Duration.ofNanos(System.nanoTime() - start);
        Download download = client.send(getting("/stall"), Download.class);
        start = System.nanoTime();
        Throwable streamed = catchThrowable(() -> download.transferTo(OutputStream.nullOutputStream()));
        Duration streamedTook = Duration.ofNanos(System.nanoTime() - start);

        assertThat(buffered).isInstanceOf(TransportException.class).hasMessageContaining("timed out");
        assertThat(bufferedTook).isBetween(timeout, timeout.plus(SLACK));
        assertThat(streamed).isInstanceOf(TransportException.class)
                .hasMessageContaining("the download stalled: no data for 500 ms (requestTimeout)");
        assertThat(streamedTook).isBetween(timeout, timeout.plus(SLACK));
    }

    // ---- redirects

    @Test
    void aRedirectToAnotherHostIsNotFollowedAndTheCredentialsStayHome() {
        Plain other = new Plain();
        closeAfter.add(other);
        other.fixed("/landing", 200, "application/json", "{}");
        URI elsewhere = URI.create("http://localhost:" + other.base().getPort() + "/landing?token=t0ken-in-url");
        server.redirect("/moved", 302, elsewhere);
        ApiClient client = client(MIB);

        Throwable blocking = catchThrowable(() -> client.send(getting("/moved"), Map.class));
        Throwable async = catchThrowable(() -> client.sendAsync(getting("/moved"), Map.class).join());

        assertThat(blocking).isInstanceOf(ApiException.class)
                .hasMessageContaining("→ HTTP 302: redirect to http://localhost:" + other.base().getPort()
                        + "/landing not followed");
        assertThat(((ApiException) blocking).status()).isEqualTo(302);
        assertThat(async).hasCauseInstanceOf(ApiException.class);
        assertThat(other.requests("/landing")).isZero();
        assertThat(server.requests("/moved")).isEqualTo(2); // 3xx is not retried either
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsNotFollowed() {
        Plain plain = new Plain();
        closeAfter.add(plain);
        plain.fixed("/api/data", 200, "application/json", "{}");
        https.stubFor(get(urlPathEqualTo("/api/data")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", plain.base() + "/api/data")));
        ApiClient client = new ApiClient(ClientOptions.builder()
                .baseUri(URI.create(https.getRuntimeInfo().getHttpsBaseUrl() + "/api"))
                .sslContext(TestTls.trustingLocalhost())
                .credentials(Credentials.builder().bearer("b3arer-NEVER-SHOWN").build()).build(), ErrorDecoder.DEFAULT);

        Throwable failure = catchThrowable(() -> client.send(getting("/data"), Map.class));

        assertThat(failure).isInstanceOf(ApiException.class)
                .hasMessageContaining("→ HTTP 301: redirect to " + plain.base() + "/api/data not followed");
        assertThat(plain.requests("/api/data")).isZero();
    }

    // ---- the servers

    /** A plain-HTTP server on loopback whose answers are generated, never held: any size costs a 64 KiB buffer. */
    static final class Plain implements AutoCloseable {

        private final HttpServer http;
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        private final Map<String, List<Long>> written = new ConcurrentHashMap<>();

        Plain() {
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            http.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "hostile-server");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        }

        int requests(String path) {
            return requests.computeIfAbsent(path, p -> new AtomicInteger()).get();
        }

        /** How many bytes each answer on {@code path} got written before it ended (the client closed it, or done). */
        List<Long> awaitWritten(String path, int answers) throws InterruptedException {
            List<Long> list = written.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
            for (int i = 0; i < 3000 && list.size() < answers; i++) {
                Thread.sleep(10); // the server's write fails once the client's close reaches it: no event to wait on
            }
            assertThat(list).hasSize(answers);
            return list;
        }

        void fixed(String path, int status, String type, String body) {
            handle(path, exchange -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            });
        }

        void redirect(String path, int status, URI location) {
            handle(path, exchange -> {
                exchange.getResponseHeaders().set("Location", location.toString());
                exchange.sendResponseHeaders(status, -1);
            });
        }

        /** {@code size} bytes, starting with an HTML title; declared as Content-Length or sent chunked. */
        void streaming(String path, int status, String type, long size, boolean declared) {
            handle(path, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(status, declared ? size : 0);
                AtomicLong sent = new AtomicLong();
                try {
                    OutputStream out = exchange.getResponseBody();
                    byte[] head = "<html><title>huge</title>".getBytes(StandardCharsets.US_ASCII);
                    out.write(head);
                    sent.addAndGet(head.length);
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    while (sent.get() < size) {
                        int n = (int) Math.min(chunk.length, size - sent.get());
                        out.write(chunk, 0, n);
                        sent.addAndGet(n);
                    }
                    out.close();
                } finally {
                    written.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(sent.get());
                }
            });
        }

        /** Declares {@code declared} bytes, sends {@code sent}, then drops the connection. */
        void breakingOff(String path, long declared, int sent) {
            handle(path, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/pdf");
                exchange.sendResponseHeaders(200, declared);
                exchange.getResponseBody().write(new byte[sent]);
                exchange.getResponseBody().flush();
                exchange.getHttpContext().getServer(); // then the exchange ends without the rest:
                exchange.close();                      // the JDK server closes a connection whose body is short
            });
        }

        private interface Handler {
            void handle(HttpExchange exchange) throws IOException;
        }

        private void handle(String path, Handler handler) {
            http.createContext(path, exchange -> {
                requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    handler.handle(exchange);
                } catch (IOException clientWentAway) {
                    // what these servers are for: the client closed the connection
                }
            });
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    /**
     * A raw socket server: accepts, reads the request, and then either never writes ({@code bodyBytes} 0) or writes
     * headers declaring 100 bytes and {@code bodyBytes} of them, and then nothing.
     */
    static final class Silent implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();

        Silent(int bodyBytes) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        open.add(connection);
                        accepted.incrementAndGet();
                        readRequest(connection.getInputStream());
                        if (bodyBytes > 0) {
                            OutputStream out = connection.getOutputStream();
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                                    + "x".repeat(bodyBytes)).getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void readRequest(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        }
    }
}
