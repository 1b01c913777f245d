package dev.specwright.generator.model;

/** The Java type of a value in the spec, before it becomes a JavaPoet {@code TypeName}. */
public sealed interface TypeRef {

    /**
     * A type the JDK, Jackson or the runtime gives us. {@code BINARY} is content to upload ({@code format: binary});
     * {@code DOWNLOAD} is a non-JSON answer (a file, an image), read whole with its content type and file name.
     */
    enum Builtin implements TypeRef {
        STRING, INTEGER, LONG, DOUBLE, DECIMAL, BOOLEAN, DATE, DATE_TIME, UUID, URI, BYTES, JSON, BINARY, DOWNLOAD
    }

    /** A model or enum the generator emits, by its simple name in the model package. */
    record Named(String className) implements TypeRef {}

    /**
     * A type the generator emits in the base package, by its simple name: the catalogue's {@code ErrorCategory}, which
     * types the error document's {@code errorCategory} (one enum for the concept, not a second one in the model).
     */
    record Base(String className) implements TypeRef {}

    /**
     * A class the user supplies instead of the generated or built-in one: a {@code typeMappings} value (in place of a
     * spec type and format) or a {@code schemaMappings} value (in place of a schema, which is then not generated).
     *
     * @param qualifiedName the class, by its qualified name ({@code java.time.Instant}, {@code com.example.Money})
     * @param replaces what the spec's type would have been: the built-in type a type mapping replaces; {@code JSON}
     *     (any JSON value) for a mapped schema. What a union's decoder tests the JSON node against.
     */
    record External(String qualifiedName, TypeRef replaces) implements TypeRef {}

    record ListOf(TypeRef element) implements TypeRef {}

    record MapOf(TypeRef value) implements TypeRef {}
}
