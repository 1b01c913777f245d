package dev.specwright.runtime;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** {@link Transport#of(HttpClient)}, and the default: the JDK's HTTP client. */
record JdkTransport(HttpClient client) implements Transport {

    /** The default transport for {@code options}: HTTP/1.1, no redirects followed, its TLS, proxy and executor. */
    static JdkTransport forOptions(ClientOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                // a redirect could carry the Authorization header to another host; the runtime decides which to follow
                .followRedirects(HttpClient.Redirect.NEVER);
        options.sslContext().ifPresent(builder::sslContext);
        options.proxy().ifPresent(builder::proxy);
        options.executor().ifPresent(builder::executor);
        return new JdkTransport(builder.build());
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException,
            InterruptedException {
        return client.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client.sendAsync(request, handler);
    }

    @Override
    public String toString() {
        return "JdkTransport[" + client.version() + "]";
    }
}
