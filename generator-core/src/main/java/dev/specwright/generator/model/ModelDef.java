package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * An object schema: one immutable record.
 *
 * @param fieldEnum the {@code <Model>Field} enum's name when some operation filters this model's fields
 */
public record ModelDef(
        String schemaName,
        String className,
        String pointer,
        String description,
        boolean deprecated,
        List<Property> properties,
        Optional<String> fieldEnum) {

    public ModelDef {
        properties = List.copyOf(properties);
    }

    public ModelDef withFieldEnum(String name) {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, Optional.of(name));
    }

    public record Property(
            String jsonName,
            String javaName,
            TypeRef type,
            boolean required,
            boolean readOnly,
            boolean deprecated,
            String description) {}
}
