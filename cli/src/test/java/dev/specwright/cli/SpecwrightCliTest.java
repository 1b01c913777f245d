package dev.specwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpecwrightCliTest {

    private static final String GOOD_SPEC = """
            openapi: 3.0.3
            info:
              title: Widget API
              version: 1.0.0
            servers:
              - url: https://api.example.com/v1
                description: Production
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
                    name: {type: string}
            """;

    /** An operation without responses: OpenAPI requires at least one. */
    private static final String NO_RESPONSES = """
            openapi: 3.0.3
            info:
              title: Widget API
              version: 1.0.0
            paths:
              /widgets:
                get:
                  operationId: listWidgets
            """;

    /** A $ref to a schema that does not exist. */
    private static final String DANGLING_REF = """
            openapi: 3.0.3
            info:
              title: Widget API
              version: 1.0.0
            paths:
              /widgets:
                get:
                  operationId: listWidgets
                  responses:
                    '200':
                      description: the widgets
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Gadget'}
            components:
              schemas:
                Widget:
                  type: object
                  properties:
                    id: {type: string}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SpecwrightCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void goodSpecGeneratesSources() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString(), "--package", "com.example.widgets");

        assertThat(exit).as("stderr: %s", err).isZero();
        Path sourceRoot = target.resolve("src/main/java");
        assertThat(javaFiles(sourceRoot)).isNotEmpty();
        assertThat(sourceRoot.resolve("com/example/widgets")).isDirectory();
        assertThat(target.resolve("pom.xml")).doesNotExist();
        assertThat(out.toString()).contains("Generated").contains(sourceRoot.toString()).doesNotContain("\n\n");
        assertThat(out.toString().lines()).hasSize(1);
    }

    @Test
    void aToleratedDefectIsAWarningOnStderrAndTheSourcesAreStillGenerated() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC.replace("name: {type: string}", "name: {type: string, default: [none]}"));
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(javaFiles(target.resolve("src/main/java"))).isNotEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("specwright: warning: " + spec + "#/components/schemas/Widget/properties/name/default: ")
                .endsWith("Until then: the value is left out of the client.");
        assertThat(out.toString().lines()).singleElement().asString().startsWith("Generated");
    }

    @Test
    void rerunLeavesFilesUnchanged() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path target = dir.resolve("sdk");
        assertThat(run("generate", "--spec", spec.toString(), "--out", target.toString())).isZero();
        out.getBuffer().setLength(0);

        assertThat(run("generate", "--spec", spec.toString(), "--out", target.toString())).isZero();

        assertThat(out.toString()).contains("(0 written,");
    }

    @Test
    void dumpModelPrintsTheModelAndWritesNothing() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString(), "--dump-model");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("\"clientName\" : \"Widget\"").contains("\"operationId\" : \"getWidget\"")
                .as("the group's noun dropped").contains("\"methodName\" : \"get\"");
        assertThat(out.toString()).as("one member per build pass, the model last").startsWith("{\n  \"schemas\" : {")
                .containsSubsequence("\n  \"credentials\" : {", "\n  \"operations\" : {", "\n  \"dedup\" : {", "\n  \"fieldFilters\" : {",
                        "\n  \"partialUpdates\" : {", "\n  \"servers\" : [", "\n  \"rateLimit\" : ", "\n  \"errorCatalog\" : {",
                        "\n  \"sentModels\" : {", "\n  \"model\" : {");
        assertThat(target).doesNotExist();
    }

    @Test
    void projectLayoutWritesPom() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString(), "--layout", "project");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(target.resolve("pom.xml")).isRegularFile().content().contains("specwright-runtime");
        assertThat(javaFiles(target.resolve("src/main/java"))).isNotEmpty();
    }

    @Test
    void operationWithoutResponsesIsLocatedAndNothingIsWritten() throws IOException {
        Path spec = write("broken.yaml", NO_RESPONSES);
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("broken.yaml#/paths/~1widgets/get");
        assertThat(out.toString()).isEmpty();
        assertEmptyOrAbsent(target);
    }

    @Test
    void danglingRefIsLocatedAndNothingIsWritten() throws IOException {
        Path spec = write("dangling.yaml", DANGLING_REF);
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("dangling.yaml#/paths/~1widgets/get/responses/200");
        assertThat(err.toString()).contains("Gadget");
        assertEmptyOrAbsent(target);
    }

    @Test
    void missingSpecOptionIsUsageError() {
        int exit = run("generate", "--out", dir.resolve("sdk").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--spec");
        assertEmptyOrAbsent(dir.resolve("sdk"));
    }

    @Test
    void nonexistentSpecFileIsUsageError() {
        int exit = run("generate", "--spec", dir.resolve("nope.yaml").toString(), "--out", dir.resolve("sdk").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml");
        assertEmptyOrAbsent(dir.resolve("sdk"));
    }

    @Test
    void unknownLayoutIsUsageError() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);

        int exit = run("generate", "--spec", spec.toString(), "--out", dir.resolve("sdk").toString(), "--layout", "war");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--layout");
    }

    @Test
    void aPackageThatIsNoJavaPackageNameIsUsageErrorAndNothingIsWritten() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        for (String name : List.of("com..x", "java.lang", "1abc", "com.example.class", "Com.Ex-ample", "com.example.con")) {
            StringWriter before = new StringWriter();
            before.write(err.toString());
            int exit = run("generate", "--spec", spec.toString(), "--out", dir.resolve("sdk").toString(), "--package", name);

            assertThat(exit).as(name).isEqualTo(2);
            String message = err.toString().substring(before.toString().length());
            assertThat(message).as(name).contains("--package: the base package \"" + name + "\" cannot be used")
                    .contains("a Java package name is").contains("Fix: use for example ");
            assertEmptyOrAbsent(dir.resolve("sdk"));
        }
    }

    @Test
    void noSubcommandIsUsageError() {
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void unwritableOutputIsExitOne() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path blocker = write("a-file", "not a folder");

        int exit = run("generate", "--spec", spec.toString(), "--out", blocker.resolve("sdk").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("specwright: ");
    }

    @Test
    void versionIsFiltered() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("specwright ").doesNotContain("${");
    }

    @Test
    void aHandWrittenFileInTheOutputIsExitTwoNamingItAndNothingIsWritten() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("README.md"), "# our service");

        int exit = run("generate", "--spec", spec.toString(), "--out", project.toString(), "--layout", "project");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("specwright: 1 file in " + project)
                .contains("  README.md: Specwright did not write it")
                .contains(".specwright-ignore").contains("--force");
        assertThat(out.toString()).isEmpty();
        assertThat(project.resolve("README.md")).hasContent("# our service");
        try (Stream<Path> files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("README.md");
        }
    }

    @Test
    void forceReplacesTheFileOnPurposeAndSaysSo() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("README.md"), "# our service");

        int exit = run("generate", "--spec", spec.toString(), "--out", project.toString(), "--layout", "project",
                "--force");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(project.resolve("README.md")).content().doesNotContain("# our service");
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("specwright: warning: replaced README.md because overwriting was asked for");
    }

    @Test
    void anIgnoredPathIsNeitherWrittenNorAConflict() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("README.md"), "# our service");
        Files.writeString(project.resolve(".specwright-ignore"), "README.md\n");

        int exit = run("generate", "--spec", spec.toString(), "--out", project.toString(), "--layout", "project");

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(project.resolve("README.md")).hasContent("# our service");
        assertThat(project.resolve("pom.xml")).isRegularFile();
    }

    @Test
    void anEditedFileNoLongerGeneratedIsKeptWithAWarning() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);
        Path target = dir.resolve("sdk");
        assertThat(run("generate", "--spec", spec.toString(), "--out", target.toString(), "--layout", "project"))
                .isZero();
        Files.writeString(target.resolve("README.md"), "# notes of ours");
        out.getBuffer().setLength(0);

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(target.resolve("README.md")).hasContent("# notes of ours");
        assertThat(target.resolve("pom.xml")).doesNotExist();
        assertThat(err.toString()).startsWith("specwright: warning: kept README.md");
        // the pom and the project's doc pages (one API, one model) go; the edited README stays
        assertThat(out.toString()).contains("3 deleted");
    }

    @Test
    void anEmptyOutIsABadArgumentNotTheCurrentFolder() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);

        int exit = run("generate", "--spec", spec.toString(), "--out", "");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the output folder is empty").contains("--out build/generated/client");
        assertThat(Path.of(".specwright-manifest")).doesNotExist();
    }

    @Test
    void theSpecsOwnFolderIsABadArgument() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC);

        int exit = run("generate", "--spec", spec.toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("refusing to generate into " + dir).contains("the folder holding the spec");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("widgets.yaml");
        }
    }

    @Test
    void controlCharactersInAWarningReachTheTerminalEscaped() throws IOException {
        Path spec = write("widgets.yaml", GOOD_SPEC.replace("name: {type: string}",
                "\"na\\e[2J\\u202Eme\": {type: string, default: [none]}"));
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(err.toString()).contains("na\\u001B[2J\\u202Eme").doesNotContain("\u001b").doesNotContain("\u202e");
    }

    @Test
    void controlCharactersInAProblemReachTheTerminalEscaped() throws IOException {
        Path spec = write("dangling.yaml", DANGLING_REF.replace("'#/components/schemas/Gadget'",
                "\"#/components/schemas/Gad\\e]0;pwned\\aget\\r\""));
        Path target = dir.resolve("sdk");

        int exit = run("generate", "--spec", spec.toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Gad\\u001B]0;pwned\\u0007get")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
        assertEmptyOrAbsent(target);
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static void assertEmptyOrAbsent(Path folder) {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files).as("files in %s", folder).isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
