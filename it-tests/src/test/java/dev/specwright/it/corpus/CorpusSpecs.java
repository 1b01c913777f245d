package dev.specwright.it.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Fetching the corpus, listing its specs, choosing the deterministic sample, and naming a package per spec. */
final class CorpusSpecs {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "_");

    private CorpusSpecs() {}

    /**
     * Runs the fetch script (idempotent: it returns at once when the corpus is already there) and returns the folder of
     * specs, {@code dest/api}.
     */
    static Path fetch(Path script, Path dest) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("the corpus fetch script is missing: looked for " + script.toAbsolutePath().normalize()
                    + " (the repository's sibling folder shared/tools/, set with -Dspecwright.corpus.fetchScript=...),"
                    + " or skip the corpus test with -Dspecwright.corpus=off");
        }
        Process process = new ProcessBuilder("bash", script.toString(), dest.toString()).inheritIO().start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the corpus fetch script did not finish within 15 minutes: " + script);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the corpus fetch script failed with exit code " + process.exitValue() + ": bash "
                    + script + " " + dest);
        }
        Path api = dest.resolve("api");
        if (!Files.isDirectory(api)) {
            throw new IllegalStateException("the corpus fetch script left no folder " + api);
        }
        return api;
    }

    /** Every {@code .json} spec under {@code root}, as paths relative to it with {@code /}, sorted. */
    static List<String> list(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} specs spread evenly over the sorted list: index {@code i * n / size} for i = 0..size-1. */
    static List<String> sample(List<String> sorted, int size) {
        int n = sorted.size();
        if (size >= n) {
            return sorted;
        }
        List<String> picked = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            picked.add(sorted.get((int) ((long) i * n / size)));
        }
        return picked;
    }

    /**
     * A base package per spec, unique within {@code specs}: {@code corpus.<dir>.<file>}, each segment lower case with
     * anything but letters and digits turned into {@code _}, e.g. {@code adyen.com/CheckoutService-v71.json} →
     * {@code corpus.adyen_com.checkoutservice_v71}.
     */
    static Map<String, String> packages(List<String> specs) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (String spec : specs) {
            String stem = spec.endsWith(".json") ? spec.substring(0, spec.length() - 5) : spec;
            StringBuilder pkg = new StringBuilder("corpus");
            for (String segment : stem.split("/")) {
                pkg.append('.').append(segment(segment));
            }
            String base = pkg.toString();
            int seen = used.merge(base, 1, Integer::sum);
            result.put(spec, seen == 1 ? base : base + "_" + seen);
        }
        return result;
    }

    private static String segment(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "_" + s;
        }
        if (s.equals("_")) {
            s = "_x";
        }
        return KEYWORDS.contains(s) ? s + "_" : s;
    }
}
