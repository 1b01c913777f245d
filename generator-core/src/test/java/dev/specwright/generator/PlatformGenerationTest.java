package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.specwright.generator.emit.GeneratedFile;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform SDK: generated in memory, compiled with -Xlint:all -Werror, then exercised. */
class PlatformGenerationTest {

    private static List<GeneratedFile> files;
    private static InProcessCompiler.Result compiled;
    private static ClassLoader loader;

    @BeforeAll
    static void generateAndCompile(@TempDir Path classes) throws Exception {
        GeneratorOptions options = GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("unused"))
                .errorCatalog(TestSpecs.platformErrors()).basePackage("com.example.platform").build();
        files = new Generator().files(options);
        compiled = InProcessCompiler.compile(files, classes);
        loader = compiled.classLoader();
    }

    @Test
    void compilesWithoutAnyWarning() {
        assertThat(compiled.diagnostics()).isEmpty();
        assertThat(compiled.success()).isTrue();
    }

    @Test
    void emitsTheClientApisModelsFieldEnumsAndErrorTypes() {
        Map<String, GeneratedFile> byPath = files.stream().collect(Collectors.toMap(GeneratedFile::path, f -> f));
        String base = "src/main/java/com/example/platform/";
        assertThat(byPath).containsKeys(base + "PlatformClient.java", base + "Environment.java", base + "PlatformCredentials.java",
                base + "ErrorCode.java", base + "ErrorCategory.java", base + "PlatformApiException.java",
                base + "InvalidDataException.java", base + "NotFoundException.java", base + "RemoteSystemErrorException.java",
                base + "api/ProductsApi.java", base + "api/OrdersApi.java", base + "api/ConnectionsApi.java",
                base + "api/LogApi.java", base + "api/ResellerApi.java", base + "api/ListProductsParams.java",
                base + "model/Product.java", base + "model/ProductField.java", base + "model/OrderField.java");
        assertThat(byPath.get(base + "PlatformCredentials.java").content().replaceAll("\\s+", " "))
                .contains("public static Credentials tenant(String username, String password, String tenant, String connectionId)")
                .contains("public static Credentials reseller(String username, String password, String reseller)");
    }

    @Test
    void fieldEnumsCarryTheWireNames() throws Exception {
        Class<?> productField = loader.loadClass("com.example.platform.model.ProductField");
        Object sku = enumConstant(productField, "SKU");
        Object isDeleted = enumConstant(productField, "IS_DELETED");
        assertThat(productField.getMethod("fieldName").invoke(sku)).isEqualTo("sku");
        assertThat(productField.getMethod("fieldName").invoke(isDeleted)).isEqualTo("isDeleted");
    }

    @Test
    void theErrorDocumentsCategoryIsTheCataloguesErrorCategory() throws Exception {
        Class<?> category = loader.loadClass("com.example.platform.ErrorCategory");
        Class<?> document = loader.loadClass("com.example.platform.model.ErrorResponse");
        assertThat(document.getMethod("errorCategory").getReturnType()).isEqualTo(category);
        assertThat(files).noneMatch(f -> f.path().endsWith("ErrorResponseErrorCategory.java"));

        // the decoder reads the body into ErrorResponse; the exception's category and the document's are one value
        Object decoder = loader.loadClass("com.example.platform.PlatformErrorDecoder").getConstructor().newInstance();
        String body = "{\"code\": 100002, \"subCode\": 101019, \"errorCategory\": \"NotFound\", \"message\": \"gone\"}";
        Object thrown = decode(decoder, body);
        assertThat(thrown.getClass().getSimpleName()).isEqualTo("NotFoundException");
        Object error = thrown.getClass().getMethod("error").invoke(thrown);
        assertThat(document.getMethod("errorCategory").invoke(error)).hasToString("NOT_FOUND")
                .isEqualTo(thrown.getClass().getMethod("errorCategory").invoke(thrown));
        assertThat(((RuntimeException) thrown).getMessage()).contains("PRODUCT_FIELD_NOT_SORTABLE (100002/101019, NotFound): gone");

        // a category this client does not know: the document keeps UNKNOWN, the exception takes the code's category
        Object unknown = decode(decoder, "{\"code\": 100002, \"subCode\": 101019, \"errorCategory\": \"Brand New\"}");
        assertThat(unknown.getClass().getSimpleName()).isEqualTo("InvalidDataException");
        assertThat(document.getMethod("errorCategory").invoke(unknown.getClass().getMethod("error").invoke(unknown))).hasToString("UNKNOWN");
        // neither code nor category known: the message shows the category as sent, not null
        Object strange = decode(decoder, "{\"code\": 999999, \"errorCategory\": \"Brand New\", \"message\": \"odd\"}");
        assertThat(((RuntimeException) strange).getMessage()).contains("(999999/null, Brand New): odd");

        // a body that does not fit the model still gives its code and category, as sent
        Object offSpec = decode(decoder, "{\"code\": \"not a number\", \"errorCategory\": \"NotFound\", \"time\": 12}");
        assertThat(offSpec.getClass().getSimpleName()).isEqualTo("NotFoundException");
        assertThat(offSpec.getClass().getMethod("error").invoke(offSpec)).isNull();
        assertThat(((RuntimeException) offSpec).getMessage()).contains("the error body is not the documented error document");
    }

    private static Object decode(Object decoder, String body) throws Exception {
        var failure = new dev.specwright.runtime.HttpFailure(400, "GET", java.net.URI.create("https://example.com/x"),
                Map.of("Content-Type", List.of("application/json")), body);
        return decoder.getClass().getMethod("decode", dev.specwright.runtime.HttpFailure.class, ObjectMapper.class)
                .invoke(decoder, failure, dev.specwright.runtime.internal.JsonMappers.create());
    }

    @Test
    void errorCodesResolveExactlyThenByCodeThenUnknown() throws Exception {
        Class<?> errorCode = loader.loadClass("com.example.platform.ErrorCode");
        Method of = errorCode.getMethod("of", Long.class, Long.class);
        assertThat(of.invoke(null, 100002L, 101019L)).hasToString("PRODUCT_FIELD_NOT_SORTABLE");
        Object unknown = of.invoke(null, 999_999L, 1L);
        assertThat(unknown).hasToString("UNKNOWN");
        Object sortable = enumConstant(errorCode, "PRODUCT_FIELD_NOT_SORTABLE");
        assertThat(errorCode.getMethod("category").invoke(sortable)).hasToString("INVALID_DATA");
        assertThat(errorCode.getMethod("subCode").invoke(sortable)).isEqualTo(101019L);
    }

    @Test
    void modelsSerialiseOnlyWhatWasSetAndKeepUnknownEnumValues() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        Class<?> product = loader.loadClass("com.example.platform.model.Product");
        Object builder = product.getMethod("builder").invoke(null);
        builder.getClass().getMethod("title", String.class).invoke(builder, "New title");
        builder.getClass().getMethod("sku", String.class).invoke(builder, "A-1"); // required: build() refuses without it
        Object partial = builder.getClass().getMethod("build").invoke(builder);
        assertThat(mapper.writeValueAsString(partial)).isEqualTo("{\"sku\":\"A-1\",\"title\":\"New title\"}");

        String json = "{\"sku\":\"A-1\",\"stock\":10,\"categories\":[\"x\"],\"createdAt\":\"2019-06-05T06:58:34Z\",\"futureField\":1}";
        Object read = mapper.readValue(json, product);
        assertThat(product.getMethod("sku").invoke(read)).isEqualTo("A-1");
        assertThat(product.getMethod("categories").invoke(read)).isEqualTo(List.of("x"));

        Class<?> status = loader.loadClass("com.example.platform.model.OrderStatus");
        Object someday = mapper.readValue("\"someday-new\"", status);
        assertThat(someday).hasToString("someday-new");
        assertThat(status.getMethod("known").invoke(someday)).hasToString("UNKNOWN");
        assertThat(mapper.writeValueAsString(someday)).isEqualTo("\"someday-new\"");
        assertThat(mapper.readValue("\"SHIPPED\"", status)).isSameAs(status.getField("SHIPPED").get(null));
    }

    @Test
    void theClientDefaultsToTheSpecsRateLimit() throws Exception {
        Class<?> client = loader.loadClass("com.example.platform.PlatformClient");
        Object builder = client.getMethod("builder").invoke(null);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        dev.specwright.runtime.ApiClient apiClient = (dev.specwright.runtime.ApiClient) client.getMethod("apiClient").invoke(built);
        assertThat(apiClient.options().rateLimit()).isEqualTo(dev.specwright.runtime.RateLimit.of(10, 25));
        // seed 002: per tenant or reseller, i.e. the X-Tenant header, else X-Reseller, as the spec's scopeBy says
        assertThat(apiClient.options().rateLimitScope()).isEqualTo(dev.specwright.runtime.RateLimitScope.header("X-Tenant")
                .or(dev.specwright.runtime.RateLimitScope.header("X-Reseller")));
        assertThat(apiClient.options().baseUri()).hasToString("https://api.integration-platform.example");
    }

    @Test
    void theSpecsLimitIsAConstantTheBuilderStartsFrom() throws Exception {
        Class<?> client = loader.loadClass("com.example.platform.PlatformClient");
        // a fleet user writes rateLimit(PlatformClient.DEFAULT_RATE_LIMIT.distributed(store)), not RateLimit.of(10, 25) again
        assertThat(client.getField("DEFAULT_RATE_LIMIT").get(null)).isEqualTo(dev.specwright.runtime.RateLimit.of(10, 25));
        assertThat(client.getField("DEFAULT_RATE_LIMIT").getModifiers() & (java.lang.reflect.Modifier.STATIC | java.lang.reflect.Modifier.FINAL))
                .isEqualTo(java.lang.reflect.Modifier.STATIC | java.lang.reflect.Modifier.FINAL);
    }

    @Test
    void theBuilderTakesATransportThatCallsGoThrough() throws Exception {
        Class<?> client = loader.loadClass("com.example.platform.PlatformClient");
        Object builder = client.getMethod("builder").invoke(null);
        dev.specwright.runtime.InMemoryTransport transport = new dev.specwright.runtime.InMemoryTransport()
                .answer("GET", "/ping", dev.specwright.runtime.InMemoryTransport.Answer.json(200, "{}"));
        builder.getClass().getMethod("transport", dev.specwright.runtime.Transport.class).invoke(builder, transport);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        dev.specwright.runtime.ApiClient apiClient = (dev.specwright.runtime.ApiClient) client.getMethod("apiClient").invoke(built);

        apiClient.send(dev.specwright.runtime.ApiRequest.builder("GET", "/ping").build());

        assertThat(transport.requests()).singleElement().satisfies(request -> assertThat(request.uri())
                .hasToString("https://api.integration-platform.example/ping"));
    }

    /**
     * The README's unit-test example (the {@code java} block of the runtime section's Transport bullet), read from the
     * README, compiled against the generated client and run: its JUnit assertions must hold.
     */
    static String readmeTransportExample() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(TestSpecs.dir().getParent().resolve("README.md"));
        int bullet = readme.indexOf("- **Transport**");
        assertThat(bullet).as("README bullet - **Transport**").isGreaterThanOrEqualTo(0);
        int start = readme.indexOf("```java\n", bullet) + "```java\n".length();
        String code = readme.substring(start, readme.indexOf("```\n", start));
        assertThat(code).contains("new InMemoryTransport()", "assertEquals(");
        return """
                package com.example.app;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import com.example.platform.PlatformClient;
                import com.example.platform.PlatformCredentials;
                import com.example.platform.model.Product;
                import dev.specwright.runtime.InMemoryTransport;

                public final class ReadmeTransportExample {
                    public static void run() {
                """ + code + """
                    }
                }
                """;
    }

    @Test
    void theReadmesInMemoryTransportExampleCompilesAndRuns(@TempDir Path classes) throws Exception {
        List<GeneratedFile> withExample = new java.util.ArrayList<>(files);
        withExample.add(new GeneratedFile("src/test/java/com/example/app/ReadmeTransportExample.java", readmeTransportExample()));
        InProcessCompiler.Result example = InProcessCompiler.compile(withExample, classes);
        assertThat(example.diagnostics()).isEmpty();

        try { // the README's own assertions: stock 3, the tenant header sent
            example.classLoader().loadClass("com.example.app.ReadmeTransportExample").getMethod("run").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the README's in-memory transport example failed", e.getCause());
        }
    }

    @Test
    void theBuilderTakesTheBaseUriAsText() throws Exception {
        Class<?> client = loader.loadClass("com.example.platform.PlatformClient");
        Object builder = client.getMethod("builder").invoke(null);
        builder.getClass().getMethod("baseUri", String.class).invoke(builder, "https://localhost:8443/api");
        Object built = builder.getClass().getMethod("build").invoke(builder);
        dev.specwright.runtime.ApiClient apiClient = (dev.specwright.runtime.ApiClient) client.getMethod("apiClient").invoke(built);
        assertThat(apiClient.options().baseUri()).hasToString("https://localhost:8443/api");
        assertThat(builder.getClass().getMethod("truststore", Path.class, char[].class)).isNotNull();
    }

    @Test
    void credentialsCanBeGivenByName() throws Exception {
        Class<?> credentials = loader.loadClass("com.example.platform.PlatformCredentials");
        Object positional = credentials.getMethod("tenant", String.class, String.class, String.class, String.class)
                .invoke(null, "user", "secret", "acme", "conn-42");
        Object named = credentials.getMethod("tenant").invoke(null);
        // set in another order than the positional form takes them: names, not positions, decide
        for (String[] set : new String[][] {{"connectionId", "conn-42"}, {"tenant", "acme"}, {"password", "secret"}, {"username", "user"}}) {
            named = named.getClass().getMethod(set[0], String.class).invoke(named, set[1]);
        }
        Object built = named.getClass().getMethod("build").invoke(named);
        assertThat(((dev.specwright.runtime.Credentials) built).headers())
                .isEqualTo(((dev.specwright.runtime.Credentials) positional).headers())
                .containsEntry("X-Tenant", "acme").containsEntry("X-ConnectionId", "conn-42");

        Object partial = credentials.getMethod("reseller").invoke(null);
        partial = partial.getClass().getMethod("password", String.class).invoke(partial, "secret");
        Method build = partial.getClass().getMethod("build");
        Object half = partial;
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> build.invoke(half)).getCause())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PlatformCredentials.reseller(): set username, reseller before build()")
                .hasMessageNotContaining("secret");
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(type.getName() + " has no constant " + name);
    }
}
