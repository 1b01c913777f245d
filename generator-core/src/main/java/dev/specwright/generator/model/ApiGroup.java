package dev.specwright.generator.model;

import java.util.List;

/** One tag: one {@code <Tag>Api} class, reached through the client's {@code accessorName()}. */
public record ApiGroup(String tag, String className, String accessorName, String description, List<Operation> operations) {
    public ApiGroup {
        operations = List.copyOf(operations);
    }
}
