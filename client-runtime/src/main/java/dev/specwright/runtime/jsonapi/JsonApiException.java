package dev.specwright.runtime.jsonapi;

import dev.specwright.runtime.ApiException;
import dev.specwright.runtime.HttpFailure;
import java.util.List;
import java.util.Optional;

/**
 * A JSON:API server's refusal with an error document ({@code {"errors": [...]}}), its entries typed: for a 422, each
 * names the field it points at ({@link JsonApiError#field()}). The message holds the first entry's title and detail,
 * with the client's credentials redacted as in every {@link ApiException} message; the entries themselves are the
 * server's text as sent, unredacted like {@link #rawBody()}: a server that echoes a secret puts it there, so log the
 * message, not the entries.
 */
public class JsonApiException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient List<JsonApiError> errors;

    public JsonApiException(HttpFailure failure, List<JsonApiError> errors) {
        super(failure, reason(errors));
        this.errors = List.copyOf(errors);
    }

    private static String reason(List<JsonApiError> errors) {
        if (errors.isEmpty()) {
            return "JSON:API error document without errors";
        }
        JsonApiError first = errors.get(0);
        String text = first.title().isEmpty() ? first.detail()
                : first.detail().isEmpty() ? first.title() : first.title() + ": " + first.detail();
        String where = first.field().map(f -> " (" + f + ")").orElse("");
        String more = errors.size() > 1 ? " and " + (errors.size() - 1) + " more" : "";
        return text + where + more;
    }

    /** The document's errors, in its order. */
    public List<JsonApiError> errors() {
        return errors;
    }

    /** The errors that point at {@code field} ({@link JsonApiError#field()}), e.g. {@code email}. */
    public List<JsonApiError> errorsFor(String field) {
        return errors.stream().filter(e -> e.field().filter(field::equals).isPresent()).toList();
    }

    /** The first error, if the document has any. */
    public Optional<JsonApiError> firstError() {
        return errors.stream().findFirst();
    }
}
