package dev.specwright.runtime;

import java.util.function.Supplier;

/**
 * {@link Credentials.Builder#bearer(Supplier)}: {@code Authorization: Bearer <token>}, the token asked for per request.
 * Equal when the supplier is: callers sharing a supplier share a rate-limit bucket.
 */
record SuppliedBearer(Supplier<String> token) implements Authenticator {

    @Override
    public void authenticate(AuthRequest request) {
        String value = token.get();
        if (value == null) {
            throw new IllegalStateException("the bearer token supplier returned null; it must return a token");
        }
        requireToken(value, "the bearer token the supplier returned");
        request.header("Authorization", "Bearer " + value);
    }

    /** A token that fits in {@code Authorization: Bearer ...}: not blank, no whitespace (the value is never shown). */
    static void requireToken(String token, String what) {
        if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be non-empty and contain no whitespace");
        }
    }

    @Override
    public String toString() {
        return "Authorization=Bearer (supplied per request)";
    }
}
