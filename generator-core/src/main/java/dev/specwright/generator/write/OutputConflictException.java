package dev.specwright.generator.write;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Files at paths the generator must write that it did not write, or that someone edited since: every one is named,
 * with the ways out. Thrown after planning, before anything is written.
 */
public final class OutputConflictException extends OutputRefusedException {

    private static final long serialVersionUID = 1L;

    /** One file in the way: its path relative to the output folder and why it is not ours to replace. */
    public record Conflict(String path, String reason) {}

    private final transient List<Conflict> conflicts;

    public OutputConflictException(String outputDir, List<Conflict> conflicts) {
        super(describe(outputDir, conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    private static String describe(String outputDir, List<Conflict> conflicts) {
        int n = conflicts.size();
        return n + (n == 1 ? " file" : " files") + " in " + outputDir + (n == 1 ? " is" : " are")
                + " in the way and not this run's to replace; nothing was written:\n"
                + conflicts.stream().map(c -> "  " + c.path() + ": " + c.reason()).collect(Collectors.joining("\n"))
                + "\nTo go on, either move " + (n == 1 ? "it" : "them") + " away, or list "
                + (n == 1 ? "its path" : "their paths") + " (or a glob) in " + OutputWriter.IGNORE_FILE
                + " in the output folder so Specwright never writes nor deletes " + (n == 1 ? "it" : "them")
                + ", or replace " + (n == 1 ? "it" : "them") + " on purpose with --force (CLI) or"
                + " <overwrite>true</overwrite> (Maven plugin).";
    }
}
