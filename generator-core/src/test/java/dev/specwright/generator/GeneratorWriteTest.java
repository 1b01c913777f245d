package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output is deterministic, unchanged files are left alone, and files the spec no longer produces go away. */
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
