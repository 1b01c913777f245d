package dev.specwright.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.Durations;
import dev.specwright.runtime.internal.FailureReasons;
import dev.specwright.runtime.internal.JsonMappers;
import dev.specwright.runtime.internal.LoopbackHosts;
import dev.specwright.runtime.internal.Redactor;
import dev.specwright.runtime.internal.UriText;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): a token fetched from the token endpoint with a form POST, sent as
 * {@code Authorization: Bearer <token>}, cached, and fetched anew {@link Builder#refreshSkew(Duration) a little before}
 * it expires. However many threads or asynchronous calls need a token at once, one request fetches it and all of them
 * wait for that one. Set it with {@link Credentials.Builder#authenticator(Authenticator)}:
 *
 * <pre>{@code
 * OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder()
 *     .tokenUri(URI.create("https://auth.example.com/oauth2/token"))
 *     .clientId("my-client").clientSecret(secret).scopes("orders:read", "orders:write")
 *     .build();
 * Credentials credentials = Credentials.builder().authenticator(oauth).build();
 * }</pre>
 *
 * The client authenticates with HTTP Basic (§2.3.1), or with {@code client_id}/{@code client_secret} form fields when
 * {@link Builder#credentialsInBody(boolean)} says so. The token request goes through the {@link Transport} of the client
 * whose call needs the token — its proxy, its trust settings, an {@link InMemoryTransport} in a unit test — unless
 * {@link Builder#transport(Transport)} or {@link Builder#sslContext(SSLContext)} gives it one of its own. A token endpoint that refuses (4xx/5xx) fails the call with an
 * {@link ApiException} carrying its answer; one that cannot be reached, with a {@link TransportException}. Neither the
 * secret nor a token ever appears in {@code toString()}, a log or a message.
 */
public final class OAuth2ClientCredentials implements Authenticator {

    /** How long a token whose answer has no {@code expires_in} is used before another is fetched. */
    static final Duration LIFETIME_WITHOUT_EXPIRES_IN = Duration.ofMinutes(1);

    private static final ObjectMapper MAPPER = JsonMappers.shared();

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final Map<String, String> parameters;
    private final boolean credentialsInBody;
    private final boolean jsonTokenRequest;
    private final Duration refreshSkew;
    private final Duration timeout;
    private final TimeSource time;
    /** The transport of every token request; null: the one of the client whose call needs the token. */
    private final Transport transport;
    /** For a request that comes with no transport (made outside a client): a JDK client, made when first needed. */
    private Transport fallback; // guarded by this

    // guarded by this
    private Token token;
    private CompletableFuture<Token> fetching;
    private int fetches;

    /** A token, and the time-source reading after which it is fetched anew. */
    private record Token(String value, long refreshAtNanos) {}

    private OAuth2ClientCredentials(Builder builder) {
        this.tokenUri = builder.tokenUri;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.scopes = List.copyOf(builder.scopes);
        this.parameters = Map.copyOf(builder.parameters);
        this.credentialsInBody = builder.credentialsInBody;
        this.jsonTokenRequest = builder.jsonTokenRequest;
        this.refreshSkew = builder.refreshSkew;
        this.timeout = builder.timeout;
        this.time = builder.time;
        if (builder.transport != null) {
            this.transport = builder.transport;
        } else if (builder.sslContext != null) {
            this.transport = jdkTransport(builder.sslContext, builder.timeout);
        } else {
            this.transport = null;
        }
    }

    /** A JDK client of this authenticator's own: HTTP/1.1, no redirects followed, {@code timeout} to connect. */
    private static Transport jdkTransport(SSLContext sslContext, Duration timeout) {
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            http.sslContext(sslContext);
        }
        return Transport.of(http.build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets {@code Authorization: Bearer <token>}, first fetching a token (blocking) if there is none fresh. */
    @Override
    public void authenticate(AuthRequest request) {
        CompletableFuture<Token> current = token(request);
        Token fresh;
        try {
            fresh = current.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method() + " " + UriText.withoutQuery(request.uri())
                    + " was interrupted while waiting for an OAuth 2.0 token from " + UriText.withoutQuery(tokenUri), e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
        request.header("Authorization", "Bearer " + fresh.value());
    }

    /** The same without blocking: a token fetch in progress is joined, not waited for. */
    @Override
    public CompletableFuture<Void> authenticateAsync(AuthRequest request) {
        return token(request).thenAccept(fresh -> request.header("Authorization", "Bearer " + fresh.value()));
    }

    /**
     * A 401 to a request with this client's token: the server no longer takes it (revoked, rotated, or the server
     * restarted), so it is dropped and the next call fetches a fresh one. Only the token the refused request carried is
     * dropped: when 32 calls are refused at once, the first drops it and the others find the fresh one (or the fetch in
     * progress) — one token request for all of them.
     */
    @Override
    public synchronized boolean refused(java.net.http.HttpHeaders sent) {
        String refused = sent.firstValue("Authorization").orElse(null);
        if (token != null && refused != null && refused.equals("Bearer " + token.value())) {
            token = null;
        }
        return true; // what authenticate() adds now is a fresh token, or the one a concurrent refusal fetched
    }

    /** How many token requests were sent so far. */
    synchronized int tokenRequests() {
        return fetches;
    }

    /**
     * The cached token if fresh, else the one fetch in progress, started here if there is none (through the transport
     * of the client asking, unless this authenticator has its own; the asking call's listener told of it).
     */
    private synchronized CompletableFuture<Token> token(AuthRequest asking) {
        if (token != null && time.nanoTime() - token.refreshAtNanos() < 0) {
            return CompletableFuture.completedFuture(token);
        }
        if (fetching != null) {
            return fetching;
        }
        long started = time.nanoTime();
        CompletableFuture<Token> fetch = fetch(transportFor(asking.transport()));
        fetch.whenComplete((fetched, error) -> asking.fetched(tokenUri, error == null,
                java.time.Duration.ofNanos(time.nanoTime() - started))); // to the caller who started it, once
        fetching = fetch;
        fetch.whenComplete((fetched, error) -> done(fetch, fetched)); // may run at once, if the fetch failed at once
        return fetch;
    }

    private synchronized void done(CompletableFuture<Token> fetch, Token fetched) {
        if (fetching == fetch) {
            fetching = null; // after a failure too: the next call tries again
        }
        if (fetched != null) {
            token = fetched;
        }
    }

    private synchronized Transport transportFor(Transport callers) {
        if (transport != null) {
            return transport;
        }
        if (callers != null) {
            return callers;
        }
        if (fallback == null) {
            fallback = jdkTransport(null, timeout);
        }
        return fallback;
    }

    private CompletableFuture<Token> fetch(Transport through) {
        fetches++;
        long sentAt = time.nanoTime(); // the lifetime counts from before the request: the server's clock started then
        HttpRequest request;
        try {
            request = tokenRequest();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<ResponseBody>> sending;
        try {
            sending = through.sendAsync(request, BoundedBody.handler(BoundedBody.ERROR_BODY_LIMIT, false));
        } catch (RuntimeException e) { // a transport that throws instead of failing its future
            sending = CompletableFuture.failedFuture(e);
        }
        return sending.handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(redacted(transportFailure(Exchange.unwrap(error))));
                    }
                    try {
                        return read(response, sentAt);
                    } catch (CompletionException e) {
                        redacted(e.getCause());
                        throw e;
                    }
                });
    }

    private HttpRequest tokenRequest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        form.putAll(parameters);
        HttpRequest.Builder builder = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                .header("Content-Type", jsonTokenRequest ? "application/json" : "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .header("User-Agent", UserAgent.runtimeProduct());
        if (jsonTokenRequest) {
            // the same members as the form, as one JSON object of strings (Oro's /oauth2-token reads this)
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
            byte[] json;
            try {
                json = MAPPER.writeValueAsBytes(form);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the token request cannot be written as JSON", e); // strings only: cannot happen
            }
            return builder.POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        }
        if (credentialsInBody) {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        } else {
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded
            String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(formEncode(name) + "=" + formEncode(value)));
        return builder.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private Token read(HttpResponse<ResponseBody> response, long sentAt) {
        HttpFailure answer = Exchange.failure(response);
        if (response.body().tooLarge()) {
            throw new CompletionException(new ResponseTooLargeException(answer, response.body().limit(),
                    response.body().contentLength()));
        }
        if (response.statusCode() / 100 != 2) {
            throw new CompletionException(new ApiException(answer, "the token request was refused: "
                    + FailureReasons.of(answer, MAPPER)));
        }
        JsonNode document;
        try {
            document = MAPPER.readTree(response.body().bytes());
        } catch (IOException e) {
            throw new CompletionException(new ApiException(answer, "the token response is not JSON", null));
        }
        JsonNode accessToken = document == null ? null : document.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new CompletionException(new ApiException(answer, "the token response has no access_token", null));
        }
        String type = document.path("token_type").asText("Bearer");
        if (!type.equalsIgnoreCase("Bearer")) {
            throw new CompletionException(new ApiException(answer, "the token response has token_type " + type
                    + "; only Bearer tokens can be sent", null));
        }
        try {
            SuppliedBearer.requireToken(accessToken.asText(), "the access_token of the token response");
        } catch (IllegalArgumentException e) {
            throw new CompletionException(new ApiException(answer, e.getMessage(), null));
        }
        Duration lifetime = document.path("expires_in").canConvertToLong() && document.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(document.path("expires_in").asLong()) : LIFETIME_WITHOUT_EXPIRES_IN;
        // a skew of more than half the lifetime would fetch a new token almost at once
        Duration skew = refreshSkew.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : refreshSkew;
        return new Token(accessToken.asText(), sentAt + lifetime.minus(skew).toNanos());
    }

    private TransportException transportFailure(Throwable error) {
        String target = "POST " + UriText.withoutQuery(tokenUri);
        if (error instanceof HttpTimeoutException) {
            return new TransportException(target + ": no token within " + Durations.readable(timeout), error);
        }
        String reason = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName() : error.getMessage();
        return new TransportException(target + ": the token request failed: " + reason, error);
    }

    private static RuntimeException rethrown(Throwable failure) {
        Throwable cause = Exchange.unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("fetching the token failed", cause);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * What must never be shown: the secret, as sent (form-encoded, and in the Basic header), and the Basic header
     * itself. The tokens are learnt by the client as they are sent.
     */
    List<String> secrets() {
        String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
        return List.of(clientSecret, formEncode(clientSecret),
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The failure of a token request, kept free of the secret and of a token the endpoint's answer holds (a token
     * endpoint echoing the request puts the secret in its error body).
     */
    private <E extends Throwable> E redacted(E failure) {
        Redactor redactor = Redactor.of(secrets());
        if (failure instanceof ApiException api) {
            api.redactWith(redactor);
        } else if (failure instanceof TransportException transport) {
            transport.redactWith(redactor);
        }
        return failure;
    }

    /** The token endpoint and client id: who the caller is, for {@link RateLimiters}; never shown. */
    String identity() {
        return tokenUri.toASCIIString() + " " + clientId;
    }

    /** Where tokens come from and for which scopes: no client id, no secret, no token. */
    @Override
    public String toString() {
        return "OAuth2ClientCredentials[tokenUri=" + UriText.withoutQuery(tokenUri) + ", scopes=" + scopes + "]";
    }

    public static final class Builder {

        private URI tokenUri;
        private String clientId;
        private String clientSecret;
        private final List<String> scopes = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private boolean credentialsInBody;
        private boolean jsonTokenRequest;
        private boolean allowPlainHttpToLoopback;
        private Duration refreshSkew = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(30);
        private TimeSource time = TimeSource.system();
        private SSLContext sslContext;
        private Transport transport;

        private Builder() {}

        /** Required: the token endpoint, https (plain http only to loopback, with {@link #allowPlainHttpToLoopback}). */
        public Builder tokenUri(URI tokenUri) {
            this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
            return this;
        }

        /** Required. */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /** Required. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The scopes to ask for, sent space-separated as {@code scope}; none by default (the server's default). */
        public Builder scopes(String... scopes) {
            for (String scope : scopes) {
                if (scope == null || scope.isEmpty() || scope.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '\\' || c >= 0x7f)) {
                    throw new IllegalArgumentException("scope \"" + scope + "\" is not a scope token (RFC 6749 §3.3):"
                            + " printable ASCII without spaces, '\"' or '\\'");
                }
                this.scopes.add(scope);
            }
            return this;
        }

        /** A further form field of the token request, e.g. {@code audience} or {@code resource}. */
        public Builder parameter(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (List.of("grant_type", "scope", "client_id", "client_secret").contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("parameter " + name + " is set by the builder itself; use its own method");
            }
            parameters.put(name, value);
            return this;
        }

        /** Sends {@code client_id} and {@code client_secret} as form fields instead of HTTP Basic (default: Basic). */
        public Builder credentialsInBody(boolean inBody) {
            this.credentialsInBody = inBody;
            return this;
        }

        /**
         * Sends the token request as a JSON object ({@code Content-Type: application/json}) instead of a form:
         * {@code {"grant_type":"client_credentials","scope":…,"client_id":…,"client_secret":…}} with the
         * {@link #parameter further parameters}, the client's id and secret in the body (never HTTP Basic). For token
         * endpoints that take JSON, such as Oro's {@code /oauth2-token}. Off by default (RFC 6749's form).
         */
        public Builder jsonTokenRequest(boolean json) {
            this.jsonTokenRequest = json;
            return this;
        }

        /** Lets a local test server be reached over plain HTTP; has no effect on any other host. */
        public Builder allowPlainHttpToLoopback(boolean allow) {
            this.allowPlainHttpToLoopback = allow;
            return this;
        }

        /**
         * How long before its expiry a token is replaced (default 30 s, at most half its lifetime), so that no request
         * goes out with a token that expires on its way.
         */
        public Builder refreshSkew(Duration skew) {
            Objects.requireNonNull(skew, "refreshSkew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("refreshSkew must not be negative, was " + skew);
            }
            this.refreshSkew = skew;
            return this;
        }

        /**
         * How long to wait for the token endpoint's answer; default 30 s. Also the connect timeout when the token
         * requests go through a JDK client of this authenticator's own ({@link #sslContext}); through the client's
         * transport, the client's {@code connectTimeout} applies to connecting.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = dev.specwright.runtime.internal.Durations.requirePositive("timeout", timeout);
            return this;
        }

        /** The clock token lifetimes are measured on (default {@link TimeSource#system()}); tests pass a virtual one. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "timeSource");
            return this;
        }

        /**
         * A TLS context for the token endpoint, e.g. one that trusts a private CA: the token requests then go through a
         * JDK client of this authenticator's own (no proxy, {@link #timeout} to connect), not the client's transport.
         * Not set (the default): the transport of the client whose call needs a token, with its trust and proxy.
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * The transport every token request goes through, whichever client asks (it wins over {@link #sslContext}).
         * Not set (the default): the transport of the client whose call needs a token — so its proxy and trust settings
         * apply to the token endpoint too, and a client built with an {@link InMemoryTransport} gets its token from that
         * transport's canned answers (answer {@code POST} to the token endpoint's path). A token endpoint whose
         * certificate the client's own trust settings do not cover (a public IdP, a client trusting only a private CA)
         * needs {@code transport(...)} or {@code sslContext(...)} here. One authenticator shared by clients with different
         * transports fetches through the transport of the client that asked first.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        public OAuth2ClientCredentials build() {
            if (tokenUri == null || clientId == null || clientSecret == null) {
                throw new IllegalArgumentException("tokenUri, clientId and clientSecret are required, e.g."
                        + " tokenUri(URI.create(\"https://auth.example.com/oauth2/token\")).clientId(id).clientSecret(secret)");
            }
            checkTokenUri();
            return new OAuth2ClientCredentials(this);
        }

        private void checkTokenUri() {
            if (!tokenUri.isAbsolute() || tokenUri.getHost() == null || tokenUri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("tokenUri must be an absolute https URI with a host and no user info,"
                        + " e.g. https://auth.example.com/oauth2/token");
            }
            String scheme = tokenUri.getScheme().toLowerCase(Locale.ROOT);
            boolean plainAllowed = scheme.equals("http") && allowPlainHttpToLoopback
                    && LoopbackHosts.isLoopback(tokenUri.getHost());
            if (!scheme.equals("https") && !plainAllowed) {
                throw new IllegalArgumentException("tokenUri " + UriText.withoutQuery(tokenUri) + " must use https: the"
                        + " client secret travels in the request (plain http only to a loopback host, with"
                        + " allowPlainHttpToLoopback(true))");
            }
        }
    }
}
