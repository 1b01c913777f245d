package dev.specwright.generator.model;

import dev.specwright.generator.Customization;
import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.naming.NameScope;
import dev.specwright.generator.naming.NameValidation;
import dev.specwright.generator.naming.NearestNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's mappings as the build passes read them: {@code typeMappings} ({@link TypeMappings}), {@code schemaMappings}
 * and {@code nameMappings}. Each name the user chose goes through the naming authority like a derived one: it is
 * checked (a legal Java name of its kind, none of the generated code's own, not the name another member of its scope
 * gets from the spec) and reserved in its scope before the spec's names are allocated. A mapping that cannot work
 * fails the build with a
 * {@link CustomizationException} naming the option and the key; a key that matches nothing in the spec too
 * ({@link #checkAllUsed}), with the nearest names of the spec.
 */
final class Mappings {

    static final String SCHEMA_MAPPINGS = "schemaMappings";
    static final String NAME_MAPPINGS = "nameMappings";

    static final Mappings NONE = new Mappings(Customization.DEFAULT);

    private final TypeMappings types;
    private final Map<String, String> schemas;
    private final Customization.NameMappings names;
    private final boolean constraints;
    private final Set<String> usedProperties = new HashSet<>();
    private final Set<String> usedEnumValues = new HashSet<>();
    private final Set<String> seenProperties = new HashSet<>();
    private final Set<String> seenEnumValues = new HashSet<>();

    Mappings(Customization customization) {
        this.types = TypeMappings.of(customization.typeMappings());
        customization.schemaMappings().forEach((schema, className) -> {
            Optional<String> problem = TypeMappings.classNameProblem(className == null ? "" : className.strip());
            if (problem.isPresent()) {
                throw new CustomizationException(SCHEMA_MAPPINGS, "the value of " + schema + " "
                        + problem.get() + "; write the qualified name of your class, e.g. " + schema + "=com.example." + schema + ".");
            }
        });
        this.schemas = Map.copyOf(customization.schemaMappings());
        this.names = customization.nameMappings();
        this.constraints = customization.beanValidation();
        customization.nameMappings().models().forEach((schema, className) -> {
            if (schemas.containsKey(schema)) {
                throw new CustomizationException(NAME_MAPPINGS, "the model " + schema + " is also in "
                        + SCHEMA_MAPPINGS + " (" + schemas.get(schema) + "), so no class of it is generated to rename; "
                        + "remove one of the two.");
            }
        });
    }

    /** Whether the models keep the spec's constraints (for Jakarta Validation annotations). */
    boolean constraints() {
        return constraints;
    }

    /** A scalar type's mapped class, replacing {@code builtin}. */
    Optional<TypeRef> scalar(String type, String format, TypeRef builtin) {
        return types.classFor(type, format).map(c -> new TypeRef.External(c, builtin));
    }

    /** The user's class standing for the named schema, which is then not generated. */
    Optional<TypeRef> schema(String schemaName) {
        String className = schemas.get(schemaName);
        return className == null ? Optional.empty() : Optional.of(new TypeRef.External(className.strip(), TypeRef.Builtin.JSON));
    }

    boolean isMappedSchema(String schemaName) {
        return schemas.containsKey(schemaName);
    }

    /**
     * Reserves the class names {@code nameMappings.models} gives the named schemas in the model scope, before any
     * other is allocated; checks each is a legal type name, free, and names a schema that becomes a class.
     *
     * @param classSchemas the named schemas that become classes (models, enums, unions)
     * @param allSchemas every named schema
     */
    void reserveModelNames(NameScope modelScope, Set<String> classSchemas, Collection<String> allSchemas) {
        Map<String, String> others = new java.util.TreeMap<>();
        classSchemas.stream().filter(s -> !names.models().containsKey(s))
                .forEach(s -> others.put(s, dev.specwright.generator.naming.JavaNames.typeName(s)));
        names.models().forEach((schema, className) -> {
            if (!classSchemas.contains(schema)) {
                String why = allSchemas.contains(schema)
                        ? "the schema " + schema + " does not become a class of its own (it is an alias, a scalar or an array)"
                        : "no schema of the spec is named " + schema + NearestNames.hint(schema, classSchemas);
                throw new CustomizationException(NAME_MAPPINGS, "models: " + why + "; map a schema"
                        + " under components/schemas that becomes a model, an enum or a union.");
            }
            NameValidation.typeNameProblem(className).ifPresent(problem -> {
                throw new CustomizationException(NAME_MAPPINGS, "models: " + schema + "=" + className
                        + ": " + problem + "; choose a legal Java class name.");
            });
            clash("models: " + schema + "=" + className + ": ", others, className, "the schema",
                    "the model package");
            if (modelScope.isTaken(className)) {
                throw new CustomizationException(NAME_MAPPINGS, "models: " + schema + "=" + className
                        + ": the name " + className + " is taken in the model package (by another mapping or by the"
                        + " generated code itself); choose another.");
            }
            modelScope.reserve(className);
        });
    }

    /** The class name the user chose for a named schema (reserved already by {@link #reserveModelNames}). */
    Optional<String> modelName(String schemaName) {
        return Optional.ofNullable(names.models().get(schemaName));
    }

    /**
     * The Java name the user chose for a property of {@code model}, reserved in {@code members}; empty when none.
     * {@code reserved} are the names every model has (accessors the generated code adds).
     */
    Optional<String> propertyName(String jsonName, String model, NameScope members, List<String> reserved, Map<String, String> others) {
        if (names.properties().isEmpty()) {
            return Optional.empty();
        }
        seenProperties.add(jsonName);
        String javaName = names.properties().get(jsonName);
        if (javaName == null) {
            return Optional.empty();
        }
        usedProperties.add(jsonName);
        String key = "properties: " + jsonName + "=" + javaName + " in " + model + ": ";
        NameValidation.memberNameProblem(javaName).ifPresent(problem -> {
            throw new CustomizationException(NAME_MAPPINGS, key + problem + "; choose a legal Java name.");
        });
        if (reserved.stream().anyMatch(javaName::equalsIgnoreCase)) {
            throw new CustomizationException(NAME_MAPPINGS, key + "every model has a member " + javaName
                    + " already (" + String.join(", ", reserved) + " are taken); choose another.");
        }
        clash(key, others, javaName, "the property", model);
        if (members.isTaken(javaName)) {
            throw new CustomizationException(NAME_MAPPINGS, key + "another property of " + model + " is mapped to that name"
                    + " (names are compared ignoring case); choose another.");
        }
        members.reserve(javaName);
        return Optional.of(javaName);
    }

    /** The constant the user chose for an enum value, reserved in {@code constants}; empty when none. */
    Optional<String> enumConstant(String value, String enumClass, NameScope constants, Map<String, String> others) {
        if (names.enumValues().isEmpty()) {
            return Optional.empty();
        }
        seenEnumValues.add(value);
        String javaName = names.enumValues().get(value);
        if (javaName == null) {
            return Optional.empty();
        }
        usedEnumValues.add(value);
        String key = "enumValues: " + value + "=" + javaName + " in " + enumClass + ": ";
        NameValidation.memberNameProblem(javaName).ifPresent(problem -> {
            throw new CustomizationException(NAME_MAPPINGS, key + problem + "; choose a legal Java name.");
        });
        if (EnumDef.RESERVED_CONSTANT_NAMES.stream().anyMatch(javaName::equalsIgnoreCase)) {
            throw new CustomizationException(NAME_MAPPINGS, key + String.join(", ", EnumDef.RESERVED_CONSTANT_NAMES)
                    + " are the generated enum's own; choose another.");
        }
        clash(key, others, javaName, "the value", enumClass);
        if (constants.isTaken(javaName)) {
            throw new CustomizationException(NAME_MAPPINGS, key + "another value of " + enumClass + " is mapped to that"
                    + " constant (names are compared ignoring case); choose another.");
        }
        constants.reserve(javaName);
        return Optional.of(javaName);
    }

    /**
     * Fails when {@code javaName} is the name the spec would give another member of the same scope: the user's name
     * must not push one of the spec's aside.
     *
     * @param others the scope's other members: the spec's name → the Java name it would get
     */
    static void clash(String key, Map<String, String> others, String javaName, String what, String scope) {
        others.forEach((specName, wanted) -> {
            if (wanted.equalsIgnoreCase(javaName)) {
                throw new CustomizationException(NAME_MAPPINGS, key + what + " " + specName + " of " + scope + " is named "
                        + wanted + " already (names are compared ignoring case); choose another, or map " + specName + " too.");
            }
        });
    }

    boolean mapsProperty(String jsonName) {
        return names.properties().containsKey(jsonName);
    }

    boolean mapsEnumValue(String value) {
        return names.enumValues().containsKey(value);
    }

    /** The method name the user chose for an operationId; empty when none. */
    Optional<String> operationName(String operationId) {
        return Optional.ofNullable(names.operations().get(operationId));
    }

    Set<String> operationKeys() {
        return names.operations().keySet();
    }

    /**
     * Fails on a property, enum-value or schema key that matched nothing in the spec: a typo would otherwise be
     * silently ignored. The operations' keys are checked by the operations pass, which knows the operationIds.
     */
    void checkAllUsed(Collection<String> schemaNames) {
        schemas.keySet().stream().filter(s -> !schemaNames.contains(s)).findFirst().ifPresent(s -> {
            throw new CustomizationException(SCHEMA_MAPPINGS, "no schema of the spec is named " + s
                    + NearestNames.hint(s, schemaNames) + "; the key is a name under components/schemas.");
        });
        new TreeSet<>(names.properties().keySet()).stream().filter(p -> !usedProperties.contains(p)).findFirst().ifPresent(p -> {
            throw new CustomizationException(NAME_MAPPINGS, "properties: no model has a property " + p
                    + NearestNames.hint(p, seenProperties) + "; the key is a property's JSON name.");
        });
        new TreeSet<>(names.enumValues().keySet()).stream().filter(v -> !usedEnumValues.contains(v)).findFirst().ifPresent(v -> {
            throw new CustomizationException(NAME_MAPPINGS, "enumValues: no enum has the value " + v
                    + NearestNames.hint(v, seenEnumValues) + "; the key is an enum value as the spec writes it.");
        });
    }
}
