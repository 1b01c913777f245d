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
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@link ApiModel} from a parsed spec in named passes, in this order — schemas ({@link SchemaMapper}),
 * credentials ({@link CredentialsPass}), operations ({@link OperationPass}), structural deduplication
 * ({@link StructuralDedup}), field filters ({@link FieldFilterPass}),
 * partial updates ({@link PartialUpdatePass}), unions, servers ({@link ServersPass}), rate limit ({@link RateLimitPass}),
 * error catalogue ({@link ErrorCatalogPass}), sent models ({@link SentModelsPass}) — all names allocated through {@link NameScope}s, all problems collected
 * and thrown once at the end.
 */
public final class ApiModelBuilder {

    private final OpenAPI api;
    private final String file;
    private final List<SpecProblem> problems = new ArrayList<>();

    public ApiModelBuilder(OpenAPI api, String file) {
        this.api = api;
        this.file = file;
    }

    /**
     * @param customization the user's mappings and names ({@code typeMappings}, {@code schemaMappings},
     *     {@code nameMappings}, {@code clientName}, {@code beanValidation}); what it asks that cannot work fails the
     *     build with a {@link dev.specwright.generator.CustomizationException} naming the option and the key
     */
    public record Settings(Optional<String> basePackage, Optional<String> apiPackage, Optional<String> modelPackage,
            dev.specwright.generator.Customization customization) {

        public Settings {
            java.util.Objects.requireNonNull(customization, "customization");
        }

        /** Packages only, no customization. */
        public Settings(Optional<String> basePackage, Optional<String> apiPackage, Optional<String> modelPackage) {
            this(basePackage, apiPackage, modelPackage, dev.specwright.generator.Customization.DEFAULT);
        }
    }

    public ApiModel build(Settings settings, Optional<RawErrorCatalog> catalog) throws SpecProblemsException {
        return passes(settings, catalog).model();
    }

    /**
     * The build, pass by pass: each pass takes the previous passes' results, immutable, and returns its own; only the
     * name scopes and the list of problems are shared.
     */
    public BuildPasses passes(Settings settings, Optional<RawErrorCatalog> catalog) throws SpecProblemsException {
        // the syntax of the mappings first: a bad key or class name fails before the spec is looked at
        Mappings mappings = new Mappings(settings.customization());
        String clientName = clientName(api, settings.customization().clientName());
        String base = settings.basePackage().orElse("com.example." + JavaNames.packageSegment(clientName));
        ApiModel.Packages packages = new ApiModel.Packages(base, settings.apiPackage().orElse(base + ".api"),
                settings.modelPackage().orElse(base + ".model"));

        // "Builder" would clash with the builder nested in every model record.
        NameScope modelScope = NameScope.forTypes().reserve(DerivedNames.BUILDER);
        Map<String, Schema<?>> componentSchemas = componentSchemas();
        Schemas mapped = SchemaMapper.mapComponents(file, componentSchemas, modelScope, problems, mappings);

        // before the operations: they leave out the parameters the credentials send
        CredentialsPass.Credentials credentials = CredentialsPass.run(CredentialsPass.requirements(api), securitySchemes(),
                CredentialsPass.jsonPostUrls(api), file, problems);

        Operations operations = new OperationPass(api, file, componentSchemas, mapped, modelScope, credentials.parameters(), problems,
                mappings, clientName).run();
        StructuralDedup.Deduplicated deduplicated = StructuralDedup.run(operations);
        FieldFilterPass.FieldFilters filtered = FieldFilterPass.run(deduplicated.operations(), modelScope);
        PartialUpdatePass.PartialUpdates partial = PartialUpdatePass.run(filtered.apis(), operations.partialUpdateMarks(),
                filtered.schemas());
        Schemas schemas = SchemaMapper.linkUnions(partial.schemas());
        List<ApiGroup> groups = filtered.apis();
        Optional<String> errorModel = errorModel(schemas);
        // before the check below: a bad x-rate-limit is a problem like any other, not silently no rate limit
        List<ApiModel.ServerDef> servers = ServersPass.run(api.getServers() == null ? List.of() : List.copyOf(api.getServers()));
        Optional<ApiModel.RateLimit> rateLimit = RateLimitPass.run(api.getExtensions() == null ? null : api.getExtensions().get("x-rate-limit"),
                securitySchemes(), file, problems);
        NameScope baseScope = NameScope.forTypes();
        ApiModel.BaseTypes baseTypes = baseTypes(clientName, baseScope);
        Optional<ErrorCatalog> linked = catalog.map(c -> linkCategories(c, errorModel.flatMap(schemas::model).map(m -> componentSchemas.get(m.schemaName())), clientName, baseScope));

        if (!problems.isEmpty()) {
            throw new SpecProblemsException(problems);
        }
        mappings.checkAllUsed(componentSchemas.keySet());
        String title = api.getInfo() == null || api.getInfo().getTitle() == null ? clientName : api.getInfo().getTitle();
        String version = api.getInfo() == null || api.getInfo().getVersion() == null ? "" : api.getInfo().getVersion();
        String description = api.getInfo() == null || api.getInfo().getDescription() == null ? "" : api.getInfo().getDescription().strip();
        ErrorCatalogPass.Retyped typed = linked.isPresent() && errorModel.isPresent()
                ? ErrorCatalogPass.typeErrorDocument(schemas.models(), schemas.enums(), schemas.unions(), groups, errorModel.get(),
                        baseTypes.errorCategory())
                : new ErrorCatalogPass.Retyped(schemas.models(), schemas.enums());
        ErrorCatalogPass.Result errors = new ErrorCatalogPass.Result(errorModel, linked, typed);
        SentModelsPass.SentModels sent = SentModelsPass.run(groups, typed.models(), schemas.unions());
        // it reads the document shape in the finished models; a spec without JSON:API comes out as it went in
        JsonApiPass.Result jsonApi = JsonApiPass.run(groups, sent.models(), typed.enums(), schemas.unions(), modelScope);
        PaginationPass.Paginations paginations = PaginationPass.run(api, jsonApi.groups(), jsonApi.models(), file, problems);
        if (!problems.isEmpty()) {
            throw new SpecProblemsException(problems);
        }
        OperationFormsPass.Named forms = OperationFormsPass.run(jsonApi.groups(), api, paginations.byOperation());
        ApiModel model = new ApiModel(title, version, description, clientName, packages, baseTypes, servers, credentials.factories(), rateLimit,
                jsonApi.groups(), jsonApi.models(), typed.enums(), jsonApi.unions(), linked, errorModel, license(api),
                forms.responses(), forms.paginations(), jsonApi.jsonApi());
        NameValidation.check(model);
        return new BuildPasses(mapped, credentials, operations, deduplicated, filtered, partial, servers, rateLimit, errors, sent,
                paginations, model);
    }

    /**
     * The prefix of the client's own types ({@code <Name>Client}, {@code <Name>ErrorDecoder}): {@code x-client-name}, or
     * the title as a person would name the client ({@link ClientNames}); short enough for every suffix.
     */
    /** The client's name for {@code api}; also what a group of operations without a tag is named for. */
    public static String clientName(OpenAPI api) {
        return clientName(api, Optional.empty());
    }

    /**
     * The client's name for {@code api}: the user's {@code clientName} when given, else {@code x-client-name}, else
     * the title; made a legal type name by the same rules ({@link ClientNames}).
     */
    public static String clientName(OpenAPI api, Optional<String> chosen) {
        Object declared = api.getInfo() == null || api.getInfo().getExtensions() == null ? null
                : api.getInfo().getExtensions().get("x-client-name");
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        String name = chosen.filter(c -> !c.isBlank()).orElse(declared instanceof String d ? d : null);
        return JavaNames.shortened(ClientNames.of(name, title), JavaNames.MAX_TYPE_NAME - DerivedNames.LONGEST_CLIENT_SUFFIX);
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

    private Map<String, SecurityScheme> securitySchemes() {
        return api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Map.of() : api.getComponents().getSecuritySchemes();
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

    /** {@code info.license}, when it has a name. */
    private static Optional<ApiModel.License> license(OpenAPI api) {
        io.swagger.v3.oas.models.info.License license = api.getInfo() == null ? null : api.getInfo().getLicense();
        if (license == null || license.getName() == null || license.getName().isBlank()) {
            return Optional.empty();
        }
        String url = license.getUrl() != null ? license.getUrl()
                : license.getIdentifier() != null ? "https://spdx.org/licenses/" + license.getIdentifier() + ".html" : "";
        return Optional.of(new ApiModel.License(license.getName().strip(), url.strip()));
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
