package dev.specwright.generator.model;

/**
 * The forms of one operation beyond its plain method, named in its class's scope ({@link OperationFormsPass}).
 *
 * @param responseMethodName the method returning the decoded body with the answer's status and headers
 *     ({@code getWithResponse}), in {@code <Tag>Api} and, returning a {@code CompletableFuture}, in {@code <Tag>AsyncApi}
 */
public record OperationForms(String responseMethodName) {}
