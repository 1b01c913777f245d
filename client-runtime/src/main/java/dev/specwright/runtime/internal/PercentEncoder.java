package dev.specwright.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * RFC 3986 percent-encoding of a path segment or a query component: every character except the unreserved ones
 * ({@code A-Z a-z 0-9 - . _ ~}) is encoded as UTF-8 octets. Encoding {@code /}, {@code ?}, {@code #}, {@code &},
 * {@code =} and {@code ,} too is what keeps a value from changing the shape of the URI ({@code ../admin} stays one
 * segment; {@code a&b=c} stays one query value).
 */
public final class PercentEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoder() {}

    public static String encode(String text) {
        if (!needsEncoding(text)) {
            return text; // the common case (ids, enum names): no copy
        }
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Encodes raw octets (e.g. a file's content sent as a form field) the same way: all but the unreserved ones. */
    public static String encode(byte[] octets) {
        return encode(octets, PercentEncoder::isUnreserved);
    }

    /** The octets that {@code keep} accepts as themselves, every other one as {@code %XX}. */
    private static String encode(byte[] octets, IntPredicate keep) {
        StringBuilder out = new StringBuilder(octets.length + 16);
        for (byte b : octets) {
            int octet = b & 0xff;
            if (keep.test(octet)) {
                out.append((char) octet);
            } else {
                appendEscape(out, octet);
            }
        }
        return out.toString();
    }

    /**
     * Encodes a cookie value so that it consists of RFC 6265 {@code cookie-octet}s only: whitespace, controls,
     * {@code "}, {@code ,}, {@code ;}, {@code \} and non-ASCII characters (as UTF-8) are percent-encoded, and so is
     * {@code %} itself, so a server that percent-decodes gets the original back unambiguously. Everything else is
     * left as-is, which keeps ordinary values (ids, tokens, base64) unchanged.
     */
    public static String encodeCookieValue(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8), octet -> isCookieOctet(octet) && octet != '%');
    }

    /** RFC 6265 {@code cookie-octet}: US-ASCII except controls, whitespace, DQUOTE, comma, semicolon and backslash. */
    private static boolean isCookieOctet(int octet) {
        return octet > 0x20 && octet < 0x7f && octet != '"' && octet != ',' && octet != ';' && octet != '\\';
    }

    private static void appendEscape(StringBuilder out, int octet) {
        out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
    }

    /**
     * Encodes a whole path segment. Like {@link #encode} but a segment that is only dots is encoded too: {@code ..}
     * left as-is would be removed with its parent by dot-segment normalisation.
     */
    public static String encodeSegment(String text) {
        return isDotSegment(text) ? "%2E".repeat(text.length()) : encode(text);
    }

    /** {@code .} or {@code ..} (or more dots): text a path normaliser would treat as navigation. */
    public static boolean isDotSegment(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c == '.');
    }

    /** Whether {@code c} may appear unencoded in a URI path: a {@code pchar}, {@code /}, or the {@code %} of an escape. */
    public static boolean isPathChar(char c) {
        return isUnreserved(c) || "!$&'()*+,;=:@/%".indexOf(c) >= 0;
    }

    private static boolean needsEncoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isUnreserved(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
