package dev.specwright.runtime;

import dev.specwright.runtime.internal.HeaderRules;
import dev.specwright.runtime.internal.Tokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The few facts the runtime needs from a {@code Content-Type}: its media type, whether that is JSON or XML, its
 * charset. One home for these rules, so that sending, reading and {@link Download} agree.
 */
final class MediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private MediaTypes() {}

    /** The {@code type/subtype}, lower-cased, without parameters; empty for a missing header. */
    static String essence(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** {@code application/json}, {@code text/json} or any {@code +json} type (e.g. {@code application/problem+json}). */
    static boolean isJson(String contentType) {
        String essence = essence(contentType);
        return essence.equals("application/json") || essence.equals("text/json") || essence.endsWith("+json");
    }

    /** {@code application/xml}, {@code text/xml} or any {@code +xml} type (e.g. {@code application/atom+xml}). */
    static boolean isXml(String contentType) {
        String essence = essence(contentType);
        return essence.equals("application/xml") || essence.equals("text/xml") || essence.endsWith("+xml");
    }

    /** Whether the media type is a range such as {@code application/*} or {@code *}{@code /*}, not a concrete type. */
    static boolean isRange(String contentType) {
        return essence(contentType).indexOf('*') >= 0;
    }

    /** The name of the {@code charset} parameter, if there is one. */
    static Optional<String> charsetName(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parameters = contentType.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String[] pair = parameters[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return Optional.of(pair[1].strip().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** The charset the {@code Content-Type} names; UTF-8 when it names none or one this JVM does not know. */
    static Charset charset(String contentType) {
        Optional<String> name = charsetName(contentType);
        if (name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.get());
        } catch (IllegalArgumentException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Returns {@code value} if it can be sent as a {@code Content-Type}: a legal header value (no CR or LF) whose media
     * type is {@code type/subtype}, both tokens.
     */
    static String require(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null; give a media type such as application/pdf");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " contains a line break (CR or LF), which would inject headers;"
                    + " remove it");
        }
        HeaderRules.requireValue("Content-Type", value);
        String essence = value.split(";", 2)[0].strip();
        int slash = essence.indexOf('/');
        if (slash < 0 || !Tokens.isToken(essence.substring(0, slash)) || !Tokens.isToken(essence.substring(slash + 1))) {
            throw new IllegalArgumentException(what + " \"" + value + "\" is not a media type; use type/subtype, e.g."
                    + " application/pdf or text/csv; charset=UTF-8");
        }
        return value;
    }
}
