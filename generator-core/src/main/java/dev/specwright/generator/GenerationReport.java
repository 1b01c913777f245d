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
 */
public record GenerationReport(Path sourceRoot, List<Path> written, List<Path> unchanged, List<Path> deleted,
        List<String> warnings) {

    public GenerationReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
        warnings = List.copyOf(warnings);
    }

    /** A report of writes alone, as before files could be deleted or kept. */
    public GenerationReport(Path sourceRoot, List<Path> written, List<Path> unchanged) {
        this(sourceRoot, written, unchanged, List.of(), List.of());
    }

    public int fileCount() {
        return written.size() + unchanged.size();
    }
}
