package dev.specwright.generator.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code .specwright-lock} in the output folder for the length of one run, so two writers into one
 * folder fail clearly instead of interleaving their files and manifests. {@code tryLock} never waits: the second run
 * fails at once. The lock file is removed before the lock is released, so a run leaves nothing behind.
 */
final class OutputLock implements AutoCloseable {

    static final String FILE_NAME = ".specwright-lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        if (Files.isSymbolicLink(file)) {
            throw new OutputRefusedException(file + " is a symbolic link, not Specwright's lock file; nothing was"
                    + " written. Delete the link and run again.");
        }
        // NOFOLLOW_LINKS: a planted .specwright-lock link must not make us open (and create) a file elsewhere
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM (a parallel Maven build)
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new OutputLockedException("another Specwright run is writing into " + root + " right now (it holds "
                    + file + "); nothing was written. Wait for it to finish, or give each run its own output folder.");
        }
        return new OutputLock(file, channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Windows refuses to delete an open file; an empty lock file left behind is harmless.
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
