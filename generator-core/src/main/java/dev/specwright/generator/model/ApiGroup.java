package dev.specwright.generator.model;

import java.util.List;

/**
 * One tag: one {@code <Tag>Api} class, reached through the client's {@code accessorName()}.
 *
 * @param tag the tag; for operations the spec gives no tag, the name of the API ({@link
 *     dev.specwright.generator.naming.DerivedNames#untaggedGroup})
 * @param asyncClassName {@code <Tag>AsyncApi}, the same operations returning {@code CompletableFuture}s, reached
 *     through {@code <Tag>Api.async()}
 * @param untagged whether none of its operations has a tag in the spec: {@code tag} is then only a name
 */
public record ApiGroup(String tag, boolean untagged, String className, String asyncClassName, String accessorName, String description,
        List<Operation> operations) {
    public ApiGroup {
        operations = List.copyOf(operations);
    }
}
