package dev.specwright.it.corpus;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac in this JVM, as strict as our own build ({@code -Xlint:all -Werror}), over sources held in memory, against the
 * test classpath (the runtime and Jackson); class files are thrown away, only the verdict matters. The same approach as
 * generator-core's test {@code InProcessCompiler}, without its test jar. One javac task per spec.
 */
final class InMemoryJavac {

    /**
     * The verdict: no diagnostics at all means it compiled cleanly; otherwise the first error (or, without errors, the
     * first warning), located ({@code firstProblem}) and bare ({@code firstMessage}: kind and message, no location).
     */
    record Result(boolean success, int errors, int warnings, String firstProblem, String firstMessage) {}

    private static final String SOURCE_PREFIX = "string:///";
    private static final String WERROR = "compiler.err.warnings.and.werror";

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final String classpath;

    InMemoryJavac() {
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the build on a JDK, not a JRE");
        }
        // Everything javac needs to see from the test classpath: surefire's own jars are left out.
        this.classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    Result compile(List<GeneratedFile> files) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile f : files) {
            if (f.path().endsWith(".java")) {
                sources.add(new Source(f));
            }
        }
        if (sources.isEmpty()) {
            return new Result(false, 1, 0, "the generator produced no .java file", "the generator produced no .java file");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17", "-encoding", "UTF-8",
                "-implicit:none", "-classpath", classpath);
        boolean ok;
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
                JavaFileManager discarding = new Discarding(standard)) {
            ok = javac.getTask(null, discarding, diagnostics, options, null, sources).call();
        }
        List<Diagnostic<? extends JavaFileObject>> all = diagnostics.getDiagnostics();
        int errors = 0;
        int warnings = 0;
        Diagnostic<? extends JavaFileObject> firstError = null;
        Diagnostic<? extends JavaFileObject> firstWarning = null;
        Diagnostic<? extends JavaFileObject> firstOther = null;
        for (Diagnostic<? extends JavaFileObject> d : all) {
            switch (d.getKind()) {
                case ERROR -> {
                    // "warnings found and -Werror specified" is a consequence, not a cause
                    if (!WERROR.equals(d.getCode())) {
                        errors++;
                        if (firstError == null) {
                            firstError = d;
                        }
                    } else if (firstOther == null) {
                        firstOther = d;
                    }
                }
                case WARNING, MANDATORY_WARNING -> {
                    warnings++;
                    if (firstWarning == null) {
                        firstWarning = d;
                    }
                }
                default -> { }
            }
        }
        boolean clean = ok && errors == 0 && warnings == 0;
        Diagnostic<? extends JavaFileObject> first = firstError != null ? firstError : firstWarning != null ? firstWarning : firstOther;
        if (first == null) {
            String none = clean ? "" : "javac failed without a diagnostic";
            return new Result(clean, errors, warnings, none, none);
        }
        return new Result(clean, errors, warnings, location(first) + message(first), message(first));
    }

    private static String message(Diagnostic<? extends JavaFileObject> d) {
        String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
        return kind + ": " + d.getMessage(Locale.ROOT).strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    private static String location(Diagnostic<? extends JavaFileObject> d) {
        String where = "";
        if (d.getSource() != null) {
            String name = d.getSource().toUri().toString();
            if (name.startsWith(SOURCE_PREFIX)) {
                name = name.substring(SOURCE_PREFIX.length());
            }
            name = name.replaceFirst("^src/main/java/", "");
            where = name + ":" + d.getLineNumber() + ": ";
        }
        return where;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String content;

        Source(GeneratedFile file) {
            super(URI.create(SOURCE_PREFIX + file.path()), Kind.SOURCE);
            this.content = file.content();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }

    /** Compiles fully but writes nothing: every class file goes to a null stream. */
    private static final class Discarding extends ForwardingJavaFileManager<StandardJavaFileManager> {
        Discarding(StandardJavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discarded:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discarded:///" + packageName.replace('.', '/') + "/" + relativeName),
                    JavaFileObject.Kind.OTHER) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }
    }
}
