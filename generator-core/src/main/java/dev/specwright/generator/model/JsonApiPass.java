package dev.specwright.generator.model;

import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.JsonApiNames;
import dev.specwright.generator.naming.NameScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON:API pass. It runs only when an operation speaks JSON:API (its {@code Accept} is
 * {@code application/vnd.api+json}, see {@link JsonApi}); any other spec leaves it with nothing changed. It recognises
 * the document shape in the mapped models: a resource is a model with a {@code type} of one enum value and an
 * {@code id}, with {@code attributes} and/or {@code relationships}, found as the {@code data} of a document that has
 * {@code included}; a linkage is a model of exactly {@code type} and {@code id}. Then:
 * <ul>
 *   <li>every resource record implements the sealed {@code JsonApiResource}, read by its {@code type}, and every
 *       document's {@code included} is a {@code List<JsonApiResource>}; the documents implement
 *       {@code JsonApiDocument}, which finds included resources by class or by linkage;</li>
 *   <li>each resource gets a {@code <Resource>Field} enum (attributes and relationships), a {@code <Resource>Include}
 *       enum of relationship paths and a {@code <Resource>Filter} class of typed filter fields;</li>
 *   <li>in the JSON:API operations, the {@code filter[...]} parameters become one {@code List<Filter>}, a
 *       {@code fields[type]} one the type's field enum, {@code include} the include enum (both with raw names beside,
 *       as field filters) and {@code sort} a {@code List<Sort>}.</li>
 * </ul>
 */
final class JsonApiPass {

    private static final Pattern FILTER = Pattern.compile("filter\\[([^\\[\\]]+)\\](?:\\[([a-z_]+)\\])?");
    private static final Pattern FIELDS = Pattern.compile("fields\\[([^\\[\\]]+)\\]");

    /** The pass's result: everything as before when the spec has no JSON:API operation. */
    record Result(List<ApiGroup> groups, List<ModelDef> models, List<UnionDef> unions, Optional<JsonApiModel> jsonApi) {}

    private final Map<String, ModelDef> models = new LinkedHashMap<>();
    private final Map<String, EnumDef> enums = new LinkedHashMap<>();
    /** resource type → its record, in the order the models were made. */
    private final Map<String, ModelDef> resources = new LinkedHashMap<>();
    private final Map<String, String> linkages = new LinkedHashMap<>();
    /** the documents whose {@code included} is retyped, by class name. */
    private final Set<String> documents = new LinkedHashSet<>();

    private JsonApiPass(List<ModelDef> models, List<EnumDef> enums) {
        models.forEach(m -> this.models.put(m.className(), m));
        enums.forEach(e -> this.enums.put(e.className(), e));
    }

    static Result run(List<ApiGroup> groups, List<ModelDef> models, List<EnumDef> enums, List<UnionDef> unions,
            NameScope modelScope) {
        boolean speaks = groups.stream().flatMap(g -> g.operations().stream()).anyMatch(o -> o.accept().equals(JsonApi.MEDIA_TYPE));
        if (!speaks) {
            return new Result(groups, models, unions, Optional.empty());
        }
        return new JsonApiPass(models, enums).build(groups, unions, modelScope);
    }

    private Result build(List<ApiGroup> groups, List<UnionDef> unions, NameScope modelScope) {
        findShapes();
        if (resources.isEmpty()) {
            return new Result(groups, List.copyOf(models.values()), unions, Optional.empty());
        }
        Map<String, Map<String, FilterDraft>> filters = filters(groups);
        String union = modelScope.allocate(JsonApiNames.RESOURCE_UNION);
        String document = modelScope.allocate(JsonApiNames.DOCUMENT);
        List<JsonApiModel.Resource> described = new ArrayList<>();
        resources.forEach((type, model) -> described.add(describe(type, model, filters.getOrDefault(type, Map.of()), modelScope)));
        JsonApiModel jsonApi = new JsonApiModel(union, document, described);

        List<ModelDef> retyped = new ArrayList<>();
        for (ModelDef m : models.values()) {
            if (documents.contains(m.className())) {
                List<ModelDef.Property> properties = m.properties().stream().map(p -> p.jsonName().equals("included")
                        ? p.withType(new TypeRef.ListOf(new TypeRef.Named(union))) : p).toList();
                m = new ModelDef(m.schemaName(), m.className(), m.pointer(), m.description(), m.deprecated(), properties,
                        m.fieldEnum(), m.unions(), m.partial(), m.additional(), m.sent()).withUnion(document);
            }
            if (resources.containsValue(models.get(m.className()))) {
                m = m.withUnion(union);
            }
            retyped.add(m);
        }
        List<UnionDef> allUnions = new ArrayList<>(unions);
        allUnions.add(resourceUnion(union));
        Map<String, String> filterClasses = new LinkedHashMap<>();
        List<ApiGroup> rewritten = groups.stream().map(g -> new ApiGroup(g.tag(), g.untagged(), g.className(),
                g.asyncClassName(), g.accessorName(), g.description(),
                g.operations().stream().map(o -> o.accept().equals(JsonApi.MEDIA_TYPE) ? operation(o, jsonApi, filterClasses) : o)
                        .toList()))
                .toList();
        return new Result(rewritten, retyped, allUnions,
                Optional.of(new JsonApiModel(jsonApi.resourceUnion(), jsonApi.document(), jsonApi.resources(), filterClasses)));
    }

    /** The resources (as the {@code data} of a document with {@code included}) and the linkages. */
    private void findShapes() {
        for (ModelDef m : models.values()) {
            Optional<String> type = singleType(m);
            Set<String> names = new LinkedHashSet<>(m.properties().stream().map(ModelDef.Property::jsonName).toList());
            if (type.isPresent() && names.equals(Set.of("type", "id"))) {
                linkages.putIfAbsent(type.get(), m.className());
            }
        }
        for (ModelDef m : models.values()) {
            Optional<ModelDef.Property> data = property(m, "data");
            if (data.isEmpty() || property(m, "included").filter(p -> p.type() instanceof TypeRef.ListOf).isEmpty()) {
                continue;
            }
            Optional<ModelDef> resource = named(element(data.get().type())).filter(this::isResource);
            if (resource.isPresent()) {
                documents.add(m.className());
                resources.putIfAbsent(singleType(resource.get()).orElseThrow(), resource.get());
            }
        }
    }

    private boolean isResource(ModelDef m) {
        return singleType(m).isPresent() && property(m, "id").isPresent()
                && (property(m, "attributes").isPresent() || property(m, "relationships").isPresent());
    }

    /** The one value of the model's {@code type} enum: a resource's or a linkage's type. */
    private Optional<String> singleType(ModelDef m) {
        return property(m, "type").map(ModelDef.Property::type).filter(t -> t instanceof TypeRef.Named)
                .map(t -> enums.get(((TypeRef.Named) t).className()))
                .filter(e -> e != null && e.constants().size() == 1).map(e -> e.constants().get(0).value());
    }

    private JsonApiModel.Resource describe(String type, ModelDef model, Map<String, FilterDraft> filters, NameScope modelScope) {
        List<ModelDef.Property> attributes = part(model, "attributes");
        List<ModelDef.Property> relationships = part(model, "relationships");
        List<String> fields = new ArrayList<>();
        attributes.forEach(p -> fields.add(p.jsonName()));
        relationships.forEach(p -> fields.add(p.jsonName()));
        String fieldEnum = model.fieldEnum().orElseGet(() -> modelScope.allocate(DerivedNames.fieldEnum(model.className())));

        Set<String> paths = new LinkedHashSet<>();
        for (ModelDef.Property relationship : relationships) {
            paths.add(relationship.jsonName());
            target(relationship).map(resources::get).ifPresent(target -> part(target, "relationships")
                    .forEach(next -> paths.add(relationship.jsonName() + "." + next.jsonName())));
        }
        Optional<String> includeEnum = paths.isEmpty() ? Optional.empty()
                : Optional.of(modelScope.allocate(JsonApiNames.includeEnum(model.className())));

        NameScope methods = new NameScope().reserve(JsonApiNames.RAW_FILTER); // the class's own escape hatch
        JavaNames.OBJECT_METHODS.forEach(methods::reserve);
        List<JsonApiModel.FilterField> filterFields = new ArrayList<>();
        filters.forEach((field, draft) -> filterFields.add(new JsonApiModel.FilterField(field,
                methods.allocate(JsonApiNames.filterMethod(field)), valueType(field, draft, attributes, relationships),
                List.copyOf(draft.operators))));
        Optional<String> filterClass = filterFields.isEmpty() ? Optional.empty()
                : Optional.of(modelScope.allocate(JsonApiNames.filterClass(model.className())));
        return new JsonApiModel.Resource(type, model.className(), Optional.ofNullable(linkages.get(type)), fieldEnum, fields,
                filterClass, filterFields, includeEnum, List.copyOf(paths));
    }

    /**
     * The type of a filter's values: an attribute's own type (its enum, its date-time), a relationship's ids as text,
     * else the parameter's.
     */
    private TypeRef valueType(String field, FilterDraft draft, List<ModelDef.Property> attributes,
            List<ModelDef.Property> relationships) {
        if (field.equals("id") || relationships.stream().anyMatch(r -> r.jsonName().equals(field))) {
            return TypeRef.Builtin.STRING;
        }
        Optional<TypeRef> attribute = attributes.stream().filter(a -> a.jsonName().equals(field)).findFirst()
                .map(a -> element(a.type()));
        return attribute.filter(this::scalar).orElse(draft.parameterType == null ? TypeRef.Builtin.STRING : draft.parameterType);
    }

    /** A type a filter value can have: a builtin (text, number, date-time...) or an enum, not an object or a list. */
    private boolean scalar(TypeRef type) {
        return type instanceof TypeRef.Builtin || type instanceof TypeRef.Named named && enums.containsKey(named.className());
    }

    /** Per resource type, the filter fields its list operations take, in the order they first appear. */
    private Map<String, Map<String, FilterDraft>> filters(List<ApiGroup> groups) {
        Map<String, Map<String, FilterDraft>> byType = new LinkedHashMap<>();
        for (ApiGroup g : groups) {
            for (Operation o : g.operations()) {
                Optional<String> type = listedType(o);
                if (type.isEmpty()) {
                    continue;
                }
                Map<String, FilterDraft> fields = byType.computeIfAbsent(type.get(), t -> new LinkedHashMap<>());
                for (Parameter p : o.parameters()) {
                    Matcher m = FILTER.matcher(p.name());
                    if (p.in() == Parameter.Location.QUERY && m.matches()) {
                        FilterDraft draft = fields.computeIfAbsent(m.group(1), f -> new FilterDraft());
                        String operator = m.group(2) == null ? "eq" : m.group(2);
                        draft.operators.add(operator);
                        if (draft.parameterType == null && !operator.equals("exists") && p.type() instanceof TypeRef.Builtin) {
                            draft.parameterType = p.type();
                        }
                    }
                }
            }
        }
        return byType;
    }

    private static final class FilterDraft {
        final Set<String> operators = new LinkedHashSet<>();
        TypeRef parameterType;
    }

    /** The resource type a GET answers a list of, from its document's {@code data}. */
    private Optional<String> listedType(Operation o) {
        if (!o.httpMethod().equals("GET")) {
            return Optional.empty();
        }
        return o.responseType().flatMap(this::named).flatMap(d -> property(d, "data"))
                .filter(data -> data.type() instanceof TypeRef.ListOf).flatMap(data -> named(element(data.type())))
                .filter(this::isResource).flatMap(this::singleType);
    }

    /** The resource type an operation answers with (one or a list), if its answer is a JSON:API document. */
    private Optional<String> answeredType(Operation o) {
        return o.responseType().flatMap(this::named).filter(d -> documents.contains(d.className()))
                .flatMap(d -> property(d, "data")).flatMap(data -> named(element(data.type()))).flatMap(this::singleType);
    }

    private Operation operation(Operation o, JsonApiModel jsonApi, Map<String, String> filterClasses) {
        Map<String, JsonApiModel.Resource> byType = new LinkedHashMap<>();
        jsonApi.resources().forEach(r -> byType.put(r.type(), r));
        Optional<JsonApiModel.Resource> answered = answeredType(o).map(byType::get);
        List<Parameter> kept = new ArrayList<>();
        int filterAt = -1;
        for (Parameter p : o.parameters()) {
            if (p.in() == Parameter.Location.QUERY && !p.required() && FILTER.matcher(p.name()).matches()) {
                filterAt = filterAt < 0 ? kept.size() : filterAt;
            } else {
                kept.add(p);
            }
        }
        if (filterAt >= 0) {
            NameScope names = new NameScope().reserve("params").reserve("builder").reserve("request").reserve("client").reserve("options");
            JavaNames.OBJECT_METHODS.forEach(names::reserve);
            kept.forEach(p -> names.reserve(p.javaName()));
            Optional<String> filterClass = answered.or(() -> pathType(o).map(byType::get)).flatMap(JsonApiModel.Resource::filterClass);
            // filter(...) then takes only that resource's filters (<Resource>Filter.Condition)
            filterClass.ifPresent(c -> o.paramsClassName().ifPresent(params -> filterClasses.put(params, c)));
            String resource = filterClass.orElse("Filter.raw");
            kept.add(filterAt, new Parameter(JsonApiNames.FILTER_PARAMETER, names.allocate(JsonApiNames.FILTER_PARAMETER),
                    Parameter.Location.QUERY, false, new TypeRef.ListOf(new TypeRef.External(JsonApi.FILTER_TYPE, TypeRef.Builtin.STRING)),
                    "JSON:API filters (filter[field] and filter[field][operator]), made by " + resource + ".", false,
                    Optional.empty(), true, Parameter.Style.FORM));
        }
        List<String> javaNames = new ArrayList<>(kept.stream().map(Parameter::javaName).toList());
        List<Parameter> typed = new ArrayList<>();
        for (Parameter p : kept) {
            typed.add(typed(p, byType, answered, javaNames));
        }
        return new Operation(o.operationId(), o.methodName(), o.requestMethodName(), o.httpMethod(), o.path(), o.pointer(),
                o.summary(), o.description(), o.deprecated(), typed, o.body(), o.responseType(), o.accept(), o.paramsClassName());
    }

    /** {@code /api/orders} and {@code /api/orders/{id}}: the resource type a path names, for a DELETE on a list. */
    private Optional<String> pathType(Operation o) {
        String[] segments = o.path().split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (resources.containsKey(segments[i])) {
                return Optional.of(segments[i]);
            }
        }
        return Optional.empty();
    }

    private static Parameter typed(Parameter p, Map<String, JsonApiModel.Resource> byType, Optional<JsonApiModel.Resource> answered,
            List<String> javaNames) {
        if (p.in() != Parameter.Location.QUERY || p.required() || p.fieldFilter().isPresent()) {
            return p;
        }
        Matcher fields = FIELDS.matcher(p.name());
        if (fields.matches() && byType.containsKey(fields.group(1))) {
            return selector(p, byType.get(fields.group(1)).fieldEnum(), javaNames);
        }
        if (p.name().equals("include") && answered.flatMap(JsonApiModel.Resource::includeEnum).isPresent()) {
            return selector(p, answered.get().includeEnum().get(), javaNames);
        }
        if (p.name().equals("sort")) {
            return new Parameter(p.name(), p.javaName(), p.in(), false, new TypeRef.ListOf(new TypeRef.External(JsonApi.SORT_TYPE, TypeRef.Builtin.STRING)),
                    p.description(), p.deprecated(), Optional.empty(), false, Parameter.Style.FORM);
        }
        return p;
    }

    /** A parameter that takes the constants of {@code enumClass}, with raw names beside: sent comma-separated. */
    private static Parameter selector(Parameter p, String enumClass, List<String> javaNames) {
        String names = JsonApiNames.namesMethod(p.javaName(), javaNames);
        javaNames.add(names);
        return new Parameter(p.name(), p.javaName(), p.in(), false, new TypeRef.ListOf(new TypeRef.Named(enumClass)),
                p.description(), p.deprecated(), Optional.of(new Parameter.FieldFilter(true, enumClass, names)), false,
                Parameter.Style.FORM);
    }

    private UnionDef resourceUnion(String union) {
        Set<String> taken = new LinkedHashSet<>();
        resources.values().forEach(m -> taken.add(m.className()));
        String unknown = taken.contains("Unknown") ? "UnknownResource" : "Unknown";
        String decoder = taken.contains("Decoder") ? "ResourceDecoder" : "Decoder";
        List<UnionDef.Variant> variants = new ArrayList<>();
        resources.forEach((type, m) -> variants.add(new UnionDef.Variant(new TypeRef.Named(m.className()), Optional.empty(),
                List.of(type), List.of("type"), m.properties().stream().map(ModelDef.Property::jsonName).toList())));
        return new UnionDef(union, "A JSON:API resource of this API, read as the record of its {@code type}.",
                Optional.of("type"), variants, unknown, decoder);
    }

    /** The properties of a resource's {@code attributes} or {@code relationships} object; none if it has none. */
    private List<ModelDef.Property> part(ModelDef resource, String name) {
        return property(resource, name).flatMap(p -> named(p.type())).map(ModelDef::properties).orElse(List.of());
    }

    /** The resource type a relationship's linkage names. */
    private Optional<String> target(ModelDef.Property relationship) {
        return named(relationship.type()).flatMap(r -> property(r, "data")).flatMap(d -> named(element(d.type())))
                .flatMap(this::singleType);
    }

    private Optional<ModelDef> named(TypeRef type) {
        return type instanceof TypeRef.Named n ? Optional.ofNullable(models.get(n.className())) : Optional.empty();
    }

    private static TypeRef element(TypeRef type) {
        return type instanceof TypeRef.ListOf list ? list.element() : type;
    }

    private static Optional<ModelDef.Property> property(ModelDef m, String jsonName) {
        return m.properties().stream().filter(p -> p.jsonName().equals(jsonName)).findFirst();
    }
}
