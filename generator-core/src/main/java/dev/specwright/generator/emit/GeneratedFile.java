package dev.specwright.generator.emit;

import java.util.Objects;

/**
 * One file to write: a path relative to the output folder, always with {@code /}, and its text (written as UTF-8).
 */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("generated paths stay inside the output folder: " + path);
        }
    }
}
