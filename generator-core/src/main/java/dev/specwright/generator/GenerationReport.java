package dev.specwright.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did to the output folder.
 *
 * @param sourceRoot the folder holding the generated Java sources (what a build adds as a source root)
 * @param written files created or changed, relative to the output folder
 * @param unchanged files whose bytes were already right and were left untouched
 * @param deleted files the previous run wrote, this one no longer generates, and nobody had edited
 * @param warnings one sentence per file deliberately left alone (edited since written, listed without a hash by an
 *     older Specwright, replaced on purpose): front ends print each as a warning
 * @param inputs the local files the client was generated from, absolute: the spec, every file reached through a
 *     {@code $ref} (by real path), and the error catalogue; an up-to-date check hashes exactly these
 * @param remoteInputs whether a remote document was fetched too (allowed hosts): then no check of local files alone
 *     can prove the output current
 */
public record GenerationReport(Path sourceRoot, List<Path> written, List<Path> unchanged, List<Path> deleted,
        List<String> warnings, List<Path> inputs, boolean remoteInputs) {

    public GenerationReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
        warnings = List.copyOf(warnings);
        inputs = List.copyOf(inputs);
    }

    /** A report without its inputs, as before the up-to-date check needed them. */
    public GenerationReport(Path sourceRoot, List<Path> written, List<Path> unchanged, List<Path> deleted,
            List<String> warnings) {
        this(sourceRoot, written, unchanged, deleted, warnings, List.of(), false);
    }

    /** A report of writes alone, as before files could be deleted or kept. */
    public GenerationReport(Path sourceRoot, List<Path> written, List<Path> unchanged) {
        this(sourceRoot, written, unchanged, List.of(), List.of());
    }

    public int fileCount() {
        return written.size() + unchanged.size();
    }
}
