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

    record ListOf(TypeRef element) implements TypeRef {}

    record MapOf(TypeRef value) implements TypeRef {}
}
