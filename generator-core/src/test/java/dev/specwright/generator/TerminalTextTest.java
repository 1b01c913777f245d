package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing a spec's text holds can drive a terminal: each dangerous code unit becomes visible {@code \\uXXXX}. */
class TerminalTextTest {

    private static final String HOSTILE = "Pet\u001b[2J\u001b]0;owned\u0007\r\nFAKE: ok\u202e\u2066\u0085\u2028\u009b\ud800";

    @TempDir
    Path tmp;

    @Test
    void controlsBecomeVisibleEscapes() {
        assertThat(TerminalText.line(HOSTILE)).isEqualTo(
                "Pet\\u001B[2J\\u001B]0;owned\\u0007\\u000D\\u000AFAKE: ok\\u202E\\u2066\\u0085\\u2028\\u009B\\uD800");
        assertThat(TerminalText.line("plain text, é, 日本, \ud83d\ude00")).isEqualTo("plain text, é, 日本, \ud83d\ude00");
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


    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x061c, 0x200e,
        0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029, 0xd800, 0xdfff})
    void everyDangerousCodeUnitIsEscaped(int c) {
        String escaped = TerminalText.line("a" + (char) c + "b");

        assertThat(escaped).isEqualTo(String.format("a\\u%04Xb", c));
    }

    /** Tag characters and musical format controls live outside the BMP: one code point, two UTF-16 units. */
    @ParameterizedTest
    @ValueSource(ints = {0xE0001, 0xE0041, 0xE007F, 0x1D173, 0x1D17A, 0x110BD, 0x1BCA0})
    void aFormatCharacterOutsideTheBasicPlaneIsEscapedAsItsSurrogatePair(int codePoint) {
        assertThat(Character.getType(codePoint)).isEqualTo((int) Character.FORMAT);
        char[] units = Character.toChars(codePoint);

        String escaped = TerminalText.line("a" + Character.toString(codePoint) + "b");

        assertThat(escaped).isEqualTo(String.format("a\\u%04X\\u%04Xb", (int) units[0], (int) units[1]));
    }

    @Test
    void hiddenTagTextAfterAnEmojiIsShownButTheEmojiKept() {
        String hidden = "ok\uD83D\uDE00" + "\uDB40\uDC01\uDB40\uDC41" + "\uD834\uDD73!";

        assertThat(TerminalText.line(hidden)).isEqualTo("ok\uD83D\uDE00\\uDB40\\uDC01\\uDB40\\uDC41\\uD834\\uDD73!");
    }

    @Test
    void anEscapeSequenceThatWouldRepaintTheTerminalIsShownNotRun() {
        String hostile = "pet\u001b[2J\u001b]0;pwned\u0007\rFix: nothing \u202Eevil";

        assertThat(TerminalText.line(hostile))
                .isEqualTo("pet\\u001B[2J\\u001B]0;pwned\\u0007\\u000DFix: nothing \\u202Eevil")
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202e");
    }

    @Test
    void linesKeepTheirNewlinesButNotACarriageReturn() {
        assertThat(TerminalText.lines("one\ntwo\r\nthree")).isEqualTo("one\ntwo\\u000D\nthree");
        assertThat(TerminalText.line("one\ntwo")).isEqualTo("one\\u000Atwo");
    }

    @Test
    void ordinaryTextOfAnyScriptIsUntouched() {
        String text = "Café 中文 עברית \uD83D\uDE00 tab-free, quotes \" ' \\ and #/paths/~1pets";

        assertThat(TerminalText.line(text)).isSameAs(text);
    }

    @Test
    void aLoneSurrogateIsEscapedButAPairIsKept() {
        assertThat(TerminalText.line("x\uD83Dy\uDE00z\uD83D")).isEqualTo("x\\uD83Dy\\uDE00z\\uD83D");
        assertThat(TerminalText.line("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }
}
