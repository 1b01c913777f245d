package dev.specwright.it.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real-spec corpus: every spec (or a deterministic sample of 300) generated in memory and compiled in-process with
 * {@code -Xlint:all -Werror}. Each spec compiles, or is rejected with located messages, or fails (a crash, a timeout, a
 * compile error); the build fails when there are more failures than {@code specwright.corpus.maxFailures}.
 *
 * <p>System properties (the it-tests pom passes them through, with its defaults):
 *
 * <ul>
 *   <li>{@code specwright.corpus}: {@code off} (the default without the pom), {@code sample}, {@code all};
 *   <li>{@code specwright.corpus.specs}: comma-separated spec paths inside the corpus (e.g.
 *       {@code github.com/api.github.com.json}): only those, instead of the sample;
 *   <li>{@code specwright.corpus.sampleSize} (300), {@code specwright.corpus.threads} (2),
 *       {@code specwright.corpus.timeoutSeconds} (300), {@code specwright.corpus.maxFailures} (0),
 *       {@code specwright.corpus.aloneAboveMb} (8: larger specs run with no other beside them);
 *   <li>{@code specwright.corpus.dir} (where the corpus is fetched to), {@code specwright.corpus.fetchScript},
 *       {@code specwright.corpus.report} (the Markdown report).
 * </ul>
 */
class CorpusTest {

    @Test
    void everySpecCompilesOrIsRejectedWithALocatedMessage() throws Exception {
        String mode = property("specwright.corpus", "off").toLowerCase(Locale.ROOT);
        assumeTrue(!mode.equals("off") && !mode.equals("false") && !mode.equals("skip"),
                "the corpus test is off: run it with -Dspecwright.corpus=sample (300 specs) or -Dspecwright.corpus=all (2,639)");
        if (!mode.equals("sample") && !mode.equals("all")) {
            throw new IllegalArgumentException("-Dspecwright.corpus=" + mode + ": use off, sample or all");
        }
        Path dir = Path.of(property("specwright.corpus.dir",
                System.getProperty("user.home") + "/.cache/specwright/corpus"));
        Path script = Path.of(property("specwright.corpus.fetchScript", "../../shared/tools/fetch-corpus.sh"));
        Path reportFile = Path.of(property("specwright.corpus.report", "target/corpus-report.md"));
        int sampleSize = Integer.parseInt(property("specwright.corpus.sampleSize", "300"));
        int threads = Integer.parseInt(property("specwright.corpus.threads", "2"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(property("specwright.corpus.timeoutSeconds", "300")));
        int maxFailures = Integer.parseInt(property("specwright.corpus.maxFailures", "0"));
        String only = property("specwright.corpus.specs", "");

        Path root = CorpusSpecs.fetch(script, dir);
        List<String> all = CorpusSpecs.list(root);
        List<String> chosen;
        if (!only.isBlank()) {
            mode = "specs";
            chosen = Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
            for (String spec : chosen) {
                if (!all.contains(spec)) {
                    throw new IllegalArgumentException("-Dspecwright.corpus.specs: no spec " + spec + " in " + root);
                }
            }
        } else {
            chosen = mode.equals("all") ? all : CorpusSpecs.sample(all, sampleSize);
        }
        Map<String, String> packages = CorpusSpecs.packages(chosen);
        System.out.printf(Locale.ROOT, "corpus (%s): %d of %d specs from %s, %d threads, %d s each%n", mode, chosen.size(),
                all.size(), root, threads, timeout.toSeconds());

        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int total = chosen.size();
        long aloneBytes = Long.parseLong(property("specwright.corpus.aloneAboveMb", "8")) * 1024 * 1024;
        CorpusRunner runner = new CorpusRunner(new SpecRunner(root, new InMemoryJavac()), threads, timeout,
                spec -> size(root.resolve(spec)) > aloneBytes);
        List<SpecResult> results = runner.run(packages, r -> {
            int n = done.incrementAndGet();
            if (r.outcome() == SpecResult.Outcome.FAILED) {
                System.out.printf(Locale.ROOT, "corpus [%d/%d] FAILED %s: %s%n", n, total, r.spec(),
                        SpecRunner.abbreviate(r.firstMessage(), 240));
            } else if (n % 25 == 0 || n == total) {
                System.out.printf(Locale.ROOT, "corpus [%d/%d] %s%n", n, total, r.spec());
            }
        });
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        CorpusReport report = new CorpusReport(new CorpusReport.Run(mode, all.size(), threads, timeout, maxFailures, wall),
                results);
        report.write(reportFile);
        long failures = report.count(SpecResult.Outcome.FAILED);
        System.out.println(report.totals());
        if (failures > 0) {
            System.out.println("corpus: top failure causes\n" + report.topFailureCauses(10));
        }
        System.out.println("corpus: report in " + reportFile.toAbsolutePath().normalize());
        assertTrue(failures <= maxFailures, () -> failures + " corpus specs failed, more than the threshold "
                + maxFailures + " (specwright.corpus.maxFailures); see " + reportFile.toAbsolutePath().normalize());
        if (failures < maxFailures) {
            System.out.println("corpus: " + failures + " failures, below the threshold " + maxFailures
                    + ": lower specwright.corpus.maxFailures in it-tests/pom.xml to " + failures);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static long size(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0; // the spec's own run reports what is wrong with the file
        }
    }
}
