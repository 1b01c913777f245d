package dev.specwright.generator.write;

import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.write.OutputConflictException.Conflict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, reading only, what a run may do. The rule: a file is replaced or deleted only when the manifest says this
 * owner wrote it and its bytes still hash to what was written. A file whose bytes already equal what would be written
 * is adopted (rewriting it would change nothing, so no one's work is at stake).
 */
final class WritePlanner {

    /** ext4, APFS and NTFS all stop at 255 (bytes or UTF-16 units): failing half way through the writes is worse. */
    private static final int MAX_NAME_BYTES = 255;
    private static final Set<String> RESERVED = Set.of(OutputWriter.IGNORE_FILE, OutputLock.FILE_NAME, Manifest.LEGACY);

    private final OutputFolder folder;
    private final Manifest manifest;
    private final Map<String, String> claimedByOthers;
    private final IgnoreFile ignore;
    private final boolean overwrite;

    private final List<WritePlan.Write> writes = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<String> deletions = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Conflict> unsafe = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> next = new TreeMap<>();
    /** Lower-cased generated path → its target, to spot two paths one case-insensitive file system would merge. */
    private final Map<String, String> byFoldedCase = new HashMap<>();

    WritePlanner(OutputFolder folder, Manifest manifest, Map<String, String> claimedByOthers, IgnoreFile ignore,
            boolean overwrite) {
        this.folder = folder;
        this.manifest = manifest;
        this.claimedByOthers = claimedByOthers;
        this.ignore = ignore;
        this.overwrite = overwrite;
    }

    WritePlan plan(List<GeneratedFile> files) throws IOException {
        for (GeneratedFile file : files) {
            checkName(file.path());
        }
        for (GeneratedFile file : files) {
            planWrite(file.path(), file.content().getBytes(StandardCharsets.UTF_8));
        }
        for (var entry : manifest.entries().entrySet()) {
            if (!entry.getKey().equals(byFoldedCase.get(fold(entry.getKey())))) {
                planStale(entry.getKey(), entry.getValue());
            }
        }
        manifest.unreadable().forEach(line -> warnings.add("ignored a line of the manifest that is not \"<sha256> <path>\": "
                + line));
        return new WritePlan(writes, unchanged, deletions, ignored, conflicts, unsafe, warnings, manifest.entries(), next);
    }

    /** Generated names come from our naming; a clash here is our bug, so it stops the run before any write. */
    private void checkName(String path) {
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || RESERVED.contains(path)
                || path.startsWith(Manifest.PREFIX)) {
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

    private void planWrite(String path, byte[] bytes) throws IOException {
        if (ignore.ignores(path)) {
            ignored.add(path);
            return;
        }
        Optional<String> whyUnsafe = folder.unsafe(path);
        if (whyUnsafe.isPresent()) {
            unsafe.add(new Conflict(path, whyUnsafe.get()));
            return;
        }
        Path target = folder.resolve(path);
        String hash = Manifest.sha256(bytes);
        next.put(path, hash);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            writes.add(new WritePlan.Write(path, bytes));
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            next.remove(path);
            unsafe.add(new Conflict(path, "it is a folder (or another non-file), where a generated file must go"));
            return;
        }
        byte[] onDisk = Files.readAllBytes(target);
        Optional<String> notOurs = otherOwner(path);
        if (notOurs.isEmpty() && Arrays.equals(onDisk, bytes)) {
            unchanged.add(path);
            return;
        }
        if (notOurs.isEmpty()) {
            notOurs = whyNotOurs(path, target, Manifest.sha256(onDisk));
        }
        if (notOurs.isPresent()) {
            if (!overwrite) {
                conflicts.add(new Conflict(path, notOurs.get()));
                return;
            }
            warnings.add("replaced " + path + " because overwriting was asked for (" + notOurs.get() + ")");
        }
        writes.add(new WritePlan.Write(path, bytes));
    }

    /** Why a path another owner's manifest lists (and ours does not) is not ours, or empty. */
    private Optional<String> otherOwner(String path) {
        String other = claimedByOthers.get(path);
        if (other == null || manifest.entries().containsKey(path)) {
            return Optional.empty();
        }
        return Optional.of("another Specwright run writes it (it is listed in " + other + "): give each execution its"
                + " own <output> or its own packages");
    }

    /** Empty when the file at {@code target} is provably the one this owner wrote; else why not. */
    private Optional<String> whyNotOurs(String path, Path target, String diskHash) throws IOException {
        Optional<Optional<String>> listed = recordedHash(path, target);
        if (listed.isEmpty()) {
            return Optional.of("Specwright did not write it");
        }
        Optional<String> recorded = listed.get();
        if (recorded.isEmpty()) {
            return Optional.of("an older Specwright listed it in " + Manifest.LEGACY + " without a hash, and its bytes"
                    + " differ from what would be written; if you never edited it, replace it once with --force");
        }
        return recorded.get().equals(diskHash) ? Optional.empty() : Optional.of("it was edited since Specwright wrote it");
    }

    /**
     * The manifest's hash for {@code path}; on a case-insensitive file system also the entry of a path differing only in
     * case that is the very same file (a class renamed only in case between runs). Empty when it is not listed at all;
     * an empty hash inside for a legacy entry.
     */
    private Optional<Optional<String>> recordedHash(String path, Path target) throws IOException {
        Map<String, Optional<String>> entries = manifest.entries();
        if (entries.containsKey(path)) {
            return Optional.of(entries.get(path));
        }
        for (var entry : entries.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(path) && sameFile(folder.resolve(entry.getKey()), target)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private void planStale(String path, Optional<String> recorded) throws IOException {
        if (ignore.ignores(path)) {
            return; // the user took it over: neither deleted nor recorded
        }
        Optional<String> whyUnsafe = folder.unsafe(path);
        if (whyUnsafe.isPresent()) {
            warnings.add("kept " + path + " (listed in the manifest, no longer generated) and did not delete it: "
                    + whyUnsafe.get());
            return;
        }
        Path stale = folder.resolve(path);
        if (!Files.exists(stale, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String current = byFoldedCase.get(fold(path));
        if (current != null && sameFile(stale, folder.resolve(current))) {
            return; // a case-only rename on a case-insensitive file system: deleting it would delete the new file
        }
        if (claimedByOthers.containsKey(path)) {
            return; // another owner wrote it too: it is theirs to delete
        }
        if (!Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
            warnings.add("kept " + path + " (no longer generated): it is not a regular file any more");
            return;
        }
        if (recorded.isEmpty()) {
            warnings.add("kept " + path + " (no longer generated): an older Specwright listed it in " + Manifest.LEGACY
                    + " without a hash, so it cannot be told from a file of yours; delete it yourself if it is generated");
            return;
        }
        if (!recorded.get().equals(Manifest.sha256(Files.readAllBytes(stale)))) {
            warnings.add("kept " + path + " (no longer generated): it was edited since Specwright wrote it, so it is"
                    + " yours now; delete it yourself if you do not need it");
            return;
        }
        deletions.add(path);
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        return Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b, LinkOption.NOFOLLOW_LINKS)
                && Files.isSameFile(a, b);
    }

    private static String fold(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
