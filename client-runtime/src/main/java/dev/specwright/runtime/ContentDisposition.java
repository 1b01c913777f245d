package dev.specwright.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the file name out of a {@code Content-Disposition} answer header (RFC 6266). The name comes from a server, so
 * it is made safe to use as a local file name: only its last path segment is kept, control characters are dropped,
 * and {@code .} or {@code ..} count as no name.
 */
final class ContentDisposition {

    private ContentDisposition() {}

    /**
     * {@code filename*=UTF-8''…} (RFC 8187, percent-decoded) when present and readable, else {@code filename="…"} or
     * {@code filename=token}; empty when the header names no usable file.
     */
    static Optional<String> fileName(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = parameters(header);
        String name = null;
        if (parameters.containsKey("filename*")) {
            name = decodeExtended(parameters.get("filename*"));
        }
        if (name == null) {
            name = parameters.get("filename");
        }
        return safe(name);
    }

    /** The parameters after the disposition type, names lower-cased, values unquoted; the first of a name wins. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int at = header.indexOf(';');
        while (at >= 0 && at < header.length()) {
            at++; // past the ';'
            int equals = header.indexOf('=', at);
            int semicolon = header.indexOf(';', at);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                at = semicolon; // a parameter without a value: skip it
                continue;
            }
            String name = header.substring(at, equals).strip().toLowerCase(Locale.ROOT);
            int start = equals + 1;
            while (start < header.length() && header.charAt(start) == ' ') {
                start++;
            }
            StringBuilder value = new StringBuilder();
            if (start < header.length() && header.charAt(start) == '"') {
                at = start + 1;
                while (at < header.length() && header.charAt(at) != '"') {
                    char c = header.charAt(at);
                    if (c == '\\' && at + 1 < header.length()) {
                        c = header.charAt(++at); // quoted-pair
                    }
                    value.append(c);
                    at++;
                }
                at = header.indexOf(';', at);
            } else {
                at = header.indexOf(';', start);
                value.append(header, start, at < 0 ? header.length() : at);
            }
            parameters.putIfAbsent(name, value.toString().strip());
        }
        return parameters;
    }

    /** {@code charset'language'percent-encoded}; null if malformed or in a charset this JVM does not know. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first).strip());
        } catch (IllegalArgumentException unknownCharset) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = second + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e) {
                return null; // RFC 8187 allows only ASCII here: anything else is percent-encoded
            }
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= value.length()) {
                return null;
            }
            int high = Character.digit(value.charAt(i + 1), 16);
            int low = Character.digit(value.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toString(charset);
    }

    /** The last path segment without control characters; empty for nothing, {@code .} or {@code ..}. */
    private static Optional<String> safe(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(last.length());
        last.codePoints().filter(c -> c >= 0x20 && c != 0x7f).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(result);
    }
}
