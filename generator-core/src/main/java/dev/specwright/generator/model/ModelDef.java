package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * An object schema: one immutable record.
 *
 * @param fieldEnum the {@code <Model>Field} enum's name when some operation filters this model's fields
 * @param unions the sealed interfaces ({@code oneOf}/{@code anyOf}) this model is a variant of
 * @param partial whether it is the body of a PUT or PATCH, so it tracks which fields were set (absent, null, value)
 */
public record ModelDef(
        String schemaName,
        String className,
        String pointer,
        String description,
        boolean deprecated,
        List<Property> properties,
        Optional<String> fieldEnum,
        List<String> unions,
        boolean partial) {

    public ModelDef {
        properties = List.copyOf(properties);
        unions = List.copyOf(unions);
    }

    public ModelDef withFieldEnum(String name) {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, Optional.of(name), unions, partial);
    }

    /** This model is the body of a PUT or PATCH: it must tell "not set" from "set to null". */
    public ModelDef asPartial() {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, fieldEnum, unions, true);
    }

    /** This model is a variant of {@code union}: it implements that sealed interface. */
    public ModelDef withUnion(String union) {
        List<String> all = new java.util.ArrayList<>(unions);
        if (!all.contains(union)) {
            all.add(union);
        }
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, fieldEnum, all, partial);
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
