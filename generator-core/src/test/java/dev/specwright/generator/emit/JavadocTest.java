package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spec Markdown as Javadoc HTML: CommonMark's meaning, the comment's safety rules, lines that fit. */
class JavadocTest {

    @Test
    void markdownBecomesJavadocHtml() {
        String html = Javadoc.html("The `sku` of a **product**.\n\nSee [the docs](https://example.com/docs).\n\n"
                + "- one\n- two\n\n# Heading\n\n    code block\n");
        assertThat(html).startsWith("The <code>sku</code> of a <strong>product</strong>.\n\n<p>See ")
                .contains("href=\"https://example.com/docs\">the docs</a>.")
                .contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>")
                .contains("<p><strong>Heading</strong>")
                .contains("<pre><code>code block\n</code></pre>")
                .doesNotContain("</p>").doesNotContain("<h1>");
    }

    @Test
    void rawHtmlInTheSpecIsShownAsText() {
        assertThat(Javadoc.html("a <script>x</script> b\n\n<div>block</div>"))
                .isEqualTo("a &lt;script&gt;x&lt;/script&gt; b\n\n<p>&lt;div&gt;block&lt;/div&gt;")
                .doesNotContain("<script>", "<div>");
    }

    @Test
    void nothingCanCloseTheCommentStartATagOrBecomeAnEscape() {
        String html = Javadoc.html("`*/` then \\\\u002a/ and\n@deprecated {@link X} and a javascript:alert(1) [link](javascript:alert(1))");
        assertThat(html).doesNotContain("*/", "\\", "{@", "href=\"javascript");
        assertThat(html.lines()).noneMatch(l -> l.strip().startsWith("@"));
        assertThat(Javadoc.html("ends with a star *")).doesNotEndWith("*");
        assertThat(Javadoc.html("bidi \u202e here")).contains("&#x202E;").doesNotContain("\u202e");
    }

    @Test
    void linesAreWrappedAtTheWidthAndSoftBreaksReflowed() {
        String words = "word ".repeat(60).strip();
        String wrapped = Javadoc.wrap(Javadoc.html(words + "\nnext line of the same paragraph"), 20);
        assertThat(wrapped.lines()).allMatch(l -> l.length() <= Javadoc.WIDTH);
        assertThat(wrapped.lines().findFirst().orElseThrow().length()).isLessThanOrEqualTo(Javadoc.WIDTH - 20);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(words + " next line of the same paragraph");
    }

    @Test
    void preformattedLinesAreKept() {
        String longLine = "x".repeat(50) + " " + "y".repeat(60);
        String wrapped = Javadoc.wrap(Javadoc.html("```\n" + longLine + "\n```"), 0);
        assertThat(wrapped).contains(longLine);
    }

    @Test
    void paragraphsOfOf() {
        assertThat(Javadoc.of("First *one*.", "", "Second.").toString()).isEqualTo("First <em>one</em>.\n<p>Second.\n");
    }
}
