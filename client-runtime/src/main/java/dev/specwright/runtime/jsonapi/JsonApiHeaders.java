package dev.specwright.runtime.jsonapi;

import dev.specwright.runtime.Response;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The counts a JSON:API server of Oro's kind answers in headers when the request asked with {@code X-Include}:
 * {@code X-Include-Total-Count} ({@code X-Include: totalCount}, on a list) and {@code X-Include-Deleted-Count}
 * ({@code X-Include: deletedCount}, on a DELETE of a list). Read from the {@link Response} of a generated
 * {@code ...WithResponse} method.
 */
public final class JsonApiHeaders {

    /** The header with the number of all records a filtered list has, on every page. */
    public static final String TOTAL_COUNT = "X-Include-Total-Count";
    /** The header with the number of records a DELETE of a list deleted. */
    public static final String DELETED_COUNT = "X-Include-Deleted-Count";

    private JsonApiHeaders() {}

    /**
     * @return the total number of records of the list; empty when the answer has no {@code X-Include-Total-Count}
     *     (the request did not send {@code X-Include: totalCount}, or the server ignores it)
     * @throws IllegalStateException if the header is not a whole number
     */
    public static OptionalLong totalCount(Response<?> response) {
        return count(response, TOTAL_COUNT);
    }

    /**
     * @return the number of deleted records; empty when the answer has no {@code X-Include-Deleted-Count}
     * @throws IllegalStateException if the header is not a whole number
     */
    public static OptionalLong deletedCount(Response<?> response) {
        return count(response, DELETED_COUNT);
    }

    private static OptionalLong count(Response<?> response, String header) {
        Optional<String> value = Objects.requireNonNull(response, "response").header(header);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException e) {
            String shown = value.get().length() > 40 ? value.get().substring(0, 40) + "…" : value.get();
            throw new IllegalStateException("the server's " + header + " is not a whole number: \"" + shown + "\"", e);
        }
    }
}
