package dev.specwright.generator.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .specwright-ignore} in the output folder: one relative path or glob per line ({@code #} starts a comment;
 * {@code *} stays within a folder, {@code **} crosses folders). A matching path belongs to the user: Specwright never
 * writes it, never deletes it, and drops it from its manifest.
 */
final class IgnoreFile {

    private final List<PathMatcher> matchers;

    private IgnoreFile(List<PathMatcher> matchers) {
        this.matchers = matchers;
    }

    static IgnoreFile read(Path root) throws IOException {
        Path file = root.resolve(OutputWriter.IGNORE_FILE);
        List<PathMatcher> matchers = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                if (pattern.startsWith("/")) {
                    pattern = pattern.substring(1); // "/pom.xml" reads naturally as "at the top of the output folder"
                }
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + escapeForGlob(pattern)));
            }
        }
        return new IgnoreFile(matchers);
    }

    /** A literal path such as {@code src/main/java/Pet.java} is a glob matching itself; only a stray brace could fail. */
    private static String escapeForGlob(String pattern) {
        return pattern.replace("\\", "\\\\");
    }

    boolean ignores(String relative) {
        Path path = Path.of(relative);
        return matchers.stream().anyMatch(m -> m.matches(path));
    }
}
