package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.GeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateStampTest {

    @TempDir
    Path dir;

    private Path spec;
    private Path errors;
    private Path out;
    private Path build;

    @BeforeEach
    void inputs() throws IOException {
        Files.createDirectories(dir.resolve("api/schemas"));
        spec = Files.writeString(dir.resolve("api/openapi.yaml"), "openapi: 3.0.3\n");
        errors = Files.writeString(dir.resolve("api/errors.json"), "{\"errors\": []}");
        build = dir.resolve("target");
        out = build.resolve("generated-sources/specwright");
    }

    private GeneratorOptions options() {
        return GeneratorOptions.builder(spec, out).errorCatalog(errors).basePackage("com.example").build();
    }

    private UpToDateStamp stamp(String plugin) throws IOException {
        return UpToDateStamp.compute(options(), plugin, build);
    }

    private void freshRun() throws IOException {
        Files.createDirectories(out.resolve("src/main/java"));
        stamp("p:1").write(out.resolve("src/main/java"));
    }

    @Test
    void unchangedInputsAreUpToDate() throws IOException {
        freshRun();
        assertThat(stamp("p:1").upToDateSourceRoot()).contains(out.resolve("src/main/java"));
    }

    @Test
    void noStampMeansGenerate() throws IOException {
        assertThat(stamp("p:1").upToDateSourceRoot()).isEmpty();
    }

    @Test
    void changedSpecBytesRegenerate() throws IOException {
        freshRun();
        Files.writeString(spec, "openapi: 3.1.0\n");
        assertThat(stamp("p:1").upToDateSourceRoot()).isEmpty();
    }

    @Test
    void changedErrorCatalogRegenerates() throws IOException {
        freshRun();
        Files.writeString(errors, "{\"errors\": [1]}");
        assertThat(stamp("p:1").upToDateSourceRoot()).isEmpty();
    }

    @Test
    void changedPluginRegenerates() throws IOException {
        freshRun();
        assertThat(stamp("p:2").upToDateSourceRoot()).isEmpty();
    }

    @Test
    void changedParameterRegenerates() throws IOException {
        freshRun();
        GeneratorOptions other = GeneratorOptions.builder(spec, out).errorCatalog(errors).basePackage("com.other").build();
        assertThat(UpToDateStamp.compute(other, "p:1", build).upToDateSourceRoot()).isEmpty();
    }

    @Test
    void touchedReferencedFileRegenerates() throws IOException {
        Path shared = Files.writeString(spec.resolveSibling("schemas/shared.yaml"), "type: object\n");
        freshRun();
        Files.setLastModifiedTime(shared, FileTime.fromMillis(Files.getLastModifiedTime(shared).toMillis() + 5000));
        assertThat(stamp("p:1").upToDateSourceRoot()).isEmpty();
    }

    @Test
    void deletedSourcesRegenerate() throws IOException {
        freshRun();
        Files.delete(out.resolve("src/main/java"));
        assertThat(stamp("p:1").upToDateSourceRoot()).isEmpty();
    }

    @Test
    void eachExecutionKeepsItsOwnStampSoTwoSharingAnOutputDoNotResetEachOther() throws IOException {
        Files.createDirectories(out.resolve("src/main/java"));
        GeneratorOptions first = GeneratorOptions.builder(spec, out).errorCatalog(errors).owner("first").build();
        GeneratorOptions second = GeneratorOptions.builder(spec, out).basePackage("com.other").owner("second").build();
        UpToDateStamp.compute(first, "p:1", build).write(out.resolve("src/main/java"));
        UpToDateStamp.compute(second, "p:1", build).write(out.resolve("src/main/java"));

        assertThat(out.resolve(".specwright-stamp-first")).isRegularFile();
        assertThat(out.resolve(".specwright-stamp-second")).isRegularFile();
        assertThat(UpToDateStamp.compute(first, "p:1", build).upToDateSourceRoot()).isPresent();
        assertThat(UpToDateStamp.compute(second, "p:1", build).upToDateSourceRoot()).isPresent();
    }
}
