package dev.specwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.generator.Customization;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.Layout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every option of {@code generate} that shapes the client reaches {@link GeneratorOptions} and its {@link Customization}
 * (read through {@link GenerateCommand#options()}), openapi-generator's spellings mean the same, and a bad map item,
 * a missing template folder or extension jar is exit 2 naming the option.
 */
class CustomizationOptionsCliTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Widget API
              version: 1.0.0
            servers:
              - url: https://api.example.com/v1
            paths:
              /widgets/{id}:
                get:
                  operationId: getWidget
                  tags: [widgets]
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema: {type: string}
                  responses:
                    '200':
                      description: the widget
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Widget'}
            components:
              schemas:
                Widget:
                  type: object
                  properties:
                    id: {type: string}
                    created: {type: string, format: date-time}
            """;

    /** How the generator's stage lines give a time. */
    private static final String TIME = "(\\d+ ms|\\d+\\.\\d s)";

    @TempDir
    Path dir;

    private Path spec;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeSpec() throws IOException {
        spec = Files.writeString(dir.resolve("widgets.yaml"), SPEC);
    }

    /** The options the arguments after {@code -i SPEC -o DIR} give, without generating. */
    private GeneratorOptions options(String... args) {
        List<String> all = new ArrayList<>(List.of("-i", spec.toString(), "-o", dir.resolve("sdk").toString()));
        all.addAll(Arrays.asList(args));
        return parsed(all.toArray(String[]::new)).options();
    }

    /** The command with {@code args} parsed as {@link SpecwrightCli#commandLine()} parses them, not run. */
    private static GenerateCommand parsed(String... args) {
        GenerateCommand command = new GenerateCommand();
        CommandLine cli = new CommandLine(command);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.parseArgs(args);
        return command;
    }

    private Customization customization(String... args) {
        return options(args).customization();
    }

    private int run(String... args) {
        CommandLine cli = SpecwrightCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int generate(String... args) {
        List<String> all = new ArrayList<>(List.of("generate", "-i", spec.toString(), "-o", dir.resolve("sdk").toString()));
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void withoutOptionsNothingIsCustomized() {
        GeneratorOptions options = options();
        assertThat(options.customization()).isEqualTo(Customization.DEFAULT);
        assertThat(options.basePackage()).isEmpty();
        assertThat(options.layout()).isEqualTo(Layout.SOURCES);
    }

    @Test
    void theSpecAndOutputTakeEverySpelling() {
        Path out = dir.resolve("sdk");
        for (List<String> args : List.of(List.of("-i", spec.toString(), "-o", out.toString()),
                List.of("--input-spec", spec.toString(), "--output", out.toString()),
                List.of("--spec", spec.toString(), "--out", out.toString()))) {
            GeneratorOptions options = parsed(args.toArray(String[]::new)).options();
            assertThat(options.spec()).as("%s", args).isEqualTo(spec);
            assertThat(options.outputDir()).as("%s", args).isEqualTo(out);
        }
    }

    @Test
    void thePackagesReachTheOptions() {
        GeneratorOptions options = options("--invoker-package", "com.acme.widgets", "--api-package", "com.acme.widgets.calls",
                "--model-package", "com.acme.widgets.data");
        assertThat(options.basePackage()).contains("com.acme.widgets");
        assertThat(options.apiPackage()).contains("com.acme.widgets.calls");
        assertThat(options.modelPackage()).contains("com.acme.widgets.data");
        assertThat(options("--package", "com.acme.w").basePackage()).as("--package is --invoker-package").contains("com.acme.w");
    }

    @Test
    void eachMapOptionReachesItsMapInOrderAndRepeatedOrCommaSeparated() {
        Customization c = customization(
                "--type-mappings", "date-time=java.time.Instant, string+uuid=java.util.UUID",
                "--type-mappings", "DateTime=java.time.Instant",
                "--schema-mappings", "Money=com.acme.Money",
                "--import-mappings", "Currency=com.acme.Currency",
                "--name-mappings", "_type=typeName",
                "--model-name-mappings", "Widget=Gadget",
                "--operation-id-name-mappings", "getWidget=fetch",
                "--enum-name-mappings", "in-progress=IN_PROGRESS");
        assertThat(c.typeMappings()).containsExactlyInAnyOrderEntriesOf(Map.of("date-time", "java.time.Instant",
                "string+uuid", "java.util.UUID", "DateTime", "java.time.Instant"));
        assertThat(c.schemaMappings()).as("importMappings land in schemaMappings")
                .containsExactlyInAnyOrderEntriesOf(Map.of("Money", "com.acme.Money", "Currency", "com.acme.Currency"));
        assertThat(c.nameMappings()).isEqualTo(new Customization.NameMappings(Map.of("_type", "typeName"),
                Map.of("Widget", "Gadget"), Map.of("getWidget", "fetch"), Map.of("in-progress", "IN_PROGRESS")));
    }

    @Test
    void theSamePairTwiceIsHarmless() {
        assertThat(customization("--type-mappings", "date-time=java.time.Instant",
                "--type-mappings", "date-time=java.time.Instant").typeMappings())
                .containsExactlyEntriesOf(Map.of("date-time", "java.time.Instant"));
        assertThat(customization("--schema-mappings", "Money=com.acme.Money", "--import-mappings", "Money=com.acme.Money")
                .schemaMappings()).containsExactlyEntriesOf(Map.of("Money", "com.acme.Money"));
    }

    @Test
    void aBadMapItemIsExitTwoNamingTheOptionAndTheItemAndNothingIsWritten() {
        record Case(String option, String value, String says) {}
        for (Case c : List.of(
                new Case("--type-mappings", "date-time", "--type-mappings: \"date-time\" has no '='"),
                new Case("--import-mappings", "=com.acme.Money", "--import-mappings: \"=com.acme.Money\" has an empty key"),
                new Case("--schema-mappings", "Money=", "--schema-mappings: \"Money=\" has an empty value"),
                new Case("--name-mappings", "a=b,,c=d", "--name-mappings: \"a=b,,c=d\" has an empty item"),
                new Case("--model-name-mappings", "Widget=A,Widget=B",
                        "--model-name-mappings: \"Widget\" is given twice, as \"A\" and as \"B\": keep one"),
                new Case("--operation-id-name-mappings", "getWidget", "--operation-id-name-mappings: \"getWidget\" has no '='"),
                new Case("--enum-name-mappings", "x=", "--enum-name-mappings: \"x=\" has an empty value"))) {
            err.getBuffer().setLength(0);
            int exit = generate(c.option(), c.value());
            assertThat(exit).as(c.option()).isEqualTo(2);
            assertThat(err.toString()).as(c.option()).contains(c.says());
            assertThat(dir.resolve("sdk")).as(c.option()).doesNotExist();
        }
    }

    @Test
    void oneKeyGivenTwoClassesAcrossImportAndSchemaMappingsIsExitTwo() {
        int exit = generate("--schema-mappings", "Money=com.acme.Money", "--import-mappings", "Money=com.other.Money");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--import-mappings/--schema-mappings: \"Money\" is given twice, as"
                + " \"com.acme.Money\" and as \"com.other.Money\"");
    }

    @Test
    void whatIsGeneratedFollowsTheNegatableSwitchesAndThePeersGlobalProperty() {
        assertThat(customization("--no-generate-apis").generateApis()).isFalse();
        assertThat(customization("--no-generate-apis").generateModels()).isTrue();
        assertThat(customization("--no-generate-models").generateModels()).isFalse();
        assertThat(customization("--generate-apis").generateApis()).isTrue();
        Customization modelsOnly = customization("--global-property", "models");
        assertThat(modelsOnly.generateApis()).isFalse();
        assertThat(modelsOnly.generateModels()).isTrue();
        Customization apisOnly = customization("--global-property", "apis,modelTests=false,apiTests=false");
        assertThat(apisOnly.generateApis()).isTrue();
        assertThat(apisOnly.generateModels()).isFalse();
        Customization both = customization("--global-property", "apis", "--global-property", "models");
        assertThat(both.generateApis()).isTrue();
        assertThat(both.generateModels()).isTrue();
        assertThat(customization("--global-property", "models", "--no-generate-apis").generateApis()).isFalse();
    }

    @Test
    void aGlobalPropertySpecwrightCannotHonourIsExitTwoNamingIt() {
        record Case(String value, String says) {}
        for (Case c : List.of(new Case("models=Pet:User", "generating some models by name is not supported"),
                new Case("supportingFiles", "\"supportingFiles\" is not supported"),
                new Case("apiDocs=false", "\"apiDocs=false\" is not supported"),
                new Case("modelTests=true", "Specwright generates no tests"),
                new Case("debugModels", "\"debugModels\" is not supported"))) {
            err.getBuffer().setLength(0);
            assertThat(generate("--global-property", c.value())).as(c.value()).isEqualTo(2);
            assertThat(err.toString()).as(c.value()).contains("--global-property: ").contains(c.says());
        }
        err.getBuffer().setLength(0);
        assertThat(generate("--global-property", "models", "--generate-apis")).isEqualTo(2);
        assertThat(err.toString()).contains("--generate-apis contradicts --global-property");
    }

    @Test
    void theSwitchesAndNamesReachTheCustomization() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Customization c = customization("--bean-validation", "-t", templates.toString(), "--client-name", "Gizmo",
                "--extensions", "com.acme.One,com.acme.Two", "--extensions", "com.acme.Three");
        assertThat(c.beanValidation()).isTrue();
        assertThat(c.templateDirectory()).contains(templates);
        assertThat(c.clientName()).contains("Gizmo");
        assertThat(c.extensions()).containsExactly("com.acme.One", "com.acme.Two", "com.acme.Three");
        assertThat(customization("--template-dir", templates.toString()).templateDirectory()).contains(templates);
    }

    @Test
    void theProjectCoordinatesReachTheCustomization() {
        Customization c = customization("--layout", "project", "--group-id", "com.acme", "--artifact-id", "widgets-sdk",
                "--artifact-version", "2.1.0", "--license-name", "Apache-2.0",
                "--license-url", "https://www.apache.org/licenses/LICENSE-2.0", "--scm-url", "https://git.acme.com/sdk",
                "--scm-connection", "scm:git:https://git.acme.com/sdk.git",
                "--scm-developer-connection", "scm:git:ssh://git@git.acme.com/sdk.git");
        assertThat(c.project()).isEqualTo(new Customization.ProjectInfo(Optional.of("com.acme"), Optional.of("widgets-sdk"),
                Optional.of("2.1.0"), Optional.of("Apache-2.0"), Optional.of("https://www.apache.org/licenses/LICENSE-2.0"),
                Optional.of("https://git.acme.com/sdk"), Optional.of("scm:git:https://git.acme.com/sdk.git"),
                Optional.of("scm:git:ssh://git@git.acme.com/sdk.git")));
        assertThat(customization("--artifact-id", "  ").project()).as("blank is derived").isEqualTo(Customization.ProjectInfo.DERIVED);
    }

    @Test
    void aMissingTemplateFolderIsExitTwoAndNothingIsWritten() {
        int exit = generate("-t", dir.resolve("no-templates").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--template-dir: no such folder: " + dir.resolve("no-templates"));
        assertThat(dir.resolve("sdk")).doesNotExist();
    }

    @Test
    void aMissingExtensionJarIsExitTwoAndNothingIsWritten() throws IOException {
        Path present = jarWith("present.jar", Map.of("x.txt", "x"));
        int exit = generate("--extensions-path", present + "," + dir.resolve("missing.jar"));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--extensions-path: no such jar or folder: " + dir.resolve("missing.jar"));
        assertThat(dir.resolve("sdk")).doesNotExist();
    }

    @Test
    void theExtensionsPathIsAClassLoaderOverTheGeneratorsOwn() throws Exception {
        Path jar = compiledJar("ext.jar", "com.acme.Marker", "package com.acme; public final class Marker {}");
        GenerateCommand command = parsed("-i", spec.toString(), "-o", dir.resolve("sdk").toString(),
                "--extensions-path", jar.toString());
        try (URLClassLoader loader = command.extensionLoader()) {
            assertThat(loader).isNotNull();
            assertThat(loader.loadClass("com.acme.Marker").getClassLoader()).isSameAs(loader);
            assertThat(loader.loadClass(Customization.class.getName())).as("the extension API is the generator's")
                    .isSameAs(Customization.class);
        }
        GenerateCommand without = parsed("-i", spec.toString(), "-o", dir.resolve("sdk").toString());
        assertThat(without.extensionLoader()).isNull();
    }

    @Test
    void aRunWithTheExtensionsPathGeneratesAndClosesItsLoader() throws Exception {
        Path jar = compiledJar("ext.jar", "com.acme.Marker", "package com.acme; public final class Marker {}");
        int exit = generate("--extensions-path", jar.toString());
        assertThat(exit).as("stderr: %s", err).isZero();
        // the jar is not held open: on every platform it can be replaced after the run
        Files.delete(jar);
        assertThat(jar).doesNotExist();
    }

    @Test
    void verbosePrintsALinePerStageOnStderr() {
        int exit = generate("-v");
        assertThat(exit).as("stderr: %s", err).isZero();
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("specwright: parsed 1 path and 1 schema in " + TIME);
        assertThat(lines.get(1)).startsWith("specwright: built the model: 1 model, 1 API class, 1 operation in ");
        assertThat(lines.get(2)).matches("specwright: wrote \\d+ files, 0 unchanged, 0 deleted in " + TIME);
        assertThat(out.toString()).startsWith("Generated ");
        err.getBuffer().setLength(0);
        assertThat(generate("--verbose")).isZero();
        assertThat(err.toString()).contains("specwright: parsed 1 path").contains(" unchanged");
    }

    @Test
    void withoutVerboseThereAreNoStageLines() {
        assertThat(generate()).as("stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines()).singleElement().asString().startsWith("Generated ");
    }

    @Test
    void quietPrintsNeitherWarningsNorTheSummaryButStillErrors() throws IOException {
        Files.writeString(spec, SPEC.replace("id: {type: string}\n        created", "id: {type: string, default: [none]}\n        created"));
        assertThat(generate()).isZero();
        assertThat(err.toString()).as("the spec has a warning").contains("specwright: warning: ");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        assertThat(generate("-q")).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();

        assertThat(generate("--quiet", "--errors", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--errors: no such file");
    }

    @Test
    void verboseAndQuietTogetherIsExitTwo() {
        assertThat(generate("-v", "-q")).isEqualTo(2);
        assertThat(err.toString()).contains("--verbose and --quiet: choose one.");
    }

    @Test
    void aBadApiPackageIsExitTwoNamingThatOption() {
        assertThat(generate("--api-package", "com..x")).isEqualTo(2);
        assertThat(err.toString()).contains("--api-package: the API package \"com..x\" cannot be used");
        err.getBuffer().setLength(0);
        assertThat(generate("--api-package", "com.acme.same", "--model-package", "com.acme.same")).isEqualTo(2);
        assertThat(err.toString()).contains("--model-package: the API package and the model package are both com.acme.same");
    }

    @Test
    void theCoreOptionNamesMapToTheCliSpellings() {
        assertThat(GenerateCommand.cliName("basePackage")).isEqualTo("--package");
        assertThat(GenerateCommand.cliName("templateDirectory")).isEqualTo("--template-dir");
        assertThat(GenerateCommand.cliName("typeMappings")).isEqualTo("--type-mappings");
        assertThat(GenerateCommand.cliName("operationIdNameMappings")).isEqualTo("--operation-id-name-mappings");
        assertThat(GenerateCommand.cliName("extensions")).isEqualTo("--extensions");
        assertThat(GenerateCommand.cliName("schemaMappings")).isEqualTo("--schema-mappings/--import-mappings");
        assertThat(GenerateCommand.cliName("artifactVersion")).isEqualTo("--artifact-version");
    }

    @Test
    void theHelpListsEveryOptionWithItsText() {
        assertThat(run("generate", "--help")).isZero();
        String help = out.toString();
        for (String option : List.of("-i, --spec, --input-spec=FILE", "-o, --out, --output=DIR", "-t, --template-dir=DIR",
                "--package, --invoker-package=PKG", "--api-package=PKG", "--model-package=PKG", "--type-mappings=",
                "--import-mappings=", "--schema-mappings=", "--name-mappings=", "--model-name-mappings=",
                "--operation-id-name-mappings=", "--enum-name-mappings=", "--[no-]generate-apis", "--[no-]generate-models",
                "--global-property=", "--bean-validation", "--extensions=CLASS[,CLASS...]", "--extensions-path=JAR[,JAR...]", "--client-name=",
                "--group-id=", "--artifact-id=", "--artifact-version=", "--license-name=", "--license-url=", "--scm-url=",
                "--scm-connection=", "--scm-developer-connection=", "-v, --verbose", "-q, --quiet")) {
            assertThat(help).as(option).contains(option);
        }
    }

    @Test
    void keyValuesRejectsWhatTheOptionsReject() {
        assertThat(KeyValues.parse("--x", List.of(" a = b ,c=d=e"))).containsExactlyInAnyOrderEntriesOf(Map.of("a", "b", "c", "d=e"));
        assertThatThrownBy(() -> KeyValues.parse("--x", List.of("a=b,")))
                .hasMessageContaining("--x: \"a=b,\" has an empty item");
        assertThatThrownBy(() -> KeyValues.parse("--x", List.of("a\u001b=b", "a\u001b=c")))
                .as("an argument's control character is shown, not sent").hasMessageContaining("\\u001B")
                .hasMessageNotContaining("\u001b");
    }

    private Path jarWith(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar holding one class compiled here with javac. */
    private Path compiledJar(String name, String className, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve("ext-src"));
        Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("ext-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), file.toString())).isZero();
        Path jar = dir.resolve(name);
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream);
                Stream<Path> files = Files.walk(classes)) {
            for (Path c : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }
}
