package dev.specwright.runtime;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * @param baseUri  the API's base URI
     * @param identity a digest of the caller's identity header, never the value itself (a key can end up in a heap dump
     *                 or a debugger, and the value is a secret or a tenant name)
     * @param time     the time source: a bucket measured on one clock cannot be shared with another (tests use their own)
     */
    private record Key(String baseUri, String identity, TimeSource time) {}

    private RateLimiters() {}

    /** The shared limiter for these options, or null when their rate limit is off. */
    static RateLimiter forOptions(ClientOptions options) {
        RateLimit limit = options.rateLimit();
        if (limit.isOff()) {
            return null;
        }
        Key key = new Key(options.baseUri().toASCIIString(), identity(options), options.timeSource());
        RateLimiter limiter = SHARED.computeIfAbsent(key, k -> new RateLimiter(limit, k.time()));
        if (!limiter.limit().equals(limit)) {
            LOG.log(Level.WARNING, () -> "a client of " + options.baseUri() + " asked for " + limit + ", but another"
                    + " client with the same credentials already shares " + limiter.limit() + "; using that one: one"
                    + " bucket per base URI and caller, so that together they stay under the server's limit");
        }
        return limiter;
    }

    /**
     * A SHA-256 digest of the first identity header among the credentials and default headers, with its name: the
     * identity, not its value.
     */
    static String identity(ClientOptions options) {
        for (String name : IDENTITY_HEADERS) {
            for (Map<String, String> headers : List.of(options.credentials().headers(), options.defaultHeaders())) {
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    if (header.getKey().equalsIgnoreCase(name)) {
                        return sha256(name.toLowerCase(Locale.ROOT) + ":" + header.getValue());
                    }
                }
            }
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
