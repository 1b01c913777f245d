package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
