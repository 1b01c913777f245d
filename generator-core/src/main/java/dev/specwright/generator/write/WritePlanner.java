package dev.specwright.generator.write;

import dev.specwright.generator.write.OutputConflictException.Conflict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides, reading only, what a run may do. The rule: a file is replaced or deleted only when the manifest says this
 * owner wrote it and its bytes still hash to what was written. A file whose bytes already equal what would be written
 * is adopted (rewriting it would change nothing, so no one's work is at stake).
 */
final class WritePlanner {

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
    private final GeneratedPaths generated = new GeneratedPaths();

    WritePlanner(OutputFolder folder, Manifest manifest, Map<String, String> claimedByOthers, IgnoreFile ignore,
            boolean overwrite) {
        this.folder = folder;
        this.manifest = manifest;
        this.claimedByOthers = claimedByOthers;
        this.ignore = ignore;
        this.overwrite = overwrite;
    }

    /** Plans {@code files} (staged, so only their hashes are at hand), in path order. */
    WritePlan plan(List<StagedFile> files) throws IOException {
        List<StagedFile> sorted = files.stream().sorted(Comparator.comparing(StagedFile::path)).toList();
        for (StagedFile file : sorted) {
            generated.check(file.path()); // checked while staging already; again here, as the plan relies on it
        }
        for (StagedFile file : sorted) {
            planWrite(file);
        }
        for (var entry : manifest.entries().entrySet()) {
            if (!generated.sameFileAs(entry.getKey()).equals(Optional.of(entry.getKey()))) {
                planStale(entry.getKey(), entry.getValue());
            }
        }
        manifest.unreadable().forEach(line -> warnings.add("ignored a line of the manifest that is not \"<sha256> <path>\": "
                + line));
        return new WritePlan(writes, unchanged, deletions, ignored, conflicts, unsafe, warnings, manifest.entries(), next);
    }

    private void planWrite(StagedFile file) throws IOException {
        String path = file.path();
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
        next.put(path, file.sha256());
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            writes.add(new WritePlan.Write(path));
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            next.remove(path);
            unsafe.add(new Conflict(path, "it is a folder (or another non-file), where a generated file must go"));
            return;
        }
        // the size first: a file of another length cannot be equal, and then it is read only if it may be ours
        String diskHash = Files.size(target) == file.size() ? Manifest.sha256(Files.readAllBytes(target)) : null;
        Optional<String> notOurs = otherOwner(path);
        if (notOurs.isEmpty() && file.sha256().equals(diskHash)) {
            unchanged.add(path);
            return;
        }
        if (notOurs.isEmpty()) {
            notOurs = whyNotOurs(path, target, diskHash != null ? diskHash : Manifest.sha256(Files.readAllBytes(target)));
        }
        if (notOurs.isPresent()) {
            if (!overwrite) {
                conflicts.add(new Conflict(path, notOurs.get()));
                return;
            }
            warnings.add("replaced " + path + " because overwriting was asked for (" + notOurs.get() + ")");
        }
        writes.add(new WritePlan.Write(path));
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
        if (path.startsWith(StagingFolder.PREFIX)) {
            return; // a hand-edited manifest line into a run's staging folder: never a generated file
        }
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
        Optional<String> current = generated.sameFileAs(path);
        if (current.isPresent() && sameFile(stale, folder.resolve(current.get()))) {
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
}
