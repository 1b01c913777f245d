package dev.specwright.generator.model;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps schemas to Java types, creating a record for every object schema and an enum for every enum schema, named
 * schemas first (so they keep their names), inline ones named after where they stand ({@code Order} +
 * {@code customer} → {@code OrderCustomer}). Each schema is mapped once: results are cached by JSON pointer.
 *
 * <p>A mapper is the working state of one pass: it starts from an immutable {@link Schemas} (the previous pass's
 * result), maps into its own copy, and hands back {@link #result()}; nothing it was given changes.
 */
final class SchemaMapper {

    /** Record accessors that would clash with {@code Object}'s methods or with what we generate on every model. */
    private static final List<String> RESERVED_MEMBERS = java.util.stream.Stream.concat(JavaNames.OBJECT_METHODS.stream(),
            java.util.stream.Stream.of("builder", "toBuilder", "isSet", "json", "set")).toList();

    private final String file;
    private final Map<String, Schema<?>> components;
    private final NameScope modelScope;
    private final List<SpecProblem> problems;
    private final Mappings mappings;
    private final Map<String, String> componentClassNames;
    private final Map<String, TypeRef> byPointer;
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, ModelDef> models;
    private final List<EnumDef> enums;
    private final List<PendingUnion> pendingUnions;
    private final List<UnionDef> unions;

    /** A union whose variants are mapped but not yet linked: models may still be in the making while mapping runs. */
    record PendingUnion(String className, String description, Optional<String> discriminator,
            Map<String, String> mapping, List<TypeRef> variants, List<String> variantRefs) {
        PendingUnion {
            mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
            variants = List.copyOf(variants);
            variantRefs = java.util.Collections.unmodifiableList(new ArrayList<>(variantRefs)); // a variant's ref may be null
        }
    }

    /**
     * A mapper that goes on from {@code from}: what it maps next is added to a copy, {@link #result()}, never to
     * {@code from}.
     */
    SchemaMapper(String file, Map<String, Schema<?>> components, NameScope modelScope, List<SpecProblem> problems, Schemas from,
            Mappings mappings) {
        this.file = file;
        this.components = components;
        this.modelScope = modelScope;
        this.problems = problems;
        this.mappings = mappings;
        this.componentClassNames = new HashMap<>(from.componentClasses());
        this.byPointer = new HashMap<>(from.byPointer());
        this.models = new LinkedHashMap<>(from.modelsByClass());
        this.enums = new ArrayList<>(from.enums());
        this.pendingUnions = new ArrayList<>(from.pendingUnions());
        this.unions = from.unions();
    }

    /**
     * The schemas pass: every named schema mapped. Step 1 allocates the names of the named schemas that become
     * classes (so they keep their names; the names {@code nameMappings} gives are reserved before all others);
     * step 2 maps them. A schema in {@code schemaMappings} is neither named nor mapped: the user's class stands for it.
     */
    static Schemas mapComponents(String file, Map<String, Schema<?>> components, NameScope modelScope, List<SpecProblem> problems) {
        return mapComponents(file, components, modelScope, problems, Mappings.NONE);
    }

    static Schemas mapComponents(String file, Map<String, Schema<?>> components, NameScope modelScope, List<SpecProblem> problems,
            Mappings mappings) {
        SchemaMapper mapper = new SchemaMapper(file, components, modelScope, problems, Schemas.EMPTY, mappings);
        Set<String> classSchemas = new java.util.LinkedHashSet<>();
        components.forEach((name, schema) -> {
            if (!mappings.isMappedSchema(name) && mapper.becomesClass(schema)) {
                classSchemas.add(name);
            }
        });
        mappings.reserveModelNames(modelScope, classSchemas, components.keySet());
        for (String name : classSchemas) {
            mapper.componentClassNames.put(name, mappings.modelName(name).orElseGet(() -> modelScope.allocate(JavaNames.typeName(name))));
        }
        components.forEach((name, schema) -> {
            if (!mappings.isMappedSchema(name)) {
                mapper.map(schema, componentPointer(name), name);
            }
        });
        return mapper.result();
    }

    /** What is mapped so far. */
    Schemas result() {
        return new Schemas(componentClassNames, byPointer, models, enums, pendingUnions, unions);
    }

    /**
     * The Java type of {@code schema}, found at {@code pointer}; {@code contextName} names the type when the schema is
     * an inline object or enum.
     */
    TypeRef map(Schema<?> schema, String pointer, String contextName) {
        if (schema == null) {
            return TypeRef.Builtin.JSON;
        }
        if (schema.get$ref() != null) {
            return mapRef(schema.get$ref(), pointer);
        }
        TypeRef cached = byPointer.get(pointer);
        if (cached != null) {
            return cached;
        }
        TypeRef type = mapFresh(schema, pointer, contextName);
        byPointer.put(pointer, type);
        return type;
    }

    private TypeRef mapRef(String ref, String pointer) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix) || ref.indexOf('/', prefix.length()) >= 0) {
            // Valid OpenAPI (a ref into a path's inline schema or into another schema's property) that swagger-parser
            // leaves unresolved: typed as a JSON tree until such refs are resolved by pointer.
            return TypeRef.Builtin.JSON;
        }
        String name = unescape(ref.substring(prefix.length()));
        Schema<?> target = components.get(name);
        if (target == null) {
            problems.add(new SpecProblem(file, pointer + "/$ref", "the $ref \"" + ref + "\" points to a schema that does not exist.",
                    "define components/schemas/" + name + ", or correct the reference."));
            return TypeRef.Builtin.JSON;
        }
        Optional<TypeRef> mapped = mappings.schema(name);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        String targetPointer = componentPointer(name);
        if (componentClassNames.containsKey(name)) {
            return new TypeRef.Named(componentClassNames.get(name));
        }
        if (!inProgress.add(targetPointer)) {
            // An alias that refers back to itself through arrays or maps: the only finite Java type is a JSON tree.
            return TypeRef.Builtin.JSON;
        }
        try {
            return map(target, targetPointer, name);
        } finally {
            inProgress.remove(targetPointer);
        }
    }

    private TypeRef mapFresh(Schema<?> schema, String pointer, String contextName) {
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && isEmptyObject(schema)) {
            return map(schema.getAllOf().get(0), pointer + "/allOf/0", contextName);
        }
        if (schema.getAllOf() != null && schema.getOneOf() == null && schema.getAnyOf() == null) {
            Flattened flat = flatten(schema, pointer, new HashSet<>());
            if (flat.properties().isEmpty()) {
                return TypeRef.Builtin.JSON;
            }
            String className = componentClassNameFor(pointer).orElseGet(() -> modelScope.allocate(JavaNames.typeName(contextName)));
            buildModel(schema, flat, className, pointer, contextName);
            return new TypeRef.Named(className);
        }
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            return unionType(schema, pointer, contextName);
        }
        if (schema.getAllOf() != null) {
            return TypeRef.Builtin.JSON;
        }
        String type = typeOf(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && ("string".equals(type) || "integer".equals(type))) {
            return enumType(schema, contextName, "integer".equals(type));
        }
        if (type == null) {
            return schema.getProperties() != null && !schema.getProperties().isEmpty()
                    ? objectType(schema, pointer, contextName) : TypeRef.Builtin.JSON;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        if (!"array".equals(type) && !"object".equals(type)) {
            TypeRef builtin = scalar(type, format);
            return mappings.scalar(type, format, builtin).orElse(builtin);
        }
        return "array".equals(type)
                ? new TypeRef.ListOf(map(schema.getItems(), pointer + "/items", DerivedNames.itemContext(contextName)))
                : objectType(schema, pointer, contextName);
    }

    /** The built-in type of a scalar schema of {@code type} and {@code format} ("" for none). */
    private static TypeRef scalar(String type, String format) {
        switch (type) {
            case "string":
                switch (format) {
                    case "date": return TypeRef.Builtin.DATE;
                    case "date-time": return TypeRef.Builtin.DATE_TIME;
                    case "uuid": return TypeRef.Builtin.UUID;
                    case "uri": return TypeRef.Builtin.URI;
                    case "byte": return TypeRef.Builtin.BYTES;
                    case "binary": return TypeRef.Builtin.BINARY;
                    default: return TypeRef.Builtin.STRING;
                }
            case "integer":
                return format.equals("int32") ? TypeRef.Builtin.INTEGER : TypeRef.Builtin.LONG;
            case "number":
                return format.equals("double") || format.equals("float") ? TypeRef.Builtin.DOUBLE : TypeRef.Builtin.DECIMAL;
            case "boolean":
                return TypeRef.Builtin.BOOLEAN;
            default:
                return TypeRef.Builtin.JSON;
        }
    }

    private TypeRef objectType(Schema<?> schema, String pointer, String contextName) {
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            String className = componentClassNameFor(pointer).orElseGet(() -> modelScope.allocate(JavaNames.typeName(contextName)));
            buildModel(schema, flatten(schema, pointer, new HashSet<>()), className, pointer, contextName);
            return new TypeRef.Named(className);
        }
        Object additional = schema.getAdditionalProperties();
        if (additional instanceof Schema<?> valueSchema) {
            return new TypeRef.MapOf(map(valueSchema, pointer + "/additionalProperties", DerivedNames.valueContext(contextName)));
        }
        return Boolean.TRUE.equals(additional) ? new TypeRef.MapOf(TypeRef.Builtin.JSON) : TypeRef.Builtin.JSON;
    }

    /** An object's properties, its own and those {@code allOf} brings in, each with the pointer it is defined at. */
    private record Flattened(Map<String, Schema<?>> properties, Map<String, String> pointers, Set<String> required) {}

    /**
     * {@code allOf} as composition: the parts' properties (named parts recursively) then the schema's own, later ones
     * winning. Java records cannot extend each other, so a child schema's record carries its parents' fields.
     */
    private Flattened flatten(Schema<?> schema, String pointer, Set<String> visiting) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        Map<String, String> pointers = new HashMap<>();
        Set<String> required = new java.util.LinkedHashSet<>();
        if (!visiting.add(pointer)) {
            return new Flattened(properties, pointers, required);
        }
        if (schema.getAllOf() != null) {
            for (int i = 0; i < schema.getAllOf().size(); i++) {
                Schema<?> part = schema.getAllOf().get(i);
                String partPointer = pointer + "/allOf/" + i;
                String ref = part.get$ref();
                if (ref != null && ref.startsWith("#/components/schemas/") && components.containsKey(unescape(ref.substring(21)))) {
                    String name = unescape(ref.substring(21));
                    part = components.get(name);
                    partPointer = componentPointer(name);
                } else if (ref != null) {
                    continue;
                }
                Flattened inherited = flatten(part, partPointer, visiting);
                properties.putAll(inherited.properties());
                pointers.putAll(inherited.pointers());
                required.addAll(inherited.required());
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                properties.put(name, property);
                pointers.put(name, pointer + "/properties/" + escape(name));
            });
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        visiting.remove(pointer);
        return new Flattened(properties, pointers, required);
    }

    private void buildModel(Schema<?> schema, Flattened flat, String className, String pointer, String contextName) {
        // Registered before its properties are mapped, so a recursive reference finds the name.
        byPointer.put(pointer, new TypeRef.Named(className));
        NameScope members = new NameScope();
        RESERVED_MEMBERS.forEach(members::reserve);
        List<ModelDef.Property> properties = new ArrayList<>();
        // the names the user chose first, reserved: none may be a name the spec's other properties get
        Map<String, String> chosen = new HashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        flat.properties().keySet().stream().filter(j -> !mappings.mapsProperty(j)).forEach(j -> others.put(j, JavaNames.memberName(j)));
        flat.properties().keySet().forEach(jsonName -> mappings.propertyName(jsonName, className, members, RESERVED_MEMBERS, others)
                .ifPresent(javaName -> chosen.put(jsonName, javaName)));
        flat.properties().forEach((jsonName, property) -> {
            TypeRef type = map(property, flat.pointers().get(jsonName), JavaNames.typeName(contextName) + JavaNames.typeName(jsonName));
            String javaName = chosen.containsKey(jsonName) ? chosen.get(jsonName) : members.allocate(JavaNames.memberName(jsonName));
            boolean required = flat.required().contains(jsonName);
            properties.add(new ModelDef.Property(jsonName, javaName, type, required, Boolean.TRUE.equals(property.getReadOnly()),
                    Boolean.TRUE.equals(property.getDeprecated()), describe(property), nullable(property),
                    mappings.constraints() ? constraints(property) : Optional.empty()));
        });
        Optional<ModelDef.Additional> additional = Optional.empty();
        Object extra = schema.getAdditionalProperties();
        if (extra instanceof Schema<?> valueSchema) {
            additional = Optional.of(new ModelDef.Additional(members.allocate("additionalProperties"),
                    map(valueSchema, pointer + "/additionalProperties", DerivedNames.valueContext(JavaNames.typeName(contextName)))));
        } else if (Boolean.TRUE.equals(extra)) {
            additional = Optional.of(new ModelDef.Additional(members.allocate("additionalProperties"), TypeRef.Builtin.JSON));
        }
        models.put(className, new ModelDef(contextName, className, pointer, text(schema.getDescription()),
                Boolean.TRUE.equals(schema.getDeprecated()), properties, Optional.empty(), List.of(), false, additional));
    }

    /**
     * The constraints of a property's schema, or of the named schema it refers to (a {@code $ref} to a constrained
     * string, say); empty when it has none.
     */
    private Optional<ModelDef.Constraints> constraints(Schema<?> schema) {
        Schema<?> s = schema;
        if (s.get$ref() != null && s.get$ref().startsWith("#/components/schemas/")) {
            s = components.get(unescape(s.get$ref().substring("#/components/schemas/".length())));
            if (s == null) {
                return Optional.empty();
            }
        }
        java.math.BigDecimal min = s.getMinimum();
        boolean exclusiveMin = Boolean.TRUE.equals(s.getExclusiveMinimum());
        if (s.getExclusiveMinimumValue() != null) { // 3.1: the exclusive bound is a number of its own
            min = s.getExclusiveMinimumValue();
            exclusiveMin = true;
        }
        java.math.BigDecimal max = s.getMaximum();
        boolean exclusiveMax = Boolean.TRUE.equals(s.getExclusiveMaximum());
        if (s.getExclusiveMaximumValue() != null) {
            max = s.getExclusiveMaximumValue();
            exclusiveMax = true;
        }
        ModelDef.Constraints c = new ModelDef.Constraints(Optional.ofNullable(s.getMinLength()), Optional.ofNullable(s.getMaxLength()),
                Optional.ofNullable(s.getPattern()), Optional.ofNullable(min), exclusiveMin && min != null, Optional.ofNullable(max),
                exclusiveMax && max != null, Optional.ofNullable(s.getMinItems()), Optional.ofNullable(s.getMaxItems()));
        return c.isEmpty() ? Optional.empty() : Optional.of(c);
    }

    /** Whether JSON {@code null} is a value of this property's schema, in any of the ways 3.0 and 3.1 say it. */
    private static boolean nullable(Schema<?> schema) {
        if (Boolean.TRUE.equals(schema.getNullable()) || "null".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("null"))
                || (schema.getEnum() != null && schema.getEnum().contains(null))) {
            return true;
        }
        @SuppressWarnings("rawtypes")
        List<Schema> parts = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        return parts != null && parts.stream().anyMatch(part -> "null".equals(part.getType())
                || (part.getTypes() != null && part.getTypes().equals(Set.of("null"))));
    }

    private TypeRef unionType(Schema<?> schema, String pointer, String contextName) {
        boolean oneOf = schema.getOneOf() != null;
        @SuppressWarnings("rawtypes")
        List<Schema> parts = oneOf ? schema.getOneOf() : schema.getAnyOf();
        String keyword = oneOf ? "/oneOf/" : "/anyOf/";
        List<Integer> real = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Schema<?> part = parts.get(i);
            if (!"null".equals(part.getType()) && !(part.getTypes() != null && part.getTypes().equals(Set.of("null")))) {
                real.add(i);
            }
        }
        if (real.isEmpty()) {
            return TypeRef.Builtin.JSON;
        }
        if (real.size() == 1) {
            // `anyOf: [X, {type: null}]` is how 3.1 (and many 3.0 specs) say "nullable X"
            return map(parts.get(real.get(0)), pointer + keyword + real.get(0), contextName);
        }
        String className = componentClassNameFor(pointer).orElseGet(() -> modelScope.allocate(JavaNames.typeName(contextName)));
        byPointer.put(pointer, new TypeRef.Named(className));
        List<TypeRef> variants = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i : real) {
            Schema<?> part = parts.get(i);
            TypeRef type = map(part, pointer + keyword + i, contextName + "Option" + (i + 1));
            if (!variants.contains(type)) {
                variants.add(type);
                refs.add(part.get$ref());
            }
        }
        var discriminator = schema.getDiscriminator();
        pendingUnions.add(new PendingUnion(className, text(schema.getDescription()),
                Optional.ofNullable(discriminator == null ? null : discriminator.getPropertyName()),
                discriminator == null || discriminator.getMapping() == null ? Map.of() : discriminator.getMapping(), variants, refs));
        return new TypeRef.Named(className);
    }

    /**
     * Links every union once all schemas are mapped: model variants implement the union; other variants get a wrapper;
     * each variant learns its discriminator values and the properties that identify it.
     */
    static Schemas linkUnions(Schemas schemas) {
        Map<String, ModelDef> models = new LinkedHashMap<>(schemas.modelsByClass());
        List<UnionDef> unions = new ArrayList<>(schemas.unions());
        for (PendingUnion u : schemas.pendingUnions()) {
            // The nested types live in the union and in every variant model, which inherits them: none may be the
            // union's name or a variant model's, else it hides that class inside itself.
            NameScope wrappers = NameScope.forTypes().reserve(u.className());
            u.variants().stream().filter(t -> t instanceof TypeRef.Named named && models.containsKey(named.className()))
                    .forEach(t -> wrappers.reserve(((TypeRef.Named) t).className()));
            String unknownName = wrappers.allocate(DerivedNames.UNION_UNKNOWN);
            String decoderName = wrappers.allocate(DerivedNames.UNION_DECODER);
            List<UnionDef.Variant> variants = new ArrayList<>();
            for (int i = 0; i < u.variants().size(); i++) {
                TypeRef type = u.variants().get(i);
                String ref = u.variantRefs().get(i);
                ModelDef model = type instanceof TypeRef.Named named ? models.get(named.className()) : null;
                List<String> values = new ArrayList<>();
                u.mapping().forEach((value, target) -> {
                    if (target.equals(ref) || (ref != null && ref.endsWith("/" + target))) {
                        values.add(value);
                    }
                });
                if (values.isEmpty() && ref != null && u.discriminator().isPresent()) {
                    values.add(unescape(ref.substring(ref.lastIndexOf('/') + 1)));
                }
                if (model != null) {
                    models.put(model.className(), model.withUnion(u.className()));
                    variants.add(new UnionDef.Variant(type, Optional.empty(), values,
                            model.properties().stream().filter(ModelDef.Property::required).map(ModelDef.Property::jsonName).toList(),
                            model.properties().stream().map(ModelDef.Property::jsonName).toList()));
                } else {
                    variants.add(new UnionDef.Variant(type, Optional.of(wrappers.allocate(DerivedNames.unionWrapper(wrapperSuffix(type)))), values,
                            List.of(), List.of()));
                }
            }
            unions.add(new UnionDef(u.className(), u.description(), u.discriminator(), variants, unknownName, decoderName));
        }
        return new Schemas(schemas.componentClasses(), schemas.byPointer(), models, schemas.enums(), List.of(), unions);
    }

    private static String wrapperSuffix(TypeRef type) {
        if (type instanceof TypeRef.Named named) {
            return named.className();
        }
        if (type instanceof TypeRef.External external) {
            return external.qualifiedName().substring(external.qualifiedName().lastIndexOf('.') + 1);
        }
        if (type instanceof TypeRef.ListOf list) {
            return "ListOf" + wrapperSuffix(list.element());
        }
        if (type instanceof TypeRef.MapOf map) {
            return "MapOf" + wrapperSuffix(map.value());
        }
        StringBuilder name = new StringBuilder();
        for (String word : ((TypeRef.Builtin) type).name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString(); // prefixed with "Of": never a keyword nor a java.lang type

    }

    private TypeRef enumType(Schema<?> schema, String contextName, boolean integer) {
        String className = componentClassNames.getOrDefault(contextName, null);
        if (className == null || components.get(contextName) != schema) {
            className = modelScope.allocate(JavaNames.typeName(contextName));
        }
        NameScope constants = new NameScope();
        EnumDef.RESERVED_CONSTANT_NAMES.forEach(constants::reserve);
        List<String> raws = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object value : schema.getEnum()) {
            // `null` in an enum list means "nullable", not a constant; a repeated value is the same value: one
            // constant, and the value → constant lookup stays a function
            if (value != null && seen.add(String.valueOf(value))) {
                raws.add(String.valueOf(value));
            }
        }
        // the constants the user chose first, reserved: none may be a constant the spec's other values get
        Map<String, String> chosen = new HashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        raws.stream().filter(r -> !mappings.mapsEnumValue(r)).forEach(r -> others.put(r, JavaNames.constantName(integer ? "V" + r : r)));
        for (String raw : raws) {
            mappings.enumConstant(raw, className, constants, others).ifPresent(javaName -> chosen.put(raw, javaName));
        }
        List<EnumDef.Constant> values = new ArrayList<>();
        for (String raw : raws) {
            String javaName = chosen.containsKey(raw) ? chosen.get(raw) : constants.allocate(JavaNames.constantName(integer ? "V" + raw : raw));
            values.add(new EnumDef.Constant(javaName, raw));
        }
        String knownName = new NameScope().reserve(className).allocate("Known"); // a nested type cannot share its class's name
        enums.add(new EnumDef(className, knownName, text(schema.getDescription()), integer, values));
        return new TypeRef.Named(className);
    }

    private Optional<String> componentClassNameFor(String pointer) {
        String prefix = "/components/schemas/";
        if (pointer.startsWith(prefix) && pointer.indexOf('/', prefix.length()) < 0) {
            return Optional.ofNullable(componentClassNames.get(unescape(pointer.substring(prefix.length()))));
        }
        return Optional.empty();
    }

    private boolean becomesClass(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return false;
        }
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            @SuppressWarnings("rawtypes")
            List<Schema> parts = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
            return parts.stream().filter(p -> !"null".equals(p.getType())).count() > 1;
        }
        if (schema.getAllOf() != null) {
            boolean alias = schema.getAllOf().size() == 1 && isEmptyObject(schema);
            return !alias && !flatten(schema, "/allOf-probe", new HashSet<>()).properties().isEmpty();
        }
        String type = typeOf(schema);
        boolean isEnum = schema.getEnum() != null && !schema.getEnum().isEmpty() && ("string".equals(type) || "integer".equals(type));
        boolean isObject = (type == null || "object".equals(type)) && schema.getProperties() != null && !schema.getProperties().isEmpty();
        return isEnum || isObject;
    }

    private static boolean isEmptyObject(Schema<?> schema) {
        return schema.getProperties() == null && schema.getOneOf() == null && schema.getAnyOf() == null;
    }

    /** OpenAPI 3.0 has {@code type}; 3.1 has a set of {@code types}, of which {@code "null"} only means nullable. */
    static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).sorted().findFirst().orElse(null);
        }
        return null;
    }

    static String componentPointer(String name) {
        return "/components/schemas/" + escape(name);
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** The description, plus what the reader needs and the type cannot say: the server's default, write-only. */
    private static String describe(Schema<?> property) {
        StringBuilder text = new StringBuilder(text(property.getDescription()));
        if (property.getDefault() != null) {
            text.append(text.length() > 0 ? " " : "").append("Default: ").append(property.getDefault()).append('.');
        }
        if (Boolean.TRUE.equals(property.getWriteOnly())) {
            text.append(text.length() > 0 ? " " : "").append("Write-only: the server never returns it.");
        }
        return text.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
