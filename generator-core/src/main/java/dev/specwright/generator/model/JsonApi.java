package dev.specwright.generator.model;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Locale;

/**
 * How a spec says an operation speaks JSON:API (jsonapi.org): its request body or one of its answers has the media
 * type {@code application/vnd.api+json}. Such an operation sends exactly that type on {@code Accept} and, with a body,
 * on {@code Content-Type}; JSON:API servers answer 406 or 415 to anything else, parameters included.
 */
public final class JsonApi {

    /** The JSON:API media type, as it must go on the wire: without parameters. */
    public static final String MEDIA_TYPE = "application/vnd.api+json";

    /** The runtime's filter type: a parameter of {@code List<Filter>} sends each as {@code filter[field][op]=value}. */
    public static final String FILTER_TYPE = "dev.specwright.runtime.jsonapi.Filter";
    /** The runtime's sort key: a parameter of {@code List<Sort>} sends {@code a,-b}. */
    public static final String SORT_TYPE = "dev.specwright.runtime.jsonapi.Sort";

    private JsonApi() {}

    /** Whether {@code type} is a list of the runtime type {@code qualifiedName} ({@link #FILTER_TYPE}, {@link #SORT_TYPE}). */
    public static boolean isListOf(TypeRef type, String qualifiedName) {
        return type instanceof TypeRef.ListOf list && list.element() instanceof TypeRef.External external
                && external.qualifiedName().equals(qualifiedName);
    }

    /** Whether {@code mediaType} (parameters and case aside) is the JSON:API media type. */
    public static boolean isMediaType(String mediaType) {
        return mediaType != null && mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /** Whether the operation's request body or any of its responses (errors too) is declared as JSON:API. */
    static boolean declares(OpenAPI api, io.swagger.v3.oas.models.Operation op) {
        RequestBody body = op.getRequestBody();
        if (body != null && body.get$ref() != null && api.getComponents() != null && api.getComponents().getRequestBodies() != null) {
            body = api.getComponents().getRequestBodies().get(body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1));
        }
        if (body != null && declares(body.getContent())) {
            return true;
        }
        if (op.getResponses() == null) {
            return false;
        }
        for (ApiResponse response : op.getResponses().values()) {
            ApiResponse resolved = OperationPass.resolveResponse(api, response);
            if (resolved != null && declares(resolved.getContent())) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Content content) {
        return content != null && content.keySet().stream().anyMatch(JsonApi::isMediaType);
    }
}
