package dev.specwright.generator;

import java.util.Locale;

/**
 * Makes text from a spec safe to print: a spec's strings reach problems and warnings, and a raw ESC, a carriage return
 * or a bidi override there could repaint a terminal, hide a line or reorder what a reader sees. Every front end prints
 * through here, so the rule lives in one place: C0 controls (except a newline where lines are intended), DEL, C1
 * controls, every format character (the bidi marks, embeddings, overrides and isolates U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069, zero-width characters, U+FEFF), the line and paragraph separators (U+2028, U+2029) and
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

    private static String escape(String text, boolean keepNewlines) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = unsafe(text, i) && !(keepNewlines && c == '\n');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(unsafe ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
