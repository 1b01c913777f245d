package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP operation.
 *
 * @param asyncMethodName the name of the variant returning a {@code CompletableFuture}
 * @param paramsClassName the class holding the optional parameters, when there are any
 * @param responseType the 2xx body type; empty when the operation answers without a body
 */
public record Operation(
        String operationId,
        String methodName,
        String asyncMethodName,
        String httpMethod,
        String path,
        String pointer,
        String summary,
        String description,
        boolean deprecated,
        List<Parameter> parameters,
        Optional<Body> body,
        Optional<TypeRef> responseType,
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

    public record Body(TypeRef type, String javaName, boolean required, String description) {}
}
