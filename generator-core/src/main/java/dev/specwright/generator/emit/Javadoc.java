package dev.specwright.generator.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Javadoc from spec text. OpenAPI says descriptions are CommonMark, so they go through commonmark-java to HTML
 * (paragraphs, lists, code spans as {@code <code>}, links, emphasis); HTML written in the spec is escaped, shown as
 * text, and headings become bold paragraphs (a heading in Javadoc must fit the page's own heading levels). The HTML is
 * then made safe for a comment by {@link JavaText#javadocHtml} and wrapped at {@link #WIDTH} characters, so that no
 * generated line, indented, is over 120 characters (a single word longer than that, a URL, stays whole).
 */
final class Javadoc {

    /** The longest line of Javadoc text; with the deepest indentation (8) and {@code " * "} a line stays within 111. */
    static final int WIDTH = 100;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak(" ")
            .nodeRendererFactory(BoldHeadings::new).build();

    private Javadoc() {}

    /** A block of paragraphs, each piece Markdown; empty pieces are skipped. */
    static CodeBlock of(String... pieces) {
        CodeBlock.Builder b = CodeBlock.builder();
        boolean first = true;
        for (String piece : pieces) {
            if (piece == null || piece.isBlank()) {
                continue;
            }
            String html = html(piece);
            b.add("$L\n", wrap(first ? html : "<p>" + html, 0));
            first = false;
        }
        return b.build();
    }

    /**
     * Spec text as the HTML of one Javadoc paragraph (for {@code @param} and {@code @return}): its paragraphs run on,
     * separated by {@code <p>}, unwrapped; see {@link #wrap}.
     */
    static String inline(String markdown) {
        return html(markdown).replace("\n\n<p>", " <p>");
    }

    /**
     * What a parameter's {@code @param} says: its description as Markdown (see {@link #inline}), else its name from the
     * spec as code.
     */
    static String describe(String description, String specName) {
        return description.isBlank() ? JavaText.javadocCode(specName) : inline(description);
    }

    /** An {@code @param} line for a parameter (see {@link #describe}), wrapped, with its line end. */
    static String param(String javaName, String description, String specName) {
        return wrap("@param " + javaName + " " + describe(description, specName), 0) + "\n";
    }

    /**
     * Markdown to Javadoc HTML, safe in a comment: the first paragraph bare, each later block after a blank line (a
     * paragraph opened by {@code <p>}), no closing {@code </p>}.
     */
    static String html(String markdown) {
        String text = markdown.replace('\u0085', '\n').replace('\u2028', '\n').replace('\u2029', '\n').strip();
        String html = HTML.render(PARSER.parse(text)).strip();
        if (html.startsWith("<p>")) {
            html = html.substring(3);
        }
        html = html.replace("</p>\n", "\n").replace("\n<p>", "\n\n<p>").replace("\n<ul>", "\n\n<ul>").replace("\n<ol>", "\n\n<ol>")
                .replace("\n<pre>", "\n\n<pre>").replace("\n<blockquote>", "\n\n<blockquote>");
        if (html.endsWith("</p>")) {
            html = html.substring(0, html.length() - 4);
        }
        return JavaText.javadocHtml(html.strip());
    }

    /**
     * Lines of at most {@link #WIDTH} characters, breaking at spaces; {@code taken} characters of the first line are
     * already used (by {@code @param name }). Text inside {@code <pre>} keeps its lines.
     */
    static String wrap(String text, int taken) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean pre = false;
        int used = taken;
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
                used = 0;
            }
            if (line.contains("<pre>")) {
                pre = true;
            }
            if (pre || line.length() + used <= WIDTH) {
                out.append(line);
            } else {
                List<String> words = words(line);
                int column = used;
                for (int i = 0; i < words.size(); i++) {
                    String word = words.get(i);
                    if (i > 0 && column + 1 + word.length() > WIDTH) {
                        out.append('\n');
                        column = 0;
                    } else if (i > 0) {
                        out.append(' ');
                        column++;
                    }
                    out.append(word);
                    column += word.length();
                }
            }
            if (line.contains("</pre>")) {
                pre = false;
            }
        }
        return out.toString();
    }

    /** The words of a line; runs of spaces count as one, leading indentation is kept on the first word. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int start = 0;
        while (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        String indent = line.substring(0, start);
        for (String w : line.substring(start).split(" +")) {
            if (!w.isEmpty()) {
                words.add(words.isEmpty() ? indent + w : w);
            }
        }
        return words;
    }

    /** {@code # Title} → {@code <p><strong>Title</strong></p>}. */
    private static final class BoldHeadings implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        BoldHeadings(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("p");
            html.tag("strong");
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/strong");
            html.tag("/p");
            html.line();
        }
    }
}
