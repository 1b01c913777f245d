package dev.specwright.runtime.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.ErrorDecoder;
import dev.specwright.runtime.HttpFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The error decoder of generated JSON:API clients: an answer whose body is a JSON:API error document
 * ({@code {"errors": [...]}}) becomes a {@link JsonApiException}; a 429 stays a
 * {@link dev.specwright.runtime.RateLimitedException} (retries and rate limiting key on it), and anything else is
 * decoded by {@link ErrorDecoder#DEFAULT}.
 */
public final class JsonApiErrors {

    /** The decoder; see the class description. */
    public static final ErrorDecoder DECODER = JsonApiErrors::decode;

    private JsonApiErrors() {}

    private static RuntimeException decode(HttpFailure failure, ObjectMapper mapper) {
        if (failure.status() == 429 || !failure.isJson()) {
            return ErrorDecoder.DEFAULT.decode(failure, mapper);
        }
        JsonNode document;
        try {
            document = mapper.readTree(failure.body());
        } catch (java.io.IOException | RuntimeException notJson) {
            return ErrorDecoder.DEFAULT.decode(failure, mapper);
        }
        JsonNode errors = document == null ? null : document.get("errors");
        if (errors == null || !errors.isArray()) {
            return ErrorDecoder.DEFAULT.decode(failure, mapper);
        }
        List<JsonApiError> entries = new ArrayList<>();
        for (JsonNode e : errors) {
            JsonNode source = e.path("source");
            entries.add(new JsonApiError(text(e, "status"), text(e, "code"), text(e, "title"), text(e, "detail"),
                    text(source, "pointer"), text(source, "parameter")));
        }
        return new JsonApiException(failure, entries);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }
}
