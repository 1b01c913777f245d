package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec text in a problem message never reaches a terminal raw: no escape sequence, no line break, no bidi control. */
class TerminalTextTest {

    private static final String HOSTILE = "Pet\u001b[2J\u001b]0;owned\u0007\r\nFAKE: ok\u202e\u2066\u0085\u2028\u009b\ud800";

    @TempDir
    Path tmp;

    @Test
    void controlsBecomeVisibleEscapes() {
        assertThat(TerminalText.safe(HOSTILE)).isEqualTo(
                "Pet\\u001B[2J\\u001B]0;owned\\u0007\\r\\nFAKE: ok\\u202E\\u2066\\u0085\\u2028\\u009B\\uD800");
        assertThat(TerminalText.safe("plain text, é, 日本, \ud83d\ude00")).isEqualTo("plain text, é, 日本, \ud83d\ude00");
    }

    @Test
    void aProblemNamingHostileSpecTextIsOneHarmlessLine() throws Exception {
        String ref = "#/components/schemas/" + HOSTILE.replace("\ud800", "");
        Path spec = tmp.resolve("openapi.json");
        Files.writeString(spec, """
                {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
                 "paths": {"/p": {"get": {"operationId": "get", "responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "%s"}}}}}}}}}
                """.formatted(ref.replace("\\", "\\\\").replace("\"", "\\\"").chars()
                        .mapToObj(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c > 0x2000 ? String.format("\\u%04x", c) : Character.toString(c))
                        .reduce("", String::concat)));
        assertThatThrownBy(() -> new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out")).build()))
                .isInstanceOfSatisfying(SpecProblemsException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    for (SpecProblem p : e.problems()) {
                        assertThat(p.format()).as(p.format()).doesNotContain("\u001b", "\u0007", "\r", "\n", "\u202e", "\u2066",
                                "\u0085", "\u2028", "\u009b");
                    }
                    assertThat(e.problems()).anyMatch(p -> p.format().contains("Pet\\u001B[2J"));
                });
    }
}
