package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.generator.emit.EmitContext;
import dev.specwright.generator.emit.Emitters;
import dev.specwright.generator.emit.FileEmitter;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.write.OutputConflictException;
import dev.specwright.generator.write.OutputRefusedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output is deterministic, unchanged files are left alone, files the spec no longer produces go away, and a file that is
 * not the generator's own (hand-written, or edited since) is never replaced nor deleted.
 */
class GeneratorWriteTest {

    @TempDir
    Path tmp;

    private GeneratorOptions options(Path out, Layout layout) {
        return GeneratorOptions.builder(TestSpecs.platformSpec(), out).errorCatalog(TestSpecs.platformErrors()).layout(layout).build();
    }

    @Test
    void twoRunsIntoTwoFoldersGiveByteIdenticalTrees() throws Exception {
        new Generator().generate(options(tmp.resolve("a"), Layout.PROJECT));
        new Generator().generate(options(tmp.resolve("b"), Layout.PROJECT));
        Map<String, byte[]> a = tree(tmp.resolve("a"));
        Map<String, byte[]> b = tree(tmp.resolve("b"));
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("pom.xml", "README.md");
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void aSecondRunWritesNothingAndKeepsTimestamps() throws Exception {
        Path out = tmp.resolve("out");
        GenerationReport first = new Generator().generate(options(out, Layout.SOURCES));
        Path client = out.resolve("src/main/java/com/example/platform/PlatformClient.java");
        Files.setLastModifiedTime(client, FileTime.fromMillis(0));
        GenerationReport second = new Generator().generate(options(out, Layout.SOURCES));
        assertThat(first.written()).isNotEmpty();
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).hasSize(first.written().size());
        assertThat(Files.getLastModifiedTime(client).toMillis()).isZero();
        assertThat(second.sourceRoot()).isEqualTo(out.resolve("src/main/java"));
    }

    @Test
    void filesNoLongerGeneratedAreRemovedAndForeignFilesKept() throws Exception {
        Path out = tmp.resolve("out");
        new Generator().generate(options(out, Layout.PROJECT));
        Files.writeString(out.resolve("NOTES.txt"), "mine");
        new Generator().generate(options(out, Layout.SOURCES));
        assertThat(out.resolve("pom.xml")).doesNotExist();
        assertThat(out.resolve("NOTES.txt")).hasContent("mine");
    }

    @Test
    void projectLayoutIntoAnExistingProjectLeavesItsReadmeAndPomAndWritesNothing() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("README.md"), "# Our service");
        Files.writeString(project.resolve("pom.xml"), "<project>ours</project>");

        assertThatThrownBy(() -> new Generator().generate(options(project, Layout.PROJECT)))
                .isInstanceOfSatisfying(OutputConflictException.class, e -> assertThat(e.conflicts())
                        .extracting(OutputConflictException.Conflict::path).containsExactly("README.md", "pom.xml"));

        assertThat(project.resolve("README.md")).hasContent("# Our service");
        assertThat(project.resolve("pom.xml")).hasContent("<project>ours</project>");
        // no sources, no manifest, no lock file: the refusal is decided before anything is created
        assertThat(tree(project).keySet()).containsExactly("README.md", "pom.xml");
    }

    @Test
    void aHandWrittenModelClassIsNotReplacedUnlessOverwritingIsAskedFor() throws Exception {
        Path out = tmp.resolve("out");
        String model = new Generator().files(options(out, Layout.SOURCES)).stream().map(f -> f.path())
                .filter(p -> p.contains("/model/")).findFirst().orElseThrow();
        Files.createDirectories(out.resolve(model).getParent());
        Files.writeString(out.resolve(model), "// hand-written");

        assertThatThrownBy(() -> new Generator().generate(options(out, Layout.SOURCES)))
                .isInstanceOf(OutputConflictException.class).hasMessageContaining(model + ": Specwright did not write it");
        assertThat(tree(out).keySet()).containsExactly(model);

        GeneratorOptions forced = GeneratorOptions.builder(TestSpecs.platformSpec(), out)
                .errorCatalog(TestSpecs.platformErrors()).overwrite(true).build();
        GenerationReport report = new Generator().generate(forced);
        assertThat(out.resolve(model)).content().doesNotContain("hand-written");
        assertThat(report.warnings()).singleElement().asString().startsWith("replaced " + model);
    }

    @Test
    void theSpecsOwnFolderIsNeverTheOutput() throws Exception {
        Path api = Files.createDirectories(tmp.resolve("api"));
        Path spec = Files.copy(TestSpecs.platformSpec(), api.resolve("openapi.yaml"));

        assertThatThrownBy(() -> new Generator().generate(GeneratorOptions.builder(spec, api).build()))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is the folder holding the spec");
        assertThat(tree(api).keySet()).containsExactly("openapi.yaml");
    }

    @Test
    void aStaleFileTheUserEditedIsKeptAndReported() throws Exception {
        Path out = tmp.resolve("out");
        new Generator().generate(options(out, Layout.PROJECT));
        Files.writeString(out.resolve("README.md"), "# our notes about the SDK");

        GenerationReport report = new Generator().generate(options(out, Layout.SOURCES));

        assertThat(out.resolve("README.md")).hasContent("# our notes about the SDK");
        assertThat(out.resolve("pom.xml")).doesNotExist();
        // the project's other files (the pom, the doc pages) go; the edited README stays
        assertThat(report.deleted()).contains(Path.of("pom.xml"), Path.of("docs/ProductsApi.md"))
                .doesNotContain(Path.of("README.md"))
                .allSatisfy(p -> assertThat(p.equals(Path.of("pom.xml")) || p.startsWith("docs")).as(p.toString()).isTrue());
        assertThat(out.resolve("docs/ProductsApi.md")).doesNotExist();
        assertThat(report.warnings()).singleElement().asString().startsWith("kept README.md");
    }

    @Test
    void anEmitterThatThrowsAfterOthersRenderedLeavesThePreviousGenerationAsItWas() throws Exception {
        Path out = tmp.resolve("out");
        new Generator().generate(options(out, Layout.PROJECT));
        Files.writeString(out.resolve("NOTES.txt"), "mine");
        Map<String, byte[]> before = tree(out);
        Map<String, FileTime> times = times(out);
        IllegalStateException bug = new IllegalStateException("a plugged-in emitter's bug");
        List<FileEmitter> emitters = new ArrayList<>(Emitters.defaults());
        emitters.add(emitters.size() - 1, new FileEmitter() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public Stream<GeneratedFile> emit(EmitContext context) {
                // the models, APIs, client and errors before it are rendered and staged by now
                return Stream.of(new GeneratedFile("src/main/java/Extra.java", "class Extra {}")).<GeneratedFile>map(f -> {
                    throw bug;
                });
            }
        });

        assertThatThrownBy(() -> new Generator().generate(options(out, Layout.SOURCES), emitters)).isSameAs(bug);

        Map<String, byte[]> after = tree(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        assertThat(times(out)).isEqualTo(times);
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".specwright-staging"));
        }
    }

    private static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                times.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return times;
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
