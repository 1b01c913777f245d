package dev.specwright.runtime;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The JVM-wide registry of rate-limit buckets: one per base URI and caller identity, because that is what the server
 * counts, however many client objects the application builds. Buckets stay for the life of the JVM: forgetting one
 * would hand a new client a full burst the server has not granted. The first client to register a bucket sets its
 * {@link RateLimit}; a later client asking for other settings shares it anyway (with a warning), since two buckets for
 * one tenant would together exceed the server's limit.
 */
final class RateLimiters {

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    /** The headers that name the caller the server counts, most specific first; {@code Authorization} is the fallback. */
    private static final List<String> IDENTITY_HEADERS = List.of("X-Tenant", "X-Reseller", "Authorization");

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

    /** The shared limiter for these options, or null when their rate limit is off. */
    static RateLimiter forOptions(ClientOptions options) {
        RateLimit limit = options.rateLimit();
        if (limit.isOff()) {
            return null;
        }
        Key key = new Key(options.baseUri().toASCIIString(), identity(options), options.timeSource(),
                limit.store().orElse(null));
        RateLimiter limiter = SHARED.computeIfAbsent(key, k -> new RateLimiter(limit, k.time(),
                k.store() == null ? null : storeKey(k)));
        if (!limiter.limit().equals(limit)) {
            LOG.log(Level.WARNING, () -> "a client of " + options.baseUri() + " asked for " + limit + ", but another"
                    + " client with the same credentials already shares " + limiter.limit() + "; using that one: one"
                    + " bucket per base URI and caller, so that together they stay under the server's limit");
        }
        return limiter;
    }

    /**
     * A SHA-256 digest of what identifies the caller, never the thing itself: the first identity header among the
     * credentials and default headers, with its name; else the API key sent as a query parameter or cookie; else the
     * first authenticator — an {@link OAuth2ClientCredentials} by its token endpoint and client id, any other by
     * itself ({@code equals}), so clients built with one bearer-token supplier share a bucket.
     */
    static String identity(ClientOptions options) {
        Credentials credentials = options.credentials();
        for (String name : IDENTITY_HEADERS) {
            for (Map<String, String> headers : List.of(credentials.headers(), options.defaultHeaders())) {
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    if (header.getKey().equalsIgnoreCase(name)) {
                        return sha256(name.toLowerCase(Locale.ROOT) + ":" + header.getValue());
                    }
                }
            }
        }
        Optional<Map.Entry<String, String>> apiKey = Stream.concat(
                credentials.queryParameters().entrySet().stream().map(key -> Map.entry("query " + key.getKey(), key.getValue())),
                credentials.cookies().entrySet().stream().map(key -> Map.entry("cookie " + key.getKey(), key.getValue())))
                .findFirst();
        if (apiKey.isPresent()) {
            return sha256(apiKey.get().getKey() + ":" + apiKey.get().getValue());
        }
        if (!credentials.authenticators().isEmpty()) {
            Authenticator first = credentials.authenticators().get(0);
            return first instanceof OAuth2ClientCredentials oauth ? sha256("oauth2 " + oauth.identity())
                    : sha256("authenticator " + AUTHENTICATORS.computeIfAbsent(first,
                            a -> a.getClass().getName() + "#" + AUTHENTICATOR_COUNT.incrementAndGet()));
        }
        return "anonymous";
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
