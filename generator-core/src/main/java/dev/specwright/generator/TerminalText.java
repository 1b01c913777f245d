package dev.specwright.generator;

import java.util.Locale;

/**
 * Text from a spec on its way to a terminal or a build log: every code point that a terminal would act on or hide —
 * C0/C1 controls (an ESC starts a colour or cursor sequence), DEL, line breaks (a message is one line), bidi and other
 * format controls, line/paragraph separators, lone surrogates — is shown as an escape ({@code \n}, or {@code \}{@code u001B} for an ESC) instead.
 */
public final class TerminalText {

    private TerminalText() {}

    public static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            int type = Character.getType(c);
            boolean shown = !(Character.isISOControl(c) || Character.isSurrogate(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
            if (shown) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format(Locale.ROOT, "\\u%04X", (int) c);
            });
        }
        return out == null ? text : out.toString();
    }
}
