package dev.specwright.generator;

import java.util.Objects;

/**
 * One defect of an input file, located well enough that a user can fix it without reading our code.
 *
 * @param file the file the problem is in, as the user named it
 * @param pointer an RFC 6901 JSON pointer into that file ({@code ""} for the whole document)
 * @param rule the rule that is broken, stated as a rule ("an operation needs at least one response")
 * @param fix what to change so the rule holds
 */
public record SpecProblem(String file, String pointer, String rule, String fix) {

    public SpecProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * {@code file#/pointer: rule. Fix: fix} — one line, the format every front end prints; spec text in it (names,
     * values) cannot move the cursor, colour the terminal or reorder the line ({@link TerminalText}).
     */
    public String format() {
        return TerminalText.line(file + "#" + pointer + ": " + rule + " Fix: " + fix);
    }

    @Override
    public String toString() {
        return format();
    }
}
