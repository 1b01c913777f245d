package dev.specwright.generator.model;

import java.util.List;

/** A string or integer enum schema: a Java enum with an {@code UNKNOWN} constant for values this client predates. */
public record EnumDef(String className, String description, boolean integer, List<Constant> constants) {
    public EnumDef {
        constants = List.copyOf(constants);
    }

    public record Constant(String javaName, String value) {}
}
