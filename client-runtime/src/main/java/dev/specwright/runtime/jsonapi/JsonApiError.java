package dev.specwright.runtime.jsonapi;

import java.util.Optional;

/**
 * One entry of a JSON:API error document's {@code errors}. Texts the server did not send are empty.
 *
 * @param status    the HTTP status the server gives for this problem, e.g. {@code 422}
 * @param code      the server's code for the problem
 * @param title     a short summary, e.g. {@code not blank constraint}
 * @param detail    this occurrence's explanation
 * @param pointer   {@code source.pointer}: the JSON Pointer into the request document, e.g. {@code /data/attributes/email}
 * @param parameter {@code source.parameter}: the query parameter that caused it, e.g. {@code filter[createdAt]}
 */
public record JsonApiError(String status, String code, String title, String detail, String pointer, String parameter) {

    /**
     * The field the error points at: the attribute or relationship of {@code /data/attributes/<name>} or
     * {@code /data/relationships/<name>} (the rest of a deeper pointer kept, {@code address/city}), else the pointer's
     * last segment; for a query parameter, the field inside {@code filter[...]}/{@code fields[...]}, else the
     * parameter. Empty when the error points nowhere.
     */
    public Optional<String> field() {
        if (!pointer.isEmpty()) {
            for (String prefix : new String[] {"/data/attributes/", "/data/relationships/"}) {
                if (pointer.startsWith(prefix) && pointer.length() > prefix.length()) {
                    return Optional.of(unescape(pointer.substring(prefix.length())));
                }
            }
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            return last.isEmpty() ? Optional.empty() : Optional.of(unescape(last));
        }
        if (!parameter.isEmpty()) {
            int open = parameter.indexOf('[');
            int close = parameter.indexOf(']', open + 1);
            return Optional.of(open >= 0 && close > open + 1 ? parameter.substring(open + 1, close) : parameter);
        }
        return Optional.empty();
    }

    /** RFC 6901: {@code ~1} is {@code /}, {@code ~0} is {@code ~}. */
    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
