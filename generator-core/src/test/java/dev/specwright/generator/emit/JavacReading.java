package dev.specwright.generator.emit;

import com.sun.source.util.JavacTask;
import dev.specwright.generator.InProcessCompiler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generated sources as javac reads them: compiled like {@code InProcessCompiler} ({@code -Xlint:all -Werror}), and every
 * doc comment as javac's own comment reader sees it, HTML entities decoded, so a test can say what the Javadoc shows.
 */
final class JavacReading {

    record Result(List<String> diagnostics, Map<String, String> docs, Path classes) {
        ClassLoader freshLoader() throws IOException {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavacReading.class.getClassLoader());
        }
    }

    private JavacReading() {}

    static Result compile(List<GeneratedFile> files, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, String> docs = new LinkedHashMap<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, InProcessCompiler.options(classes), null,
                    InProcessCompiler.sources(files));
            for (Element e : task.analyze()) {
                if (e instanceof TypeElement type) {
                    collect(task, type, docs);
                }
            }
            task.generate();
        }
        return new Result(InProcessCompiler.messages(diagnostics), docs, classes);
    }

    private static void collect(JavacTask task, TypeElement type, Map<String, String> docs) {
        put(docs, type.getQualifiedName().toString(), task.getElements().getDocComment(type));
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                collect(task, nested, docs);
            } else {
                put(docs, type.getQualifiedName() + "#" + member.getSimpleName(), task.getElements().getDocComment(member));
            }
        }
    }

    private static void put(Map<String, String> docs, String key, String comment) {
        if (comment != null) {
            docs.put(key, decode(comment));
        }
    }

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot);");

    /** The text a reader of the rendered Javadoc sees, for the entities the generator writes. */
    static String decode(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String text = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                default -> Character.toString(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
