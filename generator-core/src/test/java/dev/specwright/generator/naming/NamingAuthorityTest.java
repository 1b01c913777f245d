package dev.specwright.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ErrorCatalog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The naming authority against adversarial input: catalogue categories and codes that fold to the same name, that are
 * the generated enums' own {@code UNKNOWN}, Java keywords or names of our own types; tags named like our types; a
 * spec without tags. Every output compiles with -Xlint:all -Werror and keeps every entry.
 */
class NamingAuthorityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Categories that collide after case folding and punctuation, or with names the generated code uses itself. */
    private static final List<String> CATEGORIES = List.of("Invalid Data", "InvalidData", "invalid_data", "invalid-data",
            "UNKNOWN", "unknown", "Unknown", "class", "ErrorCode", "ErrorCategory", "ApiException", "Api", "Environment",
            "illegal_argument", "Client", "Credentials", "Error Decoder", "1st", "AUTH", "Auth");

    /** Entry names the loader accepts that the generated ErrorCode enum uses itself. */
    private static final List<String> ENTRY_NAMES = List.of("UNKNOWN", "BY_KEY", "INVALID_DATA", "INVALID_DATA2", "CLASS",
            "VALUES", "ERROR_CODE");

    @TempDir
    Path tmp;

    @Test
    void collidingCatalogueNamesAllCompileAndNoEntryIsLost() throws Exception {
        Path dir = write(spec(List.of("ErrorCode", "Environment", "Builder", "PetsClient", "Unknown", "PetsApiException")), errors());
        List<GeneratedFile> files = generate(dir);
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        assertThat(files).as("generating twice gives the same files").isEqualTo(generate(dir));
        assertThat(files).filteredOn(f -> f.content().contains("Operations without a tag.")).as("the one untagged operation's group")
                .singleElement().satisfies(f -> assertThat(f.content()).contains("get6("));
        assertThat(files).filteredOn(f -> f.content().contains("Operations tagged ErrorCode.")).hasSize(1);

        Class<?> category = compiled.classLoader().loadClass("adv.ErrorCategory");
        Object[] constants = category.getEnumConstants();
        // every category once, in the document's order then the catalogue's, plus the enum's own UNKNOWN
        assertThat(constants).hasSize(CATEGORIES.size() + 1);
        Map<String, String> byValue = new LinkedHashMap<>();
        for (Object c : constants) {
            byValue.put((String) category.getMethod("value").invoke(c), ((Enum<?>) c).name());
        }
        // the error document's enum (InvalidData, UNKNOWN, Invalid Data) comes first
        assertThat(byValue).containsEntry("InvalidData", "INVALID_DATA").containsEntry("Invalid Data", "INVALID_DATA2")
                .containsEntry("invalid_data", "INVALID_DATA3").containsEntry("invalid-data", "INVALID_DATA4")
                .containsEntry("UNKNOWN", "UNKNOWN2").containsEntry("unknown", "UNKNOWN3").containsEntry("Unknown", "UNKNOWN4")
                .containsEntry("class", "CLASS").containsEntry("1st", "_1ST").containsEntry("AUTH", "AUTH")
                .containsEntry("Auth", "AUTH2").containsEntry(null, "UNKNOWN");
        for (String value : CATEGORIES) {
            Object parsed = category.getMethod("fromValue", String.class).invoke(null, value);
            assertThat(category.getMethod("value").invoke(parsed)).as("fromValue(%s)", value).isEqualTo(value);
        }

        Class<?> code = compiled.classLoader().loadClass("adv.ErrorCode");
        assertThat(code.getEnumConstants()).hasSize(CATEGORIES.size() + ENTRY_NAMES.size() + 1);
        Set<String> codeNames = java.util.Arrays.stream(code.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet());
        assertThat(codeNames).contains("UNKNOWN", "UNKNOWN2", "BY_KEY2", "INVALID_DATA", "INVALID_DATA2", "CLASS", "VALUES");
        Object unknown2 = code.getMethod("of", Long.class, Long.class).invoke(null, 2000L, null);
        assertThat(((Enum<?>) unknown2).name()).as("the catalogue's own UNKNOWN entry is reachable by its code").isEqualTo("UNKNOWN2");

        List<String> paths = files.stream().map(GeneratedFile::path).toList();
        assertThat(paths).contains("src/main/java/adv/InvalidDataException.java", "src/main/java/adv/InvalidData2Exception.java",
                "src/main/java/adv/InvalidData3Exception.java", "src/main/java/adv/InvalidData4Exception.java",
                "src/main/java/adv/Unknown2Exception.java", "src/main/java/adv/Unknown3Exception.java",
                "src/main/java/adv/Unknown4Exception.java", "src/main/java/adv/_1stException.java",
                "src/main/java/adv/AuthException.java", "src/main/java/adv/Auth2Exception.java",
                "src/main/java/adv/ClassException.java", "src/main/java/adv/ApiExceptionException.java",
                "src/main/java/adv/Api2Exception.java", "src/main/java/adv/PetsIllegalArgumentException.java",
                "src/main/java/adv/PetsClient.java", "src/main/java/adv/PetsApiException.java",
                "src/main/java/adv/api/PetsClientApi.java", "src/main/java/adv/api/ErrorCodeApi.java",
                "src/main/java/adv/api/PetsApi.java");

        Class<?> params = compiled.classLoader().loadClass("adv.api.Get0Params$Builder");
        assertThat(params.getMethod("includeFieldNames", String.class)).isNotNull();
        assertThat(params.getMethod("includeFieldNames2", String[].class).isVarArgs()).isTrue();

        // the decoder picks each category's own exception class, also for the colliding ones
        Object decoder = compiled.classLoader().loadClass("adv.PetsErrorDecoder").getConstructor().newInstance();
        for (String[] expected : new String[][] {{"Invalid Data", "adv.InvalidData2Exception"}, {"InvalidData", "adv.InvalidDataException"},
                {"UNKNOWN", "adv.Unknown2Exception"}, {"unknown", "adv.Unknown3Exception"}, {"Unknown", "adv.Unknown4Exception"},
                {"nonsense", "adv.PetsApiException"}}) {
            String body = JSON.writeValueAsString(Map.of("code", 1, "errorCategory", expected[0], "message", "m"));
            Object thrown = decoder.getClass().getMethod("decode", dev.specwright.runtime.HttpFailure.class, ObjectMapper.class)
                    .invoke(decoder, failure(body), dev.specwright.runtime.internal.JsonMappers.create());
            assertThat(thrown.getClass().getName()).as(expected[0]).isEqualTo(expected[1]);
        }
    }

    @Test
    void aSpecWithoutTagsNamesItsApiForTheClient() throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>(spec(List.of()));
        spec.put("info", Map.of("title", "Swagger Petstore", "version", "1"));
        Path dir = write(spec, null);
        List<GeneratedFile> files = generate(dir);
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("untagged"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        Class<?> client = compiled.classLoader().loadClass("adv.PetstoreClient");
        assertThat(client.getMethod("petstore").getReturnType().getName()).isEqualTo("adv.api.PetstoreApi");
        assertThat(files).noneMatch(f -> f.content().contains("default_") || f.path().contains("Default"));
        assertThat(files).filteredOn(f -> f.path().equals("src/main/java/adv/api/PetstoreApi.java")).singleElement()
                .satisfies(f -> assertThat(f.content()).as("its tag is only a name").contains("Operations without a tag.")
                        .doesNotContain("Operations tagged"));
    }

    @Test
    void titlesGiveTheNameAPersonWouldWrite() {
        assertThat(ClientNames.of(null, "Netlify's API documentation")).isEqualTo("Netlify");
        assertThat(ClientNames.of(null, "Netlify\u2019s API")).isEqualTo("Netlify");
        assertThat(ClientNames.of(null, "1Password Connect")).isEqualTo("OnePasswordConnect");
        assertThat(ClientNames.of(null, "GitHub v3 REST API")).isEqualTo("GitHub");
        assertThat(ClientNames.of(null, "Swagger Petstore")).isEqualTo("Petstore");
        assertThat(ClientNames.of(null, "Stripe API v1.0.2")).isEqualTo("Stripe");
        assertThat(ClientNames.of(null, "Amazon S3 OpenAPI spec")).isEqualTo("AmazonS3");
        assertThat(ClientNames.of(null, "Pet store service")).isEqualTo("PetStore");
        assertThat(ClientNames.of(null, "3scale")).isEqualTo("ThreeScale");
        assertThat(ClientNames.of(null, "Integration Platform API")).isEqualTo("IntegrationPlatform");
        assertThat(ClientNames.of(null, "FastAPI")).isEqualTo("Fast");
        assertThat(ClientNames.of(null, "JSON storage")).as("only words that say nothing are dropped").isEqualTo("JSONStorage");
        assertThat(ClientNames.of(null, "Amazon Lex Runtime Service")).isEqualTo("AmazonLexRuntime");
        assertThat(ClientNames.of(null, "The Blue Alliance API v3")).isEqualTo("TheBlueAlliance");
        // nothing but such words: something legal and readable, never a leading underscore
        assertThat(ClientNames.of(null, "REST API")).isEqualTo("REST");
        assertThat(ClientNames.of(null, "API")).isEqualTo("Api");
        assertThat(ClientNames.of(null, "")).isEqualTo("Api");
        assertThat(ClientNames.of(null, null)).isEqualTo("Api");
        assertThat(ClientNames.of(null, "2024")).isEqualTo("Api2024");
        // x-client-name wins, as written
        assertThat(ClientNames.of("Platform", "Integration Platform API")).isEqualTo("Platform");
        assertThat(ClientNames.of("  ", "GitHub v3 REST API")).isEqualTo("GitHub");
        // ... with a leading number read out as in a title, never a leading underscore
        assertThat(ClientNames.of("1Password", "Connect")).isEqualTo("OnePassword");
        assertThat(ClientNames.of("1Password Connect", null)).isEqualTo("OnePasswordConnect");
        assertThat(ClientNames.of("3scale", null)).isEqualTo(ClientNames.of(null, "3scale")).isEqualTo("ThreeScale");
        assertThat(ClientNames.of("24", null)).isEqualTo("Api24");
        assertThat(ClientNames.of("Web3", null)).as("a number inside a name stays").isEqualTo("Web3");
    }

    @Test
    void aDeclaredNameStartingWithANumberNamesEveryTypeWithoutAnUnderscore() throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>(spec(List.of("items")));
        spec.put("info", Map.of("title", "Vault", "version", "1", "x-client-name", "1Password"));
        Path dir = write(spec, errors());
        List<GeneratedFile> files = generate(dir);

        assertThat(files).extracting(GeneratedFile::path).contains("src/main/java/adv/OnePasswordClient.java", "src/main/java/adv/OnePasswordErrorDecoder.java")
                .noneMatch(p -> p.contains("_1Password"));
        assertThat(InProcessCompiler.compile(files, tmp.resolve("declared")).diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
    }

    @Test
    void unionsNamedLikeTheirNestedTypesOrWithSuchVariantsCompile() throws Exception {
        // a union named Unknown, and one whose variant models are named Unknown and Decoder: the nested types a union
        // has (and its variant models inherit) must not take either name
        Map<String, Object> object = Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string")));
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Unknown", object);
        schemas.put("Decoder", object);
        schemas.put("OfString", object);
        schemas.put("U", Map.of("oneOf", List.of(ref("Unknown"), ref("Decoder"), ref("OfString"), Map.of("type", "string"))));
        schemas.put("Unknown2", Map.of("oneOf", List.of(Map.of("type", "string"), Map.of("type", "integer"))));
        Map<String, Object> answer = Map.of("description", "ok", "content", Map.of("application/json",
                Map.of("schema", Map.of("type", "array", "items", ref("U")))));
        Map<String, Object> spec = Map.of("openapi", "3.0.3", "info", Map.of("title", "Unions", "version", "1"),
                "paths", Map.of("/u", Map.of("get", Map.of("operationId", "listU", "responses", Map.of("200", answer)))),
                "components", Map.of("schemas", schemas));
        List<GeneratedFile> files = generate(write(spec, null));
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("unions"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        Class<?> union = compiled.classLoader().loadClass("adv.model.U");
        assertThat(java.util.Arrays.stream(union.getDeclaredClasses()).map(Class::getSimpleName))
                .doesNotContain("Unknown", "Decoder", "OfString").contains("Unknown2", "Decoder2");
        com.fasterxml.jackson.databind.ObjectMapper mapper = dev.specwright.runtime.internal.JsonMappers.create();
        Object read = mapper.readValue("[{\"id\":\"a\"}, \"text\", 7]",
                mapper.getTypeFactory().constructCollectionType(List.class, union));
        assertThat((List<?>) read).extracting(o -> o.getClass().getSimpleName()).containsExactly("Unknown", "OfString2", "Unknown2");
    }

    @Test
    void theUnknownConstantIsTheRuntimes() {
        assertThat(DerivedNames.UNKNOWN).isEqualTo(dev.specwright.runtime.OpenEnum.UNKNOWN);
        assertThat(dev.specwright.generator.model.EnumDef.UNKNOWN).isSameAs(DerivedNames.UNKNOWN);
    }

    @Test
    void aClashLeftInTheModelIsAGeneratorBugNamingTheScope() throws Exception {
        Path dir = write(spec(List.of("Pets")), errors());
        ApiModel model = new Generator().model(GeneratorOptions.builder(dir.resolve("openapi.json"), tmp.resolve("out"))
                .errorCatalog(dir.resolve("errors.json")).basePackage("adv").build());
        NameValidation.check(model);
        ErrorCatalog catalog = model.errorCatalog().orElseThrow();
        List<ErrorCatalog.Category> clashing = new ArrayList<>(catalog.categories());
        ErrorCatalog.Category first = clashing.get(0);
        clashing.add(new ErrorCatalog.Category("other", first.javaName().toLowerCase(Locale.ROOT), "OtherException", ""));
        ApiModel broken = new ApiModel(model.title(), model.version(), model.description(), model.clientName(), model.packages(),
                model.baseTypes(), model.servers(), model.credentialFactories(), model.rateLimit(), model.apis(), model.models(),
                model.enums(), model.unions(), java.util.Optional.of(new ErrorCatalog(clashing, catalog.entries())), model.errorModel());
        assertThatThrownBy(() -> NameValidation.check(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the constants of ErrorCategory")
                .hasMessageContaining(first.javaName() + " = " + first.javaName().toLowerCase(Locale.ROOT));

        ApiModel keyword = new ApiModel(model.title(), model.version(), model.description(), model.clientName(), model.packages(),
                new ApiModel.BaseTypes("class", "Environment", "PetsCredentials", "ErrorCode", "ErrorCategory", "PetsApiException",
                        "PetsErrorDecoder"), model.servers(), model.credentialFactories(), model.rateLimit(), model.apis(), model.models(),
                model.enums(), model.unions(), model.errorCatalog(), model.errorModel());
        assertThatThrownBy(() -> NameValidation.check(keyword)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the types of package adv: class (not a legal Java name there)");
    }

    private static dev.specwright.runtime.HttpFailure failure(String body) {
        return new dev.specwright.runtime.HttpFailure(400, "GET", URI.create("https://example.com/x"),
                Map.of("Content-Type", List.of("application/json")), body);
    }

    private List<GeneratedFile> generate(Path dir) throws Exception {
        GeneratorOptions.Builder options = GeneratorOptions.builder(dir.resolve("openapi.json"), tmp.resolve("out")).basePackage("adv");
        if (Files.exists(dir.resolve("errors.json"))) {
            options.errorCatalog(dir.resolve("errors.json"));
        }
        return new Generator().files(options.build());
    }

    private Path write(Map<String, Object> spec, Map<String, Object> errors) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("spec-" + System.nanoTime()));
        Files.write(dir.resolve("openapi.json"), JSON.writeValueAsBytes(spec));
        if (errors != null) {
            Files.write(dir.resolve("errors.json"), JSON.writeValueAsBytes(errors));
        }
        return dir;
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /** One operation per tag plus one without; models named like our own types; the error document names categories. */
    private static Map<String, Object> spec(List<String> tags) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (String name : List.of("ErrorCode", "ErrorCategory", "Environment", "PetsClient", "Unknown")) {
            schemas.put(name, Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"),
                    "class", Map.of("type", "string"), "UNKNOWN", Map.of("type", "string", "enum", List.of("UNKNOWN", "unknown", "class")))));
        }
        schemas.put("ErrorResponse", Map.of("type", "object", "properties", Map.of(
                "code", Map.of("type", "integer", "format", "int64"),
                "errorCategory", Map.of("type", "string", "enum", List.of("InvalidData", "UNKNOWN", "Invalid Data")),
                "message", Map.of("type", "string"))));
        Map<String, Object> paths = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(tags);
        all.add(null);
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("operationId", "get" + i);
            if (all.get(i) != null) {
                operation.put("tags", List.of(all.get(i)));
            }
            List<Object> parameters = new ArrayList<>(List.of(Map.of("name", "class", "in", "query", "schema", Map.of("type", "string"))));
            if (i == 0) {
                // a field filter whose raw-names setter would be named like another parameter
                parameters.add(Map.of("name", "includeFields", "in", "query", "schema", Map.of("type", "string")));
                parameters.add(Map.of("name", "includeFieldNames", "in", "query", "schema", Map.of("type", "string")));
            }
            operation.put("parameters", parameters);
            operation.put("responses", Map.of(
                    "200", Map.of("description", "ok", "content", Map.of("application/json", Map.of("schema", ref("ErrorCode")))),
                    "default", Map.of("description", "error", "content", Map.of("application/json", Map.of("schema", ref("ErrorResponse"))))));
            paths.put("/things" + i, Map.of("get", operation));
        }
        return Map.of("openapi", "3.0.3", "info", Map.of("title", "Pets", "version", "1"),
                "servers", List.of(Map.of("url", "https://api.example.com")),
                "paths", paths, "components", Map.of("schemas", schemas));
    }

    private static Map<String, Object> errors() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            entries.add(Map.of("code", 1000 + i, "name", "E" + i, "category", CATEGORIES.get(i), "httpStatus", 400,
                    "defaultMessage", "failed: " + CATEGORIES.get(i)));
        }
        for (int i = 0; i < ENTRY_NAMES.size(); i++) {
            entries.add(Map.of("code", 2000 + i, "name", ENTRY_NAMES.get(i), "category", "class", "defaultMessage", "x"));
        }
        return Map.of("version", "1.0.0", "description", "errors", "errors", entries);
    }
}
