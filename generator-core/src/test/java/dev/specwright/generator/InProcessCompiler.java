package dev.specwright.generator;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with javac in this JVM, as strictly as our own build ({@code -Xlint:all -Werror}), against
 * the test classpath (which holds the runtime and Jackson).
 */
public final class InProcessCompiler {

    public record Result(boolean success, List<String> diagnostics, Path classes) {
        public ClassLoader classLoader() throws IOException {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, InProcessCompiler.class.getClassLoader());
        }
    }

    private InProcessCompiler() {}

    public static Result compile(List<GeneratedFile> files, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, options(classes), null, sources(files)).call();
            return new Result(ok, messages(diagnostics), classes);
        }
    }

    /** The {@code .java} files among {@code files}, as javac reads them once written (UTF-8). */
    public static List<JavaFileObject> sources(List<GeneratedFile> files) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile f : files) {
            if (f.path().endsWith(".java")) {
                sources.add(new Source(f));
            }
        }
        return sources;
    }

    /** Our own build's javac options, against the test classpath, writing into {@code classes} (created). */
    public static List<String> options(Path classes) throws IOException {
        Files.createDirectories(classes);
        return List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
    }

    /** Every diagnostic but notes, one line each: kind, file, line, message. */
    public static List<String> messages(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber()
                        + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String content;

        Source(GeneratedFile file) {
            super(URI.create("string:///" + file.path()), Kind.SOURCE);
            // as the writer stores it: UTF-8, where a lone surrogate would silently become '?'
            this.content = new String(file.content().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}
