package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.generator.Customization;
import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.Layout;
import dev.specwright.generator.TestSpecs;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates: the strict check (file, line, variable), the user's folder (overrides, files per spec, API, model and
 * error catalogue, what else it may hold), determinism, and the contract fixture of {@link TemplateContexts#VERSION} 1,
 * which uses every variable of every context and must keep rendering.
 */
class TemplatesTest {

    @TempDir
    Path tmp;

    private static Path fixture() throws URISyntaxException {
        return Path.of(TemplatesTest.class.getResource("/templates/contract-v1").toURI());
    }

    private List<GeneratedFile> platform(Layout layout, Path templates) throws Exception {
        GeneratorOptions options = GeneratorOptions.builder(TestSpecs.platformSpec(), tmp.resolve("out"))
                .errorCatalog(TestSpecs.platformErrors()).layout(layout)
                .customization(Customization.DEFAULT.withTemplateDirectory(templates)).build();
        return new Generator().files(options);
    }

    private static Map<String, String> byPath(List<GeneratedFile> files) {
        return files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
    }

    @Test
    void theContractFixtureRendersOneFilePerSpecApiModelAndCatalogue() throws Exception {
        Map<String, String> files = byPath(platform(Layout.SOURCES, fixture()));
        assertThat(files.get("contract/spec.txt")).startsWith("contextVersion=1 layout=sources title=Integration Platform API")
                .contains("clientClass=PlatformClient basePackage=com.example.platform",
                        "credential tenant basicAuth + tenant + connectionId (username, password, tenant, connectionId)"
                                + " PlatformCredentials.tenant(username, password, tenant, connectionId) [username]",
                        "api ProductsApi 5 first=list", "model Product",
                        "errors true com.example.platform PlatformApiException ErrorCode ErrorCategory",
                        "project com.example.platform:platform-client:1.0.0 Integration Platform API client false");
        assertThat(files.get("contract/ProductsApi.txt")).startsWith("ProductsApi ProductsAsyncApi products ")
                .contains("op get ", "GET /api/products/{sku}", "param sku sku path String true");
        assertThat(files.get("contract/Product.txt")).startsWith("Product Product com.example.platform.model");
        assertThat(files.get("contract/errors.txt")).startsWith("true com.example.platform PlatformApiException")
                .contains("category InvalidData INVALID_DATA InvalidDataException");
        // the README override is a default's: written with layout=project only, and there it replaces the default
        assertThat(files).doesNotContainKeys("README.md", "pom.xml");
        Map<String, String> project = byPath(platform(Layout.PROJECT, fixture()));
        assertThat(project.get("README.md")).isEqualTo("# Integration Platform API (our README, from the contract fixture)\n");
        assertThat(project).containsKeys("pom.xml", "docs/ProductsApi.md", "docs/models/Product.md", "contract/spec.txt");
    }

    @Test
    void theContractFixtureUsesEveryVariableOfEveryContext() throws Exception {
        String all;
        try (Stream<Path> walk = Files.walk(fixture())) {
            all = walk.filter(Files::isRegularFile).map(TemplatesTest::read).collect(Collectors.joining("\n"));
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> context : TemplateContexts.class.getDeclaredClasses()) {
            for (RecordComponent c : context.getRecordComponents()) {
                if (!all.matches("(?s).*\\{\\{[{#^&]?" + c.getName() + "[}.].*")) {
                    missing.add(context.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertThat(missing).as("variables of VERSION %d the fixture does not use", TemplateContexts.VERSION).isEmpty();
    }

    @Test
    void anUnknownVariableNamesTheFileTheLineTheContextAndItsVariables() {
        assertThatThrownBy(() -> TemplateCheck.check("api.mustache", "# APIs\n{{#apis}}\n- {{classNam}}\n{{/apis}}\n",
                TemplateContexts.Spec.class))
                .isInstanceOf(CustomizationException.class)
                .hasMessageStartingWith("api.mustache:3: {{classNam}} is not a variable of Api (its variables: className,"
                        + " asyncClassName, accessor,")
                .hasMessageContaining("; nor of the sections around it (Spec)")
                .hasMessageContaining("did you mean className")
                .extracting(e -> ((CustomizationException) e).option()).isEqualTo("templateDirectory");
        assertThatThrownBy(() -> TemplateCheck.check("p.mustache", "{{project.grupId}}", TemplateContexts.Spec.class))
                .hasMessageStartingWith("p.mustache:1: {{project.grupId}} is not a variable of Project (its variables: groupId,");
        assertThatThrownBy(() -> TemplateCheck.check("s.mustache", "\n\n{{#apis}}x", TemplateContexts.Spec.class))
                .hasMessageContaining("the section {{#apis}} is never closed");
        assertThatThrownBy(() -> TemplateCheck.check("v.mustache", "{{apis}}", TemplateContexts.Spec.class))
                .hasMessage("v.mustache:1: {{apis}} is a list, not a value: use {{#apis}}...{{/apis}} and its variables");
        assertThatThrownBy(() -> TemplateCheck.check("q.mustache", "{{> header}}", TemplateContexts.Spec.class))
                .hasMessageStartingWith("q.mustache:1: {{> header}}: partials, delimiter changes");
        // names from every enclosing section resolve, as Mustache resolves them
        TemplateCheck.check("ok.mustache", "{{#apis}}{{#operations}}{{methodName}} {{className}} {{title}}{{/operations}}{{/apis}}"
                + "{{^models}}none{{/models}}{{#project.hasLicense}}{{project.licenseName}}{{/project.hasLicense}}",
                TemplateContexts.Spec.class);
    }

    @Test
    void aUserTemplateWithAnUnknownVariableFailsTheRunAndNothingIsWritten() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("model"));
        Files.writeString(templates.resolve("model/{{className}}.txt.mustache"), "{{className}}\n\n{{#properties}}{{jsonNam}}{{/properties}}\n");
        Path out = tmp.resolve("out");
        GeneratorOptions options = GeneratorOptions.builder(TestSpecs.platformSpec(), out)
                .customization(Customization.DEFAULT.withTemplateDirectory(templates)).build();
        assertThatThrownBy(() -> new Generator().generate(options))
                .isInstanceOf(CustomizationException.class)
                .hasMessageStartingWith(templates.resolve("model/{{className}}.txt.mustache") + ":3: {{jsonNam}} is not a"
                        + " variable of Property (its variables: jsonName,");
        assertThat(out).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void userTemplatesAddFilesPerApiAndPerModelInEveryLayout() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("api/notes"));
        Files.createDirectories(templates.resolve("model"));
        Files.createDirectories(templates.resolve(".git"));
        Files.writeString(templates.resolve(".git/config"), "skipped");
        Files.writeString(templates.resolve("api/notes/{{accessor}}.md.mustache"), "{{#operations}}{{methodName}} {{/operations}}\n");
        Files.writeString(templates.resolve("model/{{schemaName}}.schema.mustache"), "{{className}}\n");
        Map<String, String> files = byPath(platform(Layout.SOURCES, templates));
        assertThat(files.get("notes/products.md")).isEqualTo("list create get update delete \n");
        assertThat(files.get("Product.schema")).isEqualTo("Product\n");
        assertThat(files.keySet().stream().filter(p -> p.endsWith(".schema")).count()).isEqualTo(countModels());
        assertThat(files).doesNotContainKeys("README.md", "pom.xml", ".git/config");
    }

    private static long countModels() throws Exception {
        return new Generator().model(GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("unused")).build()).models().size();
    }

    @Test
    void whatTheFolderMayHoldIsChecked() throws Exception {
        Map<String, Function<Path, String>> refused = Map.of(
                "README.txt", t -> t.resolve("README.txt") + " is not a template Specwright knows: a template is spec/<file>.mustache (once),"
                        + " api/<file>.mustache (once per API class), model/<file>.mustache (once per model), errors/<file>.mustache"
                        + " (once per error catalogue)",
                "other/x.md.mustache", t -> t.resolve("other/x.md.mustache") + " is not a template Specwright knows",
                "api/same.md.mustache", t -> t.resolve("api/same.md.mustache") + ": renders once per API class, so its file name"
                        + " must hold a variable of Api, e.g. api/{{className}}.md.mustache",
                "spec/src/main/java/X.java.mustache", t -> "the file name it renders, src/main/java/X.java, is in src/main/java",
                "spec/{{titel}}.md.mustache", t -> "(its file name):1: {{titel}} is not a variable of Spec");
        for (Map.Entry<String, Function<Path, String>> e : refused.entrySet()) {
            Path templates = Files.createTempDirectory(tmp, "t");
            Path file = templates.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x\n");
            assertThatThrownBy(() -> platform(Layout.SOURCES, templates)).as(e.getKey())
                    .isInstanceOf(CustomizationException.class).hasMessageContaining(e.getValue().apply(templates));
        }
    }

    @Test
    void twoRunsGiveTheSameFilesByteForByte() throws Exception {
        List<GeneratedFile> first = platform(Layout.PROJECT, fixture());
        List<GeneratedFile> second = platform(Layout.PROJECT, fixture());
        assertThat(second).isEqualTo(first);
        assertThat(first.stream().map(GeneratedFile::path).filter(p -> !p.endsWith(".java")).toList())
                .contains("README.md", "pom.xml", "docs/ProductsApi.md", "docs/models/Product.md", "contract/errors.txt");
    }

    @Test
    void theDefaultProjectFilesCompileAndTheReadmeShowsRealCalls() throws Exception {
        Map<String, String> files = byPath(platform(Layout.PROJECT, null));
        String readme = files.get("README.md");
        assertThat(readme).contains(".environment(Environment.production(\"integration-platform.example\"))",
                ".credentials(PlatformCredentials.tenant(username, password, tenant, connectionId))",
                "client.products().list()", "client.reseller().createTenant(body)", "catch (PlatformApiException e)",
                "| `InvalidData` | `InvalidDataException` |");
        assertThat(files.get("pom.xml")).contains("<artifactId>specwright-runtime</artifactId>",
                "<version>" + TemplateRenderer.TOOLKIT_VERSION + "</version>", "maven-source-plugin", "maven-javadoc-plugin");
        assertThat(files.get("docs/ProductsApi.md")).contains("## get", "client.products().get(sku)");
    }

    @Test
    void theProjectsLicenseIsTheSettingElseTheSpecs() throws Exception {
        GeneratorOptions.Builder petstore = GeneratorOptions.builder(TestSpecs.dir().resolve("features/petstore3.yaml"),
                tmp.resolve("out")).layout(Layout.PROJECT);
        String derived = byPath(new Generator().files(petstore.build())).get("pom.xml");
        assertThat(derived).contains("<name>Apache 2.0</name>", "<url>http://www.apache.org/licenses/LICENSE-2.0.html</url>")
                .doesNotContain("<scm>");
        Customization.ProjectInfo set = new Customization.ProjectInfo(java.util.Optional.of("com.acme"),
                java.util.Optional.of("pets"), java.util.Optional.of("3.0.0"), java.util.Optional.of("MIT & more"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of("scm:git:https://x/y.git"),
                java.util.Optional.empty());
        String pom = byPath(new Generator().files(petstore.customization(Customization.DEFAULT.withProject(set)).build()))
                .get("pom.xml");
        assertThat(pom).contains("<groupId>com.acme</groupId>", "<artifactId>pets</artifactId>", "<version>3.0.0</version>",
                "<name>MIT &amp; more</name>", "<connection>scm:git:https://x/y.git</connection>")
                .doesNotContain("LICENSE-2.0", "<url></url>", "<developerConnection>");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
