package dev.specwright.generator.emit;

import com.palantir.javapoet.CodeBlock;

/** Spec text → Javadoc text: HTML-escaped so any description compiles, and never able to close the comment. */
final class Javadoc {

    private Javadoc() {}

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "{@literal @}").replace("\\u", "\\\\u").strip();
    }

    /** A block of paragraphs, each non-empty piece escaped; empty pieces are skipped. */
    static CodeBlock of(String... paragraphs) {
        CodeBlock.Builder b = CodeBlock.builder();
        boolean first = true;
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            b.add(first ? "$L\n" : "\n<p>$L\n", escape(p));
            first = false;
        }
        return b.build();
    }
}
