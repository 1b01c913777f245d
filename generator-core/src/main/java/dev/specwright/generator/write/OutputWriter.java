package dev.specwright.generator.write;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that touches the output folder, and only where it wrote before. A run checks the folder, writes each
 * file as it is generated into a staging folder inside it (see {@link StagingFolder}; only paths and hashes stay in
 * memory), then plans every write and deletion against the manifest (see {@link WritePlanner}), refuses before touching
 * anything if a file of someone else's is in the way, and only then takes the folder's lock, plans again under it and
 * moves the changed files into place. Unchanged files keep their timestamps (incremental builds stay incremental);
 * each changed file arrives by one atomic rename, so a reader never sees half a file; the manifest is replaced
 * atomically; the staging folder is deleted however the run ends.
 */
public final class OutputWriter {

    /** Paths or globs, one a line, that Specwright never writes nor deletes. */
    public static final String IGNORE_FILE = ".specwright-ignore";

    /**
     * How to write.
     *
     * @param specFile the spec generated from, so its own folder is refused as output (empty: not checked)
     * @param owner who owns the files, when several generators share a folder: each owner keeps its own manifest
     *     ({@code .specwright-manifest-<owner>}); the Maven plugin passes {@code <artifactId>@<executionId>}
     * @param overwrite replace files in the way that Specwright did not write or that were edited; asked for on purpose
     */
    public record Settings(Optional<Path> specFile, Optional<String> owner, boolean overwrite) {
        public Settings {
            Objects.requireNonNull(specFile, "specFile");
            Objects.requireNonNull(owner, "owner");
        }

        public static Settings defaults() {
            return new Settings(Optional.empty(), Optional.empty(), false);
        }
    }

    /** Paths are relative to the output folder; {@code warnings} are sentences naming files left alone. */
    public record Result(List<Path> written, List<Path> unchanged, List<Path> deleted, List<Path> ignored,
            List<String> warnings) {}

    private final Path home;

    public OutputWriter() {
        this(Path.of(System.getProperty("user.home")));
    }

    /** With the home folder to refuse given: tests must not depend on (or risk) the real one. */
    OutputWriter(Path home) {
        this.home = home;
    }

    /** The name of {@code owner}'s manifest in the output folder (file-name safe: other characters become {@code _}). */
    public static String manifestName(Optional<String> owner) {
        return Manifest.fileName(owner);
    }

    /**
     * What of {@code owner}'s last output is no longer as it wrote it: each path its manifest lists that is missing or
     * whose bytes differ from the hash recorded, sorted; a missing or unreadable manifest is reported as the manifest's
     * own name. Empty means every file is exactly as written, which an up-to-date check needs besides unchanged inputs.
     */
    public static List<String> changedSinceWritten(Path outputDir, Optional<String> owner) throws IOException {
        String name = Manifest.fileName(owner);
        if (!Files.isRegularFile(outputDir.resolve(name))) {
            return List.of(name);
        }
        Manifest manifest = Manifest.read(outputDir, name);
        List<String> changed = new ArrayList<>(manifest.unreadable().isEmpty() ? List.of() : List.of(name));
        for (var entry : manifest.entries().entrySet()) {
            Path file = outputDir.resolve(entry.getKey());
            if (entry.getValue().isEmpty() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !entry.getValue().get().equals(Manifest.sha256(Files.readAllBytes(file)))) {
                changed.add(entry.getKey());
            }
        }
        return changed;
    }

    public Result write(Path outputDir, List<GeneratedFile> files) throws IOException {
        return write(outputDir, files, Settings.defaults());
    }

    /** A list is a stream that is already in memory: the same promises, the same exceptions. */
    public Result write(Path outputDir, List<GeneratedFile> files, Settings settings) throws IOException {
        return write(outputDir, files.stream(), settings);
    }

    /**
     * Writes the files of {@code files} as they come, consuming (and closing) the stream: each into the staging folder,
     * keeping only its path and hash, so the output of a large spec is never in memory at once. Once the stream ends,
     * the run plans, refuses or takes the lock, and moves the staged files into place. Whatever ends the run early, an
     * exception from the stream (an emitter's bug, a file name checked as it is rendered) or a refusal, the staging
     * folder is deleted and the output folder is as it was.
     */
    public Result write(Path outputDir, Stream<GeneratedFile> files, Settings settings) throws IOException {
        try (files) {
            OutputFolder folder = OutputFolder.check(outputDir, settings.specFile(), home);
            Path root = folder.root();
            boolean existed = Files.exists(root, LinkOption.NOFOLLOW_LINKS);
            Files.createDirectories(root);
            try (StagingFolder staging = StagingFolder.create(root)) {
                return write(outputDir, folder, stage(staging, files), staging, settings);
            } catch (IOException | RuntimeException | Error e) {
                if (!existed) {
                    deleteIfEmpty(root, e); // a run that wrote nothing leaves no folder behind either
                }
                throw e;
            }
        }
    }

    private static void deleteIfEmpty(Path folder, Throwable failure) {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Every file into the staging folder, its name checked first; what is kept of each is a {@link StagedFile}. */
    private static List<StagedFile> stage(StagingFolder staging, Stream<GeneratedFile> files) throws IOException {
        GeneratedPaths names = new GeneratedPaths();
        List<StagedFile> staged = new ArrayList<>();
        try {
            // forEach pushes one file at a time through the whole pipeline; an iterator over a flatMap may buffer
            files.forEach(file -> {
                names.check(file.path());
                try {
                    staged.add(staging.stage(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return staged;
    }

    private Result write(Path outputDir, OutputFolder folder, List<StagedFile> files, StagingFolder staging,
            Settings settings) throws IOException {
        Path root = folder.root();
        String manifestName = Manifest.fileName(settings.owner());
        // A refusal must leave the folder exactly as it was, so the plan is checked once before the lock (whose file
        // stays in the folder) is taken, and once more under it: that second plan is the one applied.
        refuseIfNeeded(outputDir, plan(folder, manifestName, files, settings));
        OutputLock lock = OutputLock.acquire(root);
        try {
            StagingFolder.deleteLeftovers(root);
            boolean legacy = !Files.isRegularFile(root.resolve(manifestName))
                    && Files.isRegularFile(root.resolve(Manifest.LEGACY));
            WritePlan plan = plan(folder, manifestName, files, settings);
            refuseIfNeeded(outputDir, plan);
            apply(root, plan, manifestName, staging);
            if (legacy) {
                Files.deleteIfExists(root.resolve(Manifest.LEGACY)); // its paths now live in the new manifest
            }
            return new Result(paths(plan.writes().stream().map(WritePlan.Write::path).toList()),
                    paths(plan.unchanged()), paths(plan.deletions()), paths(plan.ignored()), plan.warnings());
        } finally {
            lock.close();
        }
    }

    /** Reads only: what this run would write, delete and leave alone, and what is in its way. */
    private static WritePlan plan(OutputFolder folder, String manifestName, List<StagedFile> files,
            Settings settings) throws IOException {
        Path root = folder.root();
        return new WritePlanner(folder, Manifest.read(root, manifestName), Manifest.claimedByOthers(root, manifestName),
                IgnoreFile.read(root), settings.overwrite()).plan(files);
    }

    private static void refuseIfNeeded(Path outputDir, WritePlan plan) throws OutputRefusedException {
        if (!plan.unsafe().isEmpty()) {
            throw new OutputRefusedException("refusing to write into " + outputDir + "; nothing was written:\n"
                    + plan.unsafe().stream().map(c -> "  " + c.path() + ": " + c.reason())
                            .collect(Collectors.joining("\n"))
                    + "\nSpecwright writes only regular files, into real folders, and never follows a symbolic link inside"
                    + " the output folder: replace the link or file with a real folder, list the path in " + IGNORE_FILE
                    + ", or choose another output folder.");
        }
        if (!plan.conflicts().isEmpty()) {
            throw new OutputConflictException(outputDir.toString(), plan.conflicts());
        }
    }

    /**
     * Moves into place, deletes, then records. Should an operation fail half way (a read-only folder, a full disk),
     * every file touched gets its old bytes back ({@link Undo}) and the old manifest stays; only if that fails too is
     * the manifest written as what is really on disk, so the next run knows which files are its own.
     */
    private static void apply(Path root, WritePlan plan, String manifestName, StagingFolder staging)
            throws IOException {
        Map<String, String> recorded = new TreeMap<>(plan.manifest());
        for (WritePlan.Write write : plan.writes()) {
            recordPrevious(recorded, plan.previous(), write.path());
        }
        for (String path : plan.deletions()) {
            recordPrevious(recorded, plan.previous(), path);
        }
        Undo undo = new Undo(root, staging.resolve(UNDO_FOLDER));
        try {
            for (WritePlan.Write write : plan.writes()) {
                undo.keep(write.path());
                moveIntoPlace(staging.resolve(write.path()), root.resolve(write.path()));
                recorded.put(write.path(), plan.manifest().get(write.path()));
            }
            for (String path : plan.deletions()) {
                undo.keep(path);
                Files.deleteIfExists(root.resolve(path));
                recorded.remove(path);
            }
        } catch (IOException | RuntimeException e) {
            // A file that cannot be moved into place (a read-only folder, a full disk) must not leave half a generation:
            // every file changed so far gets its old bytes back, and the old manifest stays.
            try {
                undo.rollBack();
            } catch (IOException | RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);
                Manifest.of(recorded).write(root, manifestName); // what is on disk now, so nothing is orphaned
            }
            throw e;
        }
        Manifest.of(recorded).write(root, manifestName);
    }

    /** Inside the staging folder: the previous bytes of every file this run replaces or deletes, until it succeeds. */
    private static final String UNDO_FOLDER = ".undo";

    /**
     * What it takes to put the output back as it was: for each path touched, in order, a hard link to (or, where the
     * file system has none, a copy of) the file that was there, or nothing if there was none. A link keeps the old
     * file's bytes, permissions and timestamps without copying, and the old file stays in place until the atomic
     * rename replaces it, so a reader never sees a missing file.
     */
    private static final class Undo {
        private final Path root;
        private final Path folder;
        private final java.util.ArrayDeque<String> touched = new java.util.ArrayDeque<>();
        private final java.util.Set<String> kept = new java.util.HashSet<>();

        Undo(Path root, Path folder) {
            this.root = root;
            this.folder = folder;
        }

        void keep(String path) throws IOException {
            Path current = root.resolve(path);
            if (Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
                Path copy = folder.resolve(path);
                Files.createDirectories(copy.getParent());
                try {
                    Files.createLink(copy, current);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(current, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                kept.add(path);
            }
            touched.push(path);
        }

        /** Newest first: each path gets its old file back, or is removed if it had none. */
        void rollBack() throws IOException {
            while (!touched.isEmpty()) {
                String path = touched.pop();
                Path target = root.resolve(path);
                if (kept.contains(path)) {
                    Files.move(folder.resolve(path), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(target);
                }
            }
        }
    }

    private static void recordPrevious(Map<String, String> recorded, Map<String, Optional<String>> previous,
            String path) {
        Optional<String> hash = previous.getOrDefault(path, Optional.empty());
        if (hash.isPresent()) {
            recorded.put(path, hash.get());
        } else {
            recorded.remove(path);
        }
    }

    private static void moveIntoPlace(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        SiblingFile.moveIntoPlace(staged, target, ".specwright-");
    }

    private static List<Path> paths(List<String> relative) {
        return relative.stream().map(Path::of).toList();
    }
}
