package dev.specwright.generator.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's OpenAPI definition ({@code specs/platform/openapi.yaml}) parses cleanly and states the facts the
 * generated client and its users rely on (PLATFORM.md, seed 002).
 */
class PlatformSpecTest {

    private static final String ERROR_RESPONSE_REF = "#/components/schemas/ErrorResponse";
    private static final Set<String> ERROR_STATUSES =
            Set.of("400", "401", "403", "404", "409", "429", "500", "502", "503", "504");
    private static final Set<String> TAGS = Set.of("Products", "Orders", "Connections", "Log", "Reseller");
    private static final Set<String> CATEGORIES = Set.of("NotFound", "InvalidData", "TypeError", "PermissionDenied",
            "RemoteAuthFailed", "Conflict", "InvalidSettings", "InternalError", "RemoteSystemError");
    private static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][A-Za-z0-9]*$");
    private static final Pattern PASCAL_CASE = Pattern.compile("^[A-Z][A-Za-z0-9]*$");

    private static Path specs;
    private static SwaggerParseResult result;
    private static OpenAPI api;

    /** One operation with where it lives. */
    private record Op(String path, PathItem.HttpMethod method, Operation operation) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void parse() {
        String dir = System.getProperty("specwright.specs");
        assertThat(dir).as("system property specwright.specs").isNotBlank();
        specs = Path.of(dir);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        result = new OpenAPIV3Parser().readLocation(specs.resolve("platform/openapi.yaml").toString(), null, options);
        api = result.getOpenAPI();
    }

    private static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> ops.add(new Op(path, method, operation))));
        return ops;
    }

    private static Components components() {
        return api.getComponents();
    }

    private static ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        if (ref == null) {
            return response;
        }
        assertThat(ref).startsWith("#/components/responses/");
        ApiResponse target = components().getResponses().get(ref.substring("#/components/responses/".length()));
        assertThat(target).as("response %s", ref).isNotNull();
        return target;
    }

    private static Parameter resolve(Parameter parameter) {
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        assertThat(ref).startsWith("#/components/parameters/");
        Parameter target = components().getParameters().get(ref.substring("#/components/parameters/".length()));
        assertThat(target).as("parameter %s", ref).isNotNull();
        return target;
    }

    private static List<Parameter> parameters(Op op) {
        List<Parameter> all = new ArrayList<>();
        List<Parameter> pathLevel = api.getPaths().get(op.path()).getParameters();
        if (pathLevel != null) {
            pathLevel.forEach(p -> all.add(resolve(p)));
        }
        if (op.operation().getParameters() != null) {
            op.operation().getParameters().forEach(p -> all.add(resolve(p)));
        }
        return all;
    }

    private static Parameter parameter(Op op, String name) {
        return parameters(op).stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
    }

    private static Schema<?> schema(String name) {
        Schema<?> schema = components().getSchemas().get(name);
        assertThat(schema).as("schema %s", name).isNotNull();
        return schema;
    }

    private static Set<String> propertyNames(Schema<?> schema) {
        return new TreeSet<>(schema.getProperties().keySet());
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        Schema<?> property = schema.getProperties().get(name);
        assertThat(property).as("property %s", name).isNotNull();
        return property;
    }

    private static Op op(String operationId) {
        return operations().stream()
                .filter(o -> operationId.equals(o.operation().getOperationId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + operationId));
    }

    // ---- the document as a whole ----

    @Test
    void parsesWithoutMessages() {
        assertThat(result.getMessages()).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void infoNamesTheClient() {
        assertThat(api.getInfo().getTitle()).isEqualTo("Integration Platform API");
        assertThat(api.getInfo().getExtensions()).containsEntry("x-client-name", "Platform");
        assertThat(api.getInfo().getVersion()).isNotBlank();
        assertThat(api.getInfo().getDescription())
                .contains("HTTP/1.1", "HTTPS only", "UTF-8", "partially", "isDeleted");
    }

    @Test
    void declaresProductionAndSandboxServers() {
        List<Server> servers = api.getServers();
        assertThat(servers).hasSize(2);

        Server production = servers.get(0);
        assertThat(production.getUrl()).isEqualTo("https://api.{hostname}");
        assertThat(production.getDescription()).isEqualTo("Production");
        assertThat(production.getVariables()).containsOnlyKeys("hostname");
        assertThat(production.getVariables().get("hostname").getDefault()).isNotBlank();

        Server sandbox = servers.get(1);
        assertThat(sandbox.getUrl()).isEqualTo("https://api.{env}.{hostname}");
        assertThat(sandbox.getDescription()).isEqualTo("Sandbox");
        assertThat(sandbox.getVariables()).containsOnlyKeys("env", "hostname");
        assertThat(sandbox.getVariables().get("env").getDefault()).isEqualTo("sandbox");
        assertThat(sandbox.getVariables().get("hostname").getDefault())
                .isEqualTo(production.getVariables().get("hostname").getDefault());
    }

    @Test
    void rateLimitIsTenPerSecondWithBurstOf25() {
        assertThat(api.getExtensions()).containsKey("x-rate-limit");
        JsonNode rateLimit = new ObjectMapper().valueToTree(api.getExtensions().get("x-rate-limit"));
        assertThat(rateLimit.get("requestsPerSecond").isIntegralNumber()).isTrue();
        assertThat(rateLimit.get("requestsPerSecond").intValue()).isEqualTo(10);
        assertThat(rateLimit.get("burst").isIntegralNumber()).isTrue();
        assertThat(rateLimit.get("burst").intValue()).isEqualTo(25);
        assertThat(rateLimit.get("scope").asText()).isEqualTo("tenant-or-reseller");
        assertThat(rateLimit.get("scopeBy")).extracting(JsonNode::asText).containsExactly("tenant", "reseller");
        assertThat(api.getComponents().getSecuritySchemes().get("tenant").getName()).isEqualTo("X-Tenant");
        assertThat(api.getComponents().getSecuritySchemes().get("reseller").getName()).isEqualTo("X-Reseller");
    }

    @Test
    void securitySchemesAreBasicPlusHeaderKeys() {
        Map<String, SecurityScheme> schemes = components().getSecuritySchemes();
        assertThat(schemes).containsOnlyKeys("basicAuth", "tenant", "connectionId", "reseller");
        assertThat(schemes.get("basicAuth").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("basicAuth").getScheme()).isEqualTo("basic");
        Map<String, String> headers = Map.of("tenant", "X-Tenant", "connectionId", "X-ConnectionId",
                "reseller", "X-Reseller");
        headers.forEach((scheme, header) -> {
            SecurityScheme s = schemes.get(scheme);
            assertThat(s.getType()).as(scheme).isEqualTo(SecurityScheme.Type.APIKEY);
            assertThat(s.getIn()).as(scheme).isEqualTo(SecurityScheme.In.HEADER);
            assertThat(s.getName()).as(scheme).isEqualTo(header);
        });
    }

    @Test
    void tagsAreTheFiveApiClasses() {
        assertThat(api.getTags()).extracting(t -> t.getName()).containsExactlyInAnyOrderElementsOf(TAGS);
    }

    // ---- every operation ----

    @Test
    void everyOperationHasACamelCaseIdOneTagASummaryAndADescription() {
        List<Op> ops = operations();
        assertThat(ops).hasSizeGreaterThanOrEqualTo(17);
        Set<String> ids = new HashSet<>();
        for (Op op : ops) {
            Operation o = op.operation();
            assertThat(o.getOperationId()).as("%s operationId", op).isNotNull().matches(CAMEL_CASE);
            assertThat(ids.add(o.getOperationId())).as("%s operationId unique", op).isTrue();
            assertThat(o.getTags()).as("%s tags", op).hasSize(1);
            assertThat(TAGS).as("%s tag", op).contains(o.getTags().get(0));
            assertThat(o.getSummary()).as("%s summary", op).isNotBlank();
            assertThat(o.getDescription()).as("%s description", op).isNotBlank();
        }
        assertThat(ids).contains("listProducts", "getProduct", "createProduct", "updateProduct", "deleteProduct",
                "listOrders", "getOrder", "createOrder", "updateOrder", "listConnections", "getConnection",
                "createLogEvents", "createTenant", "listTenantUsers", "createTenantUser", "listTenantConnections",
                "createTenantConnection");
    }

    @Test
    void pathsBelongToTheTenantOrTheResellerApi() {
        assertThat(api.getPaths().keySet()).allSatisfy(path -> assertThat(path).matches("^/(api|reseller)/.+"));
    }

    @Test
    void everyOperationDeclaresEveryErrorStatusWithTheErrorDocument() {
        for (Op op : operations()) {
            Map<String, ApiResponse> responses = op.operation().getResponses();
            assertThat(responses.keySet()).as("%s responses", op).containsAll(ERROR_STATUSES);
            assertThat(responses.keySet()).as("%s has one success response", op)
                    .filteredOn(s -> s.startsWith("2")).hasSize(1);
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
                    ApiResponse resolved = resolve(response);
                    Content content = resolved.getContent();
                    assertThat(content).as("%s %s content", op, status).containsOnlyKeys("application/json");
                    Schema<?> schema = content.get("application/json").getSchema();
                    assertThat(schema.get$ref()).as("%s %s schema", op, status).isEqualTo(ERROR_RESPONSE_REF);
                }
            });
        }
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        for (Op op : operations()) {
            ApiResponse tooMany = resolve(op.operation().getResponses().get("429"));
            assertThat(tooMany.getHeaders()).as("%s 429 headers", op).containsKey("Retry-After");
        }
    }

    @Test
    void everyHttpStatusOfTheErrorCatalogueIsDeclared() throws IOException {
        JsonNode catalogue = new ObjectMapper().readTree(Files.readString(specs.resolve("platform/errors.json")));
        Set<String> statuses = new TreeSet<>();
        catalogue.get("errors").forEach(e -> statuses.add(e.get("httpStatus").asText()));
        assertThat(ERROR_STATUSES).containsAll(statuses);
    }

    @Test
    void tenantOperationsNeedBasicAuthTenantAndConnectionId() {
        List<Op> tenantOps = operations().stream().filter(o -> o.path().startsWith("/api/")).toList();
        assertThat(tenantOps).isNotEmpty();
        for (Op op : tenantOps) {
            List<SecurityRequirement> security = op.operation().getSecurity();
            assertThat(security).as("%s security", op).hasSize(1);
            assertThat(security.get(0)).as("%s security", op).containsOnlyKeys("basicAuth", "tenant", "connectionId");
        }
    }

    @Test
    void resellerOperationsNeedBasicAuthAndReseller() {
        List<Op> resellerOps = operations().stream().filter(o -> o.path().startsWith("/reseller/")).toList();
        assertThat(resellerOps).isNotEmpty();
        for (Op op : resellerOps) {
            List<SecurityRequirement> security = op.operation().getSecurity();
            assertThat(security).as("%s security", op).hasSize(1);
            assertThat(security.get(0)).as("%s security", op).containsOnlyKeys("basicAuth", "reseller");
            assertThat(op.operation().getTags()).containsExactly("Reseller");
        }
    }

    @Test
    void credentialHeadersAreNotDeclaredAsParameters() {
        for (Op op : operations()) {
            assertThat(parameters(op)).as("%s parameters", op)
                    .noneSatisfy(p -> assertThat(p.getName()).isIn("X-Tenant", "X-ConnectionId", "X-Reseller"));
        }
    }

    @Test
    void getOperationsTakeCommaSeparatedFieldFilters() {
        List<Op> gets = operations().stream().filter(o -> o.method() == PathItem.HttpMethod.GET).toList();
        assertThat(gets).isNotEmpty();
        for (Op op : gets) {
            for (String name : List.of("includeFields", "excludeFields")) {
                Parameter p = parameter(op, name);
                assertThat(p).as("%s %s", op, name).isNotNull();
                assertThat(p.getIn()).isEqualTo("query");
                assertThat(p.getStyle()).isEqualTo(Parameter.StyleEnum.FORM);
                assertThat(p.getExplode()).isFalse();
                assertThat(p.getSchema().getType()).isEqualTo("array");
                assertThat(p.getSchema().getItems().getType()).isEqualTo("string");
            }
        }
    }

    @Test
    void listOperationsPageAndProductsAndOrdersSort() {
        for (Op op : operations()) {
            if (op.operation().getOperationId().startsWith("list")) {
                Parameter offset = parameter(op, "offset");
                Parameter limit = parameter(op, "limit");
                assertThat(offset).as("%s offset", op).isNotNull();
                assertThat(limit).as("%s limit", op).isNotNull();
                assertThat(offset.getSchema().getDefault()).isEqualTo(0);
                assertThat(limit.getSchema().getDefault()).isEqualTo(100);
                assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("1000");
            }
        }
        for (String id : List.of("listProducts", "listOrders")) {
            Op op = op(id);
            assertThat(parameter(op, "orderBy").getSchema().getType()).isEqualTo("string");
            Schema<?> direction = parameter(op, "orderDirection").getSchema();
            assertThat(direction.getEnum())
                    .extracting(Object::toString).containsExactly("asc", "desc");
        }
    }

    @Test
    void putIsAPartialUpdateAndDeleteOnlyMarksIsDeleted() {
        for (Op op : operations()) {
            if (op.method() == PathItem.HttpMethod.PUT) {
                assertThat(op.operation().getDescription()).as("%s", op).containsIgnoringCase("partial");
                // seed 002: the platform's PUT sends only what was set; the generator makes its body partial only when told
                assertThat(op.operation().getExtensions()).as("%s", op).containsEntry("x-partial-update", true);
            }
            assertThat(op.method()).as("%s", op).isNotEqualTo(PathItem.HttpMethod.PATCH);
        }
        Op delete = op("deleteProduct");
        assertThat(delete.method()).isEqualTo(PathItem.HttpMethod.DELETE);
        assertThat(delete.operation().getDescription()).contains("isDeleted");
        assertThat(property(schema("Product"), "isDeleted").getReadOnly()).isTrue();
    }

    @Test
    void createTenantAnswersItsCodeName() {
        Op op = op("createTenant");
        assertThat(op.path()).isEqualTo("/reseller/tenant");
        assertThat(op.method()).isEqualTo(PathItem.HttpMethod.POST);
        MediaType json = op.operation().getResponses().get("201").getContent().get("application/json");
        assertThat(json.getSchema().get$ref()).isEqualTo("#/components/schemas/TenantCreated");
        assertThat(schema("TenantCreated").getProperties()).containsOnlyKeys("codeName");
    }

    @Test
    void logEventsArePostedAsAnArray() {
        Op op = op("createLogEvents");
        assertThat(op.path()).isEqualTo("/api/log/event");
        Schema<?> body = op.operation().getRequestBody().getContent().get("application/json").getSchema();
        assertThat(body.getType()).isEqualTo("array");
        assertThat(body.getItems().get$ref()).isEqualTo("#/components/schemas/LogEvent");
        assertThat(propertyNames(schema("LogEvent"))).containsExactlyInAnyOrder("severity", "relatedRecordType",
                "direction", "summary", "body", "relatedIdMsgs", "time");
        assertThat(propertyNames(schema("RelatedIdMessage"))).containsExactlyInAnyOrder("id", "displayId", "message");
    }

    // ---- schemas ----

    @Test
    void errorResponseIsTheSeedsErrorDocument() {
        Schema<?> error = schema("ErrorResponse");
        assertThat(components().getSchemas()).doesNotContainKey("Error");
        assertThat(propertyNames(error)).containsExactlyInAnyOrder("error", "time", "code", "subCode", "message",
                "defaultMessage", "helpText", "field", "fieldValue", "class", "errorCategory");
        assertThat(property(error, "error").getType()).isEqualTo("boolean");
        assertThat(property(error, "time").getFormat()).isEqualTo("date-time");
        assertThat(property(error, "code").getType()).isEqualTo("integer");
        assertThat(property(error, "code").getFormat()).isEqualTo("int32");
        assertThat(property(error, "subCode").getType()).isEqualTo("integer");
        assertThat(property(error, "helpText").getNullable()).isTrue();
        assertThat(property(error, "fieldValue").getNullable()).isTrue();
        assertThat(property(error, "errorCategory").getEnum())
                .extracting(Object::toString).containsExactlyInAnyOrderElementsOf(CATEGORIES);

        assertThat(error.getExample()).isNotNull();
        JsonNode example = new ObjectMapper().valueToTree(error.getExample());
        assertThat(example.get("error").booleanValue()).isTrue();
        assertThat(example.get("code").intValue()).isEqualTo(100002);
        assertThat(example.get("subCode").intValue()).isEqualTo(101019);
        assertThat(example.get("helpText").isNull()).isTrue();
        assertThat(example.get("class").asText())
                .isEqualTo("record.product.proto.ProductError$ProductFieldNotSortable");
    }

    @Test
    void connectionsAreReadOnlyWithAPlugStatusPerPlug() {
        Schema<?> connection = schema("Connection");
        assertThat(propertyNames(connection))
                .contains("id", "connectorName", "connectorType", "name", "active", "plugs");
        connection.getProperties().forEach((name, property) ->
                assertThat(property.getReadOnly()).as("Connection.%s readOnly", name).isTrue());
        assertThat(property(connection, "connectorType").getEnum()).extracting(Object::toString)
                .containsExactly("ERP", "ACCOUNTING", "ECOMMERCE", "PAYMENT", "MARKETPLACE", "POS", "LOGISTICS", "WMS");
        assertThat(property(connection, "plugs").getItems().get$ref()).isEqualTo("#/components/schemas/PlugStatus");
        assertThat(property(schema("PlugStatus"), "lastTransfer").get$ref())
                .isEqualTo("#/components/schemas/Transfer");
        assertThat(propertyNames(schema("Transfer"))).containsExactlyInAnyOrder("startTime", "endTime",
                "transferReportId", "numConsidered", "numFailed", "sessionErrors");
        assertThat(operations()).filteredOn(o -> o.operation().getTags().contains("Connections"))
                .allSatisfy(o -> assertThat(o.method()).isEqualTo(PathItem.HttpMethod.GET));
    }

    @Test
    void productHasARequiredSkuAndReadOnlyTimestamps() {
        Schema<?> product = schema("Product");
        assertThat(product.getRequired()).containsExactly("sku");
        assertThat(propertyNames(product)).contains("sku", "title", "stock", "price", "categories", "attributes",
                "isDeleted", "createdAt", "modifiedAt");
        assertThat(property(product, "stock").getType()).isEqualTo("integer");
        assertThat(property(product, "createdAt").getReadOnly()).isTrue();
        assertThat(property(product, "modifiedAt").getReadOnly()).isTrue();
        assertThat(property(product, "attributes").getItems().get$ref())
                .isEqualTo("#/components/schemas/ProductAttribute");
        assertThat(schema("ProductUpdate").getRequired()).isNullOrEmpty();
        assertThat(schema("OrderUpdate").getRequired()).isNullOrEmpty();
    }

    @Test
    void schemasArePascalCaseWithoutCompositionOrMaps() {
        components().getSchemas().forEach((name, schema) -> {
            assertThat(name).matches(PASCAL_CASE);
            assertSimple(name, schema);
        });
    }

    private static void assertSimple(String where, Schema<?> schema) {
        assertThat(schema.getOneOf()).as("%s oneOf", where).isNull();
        assertThat(schema.getAnyOf()).as("%s anyOf", where).isNull();
        assertThat(schema.getAllOf()).as("%s allOf", where).isNull();
        assertThat(schema.getAdditionalProperties()).as("%s additionalProperties", where).isNull();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                String path = where + "." + name;
                if (property.get$ref() == null && "object".equals(property.getType())) {
                    throw new AssertionError(path + " is an inline object schema");
                }
                assertSimple(path, property);
            });
        }
        if (schema.getItems() != null) {
            assertSimple(where + "[]", schema.getItems());
        }
    }

    @Test
    void bodiesAreReferencesOrArraysOfReferences() {
        for (Op op : operations()) {
            RequestBody body = op.operation().getRequestBody();
            if (body != null) {
                assertThat(body.getContent()).as("%s body", op).containsOnlyKeys("application/json");
                assertReference(op + " body", body.getContent().get("application/json").getSchema());
            }
            op.operation().getResponses().forEach((status, response) -> {
                Content content = resolve(response).getContent();
                if (content != null) {
                    content.forEach((type, media) -> assertReference(op + " " + status, media.getSchema()));
                }
            });
        }
    }

    private static void assertReference(String where, Schema<?> schema) {
        assertThat(schema).as(where).isNotNull();
        if ("array".equals(schema.getType())) {
            assertThat(schema.getItems().get$ref()).as("%s items", where).startsWith("#/components/schemas/");
        } else {
            assertThat(schema.get$ref()).as(where).startsWith("#/components/schemas/");
        }
    }
}
