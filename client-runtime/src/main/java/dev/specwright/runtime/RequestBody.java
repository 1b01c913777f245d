package dev.specwright.runtime;

import java.util.List;

/**
 * The body of an {@link ApiRequest} as the builder was given it. Bodies that need the client's mapper (JSON, form and
 * multipart fields) are written by {@link HttpRequestFactory} when the request is sent.
 */
sealed interface RequestBody {

    /**
     * An object written as JSON by the client's mapper, sent as {@code contentType}; null for the default
     * {@code application/json; charset=UTF-8}.
     */
    record Json(Object value, String contentType) implements RequestBody {

        Json(Object value) {
            this(value, null);
        }
    }

    /** Bytes already written (text, or XML by a {@link GenericCall}), sent as-is. */
    record Raw(byte[] bytes, String contentType) implements RequestBody {}

    /** A {@link Binary} sent as the whole body, streamed when it is a file. */
    record Upload(Binary content, String contentType) implements RequestBody {}

    /** {@code application/x-www-form-urlencoded} or {@code multipart/form-data} fields, in the order given. */
    record Fields(boolean multipart, List<Field> fields) implements RequestBody {}

    /**
     * One call of {@code formField}/{@code part} ({@code name} set), or of {@code formFields}/{@code parts}
     * ({@code name} null: the value's properties become fields).
     */
    record Field(String name, Object value) {

        boolean spread() {
            return name == null;
        }
    }
}
