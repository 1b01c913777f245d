package dev.specwright.runtime;

import dev.specwright.runtime.internal.HeaderRules;
import dev.specwright.runtime.internal.LoopbackHosts;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;

/**
 * How a client reaches the API: base URI, credentials, user agent, TLS, timeouts, rate limit and retries. Immutable; {@link Builder#build()}
 * refuses plain {@code http://} unless the host is loopback and {@link Builder#allowPlainHttpToLoopback(boolean)} said
 * so, because the API authenticates with Basic auth and plain HTTP would expose the password.
 */
public final class ClientOptions {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /**
     * 16 MiB: a page of thousands of records is far below it, and a 512 MiB heap still holds a dozen answers of that
     * size in flight (with the objects Jackson builds from them) without running out of memory.
     */
    static final long DEFAULT_MAX_IN_MEMORY_BODY_SIZE = 16L * 1024 * 1024;
    /** The largest byte array a JVM makes. */
    static final long MAX_IN_MEMORY_BODY_SIZE = Integer.MAX_VALUE - 8;

    private final URI baseUri;
    private final Credentials credentials;
    private final UserAgent userAgent;
    private final boolean allowPlainHttpToLoopback;
    private final SSLContext sslContext;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxInMemoryBodySize;
    private final Map<String, String> defaultHeaders;
    private final RateLimit rateLimit;
    private final RateLimitScope rateLimitScope;
    private final RetryPolicy retryPolicy;
    private final TimeSource timeSource;
    private final RandomGenerator retryJitter;
    private final ClientListener listener;
    private final Transport transport;
    private final java.net.ProxySelector proxy;
    private final java.util.concurrent.Executor executor;

    private ClientOptions(Builder builder, URI baseUri) {
        this.baseUri = baseUri;
        this.credentials = builder.credentials;
        this.userAgent = builder.userAgent;
        this.allowPlainHttpToLoopback = builder.allowPlainHttpToLoopback;
        this.sslContext = builder.sslContext;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.maxInMemoryBodySize = builder.maxInMemoryBodySize;
        this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultHeaders));
        this.rateLimit = builder.rateLimit;
        this.rateLimitScope = builder.rateLimitScope;
        this.retryPolicy = builder.retryPolicy;
        this.timeSource = builder.timeSource;
        this.retryJitter = builder.retryJitter;
        this.listener = builder.listener;
        this.transport = builder.transport;
        this.proxy = builder.proxy;
        this.executor = builder.executor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URI without a trailing slash: request paths (which start with {@code /}) are appended to it. */
    public URI baseUri() {
        return baseUri;
    }

    public Credentials credentials() {
        return credentials;
    }

    public Optional<UserAgent> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    public boolean allowPlainHttpToLoopback() {
        return allowPlainHttpToLoopback;
    }

    /** The TLS context to use instead of the JVM's default one. */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The most bytes of a body read into memory; see {@link Builder#maxInMemoryBodySize(long)}. */
    public long maxInMemoryBodySize() {
        return maxInMemoryBodySize;
    }

    /** Headers sent on every request, after the credentials' headers. */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    /** The client-side token bucket; {@link RateLimit#off()} unless set. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Whom the server counts, i.e. which clients share a bucket; {@link RateLimitScope#perClient()} unless set. */
    public RateLimitScope rateLimitScope() {
        return rateLimitScope;
    }

    /** When failed requests are sent again; {@link RetryPolicy#defaults()} unless set. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The clock and the waiting the rate limit and retries use; {@link TimeSource#system()} unless set. */
    public TimeSource timeSource() {
        return timeSource;
    }

    /** The proxy selector the HTTP client asks; empty for the JDK's default (no proxy unless system properties say so). */
    public Optional<java.net.ProxySelector> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The executor the HTTP client runs its asynchronous work on; empty for the JDK's default. */
    public Optional<java.util.concurrent.Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /** Told what every call does; {@link ClientListener#NONE} unless set. */
    public ClientListener listener() {
        return listener;
    }

    /** The transport set with {@link Builder#transport}; empty for the default, the JDK's HTTP client. */
    public Optional<Transport> transport() {
        return Optional.ofNullable(transport);
    }

    /** The random source of retry back-off jitter; empty means {@code ThreadLocalRandom}. */
    public Optional<RandomGenerator> retryJitter() {
        return Optional.ofNullable(retryJitter);
    }

    /** Names header keys only: default headers may carry secrets as well as credentials do. */
    @Override
    public String toString() {
        return "ClientOptions[baseUri=" + baseUri + ", credentials=" + credentials
                + ", userAgent=" + (userAgent == null ? UserAgent.runtimeProduct() : userAgent.headerValue())
                + ", defaultHeaders=" + defaultHeaders.keySet()
                + ", sslContext=" + (sslContext == null ? "JVM default" : "custom")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxInMemoryBodySize=" + maxInMemoryBodySize
                + ", allowPlainHttpToLoopback=" + allowPlainHttpToLoopback
                + ", rateLimit=" + rateLimit + ", rateLimitScope=" + rateLimitScope + ", retryPolicy=" + retryPolicy + "]";
    }

    public static final class Builder {

        private URI baseUri;
        private Credentials credentials = Credentials.none();
        private UserAgent userAgent;
        private boolean allowPlainHttpToLoopback;
        private SSLContext sslContext;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long maxInMemoryBodySize = DEFAULT_MAX_IN_MEMORY_BODY_SIZE;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private RateLimit rateLimit = RateLimit.off();
        private RateLimitScope rateLimitScope = RateLimitScope.perClient();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private TimeSource timeSource = TimeSource.system();
        private RandomGenerator retryJitter;
        private ClientListener listener = ClientListener.NONE;
        private Transport transport;
        private java.net.ProxySelector proxy;
        private java.util.concurrent.Executor executor;

        private Builder() {}

        /** Required, e.g. {@code https://api.example.com/api}. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /**
         * As {@link #baseUri(URI)}, from text: {@code baseUri("https://api.example.com/api")}.
         *
         * @throws IllegalArgumentException when the text is not a URI
         */
        public Builder baseUri(String baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            try {
                return baseUri(new URI(baseUri.strip()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("baseUri \"" + baseUri + "\" is not a URI (" + e.getReason()
                        + " at index " + e.getIndex() + "); write it like https://api.example.com/api", e);
            }
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials (use Credentials.none())");
            return this;
        }

        /** Without one, the {@code User-Agent} header is just {@code specwright/<version>}. */
        public Builder userAgent(UserAgent userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Lets a local test server be reached over plain HTTP; has no effect on any other host. */
        public Builder allowPlainHttpToLoopback(boolean allow) {
            this.allowPlainHttpToLoopback = allow;
            return this;
        }

        /** A TLS context, e.g. one that trusts a private CA; the JVM default when not set. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Trusts exactly the certificates of a truststore file, PKCS12 or JKS (the type is read from the file), instead
         * of the JVM's CAs: a private CA, or a server's own certificate. Shorthand for an {@link #sslContext} built from
         * it. Certificates are always verified, host names included.
         *
         * @param path     the {@code .p12} or {@code .jks} file
         * @param password its password (null when it has none); not kept
         * @throws IllegalArgumentException when the file cannot be read with the password, or holds no certificate
         */
        public Builder truststore(java.nio.file.Path path, char[] password) {
            return sslContext(TrustedCertificates.fromTruststore(path, password));
        }

        /**
         * Trusts exactly the X.509 certificates in {@code pem} (one or more {@code -----BEGIN CERTIFICATE-----} blocks,
         * e.g. {@code Files.readString(Path.of("ca.pem"))}) instead of the JVM's CAs. Shorthand for an
         * {@link #sslContext} built from them.
         *
         * @throws IllegalArgumentException when the text holds no certificate
         */
        public Builder trustedCertificates(String pem) {
            return sslContext(TrustedCertificates.fromPem(pem));
        }

        /** How long to wait for the TCP and TLS connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long to wait for a response, once connected; default 30 s. It covers the whole answer when the body is
         * read into memory; for a streamed {@link Download}, the headers and then each read of the body (a server that
         * stops sending mid-download fails the read instead of holding it forever).
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive("requestTimeout", timeout);
            return this;
        }

        /**
         * The most bytes of an answer's body read into memory (default 16 MiB). A 2xx body over it ends the call with
         * a {@link ResponseTooLargeException} without being read further (a {@code Content-Length} over it, before a
         * byte is read); the connection is closed and the client goes on as usual. An error body over
         * {@code min(limit, 1 MiB)} is cut there: the typed HTTP error is still thrown, its message says the body was
         * cut. A {@link Download} is streamed and not limited. Per call: {@link RequestOptions.Builder#maxInMemoryBodySize(long)}.
         *
         * @param bytes at least 1, at most {@code Integer.MAX_VALUE - 8} (the largest array a JVM makes)
         */
        public Builder maxInMemoryBodySize(long bytes) {
            this.maxInMemoryBodySize = requireBodySize(bytes);
            return this;
        }

        /** A header sent on every request; a later call with the same name replaces the value. */
        public Builder defaultHeader(String name, String value) {
            HeaderRules.putReplacing(defaultHeaders, name, value);
            return this;
        }

        /**
         * The client-side token bucket. Options built here without one have none ({@link RateLimit#off()}); a
         * generated client's builder starts from its spec's {@code x-rate-limit} instead (its
         * {@code DEFAULT_RATE_LIMIT} constant), so only an API whose spec names no limit runs unlimited by default. It
         * is shared by every client in the JVM with the same base URI and caller, as the
         * {@link #rateLimitScope(RateLimitScope)} says; see {@link RateLimit}.
         */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit (use RateLimit.off())");
            return this;
        }

        /**
         * Whom the server counts against its rate limit (default: {@link RateLimitScope#perClient()}, a bucket per
         * client): clients with the same base URI whose credentials or default headers give the scope's first part
         * the same value share a bucket. A generated client passes what its spec's {@code x-rate-limit.scopeBy}
         * declares. A {@link RateLimit#distributed(BucketStore) distributed} bucket needs a scope the client's
         * credentials answer, since its key in the store is the caller's.
         */
        public Builder rateLimitScope(RateLimitScope scope) {
            this.rateLimitScope = Objects.requireNonNull(scope, "rateLimitScope (use RateLimitScope.perClient())");
            return this;
        }

        /** When failed requests are sent again (default: {@link RetryPolicy#defaults()}; no retries: {@link RetryPolicy#none()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy (use RetryPolicy.none())");
            return this;
        }

        /**
         * The clock and the waiting of the rate limit and retries (default: {@link TimeSource#system()}). Tests pass a
         * virtual one; clients with different time sources never share a bucket.
         */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource (use TimeSource.system())");
            return this;
        }

        /**
         * Told of every attempt, retry, rate-limit wait and credential refusal (default: {@link ClientListener#NONE});
         * see {@link ClientListener}.
         */
        public Builder listener(ClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener (use ClientListener.NONE)");
            return this;
        }

        /**
         * Sends every request through {@code transport} instead of the JDK's HTTP client, e.g. an
         * {@link InMemoryTransport} in a unit test, or an adapter for another HTTP client. The rate limit, retries,
         * authentication, error decoding and the listener work the same; {@link #sslContext}, {@link #proxy},
         * {@link #executor} and {@link #connectTimeout} configure only the default transport. See {@link Transport}.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport (leave it unset for the JDK's HTTP client)");
            return this;
        }

        /**
         * Sends requests through the proxy {@code proxy} chooses, e.g. {@code ProxySelector.of(new
         * InetSocketAddress("proxy.corp", 3128))}; HTTPS goes through it as a {@code CONNECT} tunnel, so TLS is still
         * end to end. Default: the JDK's ({@code http.proxyHost}/{@code https.proxyHost} system properties). The OAuth
         * token endpoint is reached as its own builder says.
         */
        public Builder proxy(java.net.ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy (leave it unset for the JDK's default)");
            return this;
        }

        /**
         * The executor the HTTP client runs its asynchronous work on (sending, reading answers); default: the JDK's
         * own pool. The client's retries and rate-limit waits do not use it (they park no thread).
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The random source of back-off jitter, e.g. a seeded one in tests; null (the default) for
         * {@code ThreadLocalRandom}. It is called from every thread that uses the client, so it must be thread-safe.
         */
        public Builder retryJitter(RandomGenerator random) {
            this.retryJitter = random;
            return this;
        }

        public ClientOptions build() {
            if (baseUri == null) {
                throw new IllegalArgumentException("baseUri is required, e.g. baseUri(URI.create(\"https://api.example.com/api\"))");
            }
            ClientOptions options = new ClientOptions(this, checkedBaseUri(baseUri, allowPlainHttpToLoopback));
            if (rateLimit.store().isPresent() && RateLimiters.identity(options).isEmpty()) {
                throw new IllegalArgumentException("a distributed rate limit is shared by the JVMs of one caller, but "
                        + rateLimitScope + " names no credential or default header these options have; set"
                        + " rateLimitScope(...) to what identifies the caller, e.g. RateLimitScope.header(name),"
                        + " and give that header in the credentials (a generated client sets the scope its API declares)");
            }
            return options;
        }

        private static URI checkedBaseUri(URI uri, boolean allowPlainHttpToLoopback) {
            if (uri.getRawUserInfo() != null) {
                // the URI itself is not repeated: its user info is a credential
                throw new IllegalArgumentException("baseUri must not contain user info (user:password@host); give the"
                        + " user and password to Credentials.builder().basic(user, password) instead");
            }
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUri " + uri + " must be an absolute https URI with a host, e.g."
                        + " https://api.example.com/api");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUri " + uri + " must not have a query or fragment; remove the part"
                        + " from '?' or '#' on");
            }
            checkScheme(uri, allowPlainHttpToLoopback);
            return withoutTrailingSlash(uri);
        }

        private static void checkScheme(URI uri, boolean allowPlainHttpToLoopback) {
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https")) {
                return;
            }
            if (!scheme.equals("http")) {
                throw new IllegalArgumentException("baseUri " + uri + " has scheme " + scheme + "; use https");
            }
            String https = "https" + uri.toString().substring(scheme.length());
            if (!LoopbackHosts.isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("baseUri " + uri + " uses plain http, which would send credentials"
                        + " unencrypted; use " + https + " (plain http is only possible to a loopback host, with"
                        + " allowPlainHttpToLoopback(true))");
            }
            if (!allowPlainHttpToLoopback) {
                throw new IllegalArgumentException("baseUri " + uri + " uses plain http; for a local test server call"
                        + " allowPlainHttpToLoopback(true) on the builder, otherwise use " + https);
            }
        }

        private static URI withoutTrailingSlash(URI uri) {
            String text = uri.toASCIIString();
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '/') {
                end--;
            }
            return end == text.length() ? uri : URI.create(text.substring(0, end));
        }

        static long requireBodySize(long bytes) {
            if (bytes < 1 || bytes > MAX_IN_MEMORY_BODY_SIZE) {
                throw new IllegalArgumentException("maxInMemoryBodySize must be between 1 and " + MAX_IN_MEMORY_BODY_SIZE
                        + " bytes, was " + bytes + "; for larger answers read them as a Download, which streams");
            }
            return bytes;
        }

        private static Duration requirePositive(String what, Duration timeout) {
            return dev.specwright.runtime.internal.Durations.requirePositive(what, timeout);
        }
    }
}
