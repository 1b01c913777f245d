package dev.specwright.generator.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * The one way text from a spec or an {@code errors.json} reaches a Java file: as Javadoc, or as a string literal (also in
 * an annotation value or an enum constant's argument). Nothing else may put such text into generated source.
 *
 * <p>Why a function of its own rather than JavaPoet's {@code $S} and a few {@code replace} calls: javac turns
 * {@code \}{@code u002a} (any number of {@code u}s) into {@code *} before it even finds the comments, anywhere in a file
 * whose backslash before it is preceded by an even number of backslashes. So the Javadoc text holds no backslash at all
 * (written {@code &#92;}), and a literal doubles every backslash, which makes every backslash before a {@code u}
 * odd-numbered. Code points that would be invisible or misleading in an editor (bidi and other format controls, line
 * and paragraph separators, control characters: Trojan Source) are written as escapes, and lone surrogates, which
 * UTF-8 cannot hold, as {@code \}{@code uD800}-style escapes in literals (the value survives) and U+FFFD in Javadoc.
 */
final class JavaText {

    /** What a lone surrogate becomes in Javadoc, where no escape could carry it. */
    static final char REPLACEMENT = '\uFFFD';

    private JavaText() {}

    /**
     * Text for the body of a Javadoc comment, shown as written: HTML-escaped, without block or inline tags, never able to
     * close the comment (also not where it is joined to the text around it), one source line per line of the text.
     */
    static String javadoc(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u0085', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n').strip();
        return javadocHtml(lines.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    /**
     * HTML for the body of a Javadoc comment (from {@link Javadoc}, whose renderer escaped the spec's own markup): kept as
     * markup, but with the rules of {@link #javadoc} for everything that could close the comment, start a tag, turn into
     * a unicode escape or hide in an editor.
     */
    static String javadocHtml(String html) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < html.length(); ) {
            int cp = html.codePointAt(i);
            i += Character.charCount(cp);
            boolean wasLineStart = lineStart;
            lineStart = cp == '\n' || (lineStart && (cp == ' ' || cp == '\t'));
            switch (cp) {
                case '\n', '\t' -> out.append((char) cp);
                case '*' -> out.append(wasLineStart ? "&#42;" : "*");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(out.length() == 0 || out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
                default -> {
                    if (Character.getType(cp) == Character.SURROGATE) {
                        out.append(REPLACEMENT);
                    } else if (invisible(cp)) {
                        out.append("&#x").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(';');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '*') {
            out.setLength(out.length() - 1);
            out.append("&#42;");
        }
        return out.toString();
    }

    /** Spec text shown as code inside Javadoc: {@code <code>} rather than {@code {@code}}, whose body takes no escapes. */
    static String javadocCode(String text) {
        return "<code>" + javadoc(text) + "</code>";
    }

    /** A string literal whose value is exactly {@code text} (for {@code $L}, in code or an annotation value). */
    static CodeBlock literal(String text) {
        return CodeBlock.of("$L", literalSource(text));
    }

    /**
     * The source of a string constant whose value is exactly {@code text}: one literal, quotes included (two joined by
     * {@code +} after a lone high surrogate), controls, format characters and lone surrogates escaped.
     */
    static String literalSource(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                    if (paired) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || invisible(c)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                            // javac looks past an escaped high surrogate for its low half and, when a backslash
                            // follows, loses count of the backslashes: backslash-uD800, two backslashes, u002f reads
                            // as an illegal escape of '/' (found by JavaTextPropertyTest). A new literal starts the
                            // rest afresh; the constant is the same.
                            out.append("\" + \"");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Code points an editor or terminal shows as nothing or as a reordering: C0/C1 controls and DEL, format controls
     * (bidi embeddings, overrides and isolates, zero-width characters, the BOM), and line/paragraph separators.
     */
    static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
