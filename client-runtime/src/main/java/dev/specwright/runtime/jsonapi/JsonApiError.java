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
     * The field the error points at: the attribute of {@code /data/attributes/<name>} (the rest of a deeper pointer
     * kept, {@code address/city}), the relationship of {@code /data/relationships/<name>/...} ({@code customer} for
     * {@code /data/relationships/customer/data}), else the pointer's last segment; for a query parameter, the field
     * inside {@code filter[...]} (also {@code filter[createdAt][gte]}) or {@code fields[...]}, else the whole parameter
     * ({@code page[size]}, {@code include}). Empty when the error points nowhere.
     */
    public Optional<String> field() {
        if (!pointer.isEmpty()) {
            String attributes = "/data/attributes/";
            if (pointer.startsWith(attributes) && pointer.length() > attributes.length()) {
                return Optional.of(unescape(pointer.substring(attributes.length())));
            }
            String relationships = "/data/relationships/";
            if (pointer.startsWith(relationships) && pointer.length() > relationships.length()) {
                String rest = pointer.substring(relationships.length());
                int end = rest.indexOf('/');
                return Optional.of(unescape(end < 0 ? rest : rest.substring(0, end))); // customer/data: the relationship
            }
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            return last.isEmpty() ? Optional.empty() : Optional.of(unescape(last));
        }
        if (!parameter.isEmpty()) {
            int open = parameter.indexOf('[');
            int close = parameter.indexOf(']', open + 1);
            boolean aboutAField = parameter.startsWith("filter[") || parameter.startsWith("fields[");
            return Optional.of(aboutAField && close > open + 1 ? parameter.substring(open + 1, close) : parameter);
        }
        return Optional.empty();
    }

    /** RFC 6901: {@code ~1} is {@code /}, {@code ~0} is {@code ~}. */
    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
