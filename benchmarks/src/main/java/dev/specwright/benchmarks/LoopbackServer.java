package dev.specwright.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * The JDK's own HTTP server on 127.0.0.1, answering fixed bytes per path: no library between the socket and the
 * answer, so both clients measured against it pay the same server cost. HTTP/1.1 keep-alive, one dispatcher thread.
 */
final class LoopbackServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the server's headers and body leave as two small segments, and Nagle's algorithm plus the
        // client's delayed ACK add ~40 ms to every call: the benchmark would measure the kernel's timers. Read once,
        // when the JDK's server configuration is first loaded, so it must be set before the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;

    /** @param answers the exact request path (no query) → the JSON body answered with 200 */
    LoopbackServer(Map<String, byte[]> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the benchmark server", e);
        }
        server.createContext("/", exchange -> answer(exchange, answers.get(exchange.getRequestURI().getPath())));
        server.start();
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
