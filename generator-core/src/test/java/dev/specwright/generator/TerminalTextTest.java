package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing a spec's text holds can drive a terminal: each dangerous code unit becomes visible {@code \\uXXXX}. */
class TerminalTextTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x061c, 0x200e,
        0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029, 0xd800, 0xdfff})
    void everyDangerousCodeUnitIsEscaped(int c) {
        String escaped = TerminalText.line("a" + (char) c + "b");

        assertThat(escaped).isEqualTo(String.format("a\\u%04Xb", c));
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
