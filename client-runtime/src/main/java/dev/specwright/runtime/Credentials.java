package dev.specwright.runtime;

import dev.specwright.runtime.internal.HeaderRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Authentication material, set once on a client and sent with every request: Basic or Bearer {@code Authorization}
 * and any further headers the API needs (e.g. {@code X-Tenant}); an API key as a query parameter or a cookie; and
 * {@link Authenticator}s for what is worked out per request — a bearer token from a supplier, OAuth 2.0 client
 * credentials ({@link OAuth2ClientCredentials}), anything else. Values never leave this object except through
 * {@link #headers()} and the requests themselves: {@code toString()} and every exception message name them only.
 */
public final class Credentials {

    private static final Credentials NONE = new Credentials(Map.of(), Map.of(), Map.of(), List.of());

    private final Map<String, String> headers;
    private final Map<String, String> queryParameters;
    private final Map<String, String> cookies;
    private final List<Authenticator> authenticators;

    private Credentials(Map<String, String> headers, Map<String, String> queryParameters, Map<String, String> cookies,
            List<Authenticator> authenticators) {
        this.headers = headers;
        this.queryParameters = queryParameters;
        this.cookies = cookies;
        this.authenticators = authenticators;
    }

    /** No authentication. */
    public static Credentials none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fixed headers to send, in the order they were given; the {@code Authorization} value included unless an
     * {@link Authenticator} (a bearer supplier, OAuth) works it out per request.
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** The query parameters to send (API keys), unencoded, in the order given. */
    Map<String, String> queryParameters() {
        return queryParameters;
    }

    /** The cookies to send, in the order given. */
    Map<String, String> cookies() {
        return cookies;
    }

    /** What authenticates each request anew, in the order given. */
    List<Authenticator> authenticators() {
        return authenticators;
    }

    /**
     * {@code Credentials[Authorization=***, X-Tenant=***, query api_key=***, cookie session=***, OAuth2ClientCredentials[...]]}:
     * names only, values redacted; an authenticator appears by its class name (or, for the runtime's own, by a
     * description that holds no secret).
     */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "Credentials[", "]");
        headers.keySet().forEach(name -> out.add(name + "=***"));
        queryParameters.keySet().forEach(name -> out.add("query " + name + "=***"));
        cookies.keySet().forEach(name -> out.add("cookie " + name + "=***"));
        authenticators.forEach(authenticator -> out.add(describe(authenticator)));
        return out.toString();
    }

    private static String describe(Authenticator authenticator) {
        if (authenticator instanceof SuppliedBearer || authenticator instanceof RefreshingBearer
                || authenticator instanceof OAuth2ClientCredentials) {
            return authenticator.toString(); // ours: known to hold no secret
        }
        return "authenticator " + authenticator.getClass().getName();
    }

    /**
     * Collects the credentials; each header, query parameter and cookie may be given once (header names compared
     * ignoring case), so no credential silently replaces another.
     */
    public static final class Builder {

        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> queryParameters = new LinkedHashMap<>();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final List<Authenticator> authenticators = new ArrayList<>();
        private boolean authorizationPerRequest;

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
            SuppliedBearer.requireToken(token, "bearer token");
            return put("Authorization", "Bearer " + token);
        }

        /**
         * A bearer token that changes: {@code token} is called before every request (retries included) and its answer
         * sent as {@code Authorization: Bearer <token>}. It must be thread-safe and quick, e.g. read a cache another
         * part of the application refreshes; for OAuth 2.0 client credentials use {@link OAuth2ClientCredentials}.
         */
        public Builder bearer(Supplier<String> token) {
            Objects.requireNonNull(token, "token supplier");
            requireAuthorizationFree();
            authorizationPerRequest = true;
            authenticators.add(new SuppliedBearer(token));
            return this;
        }

        /**
         * A bearer token the application can renew: {@code token.token()} is called before every request (retries
         * included) and sent as {@code Authorization: Bearer <token>}; on a {@code 401 Unauthorized},
         * {@code token.refresh(refused)} is called once, however many calls were refused with that token, and each
         * refused call is sent once more with the fresh token. See {@link RefreshableToken}.
         */
        public Builder bearer(RefreshableToken token) {
            Objects.requireNonNull(token, "token");
            requireAuthorizationFree();
            authorizationPerRequest = true;
            authenticators.add(new RefreshingBearer(token));
            return this;
        }

        /** Any other header that authenticates or scopes the caller, e.g. {@code X-Tenant}. */
        public Builder header(String name, String value) {
            return put(name, value);
        }

        /**
         * An API key sent as a query parameter, {@code ?name=value} (percent-encoded) on every request. Error messages
         * and logs leave the query out; {@link ApiException#uri()} shows this parameter's value as {@code ***}.
         */
        public Builder queryParameter(String name, String value) {
            CredentialRules.requireQueryParameter(name, value);
            if (queryParameters.containsKey(name)) {
                throw new IllegalArgumentException("credential query parameter " + name + " is already set; give it once");
            }
            queryParameters.put(name, value);
            return this;
        }

        /** An API key sent as a cookie, {@code Cookie: name=value}, on every request. */
        public Builder cookie(String name, String value) {
            CredentialRules.requireCookie(name, value);
            if (cookies.containsKey(name)) {
                throw new IllegalArgumentException("credential cookie " + name + " is already set; give it once");
            }
            cookies.put(name, value);
            return this;
        }

        /**
         * Authentication worked out per request: called before every attempt, after the fixed credentials are in
         * place, so what it sets wins. An {@link OAuth2ClientCredentials} goes here.
         */
        public Builder authenticator(Authenticator authenticator) {
            Objects.requireNonNull(authenticator, "authenticator");
            if (authenticator instanceof OAuth2ClientCredentials) {
                requireAuthorizationFree();
                authorizationPerRequest = true;
            }
            authenticators.add(authenticator);
            return this;
        }

        public Credentials build() {
            if (headers.isEmpty() && queryParameters.isEmpty() && cookies.isEmpty() && authenticators.isEmpty()) {
                return NONE;
            }
            return new Credentials(Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(cookies)), List.copyOf(authenticators));
        }

        private Builder put(String name, String value) {
            HeaderRules.requireName(name);
            HeaderRules.requireValue(name, value);
            boolean taken = headers.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name))
                    || (authorizationPerRequest && name.equalsIgnoreCase("Authorization"));
            if (taken) {
                throw new IllegalArgumentException("credential header " + name + " is already set; give each header once");
            }
            headers.put(name, value);
            return this;
        }

        private void requireAuthorizationFree() {
            if (authorizationPerRequest || headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Authorization"))) {
                throw new IllegalArgumentException("credential header Authorization is already set; give each header once");
            }
        }
    }
}
