package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.write.OutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

    @Test
    void failureMessageListsEveryProblemOnItsOwnLine() {
        SpecProblem missing = new SpecProblem("api.yaml", "/paths/~1pets/get/responses",
                "an operation needs at least one response.", "add a response.");
        SpecProblem dangling = new SpecProblem("api.yaml", "/components/schemas/Pet/properties/owner/$ref",
                "the $ref \"#/components/schemas/Owner\" points to nothing.", "define it.");

        String message = GenerateMojo.describe(new SpecProblemsException(List.of(missing, dangling)));

        assertThat(message.lines()).containsExactly(
                "Specwright found 2 problems in the input; nothing was generated:",
                "  " + missing.format(),
                "  " + dangling.format());
    }

    @Test
    void controlCharactersFromTheSpecReachTheLogEscaped() {
        SpecProblem hostile = new SpecProblem("api.yaml", "/components/schemas/Pet\u001b[2J\u202e",
                "the $ref \"#/x\r\n[INFO] BUILD SUCCESS\" points to nothing.", "define it.");

        String message = GenerateMojo.describe(new SpecProblemsException(List.of(hostile)));

        assertThat(message.lines()).hasSize(2); // the forged "[INFO] BUILD SUCCESS" line stays inside its own line
        assertThat(message).contains("Pet\\u001B[2J\\u202E").contains("\\u000D\\u000A[INFO] BUILD SUCCESS")
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202e");
    }

    @TempDir
    Path tmp;

    /** Review finding 11: reactor modules inheriting one execution id and sharing one output had one manifest. */
    @Test
    void twoModulesWithTheSameExecutionIdAreTwoOwners() {
        String api = GenerateMojo.owner("orders-api", "default");
        String worker = GenerateMojo.owner("orders-worker", "default");

        assertThat(api).isNotEqualTo(worker).isEqualTo(GenerateMojo.owner("orders-api", "default"));
        assertThat(OutputWriter.manifestName(Optional.of(api))).isEqualTo(".specwright-manifest-orders-api@default");
        assertThat(OutputWriter.manifestName(Optional.of(worker)))
                .isEqualTo(".specwright-manifest-orders-worker@default");
        // '@' is never in an artifactId, so "a-b"+"c" and "a"+"b-c" stay two owners
        assertThat(GenerateMojo.owner("a-b", "c")).isNotEqualTo(GenerateMojo.owner("a", "b-c"));
        assertThat(OutputWriter.manifestName(Optional.of(GenerateMojo.owner("app", "gen/../x y"))))
                .isEqualTo(".specwright-manifest-app@gen_.._x_y");
    }

    @Test
    void twoModulesWithTheSameExecutionIdInOneOutputKeepEachOthersFiles() throws IOException {
        Path out = tmp.resolve("shared");
        OutputWriter writer = new OutputWriter();
        String a = "src/main/java/com/example/a/A.java";
        String b = "src/main/java/com/example/b/B.java";
        writer.write(out, List.of(new GeneratedFile(a, "class A {}")), settings("module-a", "default"));
        writer.write(out, List.of(new GeneratedFile(b, "class B {}")), settings("module-b", "default"));

        OutputWriter.Result again = writer.write(out, List.of(new GeneratedFile(a, "class A {}")),
                settings("module-a", "default"));

        assertThat(again.deleted()).isEmpty();
        assertThat(out.resolve(b)).hasContent("class B {}");
    }

    /**
     * After the upgrade, a folder still holds {@code .specwright-manifest-<executionId>}: it becomes this module's
     * manifest, so its files are its own and not "listed by another run".
     */
    @Test
    void theManifestOfTheExecutionIdAloneIsTakenOverOnce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("upgraded"));
        Files.writeString(out.resolve(".specwright-manifest-default"), "# old\n");

        GenerateMojo.adoptFormerManifest(out, "default", GenerateMojo.owner("app", "default"));

        assertThat(out.resolve(".specwright-manifest-default")).doesNotExist();
        assertThat(out.resolve(".specwright-manifest-app@default")).hasContent("# old");

        Files.writeString(out.resolve(".specwright-manifest-default"), "# another module's\n");
        GenerateMojo.adoptFormerManifest(out, "default", GenerateMojo.owner("app", "default"));
        assertThat(out.resolve(".specwright-manifest-app@default")).hasContent("# old"); // never replaces its own
    }

    private static OutputWriter.Settings settings(String artifactId, String executionId) {
        return new OutputWriter.Settings(Optional.empty(), Optional.of(GenerateMojo.owner(artifactId, executionId)),
                false);
    }
}
