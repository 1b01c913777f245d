package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specwright.generator.Customization;
import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.emit.GeneratedFile;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The Java customization without templates: {@code typeMappings}, {@code schemaMappings}, {@code nameMappings},
 * {@code beanValidation}, {@code generateApis}, {@code generateModels} and {@code clientName}, each generated from a
 * small spec ({@code customization/shop.yaml}), compiled with {@code -Xlint:all -Werror}, and read back through
 * Jackson where that is cheap; every mapping that cannot work fails naming its option and its key.
 */
class CustomizationTest {

    /** The user's own class a schema maps to: Jackson reads a record through its canonical constructor. */
    private static final GeneratedFile MONEY = new GeneratedFile("src/main/java/test/money/Money.java",
            "package test.money;\n\npublic record Money(String amount, String currency) {}\n");

    private static Path spec() throws URISyntaxException {
        return Path.of(CustomizationTest.class.getResource("/customization/shop.yaml").toURI());
    }

    private static List<GeneratedFile> files(Customization customization) throws Exception {
        return new Generator().files(GeneratorOptions.builder(spec(), Path.of("unused")).basePackage("shop")
                .customization(customization).build());
    }

    private static ClassLoader compile(List<GeneratedFile> files, GeneratedFile... extra) throws Exception {
        List<GeneratedFile> all = new ArrayList<>(files);
        all.addAll(List.of(extra));
        InProcessCompiler.Result compiled = InProcessCompiler.compile(all, Files.createTempDirectory("customized"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        return compiled.classLoader();
    }

    private static String source(List<GeneratedFile> files, String pathSuffix) {
        return files.stream().filter(f -> f.path().endsWith(pathSuffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + pathSuffix)).content();
    }

    private static boolean has(List<GeneratedFile> files, String pathSuffix) {
        return files.stream().anyMatch(f -> f.path().endsWith(pathSuffix));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> failure(Customization customization, String option) {
        return assertThatThrownBy(() -> files(customization)).isInstanceOf(CustomizationException.class)
                .satisfies(e -> assertThat(((CustomizationException) e).option()).isEqualTo(option));
    }

    // ---- typeMappings ---------------------------------------------------------------------------------------------

    @Test
    void typeMappingsReplaceTheSpecTypeEverywhere() throws Exception {
        // ours (integer+int64) and openapi-generator's key (DateTime) side by side
        List<GeneratedFile> files = files(Customization.DEFAULT.withTypeMappings(Map.of(
                "DateTime", "java.time.Instant", "integer+int64", "java.math.BigInteger")));
        String order = source(files, "/model/Order.java");
        assertThat(order).contains("Instant created", "BigInteger count", "import java.time.Instant;")
                .doesNotContain("OffsetDateTime");
        String api = source(files, "/api/OrdersApi.java");
        String params = source(files, "/api/GetOrderByIdParams.java");
        assertThat(params).contains("Instant since", "BigInteger limit");
        assertThat(api).contains("GetOrderByIdParams");
        ClassLoader loader = compile(files);

        Class<?> type = loader.loadClass("shop.model.Order");
        Object read = Feature.JSON.readValue("{\"id\":\"6f1e9a2c-9c1b-4e55-9a43-2d0d1f0c7b11\",\"created\":\"2024-05-01T10:15:30Z\","
                + "\"count\":123456789012345678901234567890}", type);
        assertThat(Feature.get(read, "created")).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThat(Feature.get(read, "count")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        JsonNode written = Feature.JSON.readTree(Feature.JSON.writeValueAsString(read));
        assertThat(written.get("count").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(Instant.parse(written.get("created").asText())).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
    }

    @Test
    void theTypeAloneTakesTheFormatsWithoutAKeyOfTheirOwn() throws Exception {
        // openapi-generator's "string": every string but date, date-time, uuid, uri, byte, binary
        List<GeneratedFile> files = files(Customization.DEFAULT.withTypeMappings(Map.of("string", "java.lang.CharSequence")));
        String line = source(files, "/model/Line.java");
        assertThat(line).contains("CharSequence sku");
        assertThat(source(files, "/model/Order.java")).contains("UUID id", "OffsetDateTime created");
        compile(files);
    }

    @Test
    void anUnknownTypeMappingKeyFailsNamingItAndTheAcceptedKeys() {
        failure(Customization.DEFAULT.withTypeMappings(Map.of("date-tme", "java.time.Instant")), "typeMappings")
                // the option is the exception's option(); the plugin and the CLI print it before the message, once
                .hasMessageStartingWith("unknown key date-tme")
                .hasMessageContaining("date-tme").hasMessageContaining("did you mean date-time")
                .hasMessageContaining("DateTime").hasMessageContaining("type+format");
    }

    @Test
    void aTypeMappingToNoClassNameFailsNamingTheKey() {
        failure(Customization.DEFAULT.withTypeMappings(Map.of("date-time", "java.time.")), "typeMappings")
                .hasMessageContaining("date-time").hasMessageContaining("java.time.");
        failure(Customization.DEFAULT.withTypeMappings(Map.of("uuid", "Instant")), "typeMappings")
                .hasMessageContaining("uuid").hasMessageContaining("no package");
    }

    @Test
    void binaryAndObjectsCannotBeTypeMapped() {
        failure(Customization.DEFAULT.withTypeMappings(Map.of("file", "java.io.File")), "typeMappings")
                .hasMessageContaining("file").hasMessageContaining("Binary");
        failure(Customization.DEFAULT.withTypeMappings(Map.of("object", "java.lang.Object")), "typeMappings")
                .hasMessageContaining("object").hasMessageContaining("schemaMappings");
    }

    @Test
    void twoKeysForOneTypeWithDifferentClassesFail() {
        failure(Customization.DEFAULT.withTypeMappings(Map.of("date-time", "java.time.Instant", "DateTime", "java.util.Date")),
                "typeMappings").hasMessageContaining("date-time").hasMessageContaining("DateTime");
    }

    // ---- schemaMappings -------------------------------------------------------------------------------------------

    @Test
    void aMappedSchemaIsNotGeneratedAndEveryReferenceUsesTheClass() throws Exception {
        List<GeneratedFile> files = files(Customization.DEFAULT.withSchemaMappings(Map.of("Money", "test.money.Money")));
        assertThat(has(files, "/model/Money.java")).isFalse();
        assertThat(source(files, "/model/Order.java")).contains("import test.money.Money;", "Money total");
        assertThat(source(files, "/model/Line.java")).contains("Money price");
        assertThat(source(files, "/model/Payment.java")).contains("OfMoney");
        assertThat(source(files, "/api/OrdersApi.java")).contains("List<Money>", "public Money updatePrice(String id, Money body");
        // a PATCH body and a field filter need a generated class: with the user's, an ordinary body and parameter
        assertThat(files).noneMatch(f -> f.path().endsWith("/MoneyField.java"));
        assertThat(source(files, "/api/UpdatePriceParams.java")).contains("List<String> includeFields");
        ClassLoader loader = compile(files, MONEY);

        Object read = Feature.JSON.readValue("{\"id\":\"6f1e9a2c-9c1b-4e55-9a43-2d0d1f0c7b11\","
                + "\"total\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}}", loader.loadClass("shop.model.Order"));
        Object total = Feature.get(read, "total");
        assertThat(total.getClass().getName()).isEqualTo("test.money.Money");
        assertThat(Feature.get(total, "currency")).isEqualTo("EUR");
        assertThat(Feature.JSON.readTree(Feature.JSON.writeValueAsString(read)).get("total").get("amount").asText()).isEqualTo("12.50");
    }

    @Test
    void withoutTheMappingThePatchBodyIsPartialAndFiltered() throws Exception {
        List<GeneratedFile> files = files(Customization.DEFAULT);
        assertThat(has(files, "/model/MoneyField.java")).isTrue();
        assertThat(source(files, "/model/Money.java")).contains("public final class Money");
    }

    @Test
    void aSchemaMappingKeyThatNamesNoSchemaFailsWithTheNearestNames() {
        failure(Customization.DEFAULT.withSchemaMappings(Map.of("Mony", "test.money.Money")), "schemaMappings")
                .hasMessageContaining("Mony").hasMessageContaining("did you mean Money");
        failure(Customization.DEFAULT.withSchemaMappings(Map.of("Money", "test.money.")), "schemaMappings")
                .hasMessageContaining("Money");
    }

    // ---- nameMappings ---------------------------------------------------------------------------------------------

    private static final Customization.NameMappings NAMES = new Customization.NameMappings(Map.of("_type", "kind"),
            Map.of("Order", "PurchaseOrder"), Map.of("getOrderById", "fetch"), Map.of("on-hold", "PAUSED"));

    @Test
    void nameMappingsNameThePropertiesModelsOperationsAndEnumValues() throws Exception {
        List<GeneratedFile> files = files(Customization.DEFAULT.withNameMappings(NAMES));
        assertThat(has(files, "/model/Order.java")).isFalse();
        String order = source(files, "/model/PurchaseOrder.java");
        assertThat(order).contains("@JsonProperty(\"_type\") String kind").doesNotContain(" type_");
        assertThat(source(files, "/api/OrdersApi.java")).contains("public PurchaseOrder fetch(");
        assertThat(source(files, "/model/Status.java")).contains("PAUSED", "\"on-hold\"");
        ClassLoader loader = compile(files);

        Class<?> type = loader.loadClass("shop.model.PurchaseOrder");
        Object read = Feature.JSON.readValue("{\"_type\":\"gift\",\"status\":\"on-hold\"}", type);
        assertThat(Feature.get(read, "kind")).isEqualTo("gift");
        Class<?> status = loader.loadClass("shop.model.Status");
        assertThat(Feature.get(read, "status")).isSameAs(status.getField("PAUSED").get(null));
        JsonNode written = Feature.JSON.readTree(Feature.JSON.writeValueAsString(read));
        assertThat(written.get("_type").asText()).isEqualTo("gift"); // on the wire, the spec's name
        assertThat(written.get("status").asText()).isEqualTo("on-hold");
        assertThat(written.has("kind")).isFalse();
    }

    @Test
    void aNameMappingKeyThatMatchesNothingFailsNamingIt() {
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of("_typ", "kind"), Map.of(), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("_typ").hasMessageContaining("did you mean _type");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of("Ordr", "PurchaseOrder"), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("Ordr").hasMessageContaining("did you mean Order");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of("getOrder", "fetch"), Map.of())),
                "nameMappings").hasMessageContaining("getOrder").hasMessageContaining("getOrderById");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of(), Map.of("onhold", "PAUSED"))),
                "nameMappings").hasMessageContaining("onhold").hasMessageContaining("on-hold");
    }

    @Test
    void aMappedNameThatIsNoJavaNameOrClashesFailsNamingTheKey() {
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of("_type", "class"), Map.of(), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("_type=class").hasMessageContaining("keyword");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of("_type", "id"), Map.of(), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("_type=id").hasMessageContaining("the property id");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of("_type", "toBuilder"), Map.of(), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("_type=toBuilder");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of("Order", "Line"), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("Order=Line").hasMessageContaining("the schema Line");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of("Order", "String"), Map.of(), Map.of())),
                "nameMappings").hasMessageContaining("Order=String").hasMessageContaining("java.lang.String");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of("getOrderById", "listPrices"), Map.of())),
                "nameMappings").hasMessageContaining("getOrderById=listPrices").hasMessageContaining("the operation listPrices");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of("getOrderById", "with"), Map.of())),
                "nameMappings").hasMessageContaining("getOrderById=with");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of(), Map.of("on-hold", "OPEN"))),
                "nameMappings").hasMessageContaining("on-hold=OPEN").hasMessageContaining("the value open");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of(), Map.of("on-hold", "UNKNOWN"))),
                "nameMappings").hasMessageContaining("on-hold=UNKNOWN");
        failure(Customization.DEFAULT.withNameMappings(new Customization.NameMappings(Map.of(), Map.of("Money", "Cash"), Map.of(), Map.of()))
                .withSchemaMappings(Map.of("Money", "test.money.Money")), "nameMappings").hasMessageContaining("Money");
    }

    // ---- beanValidation -------------------------------------------------------------------------------------------

    @Test
    void beanValidationAnnotatesTheComponentsFromTheSpecsConstraints() throws Exception {
        List<GeneratedFile> files = files(Customization.DEFAULT.withBeanValidation(true));
        String order = source(files, "/model/Order.java");
        assertThat(order).contains("@JsonProperty(\"id\") @NotNull UUID id")
                .contains("@Size(min = 1, max = 20)", "@Pattern(", "@Min(1L)", "@Max(100L)",
                        "@DecimalMin(value = \"0\", inclusive = false)", "@DecimalMax(\"1.5\")", "@Size(min = 1)", "@Valid")
                .contains("import jakarta.validation.constraints.NotNull;");
        // Line's sku is required, its price optional (no @NotNull) but a model (@Valid cascades into it)
        assertThat(source(files, "/model/Line.java")).contains("@JsonProperty(\"sku\") @NotNull String sku",
                "@JsonProperty(\"price\") @Valid Money price");
        ClassLoader loader = compile(files); // against jakarta.validation-api, on the test classpath

        Class<?> type = loader.loadClass("shop.model.Order");
        jakarta.validation.constraints.Pattern pattern = type.getMethod("type")
                .getAnnotation(jakarta.validation.constraints.Pattern.class);
        // the hostile pattern arrives whole: quotes, a backslash-u sequence and a comment end stay text
        assertThat(pattern.regexp()).isEqualTo("^[a-z]+\"); } class X { String s = (\"\\u0022\\\\u0022*/$");
        assertThat(type.getMethod("count").getAnnotation(jakarta.validation.constraints.Max.class).value()).isEqualTo(100L);
        assertThat(type.getMethod("lines").getAnnotation(jakarta.validation.Valid.class)).isNotNull();
        assertThat(type.getMethod("id").getAnnotation(jakarta.validation.constraints.NotNull.class)).isNotNull();
    }

    @Test
    void withoutBeanValidationNoAnnotationAppears() throws Exception {
        assertThat(files(Customization.DEFAULT)).noneMatch(f -> f.content().contains("jakarta.validation"));
    }

    // ---- generateApis, generateModels, clientName -----------------------------------------------------------------

    @Test
    void generateApisFalseLeavesTheModelsAlone() throws Exception {
        List<GeneratedFile> files = files(Customization.DEFAULT.withGenerateApis(false));
        assertThat(files).noneMatch(f -> f.path().contains("/api/") || f.path().endsWith("Client.java")
                || f.path().endsWith("Environment.java") || f.path().endsWith("Credentials.java"));
        assertThat(has(files, "/model/Order.java")).isTrue();
        compile(files);
    }

    @Test
    void generateModelsFalseExpectsTheUsersModels() throws Exception {
        List<GeneratedFile> apis = files(Customization.DEFAULT.withGenerateModels(false));
        assertThat(apis).noneMatch(f -> f.path().contains("/model/"));
        assertThat(has(apis, "/api/OrdersApi.java")).isTrue();
        // the user's models: here those of a run with generateApis=false, which the APIs compile against
        List<GeneratedFile> models = files(Customization.DEFAULT.withGenerateApis(false));
        compile(apis, models.toArray(GeneratedFile[]::new));
    }

    @Test
    void clientNameNamesTheClientAndItsPackage() throws Exception {
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec(), Path.of("unused"))
                .customization(Customization.DEFAULT.withClientName("Acme Store")).build());
        assertThat(has(files, "com/example/acmestore/AcmeStoreClient.java")).isTrue();
        assertThat(files).noneMatch(f -> f.path().contains("ShopClient"));
        compile(files);
    }

    // ---- on the platform spec ----------------------------------------------------------------------------------------

    private static List<GeneratedFile> platform(Customization customization) throws Exception {
        return new Generator().files(GeneratorOptions.builder(dev.specwright.generator.TestSpecs.platformSpec(), Path.of("unused"))
                .errorCatalog(dev.specwright.generator.TestSpecs.platformErrors()).basePackage("com.example.platform")
                .customization(customization).build());
    }

    @Test
    void thePlatformSdkCompilesWithTypeMappingsAndBeanValidation() throws Exception {
        Customization customization = Customization.DEFAULT.withBeanValidation(true)
                .withTypeMappings(Map.of("DateTime", "java.time.Instant", "string+uuid", "java.lang.String"));
        List<GeneratedFile> files = platform(customization);
        assertThat(files).noneMatch(f -> f.path().endsWith(".java") && f.content().contains("OffsetDateTime"));
        assertThat(files).anyMatch(f -> f.content().contains("import jakarta.validation.constraints.NotNull;"));
        compile(files);
        assertThat(platform(customization)).as("the same output twice").isEqualTo(files);
    }

    @Test
    void thePlatformModelsCompileWithoutTheApis() throws Exception {
        List<GeneratedFile> files = platform(Customization.DEFAULT.withGenerateApis(false));
        assertThat(files).noneMatch(f -> f.path().contains("/api/") || f.path().endsWith("ErrorDecoder.java"));
        compile(files);
    }

    @Test
    void aModelTooLargeForARecordCarriesTheAnnotationsOnItsAccessors() throws Exception {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n  /big:\n    put:\n"
                + "      operationId: putBig\n      requestBody:\n        content:\n          application/json:\n"
                + "            schema: {$ref: '#/components/schemas/Big'}\n      responses:\n        '204': {description: done}\n"
                + "components:\n  schemas:\n    Big:\n      type: object\n      required: [p0]\n      properties:\n"
                + "        p0: {type: string, maxLength: 5}\n");
        for (int i = 1; i <= 200; i++) {
            yaml.append("        p").append(i).append(": {type: integer, minimum: 0}\n");
        }
        Path spec = Files.createTempDirectory("big").resolve("openapi.yaml");
        Files.writeString(spec, yaml);
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec, Path.of("unused")).basePackage("big")
                .customization(Customization.DEFAULT.withBeanValidation(true)).build());
        assertThat(source(files, "/model/Big.java")).contains("public final class Big");
        Class<?> big = compile(files).loadClass("big.model.Big");
        assertThat(big.getMethod("p0").getAnnotation(jakarta.validation.constraints.Size.class).max()).isEqualTo(5);
        assertThat(big.getMethod("p0").getAnnotation(jakarta.validation.constraints.NotNull.class)).isNotNull();
        assertThat(big.getMethod("p200").getAnnotation(jakarta.validation.constraints.Min.class).value()).isZero();
    }

    @Test
    void openApi31BoundsTypesAndIntegerEnums() throws Exception {
        String yaml = """
                openapi: 3.1.0
                info: {title: Levels, version: '1'}
                paths:
                  /level:
                    get:
                      operationId: getLevel
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Level'}
                components:
                  schemas:
                    Tier:
                      type: integer
                      enum: [1, 2]
                    Level:
                      type: object
                      properties:
                        score: {type: [integer, 'null'], exclusiveMinimum: 0, exclusiveMaximum: 10}
                        tier: {$ref: '#/components/schemas/Tier'}
                """;
        Path spec = Files.createTempDirectory("levels").resolve("openapi.yaml");
        Files.writeString(spec, yaml);
        Customization customization = Customization.DEFAULT.withBeanValidation(true)
                .withNameMappings(new Customization.NameMappings(Map.of(), Map.of(), Map.of(), Map.of("1", "ONE")));
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec, Path.of("unused")).basePackage("levels")
                .customization(customization).build());
        assertThat(source(files, "/model/Level.java"))
                .contains("@DecimalMin(value = \"0\", inclusive = false)", "@DecimalMax(value = \"10\", inclusive = false)")
                .doesNotContain("@NotNull");
        assertThat(source(files, "/model/Tier.java")).contains("ONE", "V2");
        ClassLoader loader = compile(files);
        Object read = Feature.JSON.readValue("{\"tier\":1}", loader.loadClass("levels.model.Level"));
        assertThat(Feature.get(read, "tier")).isSameAs(loader.loadClass("levels.model.Tier").getField("ONE").get(null));
    }
}
