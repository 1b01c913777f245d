package dev.specwright.runtime;

import dev.specwright.runtime.internal.HeaderRules;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Authentication material, set once on a client and sent as headers on every request: Basic or Bearer
 * {@code Authorization} plus any further headers the API needs (e.g. {@code X-Tenant}). Values never leave this object
 * except through {@link #headers()}: {@code toString()} and every exception message name the headers only.
 */
public final class Credentials {

    private static final Credentials NONE = new Credentials(Map.of());

    private final Map<String, String> headers;

    private Credentials(Map<String, String> headers) {
        this.headers = headers;
    }

    /** No authentication. */
    public static Credentials none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The headers to send, in the order they were given; the {@code Authorization} value included. */
    public Map<String, String> headers() {
        return headers;
    }

    /** {@code Credentials[Authorization=***, X-Tenant=***]}: names only, values redacted. */
    @Override
    public String toString() {
        return headers.keySet().stream().map(name -> name + "=***")
                .collect(Collectors.joining(", ", "Credentials[", "]"));
    }

    /** Collects the headers; each name may be given once (case ignored), so no credential silently replaces another. */
    public static final class Builder {

        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {}

        /** HTTP Basic: {@code Authorization: Basic base64(UTF-8(user:password))}. */
        public Builder basic(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.indexOf(':') >= 0) {
                // the server splits user:password at the first colon, so a colon in the user name cannot be sent
                throw new IllegalArgumentException("Basic auth user name must not contain ':'; the server would split it"
                        + " there and read the rest as the password");
            }
            String pair = user + ":" + password;
            return put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        /** A bearer token: {@code Authorization: Bearer token}. */
        public Builder bearer(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("bearer token must be non-empty and contain no whitespace");
            }
            return put("Authorization", "Bearer " + token);
        }

        /** Any other header that authenticates or scopes the caller, e.g. {@code X-Tenant}. */
        public Builder header(String name, String value) {
            return put(name, value);
        }

        public Credentials build() {
            return headers.isEmpty() ? NONE : new Credentials(Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
        }

        private Builder put(String name, String value) {
            HeaderRules.requireName(name);
            HeaderRules.requireValue(name, value);
            boolean taken = headers.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name));
            if (taken) {
                throw new IllegalArgumentException("credential header " + name + " is already set; give each header once");
            }
            headers.put(name, value);
            return this;
        }
    }
}
