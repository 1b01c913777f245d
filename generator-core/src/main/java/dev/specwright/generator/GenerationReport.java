package dev.specwright.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did to the output folder.
 *
 * @param sourceRoot the folder holding the generated Java sources (what a build adds as a source root)
 * @param written files created or changed, relative to the output folder
 * @param unchanged files whose bytes were already right and were left untouched
 */
public record GenerationReport(Path sourceRoot, List<Path> written, List<Path> unchanged) {

    public GenerationReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
    }

    public int fileCount() {
        return written.size() + unchanged.size();
    }
}
