package dev.specwright.generator.model;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import dev.specwright.generator.naming.OperationNames;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations pass: operations → one {@link Operations.Group} per tag (per part of a tag too large for one class),
 * parameters merged, bodies and answers chosen and typed, names allocated. Inline schemas are mapped on a copy of the
 * schemas it is given, returned with the groups. What later passes decide stays raw: a field filter's
 * {@link FilterKind}, the spec's {@code x-partial-update}.
 */
final class OperationPass {

    /** Headers OpenAPI says a parameter must not describe: the transport owns them. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final String INCLUDE_FIELDS = "includeFields";
    private static final String EXCLUDE_FIELDS = "excludeFields";

    static final String PARTIAL_UPDATE = "x-partial-update";

    private final OpenAPI api;
    private final String file;
    private final SchemaMapper schemas;
    private final List<String> credentialParameters;
    private final List<SpecProblem> problems;
    private final Mappings mappings;
    private final String clientName;
    private final NameScope apiScope = NameScope.forTypes();
    /** The spec's component parameters by identity: swagger-parser replaces a parameter's $ref by the component itself. */
    private final Map<io.swagger.v3.oas.models.parameters.Parameter, String> componentParameters = new IdentityHashMap<>();

    /**
     * @param components the spec's named schemas, which {@code schemas} was mapped from
     * @param credentialParameters the parameters the credentials send ({@code header:x-tenant}): no method asks for them
     */
    OperationPass(OpenAPI api, String file, Map<String, Schema<?>> components, Schemas schemas, NameScope modelScope,
            List<String> credentialParameters, List<SpecProblem> problems) {
        this(api, file, components, schemas, modelScope, credentialParameters, problems, Mappings.NONE, ApiModelBuilder.clientName(api));
    }

    /**
     * @param mappings the user's mappings: the types and names the inline schemas get, the operations' method names
     * @param clientName the client's name, which the group of untagged operations is named for
     */
    OperationPass(OpenAPI api, String file, Map<String, Schema<?>> components, Schemas schemas, NameScope modelScope,
            List<String> credentialParameters, List<SpecProblem> problems, Mappings mappings, String clientName) {
        this.api = api;
        this.file = file;
        this.schemas = new SchemaMapper(file, components, modelScope, problems, schemas, mappings);
        this.credentialParameters = credentialParameters;
        this.problems = problems;
        this.mappings = mappings;
        this.clientName = clientName;
        if (api.getComponents() != null && api.getComponents().getParameters() != null) {
            api.getComponents().getParameters().forEach((name, p) -> componentParameters.putIfAbsent(p, name));
        }
    }

    private record RawOperation(String path, PathItem item, PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation op,
            String pointer) {}

    Operations run() {
        Map<String, List<RawOperation>> byTag = new LinkedHashMap<>();
        if (api.getTags() != null) {
            api.getTags().forEach(t -> {
                if (t.getName() != null) {
                    byTag.put(t.getName(), new ArrayList<>());
                }
            });
        }
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                String tag = op.getTags() == null || op.getTags().isEmpty() ? DerivedNames.untaggedGroup(clientName) : op.getTags().get(0);
                String pointer = "/paths/" + SchemaMapper.escape(path) + "/" + method.name().toLowerCase(Locale.ROOT);
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(new RawOperation(path, item, method, op, pointer));
            }));
        }
        byTag.values().removeIf(List::isEmpty);
        checkOperationKeys(byTag);
        NameScope accessors = new NameScope().reserve("builder").reserve("apiClient").reserve("close");
        List<Operations.Group> groups = new ArrayList<>();
        byTag.forEach((tag, raws) -> {
            String description = api.getTags() == null ? "" : api.getTags().stream()
                    .filter(t -> tag.equals(t.getName()) && t.getDescription() != null)
                    .map(t -> t.getDescription().strip()).findFirst().orElse("");
            boolean untagged = raws.stream().allMatch(raw -> raw.op().getTags() == null || raw.op().getTags().isEmpty());
            List<String> wanted = methodNames(tag, raws, mappings);
            // A tag with more operations than a class can hold becomes <Tag>Api, <Tag>Part2Api, ... in declaration order.
            for (int from = 0, part = 1; from < raws.size(); from += MAX_OPERATIONS_PER_API, part++) {
                // the full names as before, for the types named after an operation (GetProductParams, ...)
                NameScope fullNames = new NameScope();
                JavaNames.OBJECT_METHODS.forEach(fullNames::reserve);
                fullNames.reserve(DerivedNames.WITH_OPTIONS);
                NameScope methods = new NameScope();
                JavaNames.OBJECT_METHODS.forEach(methods::reserve);
                DerivedNames.API_MEMBERS.forEach(methods::reserve);
                List<RawOperation> slice = raws.subList(from, Math.min(raws.size(), from + MAX_OPERATIONS_PER_API));
                // the names the user chose first; none may be the name another operation of the class has
                Map<String, String> others = new LinkedHashMap<>();
                for (int i = 0; i < slice.size(); i++) {
                    String id = slice.get(i).op().getOperationId();
                    if (mappings.operationName(id == null ? "" : id).isEmpty()) {
                        others.put(operationId(slice.get(i)), wanted.get(from + i));
                    }
                }
                for (RawOperation raw : slice) {
                    String id = raw.op().getOperationId();
                    mappings.operationName(id == null ? "" : id).ifPresent(chosen -> reserveMethod(methods, id, chosen, tag, others));
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < slice.size(); i++) {
                    String id = slice.get(i).op().getOperationId();
                    Optional<String> chosen = mappings.operationName(id == null ? "" : id);
                    names.add(chosen.isPresent() ? chosen.get() : methods.allocate(wanted.get(from + i)));
                }
                // the request builders are named once every operation has its name: none can take an operation's
                List<String> requests = names.stream().map(n -> methods.allocate(DerivedNames.requestMethod(n))).toList();
                List<Operations.Draft> operations = new ArrayList<>();
                for (int i = 0; i < slice.size(); i++) {
                    String fullName = fullNames.allocate(JavaNames.memberName(operationId(slice.get(i))));
                    operations.add(operation(slice.get(i), fullName, names.get(i), requests.get(i)));
                }
                groups.add(new Operations.Group(tag, untagged, apiScope.allocate(DerivedNames.apiClass(tag, part)),
                        apiScope.allocate(DerivedNames.asyncApiClass(tag, part)),
                        accessors.allocate(DerivedNames.apiAccessor(tag, part)), description, operations));
            }
        });
        return new Operations(groups, schemas.result());
    }

    /**
     * At most this many operations per API class. A class file holds at most 65,535 constants; Microsoft Graph beta's
     * untagged operations (2,870) overflow it, Graph's 1,483 do not.
     */
    static final int MAX_OPERATIONS_PER_API = 1000;

    private static String operationId(RawOperation raw) {
        var op = raw.op();
        return op.getOperationId() != null && !op.getOperationId().isBlank() ? op.getOperationId()
                : raw.method().name().toLowerCase(Locale.ROOT) + " " + raw.path();
    }

    /**
     * The method names the group's operations want: the operationId, without the group's noun where unambiguous; the
     * user's name where {@code nameMappings} gives one (which no other operation's shortened name may take).
     */
    private static List<String> methodNames(String tag, List<RawOperation> raws, Mappings mappings) {
        Set<String> reserved = new java.util.HashSet<>(JavaNames.OBJECT_METHODS);
        reserved.addAll(DerivedNames.API_MEMBERS);
        List<String> chosen = raws.stream().map(raw -> mappings.operationName(raw.op().getOperationId() == null ? "" : raw.op().getOperationId()))
                .map(name -> name.orElse(null)).toList();
        chosen.stream().filter(java.util.Objects::nonNull).forEach(reserved::add);
        List<String> shortened = OperationNames.shortened(tag, raws.stream().map(raw -> JavaNames.memberName(operationId(raw))).toList(),
                reserved);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            names.add(chosen.get(i) != null ? chosen.get(i) : shortened.get(i));
        }
        return names;
    }

    /** A method name from {@code nameMappings}: a legal Java name, none of the API class's own, none twice in the class. */
    private static void reserveMethod(NameScope methods, String operationId, String chosen, String tag, Map<String, String> others) {
        String key = "operations: " + operationId + "=" + chosen + ": ";
        dev.specwright.generator.naming.NameValidation.memberNameProblem(chosen).ifPresent(problem -> {
            throw new dev.specwright.generator.CustomizationException(Mappings.NAME_MAPPINGS, key + problem + "; choose a legal Java name.");
        });
        List<String> own = new ArrayList<>(JavaNames.OBJECT_METHODS);
        own.addAll(DerivedNames.API_MEMBERS);
        if (own.stream().anyMatch(chosen::equalsIgnoreCase)) {
            throw new dev.specwright.generator.CustomizationException(Mappings.NAME_MAPPINGS, key + "every API class has a method "
                    + chosen + " already (" + String.join(", ", own) + " are taken); choose another.");
        }
        Mappings.clash(key, others, chosen, "the operation", "tag " + tag);
        if (methods.isTaken(chosen)) {
            throw new dev.specwright.generator.CustomizationException(Mappings.NAME_MAPPINGS, key + "another operation of tag "
                    + tag + " is mapped to that name (names are compared ignoring case); choose another.");
        }
        methods.reserve(chosen);
    }

    /** Every operationId {@code nameMappings.operations} names is one of the spec's. */
    private void checkOperationKeys(Map<String, List<RawOperation>> byTag) {
        Set<String> ids = new java.util.TreeSet<>();
        byTag.values().forEach(raws -> raws.forEach(raw -> {
            if (raw.op().getOperationId() != null) {
                ids.add(raw.op().getOperationId());
            }
        }));
        mappings.operationKeys().stream().filter(k -> !ids.contains(k)).findFirst().ifPresent(k -> {
            throw new dev.specwright.generator.CustomizationException(Mappings.NAME_MAPPINGS,
                    "operations: no operation has the operationId " + k
                    + dev.specwright.generator.naming.NearestNames.hint(k, ids) + "; the key is an operationId of the spec.");
        });
    }

    /**
     * @param fullName the operationId as a member name, unique in the class: the prefix of the types named for it
     * @param methodName the operation's method
     * @param requestMethod the static method building its request
     */
    private Operations.Draft operation(RawOperation raw, String fullName, String methodName, String requestMethod) {
        var op = raw.op();
        String operationId = operationId(raw);
        String typePrefix = JavaNames.typeName(fullName);

        NameScope parameterNames = new NameScope().reserve("params").reserve("builder").reserve("request").reserve("client").reserve("options");
        JavaNames.OBJECT_METHODS.forEach(parameterNames::reserve);
        List<Parameter> parameters = new ArrayList<>();
        List<Optional<FilterKind>> filterKinds = new ArrayList<>();
        for (ResolvedParameter rp : parameters(raw)) {
            var p = rp.parameter();
            Parameter.Location in = location(p.getIn());
            if (in == null || credentialParameters.contains(p.getIn().toLowerCase(Locale.ROOT) + ":" + p.getName().toLowerCase(Locale.ROOT))
                    || (in == Parameter.Location.HEADER && TRANSPORT_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT)))) {
                continue;
            }
            Schema<?> schema = p.getSchema() != null ? p.getSchema() : jsonSchema(p.getContent());
            String context = rp.componentName() != null ? rp.componentName() : typePrefix + JavaNames.typeName(p.getName());
            TypeRef type = schemas.map(schema, rp.pointer() + "/schema", context);
            boolean required = in == Parameter.Location.PATH || Boolean.TRUE.equals(p.getRequired());
            Parameter.Style style = style(p, in);
            parameters.add(new Parameter(p.getName(), parameterNames.allocate(JavaNames.memberName(p.getName())), in, required, type,
                    text(p.getDescription()), Boolean.TRUE.equals(p.getDeprecated()), Optional.empty(), explode(p, style), style));
            filterKinds.add(filterKind(p, in));
        }

        Optional<Operation.Body> body = body(raw, typePrefix, parameterNames);
        Answer answer = response(raw, typePrefix);
        Optional<TypeRef> response = answer.type();
        // a JSON:API server chooses its answer by media type: every request asks for it, errors-only ones too
        String accept = JsonApi.declares(api, raw.op()) ? JsonApi.MEDIA_TYPE : answer.accept();
        boolean hasOptional = parameters.stream().anyMatch(p -> !p.required());
        Optional<String> paramsClass = hasOptional ? Optional.of(apiScope.allocate(DerivedNames.paramsClass(typePrefix))) : Optional.empty();
        Operation operation = new Operation(operationId, methodName, requestMethod, raw.method().name(), raw.path(), raw.pointer(), text(op.getSummary()),
                text(op.getDescription()), Boolean.TRUE.equals(op.getDeprecated()), parameters, body, response, accept, paramsClass);
        return new Operations.Draft(operation, filterKinds, partialUpdate(raw));
    }

    /** {@code x-partial-update} as the operation says it; the partial-update pass decides what it means. */
    private Optional<Boolean> partialUpdate(RawOperation raw) {
        Object mark = raw.op().getExtensions() == null ? null : raw.op().getExtensions().get(PARTIAL_UPDATE);
        if (mark == null || mark instanceof Boolean) {
            return Optional.ofNullable((Boolean) mark);
        }
        problems.add(new SpecProblem(file, raw.pointer() + "/" + PARTIAL_UPDATE, PARTIAL_UPDATE + " must be true or false, not \""
                + mark + "\".", "write `" + PARTIAL_UPDATE + ": true` when the body carries only the fields to change, else "
                + "`false` or nothing (a PATCH is partial unless it says false, a PUT full unless it says true)."));
        return Optional.empty();
    }

    private record ResolvedParameter(io.swagger.v3.oas.models.parameters.Parameter parameter, String pointer, String componentName) {}

    /** Path-level parameters, overridden by operation-level ones with the same name and location. */
    private List<ResolvedParameter> parameters(RawOperation raw) {
        Map<String, ResolvedParameter> merged = new LinkedHashMap<>();
        String pathPointer = "/paths/" + SchemaMapper.escape(raw.path());
        addParameters(merged, raw.item().getParameters(), pathPointer + "/parameters");
        addParameters(merged, raw.op().getParameters(), raw.pointer() + "/parameters");
        return new ArrayList<>(merged.values());
    }

    private void addParameters(Map<String, ResolvedParameter> merged, List<io.swagger.v3.oas.models.parameters.Parameter> list,
            String pointer) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            var p = list.get(i);
            String at = pointer + "/" + i;
            String componentName = componentParameters.get(p);
            if (componentName != null) {
                // a $ref swagger-parser resolved: the component's own pointer, so its schema is mapped once, named for it
                at = "/components/parameters/" + SchemaMapper.escape(componentName);
            } else if (p.get$ref() != null) {
                String prefix = "#/components/parameters/";
                componentName = p.get$ref().startsWith(prefix) ? p.get$ref().substring(prefix.length()) : null;
                var target = componentName == null || api.getComponents() == null || api.getComponents().getParameters() == null
                        ? null : api.getComponents().getParameters().get(componentName);
                if (target == null) {
                    problems.add(new SpecProblem(file, at + "/$ref", "the parameter $ref \"" + p.get$ref() + "\" points to nothing.",
                            "define it under components/parameters, or correct the reference."));
                    continue;
                }
                at = "/components/parameters/" + SchemaMapper.escape(componentName);
                p = target;
            }
            if (p.getName() == null || p.getIn() == null) {
                problems.add(new SpecProblem(file, at, "a parameter needs both `name` and `in`.", "add the missing attribute."));
                continue;
            }
            merged.put(p.getIn() + ":" + p.getName(), new ResolvedParameter(p, at, componentName));
        }
    }

    private Optional<Operation.Body> body(RawOperation raw, String typePrefix, NameScope parameterNames) {
        RequestBody body = raw.op().getRequestBody();
        String pointer = raw.pointer() + "/requestBody";
        if (body != null && body.get$ref() != null) {
            String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
            RequestBody target = api.getComponents() == null || api.getComponents().getRequestBodies() == null ? null
                    : api.getComponents().getRequestBodies().get(name);
            if (target == null) {
                problems.add(new SpecProblem(file, pointer + "/$ref", "the requestBody $ref \"" + body.get$ref() + "\" points to nothing.",
                        "define it under components/requestBodies, or correct the reference."));
                return Optional.empty();
            }
            body = target;
            pointer = "/components/requestBodies/" + SchemaMapper.escape(name);
        }
        if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
            return Optional.empty();
        }
        String mediaKey = bodyMediaKey(body.getContent());
        Schema<?> schema = body.getContent().get(mediaKey).getSchema();
        Operation.Kind kind = bodyKind(mediaKey);
        TypeRef type = schema == null ? TypeRef.Builtin.BINARY
                : schemas.map(schema, pointer + "/content/" + SchemaMapper.escape(mediaKey) + "/schema", DerivedNames.requestContext(typePrefix));
        // a type the user mapped (typeMappings) decides the kind as the spec's type would
        TypeRef specType = type instanceof TypeRef.External external ? external.replaces() : type;
        if (specType == TypeRef.Builtin.BINARY) {
            kind = Operation.Kind.BINARY; // "format: binary" means raw bytes whatever the media type says
        } else if (kind == Operation.Kind.TEXT && specType != TypeRef.Builtin.STRING) {
            kind = Operation.Kind.BINARY;
        } else if (kind == Operation.Kind.BINARY && specType == TypeRef.Builtin.STRING && schema.getFormat() == null) {
            kind = Operation.Kind.TEXT;
        }
        if (kind == Operation.Kind.BINARY) {
            type = TypeRef.Builtin.BINARY;
        } else if (kind == Operation.Kind.TEXT) {
            type = TypeRef.Builtin.STRING; // a text body is sent from a String, whatever the mappings
        }
        return Optional.of(new Operation.Body(type, parameterNames.allocate("body"), Boolean.TRUE.equals(body.getRequired()),
                text(body.getDescription()), kind, mediaKey));
    }

    /**
     * The media type to send where a body may have several: JSON (preferring {@code application/json}, as answers do),
     * then a form, then multipart, then text, then any; the first declared of a kind.
     */
    private static String bodyMediaKey(Content content) {
        String preferred = content.keySet().stream().min(Comparator.comparing(OperationPass::bodyKind)).orElseThrow();
        return bodyKind(preferred) == Operation.Kind.JSON ? jsonMediaKey(content) : preferred;
    }

    private static Operation.Kind bodyKind(String mediaType) {
        String m = essence(mediaType);
        if (m.equals("application/x-www-form-urlencoded")) {
            return Operation.Kind.FORM;
        }
        if (m.startsWith("multipart/")) {
            return Operation.Kind.MULTIPART;
        }
        if (isJson(m)) {
            return Operation.Kind.JSON;
        }
        return m.startsWith("text/") ? Operation.Kind.TEXT : Operation.Kind.BINARY;
    }

    /** The success answer's Java type and the {@code Accept} header that asks for it (empty: the default, JSON). */
    private record Answer(Optional<TypeRef> type, String accept) {
        static final Answer NONE = new Answer(Optional.empty(), "");
    }

    /**
     * The first 2xx response's body: JSON (or XML, which the runtime reads by the answer's {@code Content-Type}) into
     * its schema's type, {@code text/*} into a String, anything else (files, images, {@code format: binary}) into a
     * {@code Download}.
     */
    private Answer response(RawOperation raw, String typePrefix) {
        if (raw.op().getResponses() == null || raw.op().getResponses().isEmpty()) {
            // the pointer names what exists: the operation when `responses` is missing, else the empty `responses`
            String at = raw.op().getResponses() == null ? raw.pointer() : raw.pointer() + "/responses";
            problems.add(new SpecProblem(file, at, "an operation needs at least one response.",
                    "add `responses:` with the success status, e.g. '200' with its content."));
            return Answer.NONE;
        }
        Optional<Map.Entry<String, ApiResponse>> success = raw.op().getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).sorted(Map.Entry.comparingByKey()).findFirst();
        if (success.isEmpty()) {
            return Answer.NONE;
        }
        ApiResponse response = resolveResponse(api, success.get().getValue());
        if (response == null || response.getContent() == null || response.getContent().isEmpty()) {
            return Answer.NONE;
        }
        Content content = response.getContent();
        String mediaKey = jsonMediaKey(content);
        String pointer = success.get().getValue().get$ref() != null
                ? "/components/responses/" + SchemaMapper.escape(refName(success.get().getValue().get$ref()))
                : raw.pointer() + "/responses/" + success.get().getKey();
        Schema<?> schema = content.get(mediaKey).getSchema();
        boolean json = isJson(mediaKey);
        if (schema != null && (json || isXml(mediaKey))) {
            TypeRef type = schemas.map(schema, pointer + "/content/" + SchemaMapper.escape(mediaKey) + "/schema", DerivedNames.responseContext(typePrefix));
            if (type != TypeRef.Builtin.BINARY) {
                return new Answer(Optional.of(type), json ? "" : mediaKey);
            }
        }
        boolean text = essence(mediaKey).startsWith("text/")
                && (schema == null || "string".equals(SchemaMapper.typeOf(schema)) && !"binary".equals(schema.getFormat()));
        return new Answer(Optional.of(text ? TypeRef.Builtin.STRING : TypeRef.Builtin.DOWNLOAD),
                text ? mediaKey : String.join(", ", content.keySet()));
    }

    /** The {@code type/subtype}, lower-cased, without parameters. */
    private static String essence(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
    }

    private static boolean isXml(String mediaType) {
        String m = essence(mediaType);
        return m.equals("application/xml") || m.equals("text/xml") || m.endsWith("+xml");
    }

    /**
     * A query parameter selects response fields when it is named {@code includeFields}/{@code excludeFields} or says
     * {@code x-field-filter: include|exclude}; the enum is linked once the response type is known.
     */
    private static Optional<FilterKind> filterKind(io.swagger.v3.oas.models.parameters.Parameter p, Parameter.Location in) {
        if (in != Parameter.Location.QUERY) {
            return Optional.empty();
        }
        Object marker = p.getExtensions() == null ? null : p.getExtensions().get("x-field-filter");
        if (p.getName().equals(INCLUDE_FIELDS) || "include".equals(marker)) {
            return Optional.of(FilterKind.INCLUDE);
        }
        if (p.getName().equals(EXCLUDE_FIELDS) || "exclude".equals(marker)) {
            return Optional.of(FilterKind.EXCLUDE);
        }
        return Optional.empty();
    }

    /** OpenAPI's rule: {@code explode} defaults to true exactly when the style (given or defaulted) is {@code form}. */
    private static boolean explode(io.swagger.v3.oas.models.parameters.Parameter p, Parameter.Style style) {
        return p.getExplode() != null ? p.getExplode() : style == Parameter.Style.FORM;
    }

    private static Parameter.Style style(io.swagger.v3.oas.models.parameters.Parameter p, Parameter.Location in) {
        if (p.getStyle() == null) {
            return in == Parameter.Location.QUERY || in == Parameter.Location.COOKIE ? Parameter.Style.FORM : Parameter.Style.SIMPLE;
        }
        return switch (p.getStyle()) {
            case DEEPOBJECT -> Parameter.Style.DEEP_OBJECT;
            case PIPEDELIMITED -> Parameter.Style.PIPE_DELIMITED;
            case SPACEDELIMITED -> Parameter.Style.SPACE_DELIMITED;
            case FORM -> Parameter.Style.FORM;
            default -> Parameter.Style.SIMPLE; // simple, and matrix/label, which only paths use and we send as simple
        };
    }

    static ApiResponse resolveResponse(OpenAPI api, ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        return api.getComponents() == null || api.getComponents().getResponses() == null ? null
                : api.getComponents().getResponses().get(refName(response.get$ref()));
    }

    static Schema<?> jsonSchema(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType media = content.get(jsonMediaKey(content));
        return media == null ? null : media.getSchema();
    }

    /** {@code application/json}, else any {@code +json}/{@code json} type, else the first one declared. */
    private static String jsonMediaKey(Content content) {
        if (content.containsKey("application/json")) {
            return "application/json";
        }
        return content.keySet().stream().filter(OperationPass::isJson).findFirst().orElse(content.keySet().iterator().next());
    }

    private static boolean isJson(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.contains("json") || m.equals("*/*");
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Parameter.Location location(String in) {
        return switch (in.toLowerCase(Locale.ROOT)) {
            case "path" -> Parameter.Location.PATH;
            case "query" -> Parameter.Location.QUERY;
            case "header" -> Parameter.Location.HEADER;
            case "cookie" -> Parameter.Location.COOKIE;
            default -> null;
        };
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
