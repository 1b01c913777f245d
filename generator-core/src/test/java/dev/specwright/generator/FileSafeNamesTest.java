package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs whose names would make files unusable somewhere: Windows device names, names far past a file system's limit,
 * names that differ only by case. The output must compile, write, and hold only names usable on Linux, macOS and
 * Windows — checked here by rules of the test's own, not by the generator's.
 */
class FileSafeNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Windows' device names, with or without an extension, any case (Microsoft: "Naming Files, Paths, and Namespaces"). */
    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
    private static final String LONG = "Very" + "Long".repeat(75); // 304 characters

    @TempDir
    Path tmp;

    @Test
    void windowsDeviceNamesGetAnUnderscore() throws Exception {
        ObjectNode spec = spec("Con");
        ObjectNode schemas = (ObjectNode) spec.get("components").get("schemas");
        for (String name : List.of("Con", "nul", "AUX", "Prn", "com1", "LPT9", "Com0")) {
            schemas.putObject(name).put("type", "object").putObject("properties").putObject("id").put("type", "string");
        }
        operation(spec, "/things", "aux", "nul", true);
        List<GeneratedFile> files = generateAndCompile(spec, null);

        assertThat(javaNames(files)).contains("Con_", "Nul_", "AUX_", "Prn_", "Com1_", "LPT9_", "Com0_", "NulApi", "AuxParams",
                "ConClient");
        assertThat(files).extracting(GeneratedFile::path).anyMatch(p -> p.contains("/com/example/con_/"));
        assertUsableEverywhere(files);
    }

    @Test
    void namesPastTheFileSystemLimitAreShortenedWithAStableHash() throws Exception {
        ObjectNode spec = spec(null);
        ((ObjectNode) spec.get("info")).put("title", LONG + " API");
        ObjectNode schemas = (ObjectNode) spec.get("components").get("schemas");
        ObjectNode model = schemas.putObject(LONG + "Model").put("type", "object");
        ObjectNode props = model.putObject("properties");
        props.putObject(LONG + "Inline").put("type", "object").putObject("properties").putObject("x").put("type", "string");
        props.putObject("either").putArray("oneOf").addObject().put("type", "array").putObject("items")
                .put("$ref", "#/components/schemas/" + LONG + "Model");
        ((com.fasterxml.jackson.databind.node.ArrayNode) props.get("either").get("oneOf")).addObject().put("type", "string");
        operation(spec, "/long", LONG + "Operation", LONG + "Tag", true);
        ((ObjectNode) spec.get("paths").get("/long").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema")).put("$ref", "#/components/schemas/" + LONG + "Model");
        Map<String, Object> errors = Map.of("errors", List.of(Map.of("code", 1, "name", "LONG_ONE", "category", LONG + "Category",
                "defaultMessage", "m")));

        List<GeneratedFile> files = generateAndCompile(spec, errors);
        assertUsableEverywhere(files);
        assertThat(javaNames(files)).allMatch(n -> n.length() <= 96, "at most 96 characters")
                .anyMatch(n -> n.matches("VeryLong[A-Za-z]*_[0-9a-f]{8}"));

        // written for real: the run that failed with "File name too long" and left 9 files
        GenerationReport report = new Generator().generate(options(tmp.resolve("out"), tmp.resolve("spec.json"), errors));
        assertThat(report.written()).hasSize(files.size());
        assertThat(new Generator().files(options(tmp.resolve("out"), tmp.resolve("spec.json"), errors)))
                .as("the same names on every run").isEqualTo(files);
    }

    @Test
    void namesDifferingOnlyByCaseGetDistinctFiles() throws Exception {
        ObjectNode spec = spec("Pets");
        ObjectNode schemas = (ObjectNode) spec.get("components").get("schemas");
        for (String name : List.of("Pet", "PET", "pet", "PetField", "PETFIELD")) {
            schemas.putObject(name).put("type", "object").putObject("properties").putObject("id").put("type", "string");
        }
        operation(spec, "/a", "listPets", "pets", true);
        operation(spec, "/b", "ListPets", "Pets", true);
        operation(spec, "/c", "LISTPETS", "PETS", true);
        Map<String, Object> errors = Map.of("errors", List.of(
                Map.of("code", 1, "name", "A", "category", "Auth", "defaultMessage", "m"),
                Map.of("code", 2, "name", "B", "category", "AUTH", "defaultMessage", "m"),
                Map.of("code", 3, "name", "C", "category", "auth", "defaultMessage", "m"),
                Map.of("code", 4, "name", "D", "category", "PetsApi", "defaultMessage", "m"),
                Map.of("code", 5, "name", "E", "category", "Unknown", "defaultMessage", "m")));

        List<GeneratedFile> files = generateAndCompile(spec, errors);
        assertUsableEverywhere(files);
        assertThat(javaNames(files)).contains("Pet", "PET2", "Pet3", "PetField", "PETFIELD2", "PetsApi", "PetsApi2", "PETSApi3",
                "AuthException", "Auth2Exception", "Auth3Exception", "PetsApiException", "PetsApi2Exception", "Unknown2Exception");
    }

    // --- helpers ---

    private List<GeneratedFile> generateAndCompile(ObjectNode spec, Map<String, Object> errors) throws Exception {
        Path specFile = tmp.resolve("spec.json");
        Files.write(specFile, JSON.writeValueAsBytes(spec));
        List<GeneratedFile> files = new Generator().files(options(tmp.resolve("unused"), specFile, errors));
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        try (Stream<Path> classes = Files.walk(compiled.classes())) {
            assertThat(classes.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("class files, nested ones included").isNotEmpty()
                    .allMatch(n -> n.getBytes(StandardCharsets.UTF_8).length <= 200, "at most 200 bytes");
        }
        return files;
    }

    private GeneratorOptions options(Path out, Path specFile, Map<String, Object> errors) throws Exception {
        GeneratorOptions.Builder options = GeneratorOptions.builder(specFile, out);
        if (errors != null) {
            Path errorsFile = tmp.resolve("errors.json");
            Files.write(errorsFile, JSON.writeValueAsBytes(errors));
            options.errorCatalog(errorsFile);
        }
        return options.build();
    }

    /** Every file and folder name usable on Windows, at most 200 bytes, unique ignoring case within its folder. */
    private static void assertUsableEverywhere(List<GeneratedFile> files) {
        Map<String, String> folded = new HashMap<>();
        for (GeneratedFile f : files) {
            for (String part : f.path().split("/")) {
                assertThat(DEVICE.matcher(part).matches()).as("%s: %s is a Windows device name", f.path(), part).isFalse();
                assertThat(part.getBytes(StandardCharsets.UTF_8).length).as("%s: %s", f.path(), part).isLessThanOrEqualTo(200);
            }
            String earlier = folded.putIfAbsent(f.path().toLowerCase(Locale.ROOT), f.path());
            assertThat(earlier).as("%s differs from another file only by case", f.path()).isNull();
        }
    }

    private static List<String> javaNames(List<GeneratedFile> files) {
        return files.stream().map(GeneratedFile::path).filter(p -> p.endsWith(".java"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1, p.length() - ".java".length())).toList();
    }

    private static ObjectNode spec(String clientName) {
        ObjectNode root = JSON.createObjectNode().put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info").put("title", "Names").put("version", "1");
        if (clientName != null) {
            info.put("x-client-name", clientName);
        }
        root.putObject("paths");
        root.putObject("components").putObject("schemas");
        return root;
    }

    /** A GET with an optional query parameter (so it gets a {@code <Op>Params} class) answering a string. */
    private static void operation(ObjectNode spec, String path, String operationId, String tag, boolean optional) {
        ObjectNode get = ((ObjectNode) spec.get("paths")).putObject(path).putObject("get").put("operationId", operationId);
        get.putArray("tags").add(tag);
        if (optional) {
            get.putArray("parameters").addObject().put("name", "filter").put("in", "query").putObject("schema").put("type", "string");
        }
        get.putObject("responses").putObject("200").put("description", "ok").putObject("content").putObject("application/json")
                .putObject("schema").put("type", "string");
    }
}
