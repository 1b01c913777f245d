package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dspecwright.timings} prints one line per load stage to stderr; without it the loader prints nothing. */
class StageClockTest {

    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
             "paths": {"/a": {"get": {"responses": {"200": {"description": "ok",
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
             "components": {"schemas": {"A": {"type": "object", "properties": {"b": {"type": "string"}}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void timingsSwitchPrintsEachLoadStageAndIsOffByDefault() throws Exception {
        Path spec = Files.writeString(dir.resolve("api.json"), SPEC);
        String previous = System.getProperty(StageClock.PROPERTY);
        try {
            System.clearProperty(StageClock.PROPERTY);
            assertThat(stderrOfLoading(spec)).doesNotContain(StageClock.PROPERTY);

            System.setProperty(StageClock.PROPERTY, "");
            String printed = stderrOfLoading(spec);
            for (String stage : new String[] {"load.read", "load.refguard", "load.localrefs", "load.bundle",
                    "load.swagger-parser.parse", "load.swagger-parser.resolve", "load.report"}) {
                assertThat(printed).containsPattern("(?m)^specwright\\.timings " + stage.replace(".", "\\.") + " \\d+ ms$");
            }

            System.setProperty(StageClock.PROPERTY, "false");
            assertThat(stderrOfLoading(spec)).doesNotContain(StageClock.PROPERTY);
        } finally {
            if (previous == null) {
                System.clearProperty(StageClock.PROPERTY);
            } else {
                System.setProperty(StageClock.PROPERTY, previous);
            }
        }
    }

    private static String stderrOfLoading(Path spec) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(new SpecLoader().load(spec).getComponents().getSchemas()).containsKey("A");
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
