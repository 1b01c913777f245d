package dev.specwright.generator.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on {@code .specwright-lock} in the output folder for the length of one run, so two writers into one
 * folder fail clearly instead of interleaving their files and manifests. {@code tryLock} never waits: the second run
 * fails at once.
 *
 * <p>Two rules keep the lock exclusive. Within this JVM a run first claims the folder's real path in {@link #HELD}, and
 * only the claimant opens the lock file: on POSIX, closing <em>any</em> handle to a file drops every lock the process
 * holds on it, so a refused second run that opened and closed its own channel would hand the first run's lock to other
 * processes. And the lock file is never deleted: a run that deleted it before releasing would let one run lock the
 * old file while the next created and locked a new one. The empty file left behind is Specwright's; it is never
 * generated, listed in a manifest, reported or deleted.
 */
final class OutputLock implements AutoCloseable {

    static final String FILE_NAME = ".specwright-lock";

    /** Real paths of the output folders runs in this JVM hold (a parallel Maven build runs several at once). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        if (Files.isSymbolicLink(file)) {
            throw new OutputRefusedException(file + " is a symbolic link, not Specwright's lock file; nothing was"
                    + " written. Delete the link and run again.");
        }
        Path key = root.toRealPath(); // one folder reached through a link or by another spelling is the same folder
        if (!HELD.add(key)) {
            throw locked(root, file);
        }
        try {
            return lock(root, file, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static OutputLock lock(Path root, Path file, Path key) throws IOException {
        // NOFOLLOW_LINKS: a planted .specwright-lock link must not make us open (and create) a file elsewhere
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // locked in this JVM, yet not through HELD (a hard link to the folder's lock file)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw locked(root, file);
        }
        return new OutputLock(key, channel, lock);
    }

    private static OutputLockedException locked(Path root, Path file) {
        return new OutputLockedException("another Specwright run is writing into " + root + " right now (it holds "
                + file + "); nothing was written. Wait for it to finish, or give each run its own output folder.");
    }

    /** Releases the lock and then the claim; the lock file stays for the next run to lock. */
    @Override
    public void close() throws IOException {
        try {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        } finally {
            HELD.remove(key);
        }
    }
}
