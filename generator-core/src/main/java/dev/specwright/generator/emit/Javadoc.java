package dev.specwright.generator.emit;

import com.palantir.javapoet.CodeBlock;

/** Javadoc paragraphs from spec text, each escaped by {@link JavaText#javadoc}. */
final class Javadoc {

    private Javadoc() {}

    /** A block of paragraphs, each non-empty piece escaped; empty pieces are skipped. */
    static CodeBlock of(String... paragraphs) {
        CodeBlock.Builder b = CodeBlock.builder();
        boolean first = true;
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            b.add(first ? "$L\n" : "\n<p>$L\n", JavaText.javadoc(p));
            first = false;
        }
        return b.build();
    }
}
