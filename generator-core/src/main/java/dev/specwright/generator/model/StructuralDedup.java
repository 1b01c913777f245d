package dev.specwright.generator.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The structural deduplication pass: inline models, enums and unions that would generate the same code apart from
 * their name become one type, and every reference to them (properties, list items, map values, union variants,
 * operation parameters, bodies and answers) names that type. It runs after the operations (all inline schemas are
 * mapped) and before the field filters and partial updates, so the field enums and partial models follow the chosen
 * type.
 *
 * <p>Two types are the same when everything the emitters write from them is: JSON and Java names, types (the inline
 * types they refer to compared the same way), required / nullable / read-only / deprecated flags, and descriptions.
 * Descriptions count because they are the Javadoc: one operation's words on another's data would be wrong, and two
 * copies with different text are different documents to the reader. A partial-update body is never the same as a
 * body that is not one (it tracks which fields were set).
 *
 * <p>Named (component) schemas are never merged into each other or renamed: the spec author chose them. An inline
 * schema the same as a component becomes that component's type (the component with the first name, if several are
 * alike). Among inline schemas only, the type keeps the shortest name of the group, the alphabetically first among
 * equally long ones: a fixed order on the names, not the order of the spec, so that a change to one operation only
 * changes the types its own schemas are grouped with. Nested inline schemas are merged the same way, bottom-up, so the
 * children of merged parents are merged too. The other names stay allocated in the model scope: no name is freed,
 * hence none is taken later by something else depending on the order of processing.
 *
 * <p>Each type's structure is reduced to a key once, children first (a child is represented by the number of its
 * key), so the pass is linear in the size of the model.
 */
final class StructuralDedup {

    /**
     * The result.
     *
     * @param operations the operations and schemas with every merged type replaced by its canonical one
     * @param merged each merged-away class name → the class that now stands for it, sorted by name
     */
    record Deduplicated(Operations operations, Map<String, String> merged) {
        Deduplicated {
            merged = java.util.Collections.unmodifiableMap(new TreeMap<>(merged));
        }
    }

    /** Shortest first, then alphabetical: the canonical name of a group of inline types. */
    static final Comparator<String> NAME_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Schemas schemas;
    private final Set<String> components;
    private final Set<String> partialBodies;
    private final Map<String, EnumDef> enums = new HashMap<>();
    private final Map<String, SchemaMapper.PendingUnion> unions = new HashMap<>();
    private final Map<String, Integer> idByClass = new HashMap<>();
    private final Map<String, Integer> idByKey = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();
    private final Map<String, String> merged = new HashMap<>();

    private StructuralDedup(Operations operations) {
        this.schemas = operations.schemas();
        this.components = new HashSet<>(schemas.componentClasses().values());
        this.partialBodies = partialBodies(operations);
        schemas.enums().forEach(e -> enums.put(e.className(), e));
        schemas.pendingUnions().forEach(u -> unions.put(u.className(), u));
    }

    static Deduplicated run(Operations operations) {
        StructuralDedup dedup = new StructuralDedup(operations);
        dedup.group();
        return new Deduplicated(dedup.rewrite(operations), dedup.merged);
    }

    /** The JSON bodies of the partial updates: the partial-update pass makes them partial later. */
    private static Set<String> partialBodies(Operations operations) {
        Set<String> partial = new HashSet<>();
        Map<String, Boolean> marks = operations.partialUpdateMarks();
        operations.groups().forEach(g -> g.operations().forEach(d -> {
            Operation o = d.operation();
            if (PartialUpdatePass.isPartialUpdate(o, Optional.ofNullable(marks.get(o.pointer())))) {
                o.body().filter(b -> b.kind() == Operation.Kind.JSON && b.type() instanceof TypeRef.Named)
                        .ifPresent(b -> partial.add(((TypeRef.Named) b.type()).className()));
            }
        }));
        return partial;
    }

    // ---- grouping ----------------------------------------------------------------------------------------------

    private void group() {
        Map<Integer, List<String>> byId = new HashMap<>();
        List<String> classes = new ArrayList<>(schemas.modelsByClass().keySet());
        schemas.enums().forEach(e -> classes.add(e.className()));
        schemas.pendingUnions().forEach(u -> classes.add(u.className()));
        for (String className : classes) {
            byId.computeIfAbsent(id(className), k -> new ArrayList<>()).add(className);
        }
        for (List<String> group : byId.values()) {
            if (group.size() < 2) {
                continue;
            }
            Optional<String> component = group.stream().filter(components::contains).min(Comparator.naturalOrder());
            String canonical = component.orElseGet(() -> group.stream().min(NAME_ORDER).orElseThrow());
            group.stream().filter(c -> !c.equals(canonical) && !components.contains(c)).forEach(c -> merged.put(c, canonical));
        }
    }

    /**
     * The number of the structure the type {@code className} defines; equal numbers, equal code but the name. Children
     * first, on a stack of its own rather than by recursion: inline schemas may nest as deep as the loader allows.
     */
    private int id(String className) {
        Deque<String> stack = new ArrayDeque<>();
        stack.push(className);
        while (!stack.isEmpty()) {
            String top = stack.peek();
            if (idByClass.containsKey(top)) {
                stack.pop();
                continue;
            }
            if (visiting.add(top)) {
                // first visit: its children go on top, so they are numbered before it
                children(top).stream().filter(c -> !idByClass.containsKey(c) && !visiting.contains(c)).forEach(stack::push);
                continue;
            }
            stack.pop();
            idByClass.put(top, idByKey.computeIfAbsent(key(top), k -> idByKey.size()));
            visiting.remove(top);
        }
        return idByClass.get(className);
    }

    /** The inline types {@code className} names directly. */
    private List<String> children(String className) {
        List<TypeRef> types = new ArrayList<>();
        ModelDef model = schemas.modelsByClass().get(className);
        if (model != null) {
            model.properties().forEach(p -> types.add(p.type()));
            model.additional().ifPresent(a -> types.add(a.valueType()));
        }
        SchemaMapper.PendingUnion union = unions.get(className);
        if (union != null) {
            types.addAll(union.variants());
        }
        List<String> children = new ArrayList<>();
        for (TypeRef type : types) {
            while (type instanceof TypeRef.ListOf || type instanceof TypeRef.MapOf) {
                type = type instanceof TypeRef.ListOf list ? list.element() : ((TypeRef.MapOf) type).value();
            }
            if (type instanceof TypeRef.Named named && isInline(named.className())) {
                children.add(named.className());
            }
        }
        return children;
    }

    private boolean isInline(String className) {
        return !components.contains(className)
                && (schemas.modelsByClass().containsKey(className) || enums.containsKey(className) || unions.containsKey(className));
    }

    private String key(String className) {
        Key key = new Key();
        ModelDef model = schemas.modelsByClass().get(className);
        if (model != null) {
            key.add("model").add(model.description()).add(model.deprecated()).add(model.partial() || partialBodies.contains(className))
                    .add(model.fieldEnum().isPresent()).add(String.join(",", model.unions()));
            for (ModelDef.Property p : model.properties()) {
                key.add(p.jsonName()).add(p.javaName()).add(typeKey(p.type())).add(p.required()).add(p.readOnly()).add(p.deprecated())
                        .add(p.description()).add(p.nullable());
                p.constraints().ifPresent(c -> key.add("constraints").add(c.toString()));
            }
            model.additional().ifPresent(a -> key.add("additional").add(a.javaName()).add(typeKey(a.valueType())));
            return key.toString();
        }
        EnumDef e = enums.get(className);
        if (e != null) {
            key.add("enum").add(e.description()).add(e.integer());
            e.constants().forEach(c -> key.add(c.javaName()).add(c.value()));
            return key.toString();
        }
        SchemaMapper.PendingUnion u = unions.get(className);
        key.add("union").add(u.description()).add(u.discriminator().orElse("\u0001"));
        u.mapping().forEach((value, target) -> key.add(value).add(target));
        for (int i = 0; i < u.variants().size(); i++) {
            key.add(typeKey(u.variants().get(i))).add(String.valueOf(u.variantRefs().get(i)));
        }
        return key.toString();
    }

    private String typeKey(TypeRef type) {
        if (type instanceof TypeRef.Named named) {
            String c = named.className();
            if (!isInline(c)) {
                return "N:" + c;
            }
            Integer id = idByClass.get(c);
            // not numbered yet only on a cycle, which inline schemas do not make (only a $ref leads back, to a
            // component): then it is kept apart by its name
            return id == null ? "cycle:" + c : "#" + id;
        }
        if (type instanceof TypeRef.ListOf list) {
            return "L(" + typeKey(list.element()) + ")";
        }
        if (type instanceof TypeRef.MapOf map) {
            return "M(" + typeKey(map.value()) + ")";
        }
        if (type instanceof TypeRef.Base base) {
            return "S:" + base.className();
        }
        if (type instanceof TypeRef.External external) {
            return "X:" + external.qualifiedName();
        }
        return "B:" + ((TypeRef.Builtin) type).name();
    }

    /** A key of strings, each length-prefixed so no two lists of strings make the same key. */
    private static final class Key {
        private final StringBuilder text = new StringBuilder();

        Key add(String s) {
            text.append(s.length()).append(':').append(s);
            return this;
        }

        Key add(boolean b) {
            text.append(b ? 'T' : 'F');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    // ---- rewriting ---------------------------------------------------------------------------------------------

    private TypeRef canonical(TypeRef type) {
        if (type instanceof TypeRef.Named named) {
            String to = merged.get(named.className());
            return to == null ? type : new TypeRef.Named(to);
        }
        if (type instanceof TypeRef.ListOf list) {
            TypeRef element = canonical(list.element());
            return element == list.element() ? type : new TypeRef.ListOf(element);
        }
        if (type instanceof TypeRef.MapOf map) {
            TypeRef value = canonical(map.value());
            return value == map.value() ? type : new TypeRef.MapOf(value);
        }
        return type;
    }

    private Operations rewrite(Operations operations) {
        if (merged.isEmpty()) {
            return operations;
        }
        Map<String, TypeRef> byPointer = new HashMap<>();
        schemas.byPointer().forEach((pointer, type) -> byPointer.put(pointer, canonical(type)));
        Map<String, ModelDef> models = new LinkedHashMap<>();
        schemas.modelsByClass().forEach((className, model) -> {
            if (!merged.containsKey(className)) {
                models.put(className, model(model));
            }
        });
        List<EnumDef> keptEnums = schemas.enums().stream().filter(e -> !merged.containsKey(e.className())).toList();
        List<SchemaMapper.PendingUnion> keptUnions = schemas.pendingUnions().stream().filter(u -> !merged.containsKey(u.className()))
                .map(this::union).toList();
        Schemas rewritten = new Schemas(schemas.componentClasses(), byPointer, models, keptEnums, keptUnions, schemas.unions());
        List<Operations.Group> groups = operations.groups().stream()
                .map(g -> new Operations.Group(g.tag(), g.untagged(), g.className(), g.asyncClassName(), g.accessorName(), g.description(),
                        g.operations().stream().map(d -> new Operations.Draft(operation(d.operation()), d.filterKinds(), d.partialUpdate()))
                                .toList()))
                .toList();
        return new Operations(groups, rewritten);
    }

    private ModelDef model(ModelDef model) {
        List<ModelDef.Property> properties = model.properties().stream()
                .map(p -> p.withType(canonical(p.type())))
                .toList();
        return model.withTypes(properties, model.additional().map(a -> new ModelDef.Additional(a.javaName(), canonical(a.valueType()))));
    }

    /** A union's variants retyped; two variants that are now the same type are one. */
    private SchemaMapper.PendingUnion union(SchemaMapper.PendingUnion u) {
        List<TypeRef> variants = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < u.variants().size(); i++) {
            TypeRef type = canonical(u.variants().get(i));
            if (!variants.contains(type)) {
                variants.add(type);
                refs.add(u.variantRefs().get(i));
            }
        }
        return new SchemaMapper.PendingUnion(u.className(), u.description(), u.discriminator(), u.mapping(), variants, refs);
    }

    private Operation operation(Operation o) {
        List<Parameter> parameters = o.parameters().stream()
                .map(p -> new Parameter(p.name(), p.javaName(), p.in(), p.required(), canonical(p.type()), p.description(), p.deprecated(),
                        p.fieldFilter(), p.explode(), p.style()))
                .toList();
        Optional<Operation.Body> body = o.body().map(b -> new Operation.Body(canonical(b.type()), b.javaName(), b.required(),
                b.description(), b.kind(), b.mediaType()));
        return new Operation(o.operationId(), o.methodName(), o.requestMethodName(), o.httpMethod(), o.path(), o.pointer(),
                o.summary(), o.description(), o.deprecated(), parameters, body, o.responseType().map(this::canonical), o.accept(),
                o.paramsClassName());
    }
}
