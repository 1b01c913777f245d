package dev.specwright.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review finding 12: a name from the spec or errors.json that is also a class generated code uses by its simple name —
 * a {@code java.lang} type (never imported), a library or runtime type (imported), a nested or inherited member type.
 * Schemas, tags, operations, parameters and error categories are all named so; the client must compile with
 * -Xlint:all -Werror, and no generated type may take a {@code java.lang} name (a user's {@code import pkg.*} would make
 * every use of it ambiguous).
 */
class ShadowingNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** java.lang types the generated code uses or a user's code is sure to. */
    static final List<String> JAVA_LANG = List.of("String", "Object", "Override", "Integer", "Long", "Boolean", "Double",
            "Deprecated", "SuppressWarnings", "Math", "System", "Record", "Enum", "Void", "Iterable", "Character", "Number",
            "Class", "Exception", "RuntimeException", "FunctionalInterface", "SafeVarargs", "IllegalArgumentException",
            "IllegalStateException", "NullPointerException", "UnsupportedOperationException", "CharSequence", "Throwable",
            "StringBuilder", "AutoCloseable", "Error", "InterruptedException", "IndexOutOfBoundsException");

    /** Types generated code imports, and names it declares inside its own types (Builder, Known) or inherits (EnumDesc). */
    static final List<String> IMPORTED = List.of("List", "Map", "Optional", "Objects", "URI", "Duration", "LocalDate",
            "OffsetDateTime", "UUID", "BigDecimal", "Set", "Function", "JsonProperty", "JsonCreator", "JsonValue",
            "JsonNode", "JsonInclude", "ObjectMapper", "TypeReference", "JsonDeserialize", "JsonPOJOBuilder", "Generated",
            "ApiClient", "ApiRequest", "ApiException", "OpenEnum", "OpenEnumValues", "ClientOptions", "Credentials",
            "RequestOptions", "ErrorDecoder", "FieldSelector", "Binary", "Download", "HttpFailure", "RetryPolicy",
            "RateLimit", "UserAgent", "Builder", "Known", "EnumDesc", "Environment", "ErrorCode", "ErrorCategory");

    @TempDir
    Path tmp;

    @Test
    void namesOfClassesTheGeneratedCodeUsesCompile() throws Exception {
        List<GeneratedFile> files = generate("shadow");

        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        assertThat(compiled.success()).isTrue();
        assertThat(files).as("generating twice gives the same files").isEqualTo(generate("shadow"));
    }

    @Test
    void noGeneratedTypeTakesAJavaLangName() throws Exception {
        List<GeneratedFile> files = generate("shadow");
        for (GeneratedFile f : files) {
            if (f.path().endsWith(".java")) {
                String simple = f.path().substring(f.path().lastIndexOf('/') + 1, f.path().length() - ".java".length());
                assertThat(JavaNames.shadowsJavaLang(simple)).as(f.path()).isFalse();
            }
        }
        List<String> paths = files.stream().map(GeneratedFile::path).toList();
        assertThat(paths).as("readable, deterministic replacements").contains(
                "src/main/java/shadow/model/StringModel.java",
                "src/main/java/shadow/model/IllegalArgumentExceptionModel.java",
                "src/main/java/shadow/PetsIllegalArgumentException.java",
                "src/main/java/shadow/PetsIllegalStateException.java",
                // no java.lang name, nothing to change: an import or JavaPoet's qualification tells them apart
                "src/main/java/shadow/model/List.java",
                "src/main/java/shadow/model/ApiClient.java",
                "src/main/java/shadow/model/JsonProperty.java");
    }

    @Test
    void theJavaLangNamesAreThoseOfTheJdk() throws Exception {
        for (String name : JAVA_LANG) {
            assertThat(JavaNames.shadowsJavaLang(name)).as(name).isTrue();
        }
        // every public java.lang type of the JDK running the test is in the list (which stays fixed, for determinism)
        for (String name : javaLangTypesOfThisJdk()) {
            assertThat(JavaNames.shadowsJavaLang(name)).as("java.lang." + name).isTrue();
        }
        assertThat(JavaNames.shadowsJavaLang("STRING")).as("Java is case-sensitive").isFalse();
        assertThat(JavaNames.shadowsJavaLang("Pet")).isFalse();
    }

    private static List<String> javaLangTypesOfThisJdk() throws Exception {
        var fs = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
        List<String> names = new ArrayList<>();
        try (var s = Files.list(fs.getPath("/modules/java.base/java/lang"))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".class") && !n.contains("$")) {
                    Class<?> c = Class.forName("java.lang." + n.substring(0, n.length() - 6), false, null);
                    if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                        names.add(c.getSimpleName());
                    }
                }
            }
        }
        assertThat(names).contains("String", "Object");
        return names;
    }

    private List<GeneratedFile> generate(String basePackage) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("spec-" + System.nanoTime()));
        Path spec = dir.resolve("openapi.json");
        Path errors = dir.resolve("errors.json");
        Files.write(spec, JSON.writeValueAsBytes(spec()));
        Files.write(errors, JSON.writeValueAsBytes(errors()));
        return new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out"))
                .errorCatalog(errors).basePackage(basePackage).build());
    }

    private static List<String> names() {
        List<String> all = new ArrayList<>(JAVA_LANG);
        all.addAll(IMPORTED);
        return all;
    }

    private static List<String> categories() {
        return List.of("illegal_argument", "illegal_state", "null_pointer", "unsupported_operation", "runtime", "api",
                "string", "object", "error", "interrupted");
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> spec() {
        List<String> names = names();
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", Map.of("type", "string"));
            properties.put("count", Map.of("type", "integer", "format", "int64"));
            properties.put("flags", Map.of("type", "array", "items", Map.of("type", "string")));
            properties.put("attributes", Map.of("type", "object", "additionalProperties", Map.of("type", "integer")));
            properties.put("when", Map.of("type", "string", "format", "date-time"));
            properties.put("link", Map.of("type", "string", "format", "uri"));
            properties.put("kind", Map.of("type", "string", "enum", List.of("a", "b")));
            properties.put("next", ref(names.get((i + 1) % names.size())));
            properties.put("many", Map.of("type", "array", "items", ref(names.get((i + 2) % names.size()))));
            properties.put("byName", Map.of("type", "object", "additionalProperties", ref(names.get((i + 3) % names.size()))));
            properties.put(name, Map.of("type", "string"));
            schemas.put(name, Map.of("type", "object", "required", List.of("name"), "properties", properties,
                    "description", "A type named " + name));
        }
        // enums, and a union, named after them too
        schemas.put("Enum", Map.of("type", "string", "enum", List.of("String", "Object", "Known", "UNKNOWN")));
        schemas.put("Optional", Map.of("type", "string", "enum", List.of("x", "y")));
        schemas.put("Objects", Map.of("oneOf", List.of(ref("String"), ref("List")),
                "discriminator", Map.of("propertyName", "name", "mapping",
                        Map.of("string", "#/components/schemas/String", "list", "#/components/schemas/List"))));
        schemas.put("ErrorResponse", Map.of("type", "object", "properties", Map.of(
                "errorCode", Map.of("type", "integer", "format", "int64"),
                "errorCategory", Map.of("type", "string", "enum", categories()),
                "message", Map.of("type", "string"))));

        Map<String, Object> paths = new LinkedHashMap<>();
        List<String> tags = List.of("String", "Object", "List", "ApiClient", "ApiRequest", "Exception", "Override", "Map");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("operationId", name);
            operation.put("tags", List.of(tags.get(i % tags.size())));
            operation.put("summary", "Operation " + name);
            operation.put("parameters", List.of(
                    Map.of("name", name, "in", "query", "schema", Map.of("type", "string")),
                    Map.of("name", "id", "in", "path", "required", true, "schema", Map.of("type", "string"))));
            operation.put("requestBody", Map.of("content", Map.of("application/json", Map.of("schema", ref(name)))));
            operation.put("responses", Map.of(
                    "200", Map.of("description", "ok", "content", Map.of("application/json", Map.of("schema", ref(name)))),
                    "400", Map.of("description", "bad", "content", Map.of("application/json", Map.of("schema", ref("ErrorResponse")))),
                    "default", Map.of("description", "error", "content", Map.of("application/json", Map.of("schema", ref("ErrorResponse"))))));
            paths.put("/" + name.toLowerCase(java.util.Locale.ROOT) + "/{id}", Map.of("post", operation));
        }
        return Map.of("openapi", "3.0.3",
                "info", Map.of("title", "Pets", "version", "1"),
                "servers", List.of(Map.of("url", "https://api.example.com/{String}", "description", "String",
                        "variables", Map.of("String", Map.of("default", "v1")))),
                "paths", paths,
                "components", Map.of("schemas", schemas, "securitySchemes", Map.of("String", Map.of("type", "apiKey", "in", "header", "name", "X-String"))),
                "security", List.of(Map.of("String", List.of())));
    }

    private static Map<String, Object> errors() {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> categories = categories();
        for (int i = 0; i < categories.size(); i++) {
            entries.add(Map.of("code", 1000 + i, "name", "E_" + categories.get(i).toUpperCase(java.util.Locale.ROOT),
                    "category", categories.get(i), "httpStatus", 400, "defaultMessage", "failed: " + categories.get(i)));
        }
        return Map.of("version", "1.0.0", "description", "errors", "errors", entries);
    }
}
