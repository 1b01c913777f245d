package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Customization;
import dev.specwright.generator.GenerationReport;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp against real generator runs: what a run read, what it wrote, and nothing else decides "up to date". */
class UpToDateStampTest {

    @TempDir
    Path dir;

    private Path spec;
    private Path errors;
    private Path shared;
    private Path out;

    @BeforeEach
    void inputs() throws IOException {
        Files.createDirectories(dir.resolve("project/api"));
        Files.createDirectories(dir.resolve("common"));
        // a $ref to a file outside the spec's folder, in a folder allowed for it
        shared = Files.writeString(dir.resolve("common/widget.yaml"), """
                type: object
                properties:
                  id: {type: string}
                """);
        spec = Files.writeString(dir.resolve("project/api/openapi.yaml"), """
                openapi: 3.0.3
                info: {title: Widgets, version: 1.0.0, license: {name: MIT, url: ./LICENSE}}
                paths:
                  /widgets/{id}:
                    get:
                      operationId: getWidget
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        '200':
                          description: the widget
                          content:
                            application/json:
                              schema: {$ref: '../../common/widget.yaml'}
                """);
        errors = Files.writeString(dir.resolve("project/api/errors.json"), """
                {"errors": [{"code": 100001, "name": "WIDGET_NOT_FOUND", "category": "NotFound", "httpStatus": 404,
                  "defaultMessage": "No such widget."}]}
                """);
        out = dir.resolve("project/target/generated-sources/specwright");
    }

    private GeneratorOptions.Builder builder() {
        return GeneratorOptions.builder(spec, out).errorCatalog(errors).basePackage("com.example.widgets")
                .owner("app@default").allowedRefFolders(List.of(dir.resolve("common")));
    }

    private GeneratorOptions options() {
        return builder().build();
    }

    /** A real run, stamped as the plugin stamps it. */
    private GenerationReport run(GeneratorOptions options, String plugin) throws Exception {
        List<String> warnings = new ArrayList<>();
        GenerationReport report = new Generator(w -> warnings.add(w.format())).generate(options);
        warnings.addAll(report.warnings());
        UpToDateStamp.compute(options, plugin).write(report, warnings);
        return report;
    }

    private UpToDateStamp.Check check(GeneratorOptions options, String plugin) throws IOException {
        return UpToDateStamp.compute(options, plugin).check();
    }

    @Test
    void unchangedInputsAreUpToDateAndTheWarningsComeAgain() throws Exception {
        GenerationReport report = run(options(), "p:1");

        UpToDateStamp.Check check = check(options(), "p:1");

        assertThat(check.upToDate()).as(check.reason()).isTrue();
        assertThat(check.sourceRoot()).contains(report.sourceRoot());
        assertThat(check.warnings()).singleElement().asString().contains("openapi.yaml#/info/license/url");
    }

    @Test
    void theStampListsExactlyWhatTheRunRead() throws Exception {
        GenerationReport report = run(options(), "p:1");

        assertThat(report.inputs()).as("the spec's files sorted, the catalogue last")
                .containsExactly(shared.toRealPath(), spec.toRealPath(), errors.toRealPath());
        assertThat(report.remoteInputs()).isFalse();
    }

    @Test
    void noStampMeansGenerate() throws IOException {
        assertThat(check(options(), "p:1").upToDate()).isFalse();
        assertThat(check(options(), "p:1").reason()).startsWith("no stamp");
    }

    @Test
    void changedSpecBytesRegenerate() throws Exception {
        run(options(), "p:1");
        Files.writeString(spec, Files.readString(spec).replace("the widget", "one widget"));

        assertThat(check(options(), "p:1").reason()).isEqualTo(spec.toRealPath() + " changed");
    }

    @Test
    void aChangedFileReachedThroughRefOutsideTheSpecFolderRegenerates() throws Exception {
        run(options(), "p:1");
        Files.writeString(shared, Files.readString(shared) + "    name: {type: string}\n");

        assertThat(check(options(), "p:1").reason()).isEqualTo(shared.toRealPath() + " changed");
    }

    @Test
    void aFileNoRefReachesDoesNotCount() throws Exception {
        run(options(), "p:1");
        Path unrelated = Files.writeString(spec.resolveSibling("notes.yaml"), "not: read\n");
        Files.setLastModifiedTime(spec, FileTime.fromMillis(Files.getLastModifiedTime(spec).toMillis() + 5000));

        assertThat(check(options(), "p:1").upToDate()).as("%s and a touched timestamp", unrelated).isTrue();
    }

    @Test
    void changedErrorCatalogRegenerates() throws Exception {
        run(options(), "p:1");
        Files.writeString(errors, Files.readString(errors).replace("No such widget.", "Gone."));

        assertThat(check(options(), "p:1").reason()).contains("errors.json changed");
    }

    @Test
    void changedPluginOrExtensionsRegenerate() throws Exception {
        run(options(), "p:1");

        assertThat(check(options(), "p:2").upToDate()).isFalse();
    }

    @Test
    void everyOptionCountsEvenThoseAddedAfterTheStampWasWritten() throws Exception {
        run(options(), "p:1");

        GeneratorOptions mapped = builder().customization(Customization.DEFAULT
                .withTypeMappings(Map.of("date-time", "java.time.Instant"))).build();
        GeneratorOptions named = builder().customization(Customization.DEFAULT.withClientName("Gadgets")).build();
        GeneratorOptions beans = builder().customization(Customization.DEFAULT.withBeanValidation(true)).build();
        GeneratorOptions api = builder().apiPackage("com.example.widgets.endpoints").build();
        for (GeneratorOptions other : List.of(mapped, named, beans, api)) {
            assertThat(check(other, "p:1").reason()).as(other.toString()).startsWith("an option");
        }
        assertThat(check(options(), "p:1").upToDate()).isTrue();
    }

    @Test
    void theOptionsAreDescribedAsTheirRecordsPrintThemselves() {
        GeneratorOptions options = builder().customization(Customization.DEFAULT
                .withTypeMappings(Map.of("date-time", "java.time.Instant", "UUID", "java.util.UUID"))
                .withExtensions(List.of("com.example.A", "com.example.B"))).build();

        assertThat(UpToDateStamp.describe(options)).isEqualTo(options.toString());
    }

    @Test
    void aTemplateAddedChangedOrRemovedRegenerates() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("project/templates"));
        Path readme = Files.writeString(Files.createDirectories(templates.resolve("spec")).resolve("NOTES.md.mustache"),
                "# {{title}}\n");
        GeneratorOptions options = builder().customization(Customization.DEFAULT.withTemplateDirectory(templates))
                .build();
        run(options, "p:1");
        assertThat(check(options, "p:1").upToDate()).isTrue();

        Path added = Files.writeString(Files.createDirectories(templates.resolve("model"))
                .resolve("{{className}}.md.mustache"), "# {{className}}\n");
        assertThat(check(options, "p:1").upToDate()).isFalse();
        Files.delete(added);
        assertThat(check(options, "p:1").upToDate()).isTrue();
        Files.writeString(readme, "# {{title}}!\n");
        assertThat(check(options, "p:1").upToDate()).isFalse();
    }

    @Test
    void aGeneratedFileDeletedOrEditedByHandRegenerates() throws Exception {
        GenerationReport report = run(options(), "p:1");
        Path first;
        try (Stream<Path> files = Files.walk(report.sourceRoot())) {
            first = files.filter(f -> f.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(first);

        Files.writeString(first, text + "// edited\n");
        assertThat(check(options(), "p:1").reason()).contains(out.relativize(first).toString()).contains("not as generated");
        Files.delete(first);
        assertThat(check(options(), "p:1").reason()).contains(out.relativize(first).toString());
        Files.writeString(first, text);
        assertThat(check(options(), "p:1").upToDate()).isTrue();
    }

    @Test
    void aCheckTouchesNoFile() throws Exception {
        run(options(), "p:1");
        Map<Path, FileTime> before = times();

        assertThat(check(options(), "p:1").upToDate()).isTrue();

        assertThat(times()).isEqualTo(before);
    }

    private Map<Path, FileTime> times() throws IOException {
        Map<Path, FileTime> times = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void eachExecutionKeepsItsOwnStampSoTwoSharingAnOutputDoNotResetEachOther() throws Exception {
        GeneratorOptions first = builder().owner("app@first").build();
        GeneratorOptions second = builder().basePackage("com.example.other").owner("app@second").build();
        run(first, "p:1");
        run(second, "p:1");

        assertThat(out.resolve(".specwright-stamp-app@first")).isRegularFile();
        assertThat(out.resolve(".specwright-stamp-app@second")).isRegularFile();
        assertThat(check(first, "p:1").upToDate()).isTrue();
        assertThat(check(second, "p:1").upToDate()).isTrue();
        assertThat(UpToDateStamp.previousSourceRoot(out, first.owner())).contains(out.resolve("src/main/java"));
    }

    @Test
    void aDamagedStampRegenerates() throws Exception {
        run(options(), "p:1");
        Path stamp = out.resolve(UpToDateStamp.fileName(options()));
        Files.writeString(stamp, Files.readString(stamp).replaceFirst("input=[0-9a-f]+ ", "input=x"));

        assertThat(check(options(), "p:1").upToDate()).isFalse();
    }
}
