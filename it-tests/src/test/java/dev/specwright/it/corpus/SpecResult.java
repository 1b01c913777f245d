package dev.specwright.it.corpus;

import java.util.List;

/**
 * What happened to one spec of the corpus.
 *
 * @param spec the spec's path inside the corpus, with {@code /}
 * @param outcome compiled, rejected or failed
 * @param messages for a rejection the first located problems (at most three); for a failure one line saying what broke
 * @param problemCount how many problems a rejection reported in all (0 otherwise)
 * @param javaFiles how many {@code .java} files were generated (0 if generation did not finish)
 * @param javaLines how many lines those files hold
 * @param generateMillis time spent in the generator
 * @param compileMillis time spent in javac
 * @param cause a short key to group results by: the rule a rejection breaks, the exception class and top frame of a
 *     crash, the first javac message of a compile failure with its names masked
 * @param warnings for a compiled spec, the rule of each defect the generator coped with (a warning), names masked
 */
record SpecResult(String spec, Outcome outcome, List<String> messages, int problemCount, int javaFiles, long javaLines,
        long generateMillis, long compileMillis, String cause, List<String> warnings) {

    enum Outcome {
        COMPILED, REJECTED, FAILED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    SpecResult {
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
    }

    static SpecResult failed(String spec, String message, String cause, int javaFiles, long javaLines, long generateMillis,
            long compileMillis) {
        return new SpecResult(spec, Outcome.FAILED, List.of(message), 0, javaFiles, javaLines, generateMillis, compileMillis,
                cause, List.of());
    }

    String firstMessage() {
        return messages.isEmpty() ? "" : messages.get(0);
    }
}
