package dev.specwright.generator.write;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that touches the output folder. Bytes are compared first, so unchanged files keep their timestamps
 * (incremental builds stay incremental); changed files are written to a temporary sibling and moved into place, so a
 * reader never sees half a file. A manifest lists what the last run wrote, so files the spec no longer produces are
 * removed — and nothing else in the folder is ever touched.
 */
public final class OutputWriter {

    static final String MANIFEST = ".specwright-files";

    public record Result(List<Path> written, List<Path> unchanged, List<Path> deleted) {}

    public Result write(Path outputDir, List<GeneratedFile> files) throws IOException {
        Path root = outputDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        Set<String> current = new TreeSet<>();
        for (GeneratedFile file : files) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("refusing to write outside the output folder: " + file.path());
            }
            current.add(file.path());
            byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                unchanged.add(root.relativize(target));
                continue;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".specwright-", ".tmp");
            try {
                Files.write(temp, bytes);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            written.add(root.relativize(target));
        }
        List<Path> deleted = deleteStale(root, current);
        Files.write(root.resolve(MANIFEST), String.join("\n", current).concat("\n").getBytes(StandardCharsets.UTF_8));
        return new Result(written, unchanged, deleted);
    }

    private static List<Path> deleteStale(Path root, Set<String> current) throws IOException {
        Path manifest = root.resolve(MANIFEST);
        List<Path> deleted = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) {
            return deleted;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || current.contains(line)) {
                continue;
            }
            Path stale = root.resolve(line).normalize();
            if (stale.startsWith(root) && Files.deleteIfExists(stale)) {
                deleted.add(root.relativize(stale));
            }
        }
        return deleted;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
