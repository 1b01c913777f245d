package dev.specwright.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;

/**
 * A hostile server on loopback (plain HTTP) that echoes every request back: each header as {@code Name=value}, the
 * raw request URI (query percent-encoded as sent), the decoded query and the cookies, in the body and in response
 * headers ({@code X-Echo-Authorization}, {@code Set-Cookie}, {@code X-Echo-Uri}). Paths:
 * <ul>
 *   <li>{@code /echo/<status>/json}: {@code {"message": "bad credentials: <echo>", "request": {...}}} (JSON-escaped);</li>
 *   <li>{@code /echo/<status>/text}: the echo as text, then the same as a JSON document;</li>
 *   <li>{@code /echo/200/notjson}: a 200 claiming JSON whose body is the echo (Jackson quotes it when it fails);</li>
 *   <li>{@code /token}: a token response with {@link #ACCESS_TOKEN}; {@code /token-echo}: 401 echoing the request.</li>
 * </ul>
 */
final class EchoServer implements AutoCloseable {

    static final String ACCESS_TOKEN = "acc3ss.T0ken/NEVER+SHOWN";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;

    EchoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "echo-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/token")) {
                send(exchange, 200, "application/json", "{\"access_token\":\"" + ACCESS_TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
                return;
            }
            String echo = echo(exchange);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("message", "bad credentials: " + echo);
            document.put("request", requestAsMap(exchange));
            String json = MAPPER.writeValueAsString(document);
            exchange.getResponseHeaders().add("X-Echo-Authorization",
                    String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Set-Cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            exchange.getResponseHeaders().add("X-Echo-Uri", exchange.getRequestURI().toString());
            if (path.equals("/token-echo")) {
                send(exchange, 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"bad"
                        + " credentials: " + echo.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
                return;
            }
            String[] parts = path.split("/"); // "", "echo", status, kind
            int status = Integer.parseInt(parts[2]);
            switch (parts[3]) {
                case "json" -> send(exchange, status, "application/json", json);
                case "text" -> send(exchange, status, "text/plain; charset=UTF-8", "bad credentials: " + echo + "\n" + json);
                case "notjson" -> send(exchange, status, "application/json", "bad credentials: " + echo);
                default -> send(exchange, 404, "text/plain", "no such echo");
            }
        }
    }

    private static String echo(HttpExchange exchange) {
        StringJoiner out = new StringJoiner("; ");
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> out.add(name + "=" + value)));
        URI uri = exchange.getRequestURI();
        out.add("url=" + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        out.add("query=" + (uri.getRawQuery() == null ? "" : URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, Object> requestAsMap(HttpExchange exchange) {
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        request.put("headers", headers);
        request.put("uri", exchange.getRequestURI().toString());
        return request;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
