package dev.specwright.generator.model;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.load.RawErrorCatalog;
import dev.specwright.generator.naming.ClientNames;
import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import dev.specwright.generator.naming.NameValidation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link ApiModel} from a parsed spec in named passes — schemas, operations, field filters, partial updates, servers,
 * credentials, rate limit, error catalogue — all names allocated through {@link NameScope}s, all problems collected
 * and thrown once at the end.
 */
public final class ApiModelBuilder {

    private static final Pattern SERVER_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final OpenAPI api;
    private final String file;
    private final List<SpecProblem> problems = new ArrayList<>();

    public ApiModelBuilder(OpenAPI api, String file) {
        this.api = api;
        this.file = file;
    }

    public record Settings(Optional<String> basePackage, Optional<String> apiPackage, Optional<String> modelPackage) {}

    public ApiModel build(Settings settings, Optional<RawErrorCatalog> catalog) throws SpecProblemsException {
        return passes(settings, catalog).model();
    }

    /**
     * The build, pass by pass: each pass takes the previous passes' results, immutable, and returns its own; only the
     * name scopes and the list of problems are shared.
     */
    public BuildPasses passes(Settings settings, Optional<RawErrorCatalog> catalog) throws SpecProblemsException {
        String clientName = clientName();
        String base = settings.basePackage().orElse("com.example." + JavaNames.packageSegment(clientName));
        ApiModel.Packages packages = new ApiModel.Packages(base, settings.apiPackage().orElse(base + ".api"),
                settings.modelPackage().orElse(base + ".model"));

        // "Builder" would clash with the builder nested in every model record.
        NameScope modelScope = NameScope.forTypes().reserve(DerivedNames.BUILDER);
        Map<String, Schema<?>> componentSchemas = componentSchemas();
        Schemas mapped = SchemaMapper.mapComponents(file, componentSchemas, modelScope, problems);

        List<ApiModel.CredentialFactory> credentials = credentialFactories();
        // parameters the credentials send ("header:x-tenant", "query:api_key"): no operation method asks for them
        List<String> credentialParameters = credentials.stream().flatMap(f -> f.parts().stream())
                .filter(p -> p instanceof ApiModel.CredentialPart.ApiKey)
                .map(p -> (ApiModel.CredentialPart.ApiKey) p)
                .map(k -> k.in() + ":" + k.name().toLowerCase(Locale.ROOT)).distinct().toList();

        Operations operations = new OperationPass(api, file, componentSchemas, mapped, modelScope, credentialParameters, problems).run();
        FieldFilterPass.FieldFilters filtered = FieldFilterPass.run(operations, modelScope);
        PartialUpdatePass.PartialUpdates partial = PartialUpdatePass.run(filtered.apis(), operations.partialUpdateMarks(),
                filtered.schemas());
        Schemas schemas = SchemaMapper.linkUnions(partial.schemas());
        List<ApiGroup> groups = filtered.apis();
        Optional<String> errorModel = errorModel(schemas);
        // before the check below: a bad x-rate-limit is a problem like any other, not silently no rate limit
        List<ApiModel.ServerDef> servers = servers();
        Optional<ApiModel.RateLimit> rateLimit = rateLimit();
        NameScope baseScope = NameScope.forTypes();
        ApiModel.BaseTypes baseTypes = baseTypes(clientName, baseScope);
        Optional<ErrorCatalog> linked = catalog.map(c -> linkCategories(c, errorModel.flatMap(schemas::model).map(m -> componentSchemas.get(m.schemaName())), clientName, baseScope));

        if (!problems.isEmpty()) {
            throw new SpecProblemsException(problems);
        }
        String title = api.getInfo() == null || api.getInfo().getTitle() == null ? clientName : api.getInfo().getTitle();
        String version = api.getInfo() == null || api.getInfo().getVersion() == null ? "" : api.getInfo().getVersion();
        String description = api.getInfo() == null || api.getInfo().getDescription() == null ? "" : api.getInfo().getDescription().strip();
        ErrorCatalogPass.Retyped typed = linked.isPresent() && errorModel.isPresent()
                ? ErrorCatalogPass.typeErrorDocument(schemas.models(), schemas.enums(), schemas.unions(), groups, errorModel.get(),
                        baseTypes.errorCategory())
                : new ErrorCatalogPass.Retyped(schemas.models(), schemas.enums());
        ApiModel model = new ApiModel(title, version, description, clientName, packages, baseTypes, servers, credentials, rateLimit,
                groups, typed.models(), typed.enums(), schemas.unions(), linked, errorModel);
        NameValidation.check(model);
        return new BuildPasses(mapped, operations, filtered, partial, model);
    }

    /**
     * The prefix of the client's own types ({@code <Name>Client}, {@code <Name>ErrorDecoder}): {@code x-client-name}, or
     * the title as a person would name the client ({@link ClientNames}); short enough for every suffix.
     */
    private String clientName() {
        return clientName(api);
    }

    /** The client's name for {@code api}; also what a group of operations without a tag is named for. */
    public static String clientName(OpenAPI api) {
        Object declared = api.getInfo() == null || api.getInfo().getExtensions() == null ? null
                : api.getInfo().getExtensions().get("x-client-name");
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        return JavaNames.shortened(ClientNames.of(declared instanceof String name ? name : null, title),
                JavaNames.MAX_TYPE_NAME - DerivedNames.LONGEST_CLIENT_SUFFIX);
    }

    /**
     * The base package's own types in one scope, which the catalogue's exception classes join: no two files collide,
     * also not by case, and none hides a runtime type the generated code names by its simple name.
     */
    private static ApiModel.BaseTypes baseTypes(String clientName, NameScope scope) {
        // the client first: a spec titled "API" keeps its ApiClient, as before (JavaPoet qualifies the runtime's there)
        String client = scope.allocate(DerivedNames.clientClass(clientName));
        DerivedNames.RUNTIME_TYPES.forEach(scope::reserve);
        return new ApiModel.BaseTypes(client, scope.allocate(DerivedNames.ENVIRONMENT),
                scope.allocate(DerivedNames.credentialsClass(clientName)), scope.allocate(DerivedNames.ERROR_CODE),
                scope.allocate(DerivedNames.ERROR_CATEGORY), scope.allocate(DerivedNames.apiExceptionClass(clientName)),
                scope.allocate(DerivedNames.errorDecoder(clientName)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, Schema<?>> componentSchemas() {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return Map.of();
        }
        Map raw = api.getComponents().getSchemas();
        return new LinkedHashMap<String, Schema<?>>(raw);
    }

    // ---- servers ------------------------------------------------------------------------------------------------

    private List<ApiModel.ServerDef> servers() {
        List<io.swagger.v3.oas.models.servers.Server> absolute = api.getServers() == null ? List.of()
                : api.getServers().stream().filter(s -> s.getUrl() != null && s.getUrl().matches("(?i)^https?://.*")).toList();
        List<List<String>> variablesPerServer = absolute.stream().map(s -> variables(s.getUrl())).toList();
        NameScope factories = new NameScope().reserve("custom").reserve("baseUri");
        List<ApiModel.ServerDef> servers = new ArrayList<>();
        for (int i = 0; i < absolute.size(); i++) {
            var server = absolute.get(i);
            List<String> description = JavaNames.words(server.getDescription() == null ? "" : server.getDescription());
            String factory = factories.allocate(description.isEmpty() ? "server" + (i + 1) : JavaNames.memberName(description.get(0)));
            List<ApiModel.ServerVariable> variables = new ArrayList<>();
            NameScope parameterNames = new NameScope();
            for (String name : variablesPerServer.get(i)) {
                var declared = server.getVariables() == null ? null : server.getVariables().get(name);
                String defaultValue = declared == null || declared.getDefault() == null ? "" : declared.getDefault();
                boolean shared = variablesPerServer.stream().allMatch(vs -> vs.contains(name)) && !defaultValue.isEmpty();
                variables.add(new ApiModel.ServerVariable(name, parameterNames.allocate(JavaNames.memberName(name)), defaultValue, shared));
            }
            servers.add(new ApiModel.ServerDef(factory, server.getUrl().replaceAll("/+$", ""),
                    server.getDescription() == null ? "" : server.getDescription(), variables));
        }
        return servers;
    }

    private static List<String> variables(String url) {
        List<String> names = new ArrayList<>();
        Matcher m = SERVER_VARIABLE.matcher(url);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    // ---- credentials --------------------------------------------------------------------------------------------

    /** One factory per distinct security requirement, in order of first use (global first, then by operation). */
    private List<ApiModel.CredentialFactory> credentialFactories() {
        Map<List<String>, String> requirements = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> scopes = new java.util.HashMap<>();
        java.util.function.BiConsumer<io.swagger.v3.oas.models.security.SecurityRequirement, String> add = (requirement, pointer) -> {
            requirements.putIfAbsent(List.copyOf(requirement.keySet()), pointer);
            requirement.forEach((scheme, wanted) -> scopes.computeIfAbsent(scheme, k -> new java.util.TreeSet<>())
                    .addAll(wanted == null ? List.of() : wanted));
        };
        if (api.getSecurity() != null) {
            for (int i = 0; i < api.getSecurity().size(); i++) {
                add.accept(api.getSecurity().get(i), "/security/" + i);
            }
        }
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                if (op.getSecurity() != null) {
                    for (int i = 0; i < op.getSecurity().size(); i++) {
                        add.accept(op.getSecurity().get(i), "/paths/" + SchemaMapper.escape(path) + "/"
                                + method.name().toLowerCase(Locale.ROOT) + "/security/" + i);
                    }
                }
            }));
        }
        var schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Map.<String, io.swagger.v3.oas.models.security.SecurityScheme>of() : api.getComponents().getSecuritySchemes();
        NameScope methods = new NameScope();
        List<ApiModel.CredentialFactory> factories = new ArrayList<>();
        requirements.forEach((names, pointer) -> {
            if (names.isEmpty()) {
                return; // `{}`: anonymous access, nothing to configure
            }
            List<ApiModel.CredentialPart> parts = new ArrayList<>();
            NameScope parameters = new NameScope();
            String methodName = null;
            for (String name : names) {
                var scheme = schemes.get(name);
                if (scheme == null) {
                    problems.add(new SpecProblem(file, pointer + "/" + SchemaMapper.escape(name), "security requirement names the scheme \""
                            + name + "\", which components/securitySchemes does not define.", "define it there, or correct the name."));
                    return;
                }
                Optional<ApiModel.CredentialPart> part = credentialPart(scheme, name, parameters,
                        List.copyOf(scopes.getOrDefault(name, java.util.Set.of())));
                if (part.isEmpty()) {
                    return; // a scheme the runtime cannot send (mutual TLS, an unknown HTTP scheme): no factory for it
                }
                parts.add(part.get());
                if (methodName == null && part.get() instanceof ApiModel.CredentialPart.ApiKey) {
                    methodName = JavaNames.memberName(name);
                }
            }
            if (methodName == null) {
                methodName = JavaNames.memberName(names.get(0));
            }
            factories.add(new ApiModel.CredentialFactory(methods.allocate(methodName), names, parts));
        });
        return factories;
    }

    private static Optional<ApiModel.CredentialPart> credentialPart(io.swagger.v3.oas.models.security.SecurityScheme scheme,
            String name, NameScope parameters, List<String> scopes) {
        if (scheme.getType() == null) {
            return Optional.empty();
        }
        switch (scheme.getType()) {
            case HTTP:
                String httpScheme = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
                if (httpScheme.equals("basic")) {
                    parameters.reserve("username").reserve("password");
                    return Optional.of(new ApiModel.CredentialPart.Basic());
                }
                return httpScheme.equals("bearer")
                        ? Optional.of(new ApiModel.CredentialPart.Bearer(parameters.allocate("token"))) : Optional.empty();
            case APIKEY:
                if (scheme.getIn() == null || scheme.getName() == null) {
                    return Optional.empty();
                }
                return Optional.of(new ApiModel.CredentialPart.ApiKey(scheme.getIn().toString().toLowerCase(Locale.ROOT),
                        scheme.getName(), parameters.allocate(JavaNames.memberName(name))));
            case OAUTH2:
                var flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
                if (flow != null && flow.getTokenUrl() != null && flow.getTokenUrl().matches("(?i)^https?://.*")) {
                    return Optional.of(new ApiModel.CredentialPart.OAuth2ClientCredentials(flow.getTokenUrl(), scopes,
                            parameters.allocate("clientId"), parameters.allocate("clientSecret")));
                }
                return Optional.of(new ApiModel.CredentialPart.Bearer(parameters.allocate("accessToken")));
            case OPENIDCONNECT:
                return Optional.of(new ApiModel.CredentialPart.Bearer(parameters.allocate("accessToken")));
            default:
                return Optional.empty();
        }
    }

    // ---- rate limit -------------------------------------------------------------------------------------------

    /** {@code scope} for one bucket per client object: the same as no scope, said explicitly. */
    private static final String CLIENT_SCOPE = "client";

    /**
     * {@code x-rate-limit: {requestsPerSecond, burst, scope, scopeBy}}: the bucket, the name of whom the server counts
     * and the security schemes whose credential values identify that caller, most specific first (the first one a
     * client sends keys its bucket). No scope, or {@code scope: client}, is a bucket per client object. A scope named
     * without {@code scopeBy} is refused: the generator cannot guess which credential a word like "tenant" means.
     */
    private Optional<ApiModel.RateLimit> rateLimit() {
        Object raw = api.getExtensions() == null ? null : api.getExtensions().get("x-rate-limit");
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> map && map.get("requestsPerSecond") instanceof Number rps
                && map.get("burst") instanceof Number burst && rps.doubleValue() > 0 && burst.longValue() > 0)) {
            problems.add(new SpecProblem(file, "/x-rate-limit", "x-rate-limit must be an object with positive numbers"
                    + " requestsPerSecond and burst.", "write it as {requestsPerSecond: 10, burst: 25}, with scope and"
                    + " scopeBy if the server counts per caller (see the README)."));
            return Optional.empty();
        }
        Object scope = map.get("scope");
        if (scope != null && !(scope instanceof String)) {
            problems.add(new SpecProblem(file, "/x-rate-limit/scope", "x-rate-limit.scope must be a string: the name"
                    + " of whom the server counts.", "write e.g. scope: tenant, with scopeBy: [<security scheme>],"
                    + " or scope: client for a bucket per client."));
            return Optional.empty();
        }
        String scopeName = scope == null ? "" : (String) scope;
        Optional<List<ApiModel.ScopePart>> scopeBy = scopeBy(map.get("scopeBy"), scopeName);
        return scopeBy.map(parts -> new ApiModel.RateLimit(rps.doubleValue(), burst.longValue(), scopeName, parts));
    }

    /** The parts {@code scopeBy} names, checked against the scope; empty after a problem. */
    private Optional<List<ApiModel.ScopePart>> scopeBy(Object raw, String scope) {
        String pointer = "/x-rate-limit/scopeBy";
        if (raw == null) {
            if (scope.isEmpty() || scope.equals(CLIENT_SCOPE)) {
                return Optional.of(List.of());
            }
            problems.add(new SpecProblem(file, "/x-rate-limit/scope", "x-rate-limit.scope \"" + scope + "\" names"
                    + " whom the server counts but not which credential identifies that caller, so clients cannot"
                    + " share the server's bucket.", "add scopeBy: a list of security schemes whose value identifies"
                    + " the caller, most specific first (" + schemeChoices() + "), or write scope: client for a"
                    + " bucket per client."));
            return Optional.empty();
        }
        if (scope.equals(CLIENT_SCOPE)) {
            problems.add(new SpecProblem(file, pointer, "x-rate-limit.scope client means a bucket per client, which"
                    + " no credential keys.", "remove scopeBy, or name the scope for what the server counts."));
            return Optional.empty();
        }
        if (!(raw instanceof List<?> names) || names.isEmpty()) {
            problems.add(new SpecProblem(file, pointer, "x-rate-limit.scopeBy must be a non-empty list of security"
                    + " scheme names.", "write e.g. scopeBy: [" + schemeChoices() + "]."));
            return Optional.empty();
        }
        List<ApiModel.ScopePart> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<ApiModel.ScopePart> part = scopePart(names.get(i), pointer + "/" + i);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        return Optional.of(parts);
    }

    /** The credential one {@code scopeBy} entry names: an API key by its name, any other scheme by who authenticates. */
    private Optional<ApiModel.ScopePart> scopePart(Object name, String pointer) {
        var scheme = name instanceof String key ? securitySchemes().get(key) : null;
        if (scheme == null) {
            problems.add(new SpecProblem(file, pointer, "x-rate-limit.scopeBy names " + (name instanceof String
                    ? "the security scheme \"" + name + "\", which components/securitySchemes does not define."
                    : "something that is not a security scheme name."), "use one of: " + schemeChoices() + "."));
            return Optional.empty();
        }
        String schemeName = (String) name;
        var type = scheme.getType();
        if (type == io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY && scheme.getIn() != null
                && scheme.getName() != null) {
            return Optional.of(new ApiModel.ScopePart(schemeName, scheme.getIn().toString().toLowerCase(Locale.ROOT),
                    scheme.getName()));
        }
        if (type == io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP
                || type == io.swagger.v3.oas.models.security.SecurityScheme.Type.OAUTH2
                || type == io.swagger.v3.oas.models.security.SecurityScheme.Type.OPENIDCONNECT) {
            return Optional.of(new ApiModel.ScopePart(schemeName, "authorization", ""));
        }
        problems.add(new SpecProblem(file, pointer, "x-rate-limit.scopeBy names the security scheme \"" + schemeName
                + "\", whose credential a client cannot read (" + type + ").", "name an apiKey, http or oauth2 scheme."));
        return Optional.empty();
    }

    private Map<String, io.swagger.v3.oas.models.security.SecurityScheme> securitySchemes() {
        return api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Map.of() : api.getComponents().getSecuritySchemes();
    }

    private String schemeChoices() {
        return securitySchemes().isEmpty() ? "define the schemes in components/securitySchemes first"
                : String.join(", ", new java.util.TreeSet<>(securitySchemes().keySet()));
    }

    // ---- errors -------------------------------------------------------------------------------------------------

    /** The schema most 4xx/5xx/default responses use: the API's error document. */
    private Optional<String> errorModel(Schemas schemas) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        if (api.getPaths() == null) {
            return Optional.empty();
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getResponses() == null) {
                return;
            }
            op.getResponses().forEach((code, response) -> {
                if (code.startsWith("2") || code.startsWith("1") || code.startsWith("3")) {
                    return;
                }
                ApiResponse resolved = OperationPass.resolveResponse(api, response);
                Schema<?> schema = resolved == null ? null : OperationPass.jsonSchema(resolved.getContent());
                if (schema != null && schema.get$ref() != null && schema.get$ref().startsWith("#/components/schemas/")) {
                    String name = schema.get$ref().substring("#/components/schemas/".length());
                    counts.merge(name, 1, Integer::sum);
                    firstSeen.putIfAbsent(name, firstSeen.size());
                }
            });
        }));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -firstSeen.get(e.getKey())))
                .flatMap(e -> schemas.componentClass(e.getKey()))
                .filter(className -> schemas.model(className).isPresent());
    }

    /** Categories in the order the error document's {@code errorCategory} enum gives, then any only the catalogue names. */
    private ErrorCatalog linkCategories(RawErrorCatalog catalog, Optional<Schema<?>> errorDocument, String clientName,
            NameScope baseTypes) {
        List<String> documentCategories = new ArrayList<>();
        Schema<?> document = errorDocument.orElse(null);
        Schema<?> categories = document == null || document.getProperties() == null ? null
                : document.getProperties().get("errorCategory");
        if (categories != null && categories.getEnum() != null) {
            for (Object value : categories.getEnum()) {
                if (value != null) {
                    documentCategories.add(value.toString());
                }
            }
        }
        return ErrorCatalogPass.name(catalog, documentCategories, baseTypes, clientName);
    }
}
