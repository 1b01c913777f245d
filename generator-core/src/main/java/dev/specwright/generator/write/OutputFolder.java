package dev.specwright.generator.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The output folder as the file system sees it. Folders that can only be a mistake are refused before anything is
 * touched, and every path below it is checked on its real path, component by component, so a symbolic link inside the
 * folder never carries a write or a delete out of it (strings such as {@code a/../b} or a linked {@code src} prove
 * nothing; the file system does).
 */
final class OutputFolder {

    private final Path root;
    private final Path realRoot;

    private OutputFolder(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /**
     * Refuses an empty path (it would mean the current folder), the file-system root, the user's home, and the spec's
     * own folder (generated sources next to the spec they come from are always a wrong {@code --out}). An ancestor of
     * the spec is allowed: {@code --layout project} into the project that holds its spec is a real use, and nothing
     * outside the generated paths is ever touched there.
     */
    static OutputFolder check(Path outputDir, Optional<Path> specFile, Path home) throws IOException {
        if (outputDir.toString().isBlank()) {
            throw new OutputRefusedException("the output folder is empty, which would mean the current folder;"
                    + " pass the folder to generate into, e.g. --out build/generated/client.");
        }
        Path root = outputDir.toAbsolutePath().normalize();
        Path real = realPath(root);
        if (real.getNameCount() == 0) {
            throw refused(outputDir, "is the root of the file system");
        }
        if (sameFolder(real, home)) {
            throw refused(outputDir, "is your home folder");
        }
        Optional<Path> specFolder = specFile.map(s -> s.toAbsolutePath().normalize().getParent());
        if (specFolder.isPresent() && sameFolder(real, specFolder.get())) {
            throw refused(outputDir, "is the folder holding the spec " + specFile.get());
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new OutputRefusedException("the output " + outputDir + " is a file, not a folder;"
                    + " pass a folder to generate into.");
        }
        return new OutputFolder(root, real);
    }

    private static OutputRefusedException refused(Path outputDir, String why) {
        return new OutputRefusedException("refusing to generate into " + outputDir + ": it " + why
                + ". Pass a folder of its own for the generated client, e.g. --out build/generated/client"
                + " (Maven: leave <output> at its default, target/generated-sources/specwright).");
    }

    private static boolean sameFolder(Path real, Path other) throws IOException {
        return real.equals(realPath(other.toAbsolutePath().normalize()));
    }

    /** The real path of {@code path}: the nearest existing ancestor resolved by the file system, plus the rest. */
    static Path realPath(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    /**
     * Why {@code relative} may not be written or deleted, or empty when it may: it must stay inside the folder, no
     * existing component below the root (the file itself included) may be a symbolic link, and every existing component
     * before the last must be a folder.
     */
    Optional<String> unsafe(String relative) throws IOException {
        Path target = resolve(relative);
        if (!target.startsWith(root) || target.equals(root)) {
            return Optional.of("it is outside the output folder");
        }
        Path current = root;
        for (Path part : root.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(current.equals(target) ? "it is a symbolic link"
                        : "it is reached through the symbolic link " + root.relativize(current));
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            // a file where a folder must go fails only at createDirectories, after earlier files were written
            if (!current.equals(target) && !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("it is reached through " + root.relativize(current).toString().replace('\\', '/')
                        + ", which is a file, not a folder");
            }
        }
        // Belt and braces: whatever the components say, the file system must place it inside the real root.
        if (!realPath(target).startsWith(realRoot)) {
            return Optional.of("its real path is outside the output folder");
        }
        return Optional.empty();
    }
}
