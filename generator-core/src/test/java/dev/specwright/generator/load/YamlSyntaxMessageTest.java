package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A YAML syntax error is one located line: where it starts, what was found, the line's text and the fix. */
class YamlSyntaxMessageTest {

    @Test
    void aQuoteNeverClosedIsLocatedWhereItOpensWithTheLineAndTheFix() {
        String yaml = "openapi: 3.0.3\n"
                + "info: {title: Widget API, version: 1.0.0}\n"
                + "paths:\n"
                + "  /widgets:\n"
                + "    get:\n"
                + "      description: \"The widgets.\n"
                + "      responses: {}\n";

        DocumentReader.Refused refused = catchThrowableOfType(DocumentReader.Refused.class,
                () -> DocumentReader.read(yaml));

        assertThat(refused.rule()).isEqualTo("the file must be valid YAML (line 6, column 20: while scanning a quoted"
                + " scalar: found unexpected end of stream at line 8, column 1); the line reads"
                + " `description: \"The widgets.`.");
        assertThat(refused.fix()).isEqualTo("fix the YAML at line 6 (a quote opened there is never closed: close it"
                + " on the same line).");
        assertThat(refused.rule() + refused.fix()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aBadIndentIsLocatedAtTheLineWithItsText() {
        String yaml = "openapi: 3.0.3\n"
                + "info:\n"
                + "  title: Widget API\n"
                + " version: 1.0.0\n";

        DocumentReader.Refused refused = catchThrowableOfType(DocumentReader.Refused.class,
                () -> DocumentReader.read(yaml));

        assertThat(refused.rule()).startsWith("the file must be valid YAML (line ").contains("the line reads `")
                .doesNotContain("\n");
        assertThat(refused.fix()).startsWith("fix the YAML at line ");
    }

    @TempDir
    Path tmp;

    @Test
    void aSyntaxErrorInARefdFileIsOneLineNamingThatFile() throws Exception {
        Path spec = Files.writeString(tmp.resolve("openapi.yaml"), "openapi: 3.0.3\n"
                + "info: {title: Widget API, version: 1.0.0}\n"
                + "paths:\n"
                + "  /widgets:\n"
                + "    get:\n"
                + "      responses:\n"
                + "        '200': {$ref: 'responses.yaml#/Ok'}\n");
        Path responses = Files.writeString(tmp.resolve("responses.yaml"), "Ok:\n  description: 'ok\n");

        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new SpecLoader().load(spec));

        assertThat(e.problems()).hasSize(1);
        SpecProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo(responses.toString());
        assertThat(problem.format()).contains("the file must be valid YAML (line 2, column 16: while scanning a"
                + " quoted scalar").contains("the line reads `description: 'ok`").contains("Fix: fix the YAML at line 2")
                .doesNotContain("\n").doesNotContain("Exception");
    }
}
