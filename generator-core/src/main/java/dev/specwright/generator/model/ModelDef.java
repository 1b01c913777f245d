package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * An object schema: one immutable record.
 *
 * @param fieldEnum the {@code <Model>Field} enum's name when some operation filters this model's fields
 * @param unions the sealed interfaces ({@code oneOf}/{@code anyOf}) this model is a variant of
 * @param additional where the members {@code additionalProperties} allows are kept, when the schema allows any
 * @param partial whether it is the body of a partial update (a PATCH, or an operation that says
 *     {@code x-partial-update: true}), so it tracks which fields were set (absent, null, value)
 * @param sent whether the client writes it (a request body or parameter holds it, see {@code SentModelsPass}): only
 *     then does it have a builder; a model only read from answers is a plain record
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
        boolean partial,
        Optional<Additional> additional,
        boolean sent) {

    public ModelDef {
        properties = List.copyOf(properties);
        unions = List.copyOf(unions);
    }

    /** A model before the sent-models pass, which decides whether the client writes it. */
    public ModelDef(String schemaName, String className, String pointer, String description, boolean deprecated,
            List<Property> properties, Optional<String> fieldEnum, List<String> unions, boolean partial, Optional<Additional> additional) {
        this(schemaName, className, pointer, description, deprecated, properties, fieldEnum, unions, partial, additional, false);
    }

    public ModelDef withSent(boolean isSent) {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, fieldEnum, unions, partial, additional, isSent);
    }

    public ModelDef withFieldEnum(String name) {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, Optional.of(name), unions, partial, additional, sent);
    }

    /** This model is the body of a partial update: it must tell "not set" from "set to null". */
    public ModelDef asPartial() {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, fieldEnum, unions, true, additional, sent);
    }

    /** This model with its properties' and additional members' types replaced (the same names, in the same order). */
    public ModelDef withTypes(List<Property> properties, Optional<Additional> additional) {
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, fieldEnum, unions, partial, additional);
    }

    /** This model is a variant of {@code union}: it implements that sealed interface. */
    public ModelDef withUnion(String union) {
        List<String> all = new java.util.ArrayList<>(unions);
        if (!all.contains(union)) {
            all.add(union);
        }
        return new ModelDef(schemaName, className, pointer, description, deprecated, properties, fieldEnum, all, partial, additional, sent);
    }

    /**
     * {@code additionalProperties}: the JSON members the schema does not name, kept on read and written back.
     *
     * @param javaName the record component / accessor holding them
     * @param valueType the type of each value
     */
    public record Additional(String javaName, TypeRef valueType) {}

    /**
     * @param required whether the schema lists it in {@code required} (an answer always has it; a request must)
     * @param nullable whether JSON {@code null} is one of its values (3.0 {@code nullable: true}, 3.1
     *                 {@code type: [x, 'null']}, a {@code oneOf}/{@code anyOf} with a {@code null} type)
     */
    public record Property(
            String jsonName,
            String javaName,
            TypeRef type,
            boolean required,
            boolean readOnly,
            boolean deprecated,
            String description,
            boolean nullable,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
            Optional<Constraints> constraints) {

        /** A property without constraints: what every model has unless Jakarta Validation is asked for. */
        public Property(String jsonName, String javaName, TypeRef type, boolean required, boolean readOnly,
                boolean deprecated, String description, boolean nullable) {
            this(jsonName, javaName, type, required, readOnly, deprecated, description, nullable, Optional.empty());
        }

        /** This property with another type (the same name, flags and constraints). */
        public Property withType(TypeRef other) {
            return new Property(jsonName, javaName, other, required, readOnly, deprecated, description, nullable, constraints);
        }
    }

    /**
     * What the spec says a valid value is, kept only when the models carry Jakarta Validation annotations
     * ({@code beanValidation}): the lengths of a string, the sizes of an array, a pattern, the bounds of a number.
     *
     * @param minimum the lower bound, as the spec writes it; {@code exclusiveMinimum} whether the bound itself is out
     */
    public record Constraints(
            Optional<Integer> minLength,
            Optional<Integer> maxLength,
            Optional<String> pattern,
            Optional<java.math.BigDecimal> minimum,
            boolean exclusiveMinimum,
            Optional<java.math.BigDecimal> maximum,
            boolean exclusiveMaximum,
            Optional<Integer> minItems,
            Optional<Integer> maxItems) {

        public boolean isEmpty() {
            return minLength.isEmpty() && maxLength.isEmpty() && pattern.isEmpty() && minimum.isEmpty() && maximum.isEmpty()
                    && minItems.isEmpty() && maxItems.isEmpty();
        }
    }
}
