package dev.specwright.runtime;

import dev.specwright.runtime.internal.Tokens;

/**
 * What a credential sent outside a header must look like. Messages name the parameter or cookie, and say where the
 * value breaks the rule, never what the value is.
 */
final class CredentialRules {

    private CredentialRules() {}

    /** A query parameter (an API key): a name and a value, neither empty; both are percent-encoded when sent. */
    static void requireQueryParameter(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a credential query parameter needs a name, e.g. api_key");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("credential query parameter " + name + " has no value");
        }
    }

    /**
     * A cookie, per RFC 6265 §4.1.1: the name a token, the value free of whitespace, {@code "}, {@code ,}, {@code ;},
     * {@code \} and control characters, which would end it or start another cookie.
     */
    static void requireCookie(String name, String value) {
        if (!Tokens.isToken(name)) {
            throw new IllegalArgumentException("cookie name \"" + name + "\" is not an RFC 7230 token; use only "
                    + Tokens.ALLOWED);
        }
        if (value == null) {
            throw new IllegalArgumentException("cookie " + name + " has no value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("cookie " + name + ": the value has a character a cookie cannot carry"
                        + " at index " + i + " (whitespace, control, non-ASCII, '\"', ',', ';' or '\\'); encode it first,"
                        + " e.g. as base64url");
            }
        }
    }
}
