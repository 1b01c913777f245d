package dev.specwright.generator;

import java.util.Locale;

/**
 * Makes text from a spec safe to print: a spec's strings reach problems and warnings, and a raw ESC, a carriage return
 * or a bidi override there could repaint a terminal, hide a line or reorder what a reader sees. Every front end prints
 * through here, so the rule lives in one place: C0 controls (except a newline where lines are intended), DEL, C1
 * controls, every format character (the bidi marks, embeddings, overrides and isolates U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069, zero-width characters, U+FEFF, and those outside the basic plane such as the
 * tag characters U+E0001–U+E007F), the line and paragraph separators (U+2028, U+2029) and
 * lone surrogates become the visible text {@code \\uXXXX}.
 */
public final class TerminalText {

    private TerminalText() {}

    /** One line: every newline escaped too. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** Several lines: {@code \n} kept, everything else as in {@link #line}. */
    public static String lines(String text) {
        return escape(text, true);
    }

    /**
     * Walks code points, not chars: a format character outside the basic plane (the tag characters U+E0001 and
     * U+E0020–U+E007F, U+1D173–U+1D17A) is two chars neither of which is a format character on its own. An unsafe code
     * point is written as the escapes of its UTF-16 units ({@code \\uDB40\\uDC01}), the form Java and JSON read back.
     */
    private static String escape(String text, boolean keepNewlines) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean unsafe = unsafe(codePoint) && !(keepNewlines && codePoint == '\n');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    for (char unit : Character.toChars(codePoint)) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) unit));
                    }
                } else {
                    out.append(text, i, i + width);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** A lone surrogate reaches here as its own code point (codePointAt pairs only a well-formed pair). */
    private static boolean unsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
