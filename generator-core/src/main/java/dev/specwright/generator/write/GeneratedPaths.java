package dev.specwright.generator.write;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The paths of one run, checked one at a time as the files arrive, before a file is staged: generated names come from
 * our naming, so a name no file system stores, a name of Specwright's own files, or two names one case-insensitive
 * file system would merge is our bug, and it stops the run before anything reaches the output folder.
 */
final class GeneratedPaths {

    /** ext4, APFS and NTFS all stop at 255 (bytes or UTF-16 units): failing half way through the writes is worse. */
    private static final int MAX_NAME_BYTES = 255;
    private static final Set<String> RESERVED = Set.of(OutputWriter.IGNORE_FILE, OutputLock.FILE_NAME, Manifest.LEGACY);

    /** Lower-cased generated path → the path, to spot two paths one case-insensitive file system would merge. */
    private final Map<String, String> byFoldedCase = new HashMap<>();

    void check(String path) {
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || RESERVED.contains(path)
                || path.startsWith(Manifest.PREFIX) || path.startsWith(StagingFolder.PREFIX)) {
            throw new IllegalStateException("Specwright generated an unusable file name " + path
                    + "; nothing was written. Please report this with the spec.");
        }
        for (String segment : path.split("/")) {
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new IllegalStateException("Specwright generated a file name longer than " + MAX_NAME_BYTES
                        + " bytes, which no common file system stores: " + segment + " in " + path
                        + "; nothing was written. Please report this with the spec.");
            }
        }
        String clash = byFoldedCase.putIfAbsent(fold(path), path);
        if (clash != null) {
            throw new IllegalStateException("Specwright generated two files whose names differ only in case, " + clash
                    + " and " + path + ", which are one file on Windows and macOS; nothing was written."
                    + " Please report this with the spec.");
        }
    }

    /** The generated path that is {@code path} on a case-insensitive file system, if any. */
    Optional<String> sameFileAs(String path) {
        return Optional.ofNullable(byFoldedCase.get(fold(path)));
    }

    private static String fold(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
