package dev.specwright.it.corpus;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One spec: generate in memory, then compile; never throws, every outcome is a {@link SpecResult}. */
final class SpecRunner {

    private final Path corpusRoot;
    private final String rootPrefix;
    private final InMemoryJavac javac;

    SpecRunner(Path corpusRoot, InMemoryJavac javac) {
        this.corpusRoot = corpusRoot;
        this.rootPrefix = corpusRoot.toString() + corpusRoot.getFileSystem().getSeparator();
        this.javac = javac;
    }

    SpecResult run(String spec, String basePackage) {
        long start = System.nanoTime();
        List<GeneratedFile> files;
        List<String> warnings = new ArrayList<>();
        try {
            GeneratorOptions options = GeneratorOptions.builder(corpusRoot.resolve(spec), Path.of("unused-output"))
                    .basePackage(basePackage)
                    .build();
            files = new Generator(w -> warnings.add(mask(oneLine(w.rule())))).files(options);
        } catch (SpecProblemsException e) {
            List<String> first = e.problems().stream().limit(3)
                    .map(p -> oneLine(p.format().replace(rootPrefix, ""))).toList();
            SpecProblem head = e.problems().get(0);
            return new SpecResult(spec, SpecResult.Outcome.REJECTED, first, e.problems().size(), 0, 0, millisSince(start), 0,
                    mask(oneLine(head.rule())), List.of());
        } catch (Throwable t) { // a crash of any kind, OutOfMemoryError and StackOverflowError included, is a failure
            if (t instanceof ThreadDeath death) {
                throw death;
            }
            return SpecResult.failed(spec, "generate: " + crash(t), "generate: " + crashKey(t), 0, 0, millisSince(start), 0);
        }
        long generateMillis = millisSince(start);
        int javaFiles = 0;
        long javaLines = 0;
        for (GeneratedFile f : files) {
            if (f.path().endsWith(".java")) {
                javaFiles++;
                javaLines += f.content().lines().count();
            }
        }
        long compileStart = System.nanoTime();
        try {
            InMemoryJavac.Result result = javac.compile(files);
            long compileMillis = millisSince(compileStart);
            if (result.success()) {
                return new SpecResult(spec, SpecResult.Outcome.COMPILED, List.of(), 0, javaFiles, javaLines, generateMillis,
                        compileMillis, "", warnings);
            }
            String counts = result.errors() + (result.errors() == 1 ? " error" : " errors") + ", " + result.warnings()
                    + (result.warnings() == 1 ? " warning" : " warnings");
            return SpecResult.failed(spec, "compile (" + counts + "): " + abbreviate(result.firstProblem(), 600),
                    "compile: " + abbreviate(mask(result.firstMessage()), 160), javaFiles, javaLines, generateMillis,
                    compileMillis);
        } catch (Throwable t) {
            if (t instanceof ThreadDeath death) {
                throw death;
            }
            return SpecResult.failed(spec, "javac crashed: " + crash(t), "javac crashed: " + crashKey(t), javaFiles, javaLines,
                    generateMillis, millisSince(compileStart));
        }
    }

    /** Exception class, message, the top frame, and the first of the generator's frames when the top one is not ours. */
    static String crash(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            s.append(": ").append(abbreviate(oneLine(t.getMessage()), 300));
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            s.append(" at ").append(trace[0]);
            StackTraceElement ours = ourFrame(trace);
            if (ours != null && ours != trace[0]) {
                s.append(" (from ").append(ours).append(')');
            }
        }
        return s.toString();
    }

    /** For grouping: the exception class and where it left the generator (or its top frame). */
    static String crashKey(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        StackTraceElement ours = ourFrame(trace);
        StackTraceElement at = ours != null ? ours : trace.length > 0 ? trace[0] : null;
        return t.getClass().getName() + (at == null ? "" : " at " + at.getClassName() + "." + at.getMethodName());
    }

    private static StackTraceElement ourFrame(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("dev.specwright.generator.")) {
                return e;
            }
        }
        return null;
    }

    /**
     * Masks what differs from spec to spec so equal causes group together: qualified names, identifiers with capitals,
     * digits or underscores, and quoted text.
     */
    static String mask(String message) {
        return message
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\\b0x[0-9a-fA-F]+\\b", "0x0")
                .replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("\\b[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+\\b", "N")
                .replaceAll("\\b(?=[\\w$]*[A-Z0-9_$])(?![A-Z][a-z]+\\b)[A-Za-z_$][\\w$]*\\b", "N")
                .replaceAll("\\b\\d+\\b", "0");
    }

    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
