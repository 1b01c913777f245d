package dev.specwright.generator.emit;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Every non-Java file comes from a Mustache template ({@link TemplateSet}), rendered from a typed context record
 * ({@link TemplateContexts}) whose every tag was checked first: Mustache renders a missing key as nothing, so a name
 * the context lacks fails the build instead. Specwright's own templates are written with {@code layout=project}; the
 * ones a user adds, in every layout.
 */
final class TemplateRenderer {

    static final String TOOLKIT_VERSION = toolkitVersion();

    private TemplateRenderer() {}

    /**
     * The files of the run's templates. The templates are read and checked now, before any file renders (so before
     * any Java file, this emitter being first); the files render as the stream is consumed.
     */
    static Stream<GeneratedFile> files(EmitContext context) {
        TemplateSet set = TemplateSet.load(context.customization().templateDirectory());
        boolean project = context.layout() == Layout.PROJECT;
        List<TemplateSet.Template> chosen = set.templates().stream().filter(t -> project || !t.isDefault()).toList();
        if (chosen.isEmpty()) {
            return Stream.empty();
        }
        TemplateContexts.Spec spec = new TemplateContextBuilder(context.api(), context.types())
                .spec(context.layout(), context.customization());
        Map<String, String> rendered = new HashMap<>();
        return chosen.stream().flatMap(template -> {
            Mustache mustache = compile(template);
            return contexts(template.scope(), spec).map(c -> render(template, mustache, c, rendered));
        });
    }

    private static Stream<? extends Record> contexts(TemplateSet.Scope scope, TemplateContexts.Spec spec) {
        return switch (scope) {
            case SPEC -> Stream.of(spec);
            case API -> spec.apis().stream();
            case MODEL -> spec.models().stream();
            case ERRORS -> spec.errors().present() ? Stream.of(spec.errors()) : Stream.empty();
        };
    }

    private static Mustache compile(TemplateSet.Template template) {
        try {
            return new DefaultMustacheFactory().compile(new StringReader(template.text()), template.source());
        } catch (MustacheException e) {
            throw new CustomizationException(TemplateCheck.OPTION, template.source() + ": " + e.getMessage(), e);
        }
    }

    private static GeneratedFile render(TemplateSet.Template template, Mustache mustache, Record context,
            Map<String, String> rendered) {
        String path = TemplateSet.checkedPath(template, TemplateCheck.renderPath(template.source() + " (its file name)",
                template.outputPath(), context));
        String earlier;
        synchronized (rendered) {
            earlier = rendered.putIfAbsent(path.toLowerCase(Locale.ROOT), template.source() + " (" + path + ")");
        }
        if (earlier != null) {
            throw TemplateSet.clash(template, path, earlier);
        }
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, context);
        } catch (MustacheException e) {
            throw new CustomizationException(TemplateCheck.OPTION, template.source() + ": " + e.getMessage(), e);
        }
        return new GeneratedFile(path, out.toString());
    }

    /**
     * Spec text for one line of a pom or README: line breaks become spaces, and what XML 1.0 cannot hold even escaped
     * (most controls, lone surrogates) or a terminal would act on (ESC, bidi and other format controls) becomes U+FFFD.
     * Mustache's own escaping then deals with {@code <}, {@code &} and quotes in the pom.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", " ").codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else if (JavaText.invisible(cp) || Character.getType(cp) == Character.SURROGATE || cp == 0xFFFE || cp == 0xFFFF) {
                out.append(JavaText.REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /**
     * Spec text of several lines (a description, for Markdown): each line as {@link #printable} makes it, the line
     * breaks kept as {@code \n}, spaces at line ends and blank lines at either end dropped.
     */
    static String printableLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\\R", -1)) {
            String kept = line.isBlank() ? "" : line.substring(0, line.length() - line.stripLeading().length())
                    .replace('\t', ' ') + printable(line);
            out.append(kept).append('\n');
        }
        return out.toString().strip();
    }

    private static String toolkitVersion() {
        Properties p = new Properties();
        try (InputStream in = TemplateRenderer.class.getResourceAsStream("/dev/specwright/generator/specwright.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "0.0.0");
    }
}
