package dev.specwright.generator.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file by writing a temporary sibling and moving it into place, so a reader (or a crash) sees the old bytes
 * or the new ones, never half of them. The sibling is an ordinary new file ({@code CREATE_NEW}), so it gets the
 * permissions any program's write gets under the user's umask; {@code Files.createTempFile} would make it owner-only
 * (0600) and the move would carry that onto every generated file, which breaks shared CI caches and containers running
 * as another user. A file that already exists keeps its permissions (a user's {@code chmod} survives regeneration).
 */
final class SiblingFile {

    private static final int ATTEMPTS = 100;

    private SiblingFile() {}

    static void replace(Path target, byte[] bytes, String tempPrefix) throws IOException {
        Path temp = create(target.getParent(), tempPrefix);
        try {
            try (OutputStream stream = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                stream.write(bytes);
            }
            keepPermissions(target, temp);
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves a file written elsewhere on the same file system (the staging folder) into place with one atomic rename;
     * like {@link #replace}, an existing target's permissions carry over. Where the rename cannot be atomic (a mount
     * point between the two), the bytes go through a temporary sibling instead, so the promise stays the same.
     */
    static void moveIntoPlace(Path staged, Path target, String tempPrefix) throws IOException {
        keepPermissions(target, staged);
        try {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            replace(target, Files.readAllBytes(staged), tempPrefix);
        }
    }

    /** A new, empty file with a random name next to the target; the name never matters, only that it is new. */
    private static Path create(Path folder, String prefix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temp = folder.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (existing != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(temp, existing.readAttributes().permissions());
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
