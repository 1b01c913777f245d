package dev.specwright.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Whom the server counts against its rate limit, i.e. which clients share one {@link RateLimit} bucket. The runtime
 * knows no API's header names: the API says it (a generated client passes what its spec's {@code x-rate-limit.scopeBy}
 * declares), and the runtime reads the value of each named credential part from the client's {@link Credentials} and
 * default headers.
 *
 * <ul>
 *   <li>{@link #perClient()} (the default): every {@link ApiClient} has a bucket of its own — nothing tells the
 *       runtime which clients the server counts together, so it shares none.
 *   <li>{@link #header(String)}, {@link #queryParameter(String)}, {@link #cookie(String)}, {@link #authorization()},
 *       joined with {@link #or(RateLimitScope)}: the first of these parts the client sends identifies the caller, and
 *       every client in the JVM (or the {@link BucketStore}) with the same base URI and the same value of that part
 *       shares one bucket. E.g. an API that counts per tenant or reseller:
 *       {@code RateLimitScope.header("X-Tenant").or(RateLimitScope.header("X-Reseller"))}. A client that sends none of
 *       them has a bucket of its own.
 * </ul>
 *
 * <p>Values are never kept: a bucket's key holds a SHA-256 digest of the part's name and value. Immutable value.
 */
public final class RateLimitScope {

    private static final RateLimitScope PER_CLIENT = new RateLimitScope(List.of());

    /** @param kind {@code header}, {@code query}, {@code cookie} or {@code authorization}; name lower-cased for a header */
    record Part(String kind, String name) {
        @Override
        public String toString() {
            return kind.equals("authorization") ? "authorization" : kind + " " + name;
        }
    }

    private final List<Part> parts;

    private RateLimitScope(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** A bucket per {@link ApiClient} object: the default, for an API that says nothing of whom it counts. */
    public static RateLimitScope perClient() {
        return PER_CLIENT;
    }

    /** The caller is the value of this request header (a credential or a default header), e.g. {@code X-Tenant}. */
    public static RateLimitScope header(String name) {
        return of("header", requireName(name, "header").toLowerCase(Locale.ROOT));
    }

    /** The caller is the value of this query parameter, an API key given to {@link Credentials.Builder#queryParameter}. */
    public static RateLimitScope queryParameter(String name) {
        return of("query", requireName(name, "query parameter"));
    }

    /** The caller is the value of this cookie, an API key given to {@link Credentials.Builder#cookie}. */
    public static RateLimitScope cookie(String name) {
        return of("cookie", requireName(name, "cookie"));
    }

    /**
     * The caller is who authenticates: the {@code Authorization} header (Basic, a fixed bearer token), else the first
     * {@link Authenticator} — an {@link OAuth2ClientCredentials} by its token endpoint and client id, any other by
     * itself ({@code equals}), so clients built with one bearer-token supplier share a bucket.
     */
    public static RateLimitScope authorization() {
        return of("authorization", "");
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rate-limit scope by " + what + " needs the " + what
                    + "'s name, e.g. RateLimitScope.header(\"X-Account\")");
        }
        return name;
    }

    private static RateLimitScope of(String kind, String name) {
        return new RateLimitScope(List.of(new Part(kind, name)));
    }

    /** This scope's parts, then {@code other}'s: the first part a client sends identifies it. */
    public RateLimitScope or(RateLimitScope other) {
        Objects.requireNonNull(other, "other scope");
        List<Part> joined = new ArrayList<>(parts);
        other.parts.stream().filter(part -> !joined.contains(part)).forEach(joined::add);
        return new RateLimitScope(joined);
    }

    /** Whether every client has its own bucket ({@link #perClient()}). */
    public boolean isPerClient() {
        return parts.isEmpty();
    }

    /** The parts, most specific first; empty for {@link #perClient()}. */
    List<Part> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitScope that && parts.equals(that.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** {@code RateLimitScope[header x-tenant or header x-reseller]} or {@code RateLimitScope[per client]}. */
    @Override
    public String toString() {
        if (parts.isEmpty()) {
            return "RateLimitScope[per client]";
        }
        StringJoiner out = new StringJoiner(" or ", "RateLimitScope[", "]");
        parts.forEach(part -> out.add(part.toString()));
        return out.toString();
    }
}
