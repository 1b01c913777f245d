package dev.specwright.generator.extension;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;

/**
 * What a generated top-level type is: its name and where it comes from.
 *
 * @param className the type's package and simple name
 * @param origin what in the spec it is generated from; more kinds of origin may come in later versions, so code that
 *     tells them apart should treat one it does not know like {@link Other}
 */
public record GeneratedType(ClassName className, Origin origin) {

    public GeneratedType {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(origin, "origin");
    }

    /** The package, e.g. {@code com.example.platform.model}. */
    public String packageName() {
        return className.packageName();
    }

    /** The class name without its package, e.g. {@code Pet}. */
    public String simpleName() {
        return className.simpleName();
    }

    /** What in the spec a generated type comes from. */
    public sealed interface Origin permits Model, FieldEnum, Api, Params, Client, ErrorType, Other {}

    /**
     * A model: a record (or, with very many properties or as the body of a partial update, a final class with a
     * builder) for an object schema.
     *
     * @param schemaName the schema's name in the spec ({@code components/schemas}, or the name given to an inline one)
     * @param jsonProperties the JSON names of its properties, in the spec's order
     */
    public record Model(String schemaName, List<String> jsonProperties) implements Origin {
        public Model {
            Objects.requireNonNull(schemaName, "schemaName");
            jsonProperties = List.copyOf(jsonProperties);
        }
    }

    /**
     * The {@code <Model>Field} enum that names a model's fields for {@code includeFields}/{@code excludeFields}.
     *
     * @param schemaName the schema name of the model whose fields it names
     */
    public record FieldEnum(String schemaName) implements Origin {
        public FieldEnum {
            Objects.requireNonNull(schemaName, "schemaName");
        }
    }

    /**
     * An API class: the operations of one tag.
     *
     * @param tag the spec's tag (for operations without one, the name the generator gave their group)
     * @param operationIds the operationIds of its operations, in the spec's order
     * @param async whether it is the {@code <Tag>AsyncApi} class, whose methods return {@code CompletableFuture}s
     */
    public record Api(String tag, List<String> operationIds, boolean async) implements Origin {
        public Api {
            Objects.requireNonNull(tag, "tag");
            operationIds = List.copyOf(operationIds);
        }
    }

    /**
     * The class holding an operation's optional parameters.
     *
     * @param operationId the operation's operationId
     */
    public record Params(String operationId) implements Origin {
        public Params {
            Objects.requireNonNull(operationId, "operationId");
        }
    }

    /**
     * One of the client's own classes.
     *
     * @param part which one
     */
    public record Client(ClientPart part) implements Origin {
        public Client {
            Objects.requireNonNull(part, "part");
        }
    }

    /** The client's classes. */
    public enum ClientPart {
        /** {@code <Name>Client}, the entry point with its builder and one accessor per API class. */
        CLIENT,
        /** {@code Environment}: the servers the spec lists. */
        ENVIRONMENT,
        /** {@code <Name>Credentials}: one factory per way the spec's security schemes authenticate. */
        CREDENTIALS
    }

    /** A type of the error catalogue ({@code errors.json}): the code and category enums, the exceptions, the decoder. */
    public record ErrorType() implements Origin {}

    /** Any other generated type, such as an open enum or a {@code oneOf}/{@code anyOf} interface. */
    public record Other() implements Origin {}
}
