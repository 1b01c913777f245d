package dev.specwright.runtime;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The JVM-wide registry of rate-limit buckets: one per base URI and caller identity, because that is what the server
 * counts, however many client objects the application builds. Who the caller is comes from the client's
 * {@link RateLimitScope} (the API's, passed by a generated client): this class knows no API's header names. A client
 * whose scope names no part it sends — the default {@link RateLimitScope#perClient()} — gets a bucket of its own.
 * Shared buckets stay for the life of the JVM: forgetting one would hand a new client a full burst the server has not
 * granted. The first client to register a bucket sets its {@link RateLimit}; a later client asking for other settings
 * shares it anyway (with a warning), since two buckets for one caller would together exceed the server's limit.
 */
final class RateLimiters {

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    private static final Map<Key, RateLimiter> SHARED = new ConcurrentHashMap<>();

    /** A name for each authenticator that identifies callers; kept as long as the buckets are, i.e. for the JVM's life. */
    private static final Map<Authenticator, String> AUTHENTICATORS = new ConcurrentHashMap<>();
    private static final AtomicLong AUTHENTICATOR_COUNT = new AtomicLong();

    /**
     * @param baseUri  the API's base URI
     * @param identity a digest of the caller's identity header, never the value itself (a key can end up in a heap dump
     *                 or a debugger, and the value is a secret or a tenant name)
     * @param time     the time source: a bucket measured on one clock cannot be shared with another (tests use their own)
     * @param store    where a distributed bucket is kept (compared by identity); null for one in this JVM
     */
    private record Key(String baseUri, String identity, TimeSource time, BucketStore store) {}

    /** The key of a distributed bucket in its store: what the server counts, as a digest, so it shows no identity. */
    private static String storeKey(Key key) {
        return "specwright:rate-limit:" + sha256(key.baseUri() + " " + key.identity());
    }

    private RateLimiters() {}

    /** The limiter for these options (shared, unless the caller is unknown), or null when their rate limit is off. */
    static RateLimiter forOptions(ClientOptions options) {
        RateLimit limit = options.rateLimit();
        if (limit.isOff()) {
            return null;
        }
        Optional<String> identity = identity(options);
        if (identity.isEmpty()) {
            // ClientOptions refuses a distributed bucket without an identity: its key would name no one
            return new RateLimiter(limit, options.timeSource(), null);
        }
        Key key = new Key(options.baseUri().toASCIIString(), identity.get(), options.timeSource(),
                limit.store().orElse(null));
        RateLimiter limiter = SHARED.computeIfAbsent(key, k -> new RateLimiter(limit, k.time(),
                k.store() == null ? null : storeKey(k)));
        if (!limiter.limit().equals(limit)) {
            LOG.log(Level.WARNING, () -> "a client of " + options.baseUri() + " asked for " + limit + ", but another"
                    + " client of the same caller (" + options.rateLimitScope() + ") already shares " + limiter.limit()
                    + "; using that one: one bucket per base URI and caller, so that together they stay under the"
                    + " server's limit");
        }
        return limiter;
    }

    /**
     * A SHA-256 digest of what identifies the caller, never the thing itself: the value of the first part of the
     * client's {@link RateLimitScope} that its credentials or default headers have, with the part's name; empty when
     * there is none (a bucket of the client's own).
     */
    static Optional<String> identity(ClientOptions options) {
        for (RateLimitScope.Part part : options.rateLimitScope().parts()) {
            Optional<String> value = value(part, options);
            if (value.isPresent()) {
                return Optional.of(sha256(part + ":" + value.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(RateLimitScope.Part part, ClientOptions options) {
        Credentials credentials = options.credentials();
        return switch (part.kind()) {
            case "header" -> header(part.name(), options);
            case "query" -> Optional.ofNullable(credentials.queryParameters().get(part.name()));
            case "cookie" -> Optional.ofNullable(credentials.cookies().get(part.name()));
            case "authorization" -> header("authorization", options).or(() -> authenticator(credentials));
            default -> throw new IllegalStateException("unknown rate-limit scope part " + part);
        };
    }

    /** A credential header, else a default header, of this (lower-case) name. */
    private static Optional<String> header(String name, ClientOptions options) {
        return Stream.of(options.credentials().headers(), options.defaultHeaders())
                .flatMap(headers -> headers.entrySet().stream())
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The first authenticator: an {@link OAuth2ClientCredentials} by its token endpoint and client id, any other by itself. */
    private static Optional<String> authenticator(Credentials credentials) {
        if (credentials.authenticators().isEmpty()) {
            return Optional.empty();
        }
        Authenticator first = credentials.authenticators().get(0);
        return Optional.of(first instanceof OAuth2ClientCredentials oauth ? "oauth2 " + oauth.identity()
                : "authenticator " + AUTHENTICATORS.computeIfAbsent(first,
                        a -> a.getClass().getName() + "#" + AUTHENTICATOR_COUNT.incrementAndGet()));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
