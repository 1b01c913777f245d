package dev.specwright.runtime.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Validates header names and values before they reach the wire. Messages name the header but never repeat its value:
 * the value may be a credential.
 */
public final class HeaderRules {

    /** Headers {@code java.net.http.HttpClient} sets itself and refuses from callers. */
    private static final Set<String> SET_BY_TRANSPORT = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private HeaderRules() {}

    /** Returns {@code name} if it is an RFC 7230 token the transport lets callers set. */
    public static String requireName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("header name is null");
        }
        if (!Tokens.isToken(name)) {
            throw new IllegalArgumentException("header name \"" + printable(name) + "\" is not an RFC 7230 token; use only "
                    + Tokens.ALLOWED);
        }
        if (SET_BY_TRANSPORT.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the HTTP client itself; remove it");
        }
        return name;
    }

    /**
     * Returns {@code value} if it is a legal field value. CR and LF are refused first and by name: they are how header
     * injection works.
     */
    public static String requireValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + ": value is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("header " + name
                        + ": the value contains a line break (CR or LF), which would inject headers; remove it");
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("header " + name
                        + ": the value contains a control character at index " + i + "; remove it");
            }
            if (c > 0xff) {
                throw new IllegalArgumentException("header " + name + ": the value contains a character outside ISO-8859-1 at"
                        + " index " + i + ", which HTTP/1.1 headers cannot carry; encode it first");
            }
        }
        return value;
    }

    /**
     * Checks a header and puts it into {@code headers}, replacing any of the same name whatever its case (HTTP header
     * names are case-insensitive, so {@code x-tenant} must not end up beside {@code X-Tenant}).
     */
    public static void putReplacing(java.util.Map<String, String> headers, String name, String value) {
        requireName(name);
        requireValue(name, value);
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
    }

    /** Shows a rejected name with control characters escaped, so the message itself stays one clean line. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
