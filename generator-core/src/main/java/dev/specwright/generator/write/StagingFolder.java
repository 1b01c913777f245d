package dev.specwright.generator.write;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A hidden folder inside the output folder ({@code .specwright-staging-<random>}) that the files of one run are written
 * into as they are generated, so the run holds each file's path and hash rather than its text. Inside the output folder
 * means on the same file system, so moving a staged file into place is one atomic rename. Nothing in it is ever
 * generated, planned, listed in a manifest or seen as a user's file; it is deleted when the run ends, however it ends.
 *
 * <p>A run killed outright (kill -9, a power cut) cannot delete its folder. The run holds a lock on
 * {@value #LOCK_NAME} inside its folder while it lives, so a later run (under the output folder's lock) can tell a
 * dead run's leftovers, which it deletes, from a live run still generating, which it leaves alone.
 */
final class StagingFolder implements AutoCloseable {

    static final String PREFIX = ".specwright-staging-";
    private static final String LOCK_NAME = ".lock";
    private static final int ATTEMPTS = 100;

    /**
     * Real paths of the staging folders runs in this JVM hold: never probed with a second channel, since closing any
     * handle to a file drops every POSIX lock this process holds on it (see {@link OutputLock}).
     */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final Path key;
    private final FileChannel channel;

    private StagingFolder(Path folder, Path key, FileChannel channel) {
        this.folder = folder;
        this.key = key;
        this.channel = channel;
    }

    /** A new, empty, locked staging folder in {@code root}. */
    static StagingFolder create(Path root) throws IOException {
        Path folder = newFolder(root);
        Path key = folder.toRealPath();
        LIVE.add(key);
        try {
            FileChannel channel = FileChannel.open(folder.resolve(LOCK_NAME), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                channel.lock(); // a fresh file no one else knows of: granted at once
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new StagingFolder(folder, key, channel);
        } catch (IOException | RuntimeException e) {
            LIVE.remove(key);
            deleteTree(folder);
            throw e;
        }
    }

    private static Path newFolder(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path folder = root.resolve(PREFIX + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Writes one file into the staging folder; only its path, hash and size are kept. */
    StagedFile stage(GeneratedFile file) throws IOException {
        byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
        Path target = resolve(file.path());
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(bytes);
        }
        return new StagedFile(file.path(), Manifest.sha256(bytes), bytes.length);
    }

    /** Where the staged copy of {@code relative} is. */
    Path resolve(String relative) {
        return folder.resolve(relative);
    }

    Path path() {
        return folder;
    }

    /** Deletes the folder and whatever is still in it (files not moved into place: unchanged, ignored, refused). */
    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the lock
        } finally {
            try {
                deleteTree(folder);
            } finally {
                LIVE.remove(key);
            }
        }
    }

    /**
     * Deletes the staging folders of runs that died before they could (their lock is free). Called under the output
     * folder's lock, so no run of this folder is moving files meanwhile; a run that is still generating holds its own
     * lock and is left alone. A folder a run created a moment ago and has not locked yet may be taken for a leftover:
     * that run then fails while staging, before it has touched the output, which is safe.
     */
    static void deleteLeftovers(Path root) throws IOException {
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(root)) {
            candidates = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path candidate : candidates) {
            if (!LIVE.contains(candidate.toRealPath()) && abandoned(candidate)) {
                deleteTree(candidate);
            }
        }
    }

    private static boolean abandoned(Path folder) throws IOException {
        Path lockFile = folder.resolve(LOCK_NAME);
        if (Files.isSymbolicLink(lockFile)) {
            return false; // not ours: never open it
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            return lock != null; // released with the channel
        } catch (NoSuchFileException e) {
            return true; // killed between creating the folder and its lock file
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** Deletes bottom-up without following links: a link inside goes, whatever it points to stays. */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
