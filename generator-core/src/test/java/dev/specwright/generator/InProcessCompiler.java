package dev.specwright.generator;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
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
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile f : files) {
            if (f.path().endsWith(".java")) {
                sources.add(new Source(f));
            }
        }
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            java.nio.file.Files.createDirectories(classes);
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, sources).call();
            List<String> messages = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber()
                            + ": " + d.getMessage(Locale.ROOT))
                    .toList();
            return new Result(ok, messages, classes);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String content;

        Source(GeneratedFile file) {
            super(URI.create("string:///" + file.path()), Kind.SOURCE);
            this.content = file.content();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}
