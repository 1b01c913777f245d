package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injection of issue 9: spec and {@code errors.json} text that, if it became code, would run a static block when the
 * user's build loads the class. Every place such text reaches — info, schema, property, parameter, enum value, summary,
 * tag, server, error message and category — carries a variant of the payload; the client must compile with
 * -Xlint:all -Werror, initialise without running any of it, and show the text in its Javadoc.
 */
class SpecTextInjectionTest {

    private static final String FLAG = "specwright.pwned";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void clearFlag() {
        System.clearProperty(FLAG);
    }

    /** Code that, if it ever runs, leaves a trace. */
    private static String run(String id) {
        return "static { System.setProperty(\"" + FLAG + "\", \"" + id + "\"); }";
    }

    /** The payload and its variants: every way to spell a comment end or a quote through unicode escapes. */
    static final List<String> PAYLOADS = List.of(
            "\\\\u002a/ " + run("two-backslashes") + " /*",
            "\\u002a/ " + run("u002a") + " /*",
            "\\uuu002A/ " + run("uuu002A") + " /*",
            "*\\u002f " + run("u002f") + " /*",
            "\\u002a\\u002f " + run("both-escaped") + " /*",
            "*/ " + run("plain") + " /*",
            "\\\\\\u002a/ " + run("three-backslashes") + " /*",
            "*\r\n/ " + run("crlf") + " /*",
            "\u202e*/ " + run("bidi") + " /* \u2066",
            "@deprecated {@link Runtime#exec} <script>x</script> &amp; \u0000\u0007\u007f\u0085 \ud800 tail *",
            "\\u0022); " + run("quote-escape") + " //",
            "\"); " + run("quote") + " //");

    @Test
    void hostileTextEverywhereCompilesRunsNothingAndIsShown() throws Exception {
        Path spec = tmp.resolve("openapi.json");
        Path errors = tmp.resolve("errors.json");
        // \\uXXXX in the JSON: the lone surrogate reaches the parser, which a raw UTF-8 file could not carry
        Files.write(spec, JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(spec()));
        Files.write(errors, JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(errors()));

        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out"))
                .errorCatalog(errors).basePackage("hostile").build());
        JavacReading.Result compiled = JavacReading.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        for (GeneratedFile file : files) {
            if (file.path().endsWith(".java")) {
                // bidi and other invisible controls would make the source read differently from how javac reads it
                assertThat(file.content().chars().filter(c -> c != '\n' && (Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.CONTROL || Character.isSurrogate((char) c))))
                        .as("raw control or format characters in %s", file.path()).isEmpty();
            }
        }

        ClassLoader loader = compiled.freshLoader();
        List<String> initialised = new ArrayList<>();
        for (String name : classNames(compiled.classes())) {
            Class.forName(name, true, loader);
            initialised.add(name);
        }
        assertThat(initialised).contains("hostile.PetsClient", "hostile.model.Pet", "hostile.model.Kind", "hostile.api.PetsApi",
                "hostile.ErrorCode", "hostile.ErrorCategory");
        assertThat(System.getProperty(FLAG)).as("a static block from the spec ran").isNull();

        String shown = String.join("\n", compiled.docs().values());
        for (String payload : PAYLOADS) {
            String visible = payload.replace("\r\n", "\n").replace('\u0085', '\n').replace('\ud800', JavaText.REPLACEMENT).strip();
            for (String line : visible.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                assertThat(shown).as("the Javadoc shows %s", payload).contains(line);
            }
        }
        Class<?> kind = Class.forName("hostile.model.Kind", true, loader);
        @SuppressWarnings("unchecked")
        List<Object> known = (List<Object>) kind.getMethod("values").invoke(null);
        List<Object> wire = new ArrayList<>();
        for (Object k : known) {
            wire.add(kind.getMethod("value").invoke(k));
        }
        assertThat(wire).as("enum values on the wire, exactly as the spec wrote them").containsExactlyElementsOf(enumValues());
    }

    @Test
    void theProjectLayoutsPomAndReadmeHoldTheTitleAsText() throws Exception {
        ObjectNode spec = spec();
        ((ObjectNode) spec.get("info")).put("title", "Pets \u001b[2J</name><evil>x</evil> -- " + p(9) + "\r\n" + p(0));
        Path specFile = tmp.resolve("project.json");
        Files.write(specFile, JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(spec));
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(specFile, tmp.resolve("out"))
                .basePackage("hostile").layout(dev.specwright.generator.Layout.PROJECT).build());
        String pom = files.stream().filter(f -> f.path().equals("pom.xml")).findFirst().orElseThrow().content();
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(pom.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("evil").getLength()).as("no element from the title").isZero();
        assertThat(xml.getElementsByTagName("name").item(0).getTextContent()).startsWith("Pets \ufffd[2J</name><evil>x</evil> -- @deprecated");
        String readme = files.stream().filter(f -> f.path().equals("README.md")).findFirst().orElseThrow().content();
        assertThat(readme.lines().findFirst().orElseThrow()).startsWith("# Pets \ufffd[2J").doesNotContain("\u001b", "\r");
        assertThat(JavacReading.compile(files, tmp.resolve("project-classes")).diagnostics()).isEmpty();
    }

    @Test
    void theDetectorSeesAStaticBlockThatDoesRun() throws Exception {
        // the exploit as it worked before: a Javadoc whose text javac reads as a comment end followed by code
        String source = "package probe;\npublic class Probe {\n    /** \\u002a/ " + run("probe") + " /* */\n    public int x;\n}\n";
        JavacReading.Result compiled = JavacReading.compile(List.of(new GeneratedFile("probe/Probe.java", source)), tmp.resolve("probe"));
        assertThat(compiled.diagnostics()).isEmpty();
        Class.forName("probe.Probe", true, compiled.freshLoader());
        assertThat(System.getProperty(FLAG)).isEqualTo("probe");
    }

    private static List<String> enumValues() {
        List<String> values = new ArrayList<>(List.of("cat"));
        values.addAll(PAYLOADS);
        return values;
    }

    private static String p(int i) {
        return PAYLOADS.get(i % PAYLOADS.size());
    }

    private static ObjectNode spec() {
        ObjectNode root = JSON.createObjectNode().put("openapi", "3.0.3");
        root.putObject("info").put("title", "Pets " + p(0)).put("version", "1.0 " + p(1)).put("description", p(2) + "\n" + p(9))
                .put("x-client-name", "Pets");
        // the rate-limit scope names the apiKey scheme, whose hostile header name reaches the client's builder
        ObjectNode rateLimit = root.putObject("x-rate-limit").put("requestsPerSecond", 5).put("burst", 5).put("scope", p(7));
        rateLimit.putArray("scopeBy").add("tenant").add("apiKey");
        ArrayNode servers = root.putArray("servers");
        servers.addObject().put("url", "https://api.example.com/v1").put("description", p(3));
        ObjectNode regional = servers.addObject().put("url", "https://{region}.example.com/{v" + p(5) + "}").put("description", p(4));
        regional.putObject("variables").putObject("region").put("default", "eu" + p(11)).put("description", p(6));
        ((ObjectNode) regional.get("variables")).putObject("v" + p(5)).put("default", "v1");
        ObjectNode securitySchemes = JSON.createObjectNode();
        securitySchemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-Key" + p(11))
                .put("description", p(2));
        securitySchemes.putObject("tenant").put("type", "apiKey").put("in", "header").put("name", "X-Tenant" + p(8));
        ObjectNode flows = securitySchemes.putObject("oauth").put("type", "oauth2").put("description", p(3)).putObject("flows");
        flows.putObject("clientCredentials").put("tokenUrl", "https://auth.example.com/token").putObject("scopes")
                .put("read" + p(10), p(4));
        root.putArray("security").addObject().putArray("apiKey");
        ((ArrayNode) root.get("security")).addObject().putArray("oauth").add("read" + p(10));
        root.putArray("tags").addObject().put("name", "pets").put("description", p(4));
        ObjectNode get = root.putObject("paths").putObject("/pets/{petId}").putObject("get")
                .put("operationId", "getPet").put("summary", p(5)).put("description", p(6));
        get.putArray("tags").add("pets");
        ArrayNode params = get.putArray("parameters");
        params.addObject().put("name", "petId").put("in", "path").put("required", true).put("description", p(7))
                .putObject("schema").put("type", "string");
        params.addObject().put("name", "q" + p(11)).put("in", "query").put("description", p(8))
                .putObject("schema").put("type", "string");
        params.addObject().put("name", "X-Trace" + p(10)).put("in", "header").put("description", p(9))
                .putObject("schema").put("type", "string");
        // a field filter without a description: its name from the spec is what the overloads' Javadoc shows
        params.addObject().put("name", "fields" + p(2)).put("in", "query").put("x-field-filter", "include")
                .putObject("schema").put("type", "array").putObject("items").put("type", "string");
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", p(10)).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Pet");
        responses.putObject("400").put("description", p(11)).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Error");

        ObjectNode components = root.putObject("components");
        components.set("securitySchemes", securitySchemes);
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode pet = schemas.putObject("Pet").put("type", "object").put("description", p(0));
        ObjectNode props = pet.putObject("properties");
        props.putObject("name").put("type", "string").put("description", p(1));
        props.putObject("kind").put("$ref", "#/components/schemas/Kind");
        props.putObject("we\"ird\\u0022" + p(2)).put("type", "string").put("description", p(3));
        ObjectNode kind = schemas.putObject("Kind").put("type", "string").put("description", p(4));
        ArrayNode values = kind.putArray("enum");
        enumValues().forEach(values::add);
        ObjectNode error = schemas.putObject("Error").put("type", "object").put("description", p(5));
        ObjectNode errorProps = error.putObject("properties");
        errorProps.putObject("code").put("type", "integer").put("format", "int64");
        errorProps.putObject("subCode").put("type", "integer").put("format", "int64");
        errorProps.putObject("errorCategory").put("type", "string").put("description", p(6));
        errorProps.putObject("message").put("type", "string").put("description", p(7));
        return root;
    }

    private static Map<String, Object> errors() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            entries.add(Map.of("code", 1000 + i, "name", "HOSTILE_" + i, "category", "Bad " + p(i),
                    "httpStatus", 400, "class", "x.Y$" + p(i + 1), "defaultMessage", p(i + 2), "description", p(i + 3)));
        }
        return Map.of("version", "1.0.0", "description", p(8), "errors", entries);
    }

    private static List<String> classNames(Path classes) throws Exception {
        try (var walk = Files.walk(classes)) {
            return walk.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
    }
}
