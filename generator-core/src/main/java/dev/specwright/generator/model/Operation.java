package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP operation.
 *
 * @param methodName the operation's method in {@code <Tag>Api} and, returning a {@code CompletableFuture}, in
 *     {@code <Tag>AsyncApi}: the operationId, without the group's noun where that is unambiguous ({@code get})
 * @param requestMethodName the package-private static method of {@code <Tag>Api} that builds the request, which the
 *     sync and the async method share
 * @param paramsClassName the class holding the optional parameters, when there are any
 * @param responseType the 2xx body type; empty when the operation answers without a body. {@code STRING} for a text
 *     answer, {@code DOWNLOAD} for any other non-JSON one
 * @param accept the {@code Accept} header the operation sends; empty for the client's default ({@code application/json})
 */
public record Operation(
        String operationId,
        String methodName,
        String requestMethodName,
        String httpMethod,
        String path,
        String pointer,
        String summary,
        String description,
        boolean deprecated,
        List<Parameter> parameters,
        Optional<Body> body,
        Optional<TypeRef> responseType,
        String accept,
        Optional<String> paramsClassName) {

    public Operation {
        parameters = List.copyOf(parameters);
    }

    public List<Parameter> requiredParameters() {
        return parameters.stream().filter(Parameter::required).toList();
    }

    public List<Parameter> optionalParameters() {
        return parameters.stream().filter(p -> !p.required()).toList();
    }

    /**
     * The request body.
     *
     * @param kind how it goes on the wire
     * @param mediaType the media type the spec declares for it, e.g. {@code multipart/form-data}
     */
    public record Body(TypeRef type, String javaName, boolean required, String description, Kind kind, String mediaType) {}

    /**
     * How a body is sent. Where an operation accepts several media types, the first of this order is used: a typed
     * JSON body is the most precise, a form is next, then multipart, then text, then raw bytes.
     */
    public enum Kind {
        /** written by the client's ObjectMapper */
        JSON,
        /** {@code application/x-www-form-urlencoded}: the object's properties as fields */
        FORM,
        /** {@code multipart/form-data}: the object's properties as parts, {@code format: binary} ones as files */
        MULTIPART,
        /** a {@code text/*} body from a string */
        TEXT,
        /** any other media type: the caller's bytes, sent as they are */
        BINARY
    }
}
