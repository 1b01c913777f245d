package dev.specwright.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer touches only files it wrote and nobody changed; everything else stops the run before any write. */
class OutputWriterTest {

    @TempDir
    Path tmp;

    private Path out;
    private Path home;
    private OutputWriter writer;

    @BeforeEach
    void folders() throws IOException {
        out = tmp.resolve("out");
        home = Files.createDirectories(tmp.resolve("home"));
        writer = new OutputWriter(home);
    }

    private static GeneratedFile file(String path, String content) {
        return new GeneratedFile(path, content);
    }

    private static final String PET = "src/main/java/com/example/model/Pet.java";
    private static final String OWNER = "src/main/java/com/example/model/Owner.java";

    private OutputWriter.Result write(GeneratedFile... files) throws IOException {
        return writer.write(out, List.of(files));
    }

    private OutputWriter.Result write(OutputWriter.Settings settings, GeneratedFile... files) throws IOException {
        return writer.write(out, List.of(files), settings);
    }

    private static OutputWriter.Settings overwrite() {
        return new OutputWriter.Settings(Optional.empty(), Optional.empty(), true);
    }

    private static OutputWriter.Settings owner(String owner) {
        return new OutputWriter.Settings(Optional.empty(), Optional.of(owner), false);
    }

    private Path put(String relative, String content) throws IOException {
        Path path = out.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    // --- ownership --------------------------------------------------------------------------------------------------

    @Test
    void aHandWrittenFileAtATargetPathRefusesTheRunAndNothingChanges() throws IOException {
        put(PET, "// mine");
        Map<String, String> before = tree(out);

        assertThatThrownBy(() -> write(file(OWNER, "class Owner {}"), file(PET, "class Pet {}")))
                .isInstanceOf(OutputConflictException.class)
                .hasMessageContaining(PET + ": Specwright did not write it")
                .hasMessageContaining("move it away").hasMessageContaining(OutputWriter.IGNORE_FILE)
                .hasMessageContaining("--force").hasMessageContaining("<overwrite>true</overwrite>");

        // not even Owner.java, nor a manifest, nor the lock file: a refusal is decided before the lock is taken
        assertThat(tree(out)).isEqualTo(before);
    }

    @Test
    void everyFileInTheWayIsNamedAtOnce() throws IOException {
        put(PET, "// mine");
        put("README.md", "# my project");

        assertThatThrownBy(() -> write(file("README.md", "# generated"), file(PET, "class Pet {}")))
                .isInstanceOfSatisfying(OutputConflictException.class, e -> assertThat(e.conflicts())
                        .extracting(OutputConflictException.Conflict::path).containsExactly("README.md", PET))
                .hasMessageStartingWith("2 files in " + out);
    }

    @Test
    void aGeneratedFileEditedSinceIsAConflictOnTheNextRun() throws IOException {
        write(file(PET, "class Pet {}"));
        put(PET, "class Pet { /* my fix */ }");

        assertThatThrownBy(() -> write(file(PET, "class Pet { int age; }")))
                .isInstanceOf(OutputConflictException.class)
                .hasMessageContaining(PET + ": it was edited since Specwright wrote it");
        assertThat(out.resolve(PET)).hasContent("class Pet { /* my fix */ }");
    }

    @Test
    void ourOwnUntouchedFileIsReplaced() throws IOException {
        write(file(PET, "class Pet {}"));

        OutputWriter.Result second = write(file(PET, "class Pet { int age; }"));

        assertThat(second.written()).containsExactly(Path.of(PET));
        assertThat(out.resolve(PET)).hasContent("class Pet { int age; }");
    }

    @Test
    void aFileWithExactlyTheBytesWeWouldWriteIsAdoptedNotAConflict() throws IOException {
        put(PET, "class Pet {}");

        OutputWriter.Result result = write(file(PET, "class Pet {}"));

        assertThat(result.unchanged()).containsExactly(Path.of(PET));
        assertThat(manifest(Manifest.PREFIX)).contains(Manifest.sha256("class Pet {}".getBytes(StandardCharsets.UTF_8))
                + " " + PET);
    }

    @Test
    void overwriteReplacesAForeignFileOnPurposeAndSaysSo() throws IOException {
        put(PET, "// mine");

        OutputWriter.Result result = write(overwrite(), file(PET, "class Pet {}"));

        assertThat(out.resolve(PET)).hasContent("class Pet {}");
        assertThat(result.warnings()).singleElement().asString().contains("replaced " + PET)
                .contains("Specwright did not write it");
        assertThat(write(file(PET, "class Pet { int age; }")).written()).containsExactly(Path.of(PET)); // ours now
    }

    @Test
    void aStaleFileStillAsWrittenIsDeleted() throws IOException {
        write(file(PET, "class Pet {}"), file(OWNER, "class Owner {}"));

        OutputWriter.Result second = write(file(PET, "class Pet {}"));

        assertThat(second.deleted()).containsExactly(Path.of(OWNER));
        assertThat(out.resolve(OWNER)).doesNotExist();
        assertThat(manifest(Manifest.PREFIX)).doesNotContain(OWNER);
    }

    @Test
    void aStaleFileEditedSinceIsKeptWithAWarningAndBecomesTheUsers() throws IOException {
        write(file(PET, "class Pet {}"), file(OWNER, "class Owner {}"));
        put(OWNER, "class Owner { /* mine now */ }");

        OutputWriter.Result second = write(file(PET, "class Pet {}"));

        assertThat(out.resolve(OWNER)).hasContent("class Owner { /* mine now */ }");
        assertThat(second.deleted()).isEmpty();
        assertThat(second.warnings()).singleElement().asString().startsWith("kept " + OWNER).contains("edited");
        assertThat(manifest(Manifest.PREFIX)).doesNotContain(OWNER);
        assertThat(write(file(PET, "class Pet {}")).warnings()).isEmpty(); // said once, then it is simply the user's
    }

    @Test
    void aFileTheUserAddedNextToTheGeneratedOnesIsNeverTouched() throws IOException {
        write(file(PET, "class Pet {}"));
        put("NOTES.txt", "mine");

        write(file(OWNER, "class Owner {}"));

        assertThat(out.resolve("NOTES.txt")).hasContent("mine");
        assertThat(out.resolve(PET)).doesNotExist();
    }

    // --- the ignore file ------------------------------------------------------------------------------------------

    @Test
    void theIgnoreFileHandsPathsAndGlobsToTheUser() throws IOException {
        write(file(PET, "class Pet {}"), file(OWNER, "class Owner {}"), file("pom.xml", "<project/>"));
        put(OutputWriter.IGNORE_FILE, "# mine\n/pom.xml\nsrc/**/Owner.java\n\n");
        put("pom.xml", "<project>mine</project>");
        put(OWNER, "class Owner { /* mine */ }");

        OutputWriter.Result second = write(file(PET, "class Pet { int age; }"), file("pom.xml", "<project>2</project>"));

        assertThat(second.ignored()).containsExactly(Path.of("pom.xml"));
        assertThat(out.resolve("pom.xml")).hasContent("<project>mine</project>");
        assertThat(out.resolve(OWNER)).hasContent("class Owner { /* mine */ }"); // stale, ignored: not deleted
        assertThat(second.warnings()).isEmpty();
        assertThat(manifest(Manifest.PREFIX)).contains(PET).doesNotContain("pom.xml").doesNotContain(OWNER);
    }

    // --- the manifest from an older Specwright ----------------------------------------------------------------------

    @Test
    void aLegacyListingProvesNothingButIdenticalBytesAndIsReplacedByAHashedManifest() throws IOException {
        put(PET, "class Pet {}");
        put(OWNER, "class Owner {}");
        put("README.md", "# hand-written, but an older Specwright recorded it");
        put(Manifest.LEGACY, PET + "\n" + OWNER + "\nREADME.md\n");

        assertThatThrownBy(() -> write(file(PET, "class Pet {}"), file("README.md", "# generated")))
                .isInstanceOf(OutputConflictException.class)
                .hasMessageContaining("README.md: an older Specwright listed it in .specwright-files without a hash");
        assertThat(out.resolve(Manifest.LEGACY)).exists();

        OutputWriter.Result result = write(file(PET, "class Pet {}"));

        assertThat(result.unchanged()).containsExactly(Path.of(PET));
        assertThat(result.deleted()).isEmpty(); // a hashless entry is never deleted...
        assertThat(result.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("without a hash"));
        assertThat(out.resolve(OWNER)).exists();
        assertThat(out.resolve("README.md")).exists();
        assertThat(out.resolve(Manifest.LEGACY)).doesNotExist(); // ...and the listing is migrated
        assertThat(manifest(Manifest.PREFIX)).contains(PET).doesNotContain(OWNER).doesNotContain("README.md");
    }

    // --- symbolic links and hostile manifest lines ------------------------------------------------------------------

    @Test
    void aManifestLineThroughASymlinkedFolderDoesNotDeleteTheFileOutside() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("Precious.java"), "class Precious {}");
        write(file(PET, "class Pet {}"));
        Files.createSymbolicLink(out.resolve("linked"), outside);
        String hash = Manifest.sha256("class Precious {}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(out.resolve(Manifest.PREFIX), hash + " linked/Precious.java\n", StandardOpenOption.APPEND);

        OutputWriter.Result result = write(file(PET, "class Pet {}"));

        assertThat(precious).hasContent("class Precious {}");
        assertThat(result.deleted()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("linked/Precious.java")
                .contains("symbolic link linked");
    }

    @Test
    void manifestLinesLeavingTheFolderAreNeverDeleted() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me");
        String hash = Manifest.sha256("keep me".getBytes(StandardCharsets.UTF_8));
        write(file(PET, "class Pet {}"));
        Files.writeString(out.resolve(Manifest.PREFIX), hash + " ../victim.txt\n" + hash + " " + victim + "\n",
                StandardOpenOption.APPEND);

        OutputWriter.Result result = write(file(PET, "class Pet {}"));

        assertThat(victim).hasContent("keep me");
        assertThat(result.deleted()).isEmpty();
        assertThat(result.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("outside the output folder"));
    }

    @Test
    void aWriteThroughASymlinkedFolderIsRefusedEvenWithOverwrite() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("src"), outside);

        assertThatThrownBy(() -> write(overwrite(), file(PET, "class Pet {}")))
                .isInstanceOf(OutputRefusedException.class).isNotInstanceOf(OutputConflictException.class)
                .hasMessageContaining(PET + ": it is reached through the symbolic link src")
                .hasMessageContaining("never follows a symbolic link");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTargetThatIsASymlinkToAFileOutsideIsRefusedAndTheFileKept() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createDirectories(out.resolve(PET).getParent());
        Files.createSymbolicLink(out.resolve(PET), secret);

        assertThatThrownBy(() -> write(overwrite(), file(PET, "class Pet {}")))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining(PET + ": it is a symbolic link");
        assertThat(secret).hasContent("secret");
    }

    @Test
    void aFolderWhereAFileMustGoIsRefused() throws IOException {
        Files.createDirectories(out.resolve(PET));

        assertThatThrownBy(() -> write(overwrite(), file(PET, "class Pet {}")))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining(PET + ": it is a folder");
    }

    // --- permissions (review finding 10: createTempFile made every generated file and the manifest 0600) ----------

    @Test
    void generatedFilesAndTheManifestGetThePermissionsAnOrdinaryWriteWouldGive() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.write(tmp.resolve("probe"), new byte[0]));
        assumeTrue(usual.contains(PosixFilePermission.GROUP_READ), "a umask that lets the group read (022, 002)");

        write(file("README.md", "hello"), file(PET, "class Pet {}"));

        assertThat(Files.getPosixFilePermissions(out.resolve("README.md"))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(out.resolve(PET))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(out.resolve(Manifest.PREFIX))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(out.resolve(OutputLock.FILE_NAME))).isEqualTo(usual);
    }

    @Test
    void aReplacedFileAndManifestKeepThePermissionsTheyHad() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        write(file(PET, "class Pet {}"), file("run.sh", "echo 1"));
        Files.setPosixFilePermissions(out.resolve(PET), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(out.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(out.resolve(Manifest.PREFIX), PosixFilePermissions.fromString("rw-rw-r--"));

        OutputWriter.Result second = write(file(PET, "class Pet { int age; }"), file("run.sh", "echo 2"));

        assertThat(second.written()).containsExactlyInAnyOrder(Path.of(PET), Path.of("run.sh"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(PET)))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("run.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(Manifest.PREFIX))))
                .isEqualTo("rw-rw-r--");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Review finding 8: the file {@code src} where the folder {@code src/main/java} must go. */
    @Test
    void aFileWhereAGeneratedFolderMustGoIsRefusedBeforeAnyWrite() throws IOException {
        put("src", "my notes");

        assertThatThrownBy(() -> write(overwrite(), file("README.md", "hello"), file("pom.xml", "<project/>"),
                        file(PET, "class Pet {}")))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining(PET + ": it is reached through src, which is a file, not a folder")
                .hasMessageContaining("nothing was written");
        assertThat(tree(out)).isEqualTo(Map.of("", "<dir>", "src", "my notes"));
    }

    @Test
    void aFileDeepInsideWhereAGeneratedFolderMustGoIsNamedByItsPath() throws IOException {
        put("src/main/java/com", "x");

        assertThatThrownBy(() -> write(file(PET, "class Pet {}")))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining(PET + ": it is reached through src/main/java/com, which is a file, not a folder");
        assertThat(out.resolve(Manifest.PREFIX)).doesNotExist();
    }

    @Test
    void anUnreadableManifestLineIsReportedAndIgnored() throws IOException {
        write(file(PET, "class Pet {}"));
        Files.writeString(out.resolve(Manifest.PREFIX), "not a hash ../../etc/passwd\n", StandardOpenOption.APPEND);

        OutputWriter.Result result = write(file(PET, "class Pet {}"));

        assertThat(result.deleted()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("not \"<sha256> <path>\"");
    }

    // --- folders that are never an output ----------------------------------------------------------------------------

    @Test
    void anEmptyOutputPathIsRefused() {
        assertThatThrownBy(() -> writer.write(Path.of(""), List.of(file(PET, "x"))))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("the output folder is empty")
                .hasMessageContaining("--out build/generated/client");
    }

    @Test
    void theFileSystemRootIsRefused() {
        Path root = tmp.getRoot();
        assertThatThrownBy(() -> OutputFolder.check(root, Optional.empty(), home))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("the root of the file system");
        assertThatThrownBy(() -> OutputFolder.check(tmp.resolve("../../../../../../../.."), Optional.empty(), home))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("the root of the file system");
    }

    @Test
    void theHomeFolderIsRefusedHoweverItIsSpelled() throws IOException {
        Files.createDirectories(home.resolve("sub"));
        Files.createSymbolicLink(tmp.resolve("home-link"), home);

        for (Path spelling : List.of(home, home.resolve("sub/.."), tmp.resolve("home-link"))) {
            assertThatThrownBy(() -> writer.write(spelling, List.of(file(PET, "x"))))
                    .as(spelling.toString())
                    .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is your home folder");
        }
        assertThat(home.resolve("src")).doesNotExist();
    }

    @Test
    void theSpecsOwnFolderIsRefusedButAnAncestorIsAllowed() throws IOException {
        Path api = Files.createDirectories(tmp.resolve("project/api"));
        Path spec = Files.writeString(api.resolve("openapi.yaml"), "openapi: 3.0.3\n");
        var settings = new OutputWriter.Settings(Optional.of(spec), Optional.empty(), false);

        assertThatThrownBy(() -> writer.write(api, List.of(file(PET, "x")), settings))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("is the folder holding the spec " + spec);
        assertThat(writer.write(tmp.resolve("project"), List.of(file(PET, "x")), settings).written()).hasSize(1);
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        assertThatThrownBy(() -> writer.write(file, List.of(file(PET, "x"))))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("is a file, not a folder");
    }

    // --- case ------------------------------------------------------------------------------------------------------

    @Test
    void twoGeneratedPathsDifferingOnlyInCaseStopTheRunBeforeAnyWrite() {
        assertThatThrownBy(() -> write(file(OWNER, "class Owner {}"), file(PET, "class Pet {}"),
                        file(PET.replace("Pet", "PET"), "class PET {}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differ only in case");
        assertThat(out.resolve(OWNER)).doesNotExist();
    }

    @Test
    void aFileNameNoFileSystemStoresStopsTheRunBeforeAnyWrite() {
        String tooLong = "src/main/java/com/example/api/" + "Ä".repeat(128) + "Api.java"; // 256 + 8 bytes in UTF-8

        assertThatThrownBy(() -> write(file(OWNER, "class Owner {}"), file(tooLong, "class X {}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("longer than 255 bytes");
        assertThat(out.resolve(OWNER)).doesNotExist();
    }

    /**
     * A case-insensitive file system (Windows, macOS) is simulated with a hard link: two names, one file. Run 1 wrote
     * {@code pet.java}; run 2 renames the class to {@code Pet}. Deleting the stale {@code pet.java} there would delete the
     * new {@code Pet.java}.
     */
    @Test
    void aCaseOnlyRenameOnACaseInsensitiveFileSystemDoesNotDeleteTheNewFile() throws IOException {
        String lower = PET.replace("Pet.java", "pet.java");
        write(file(lower, "class pet {}"));
        Files.createLink(out.resolve(PET), out.resolve(lower)); // what "Pet.java" means on such a file system

        OutputWriter.Result second = write(file(PET, "class Pet {}"));

        assertThat(second.written()).containsExactly(Path.of(PET)); // the old bytes were ours: no conflict
        assertThat(second.deleted()).isEmpty();
        assertThat(out.resolve(PET)).hasContent("class Pet {}");
        assertThat(manifest(Manifest.PREFIX)).contains(PET).doesNotContain(lower);
    }

    @Test
    void aCaseOnlyRenameOnACaseSensitiveFileSystemDeletesTheOldFile() throws IOException {
        String lower = PET.replace("Pet.java", "pet.java");
        write(file(lower, "class pet {}"));

        OutputWriter.Result second = write(file(PET, "class Pet {}"));

        assertThat(second.deleted()).containsExactly(Path.of(lower));
        assertThat(out.resolve(lower)).doesNotExist();
        assertThat(out.resolve(PET)).hasContent("class Pet {}");
    }

    // --- owners, manifest, lock ------------------------------------------------------------------------------------

    @Test
    void twoOwnersInOneFolderNeverTouchEachOthersFilesAndCannotShareOne() throws IOException {
        String a = "src/main/java/a/A.java";
        String b = "src/main/java/b/B.java";
        write(owner("first"), file(a, "class A {}"));
        write(owner("second"), file(b, "class B {}"));

        write(owner("first"), file(a, "class A { int x; }"));
        write(owner("second"), file(b, "class B { int x; }"));

        assertThat(out.resolve(a)).hasContent("class A { int x; }");
        assertThat(out.resolve(b)).hasContent("class B { int x; }");
        assertThat(manifest(Manifest.PREFIX + "-first")).contains(a).doesNotContain(b);
        assertThat(manifest(Manifest.PREFIX + "-second")).contains(b).doesNotContain(a);
        assertThatThrownBy(() -> write(owner("second"), file(a, "class A { /* second's */ }")))
                .isInstanceOf(OutputConflictException.class).hasMessageContaining(a + ": another Specwright run writes it");
    }

    @Test
    void aSecondOwnerWritingTheSameBytesStillFailsInsteadOfSharingTheFile() throws IOException {
        write(owner("first"), file(PET, "class Pet {}"));

        assertThatThrownBy(() -> write(owner("second"), file(PET, "class Pet {}")))
                .isInstanceOf(OutputConflictException.class)
                .hasMessageContaining(PET + ": another Specwright run writes it (it is listed in .specwright-manifest-first)");
        assertThat(out.resolve(Manifest.PREFIX + "-second")).doesNotExist();
    }

    @Test
    void theManifestIsReplacedByAMoveNeverRewrittenInPlace() throws IOException {
        write(file(PET, "class Pet {}"));
        Path manifest = out.resolve(Manifest.PREFIX);
        String first = Files.readString(manifest);
        Path oldInode = tmp.resolve("old-manifest");
        Files.createLink(oldInode, manifest); // keeps the first manifest's file alive under a second name

        write(file(PET, "class Pet {}"), file(OWNER, "class Owner {}"));

        assertThat(oldInode).hasContent(first); // an in-place write would have changed this one too
        assertThat(Files.readString(manifest)).contains(OWNER).startsWith("# Specwright manifest v2");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aSecondWriterInThisJvmFailsClearlyAndWritesNothing() throws IOException {
        Files.createDirectories(out);
        OutputLock held = OutputLock.acquire(out);
        try {
            assertThatThrownBy(() -> write(file(PET, "class Pet {}")))
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessageContaining("another Specwright run is writing into " + out);
        } finally {
            held.close();
        }
        assertThat(out.resolve(PET)).doesNotExist();
        assertThat(write(file(PET, "class Pet {}")).written()).hasSize(1); // released: the next run goes ahead
    }

    @Test
    void aSecondWriterInAnotherProcessFailsClearly() throws Exception {
        Files.createDirectories(out);
        Path holder = Files.writeString(tmp.resolve("LockHolder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class LockHolder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE); var lock = channel.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read(); // holds the lock until the test closes our stdin
                        }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, holder.toString(), out.resolve(OutputLock.FILE_NAME).toString())
                .redirectErrorStream(true).start();
        try {
            String first = new String(process.getInputStream().readNBytes("locked".length()), StandardCharsets.UTF_8);
            assertThat(first).isEqualTo("locked");

            assertThatThrownBy(() -> write(file(PET, "class Pet {}"))).isInstanceOf(OutputLockedException.class);
            assertThat(out.resolve(PET)).doesNotExist();
        } finally {
            process.getOutputStream().close();
            process.waitFor();
        }
    }

    /**
     * Review finding 9: a refused second attempt in this JVM used to open and close its own channel on the lock file,
     * and closing any handle drops the process's POSIX lock, so another process could then take the lock the first run
     * still held. The other process here is a real second JVM asking the OS.
     */
    @Test
    void aRefusedSecondWriterInThisJvmDoesNotDropTheHoldersLockForOtherProcesses() throws Exception {
        Files.createDirectories(out);
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), out);
        OutputLock held = OutputLock.acquire(out);
        try {
            assertThatThrownBy(() -> write(file(PET, "class Pet {}"))).isInstanceOf(OutputLockedException.class);
            assertThatThrownBy(() -> writer.write(alias, List.of(file(PET, "class Pet {}"))))
                    .isInstanceOf(OutputLockedException.class); // the same folder by another name: held all the same

            assertThat(tryLockInAnotherProcess(out.resolve(OutputLock.FILE_NAME))).isEqualTo("busy");
        } finally {
            held.close();
        }
        assertThat(tryLockInAnotherProcess(out.resolve(OutputLock.FILE_NAME))).isEqualTo("free");
        assertThat(out.resolve(PET)).doesNotExist();
    }

    /**
     * The lock file stays: deleting it before release let a run that opened it just before the delete, and a run that
     * created a new one just after, hold locks on two different files at once.
     */
    @Test
    void theLockFileStaysBetweenRunsAndIsNeitherStaleNorAConflict() throws IOException {
        write(file(PET, "class Pet {}"));
        assertThat(out.resolve(OutputLock.FILE_NAME)).isRegularFile();
        Object inode = Files.readAttributes(out.resolve(OutputLock.FILE_NAME), BasicFileAttributes.class).fileKey();
        Files.writeString(out.resolve(OutputWriter.IGNORE_FILE), "**\n*\n");

        OutputWriter.Result second = write(file(PET, "class Pet {}"));

        assertThat(second.unchanged()).isEmpty(); // ignored now: the ignore file matched only the generated path
        assertThat(second.ignored()).containsExactly(Path.of(PET));
        assertThat(second.deleted()).isEmpty();
        assertThat(second.warnings()).isEmpty();
        Files.delete(out.resolve(OutputWriter.IGNORE_FILE));
        OutputWriter.Result third = write(overwrite(), file(PET, "class Pet {}"));
        assertThat(third.warnings()).isEmpty();
        assertThat(manifest(Manifest.PREFIX)).doesNotContain(OutputLock.FILE_NAME);
        assertThat(Files.readAttributes(out.resolve(OutputLock.FILE_NAME), BasicFileAttributes.class).fileKey())
                .isEqualTo(inode); // one file for every run, so every run locks the same one
    }

    /** Runs a second JVM that asks the OS for the lock without waiting: "busy" or "free". */
    private String tryLockInAnotherProcess(Path lockFile) throws Exception {
        Path probe = tmp.resolve("LockProbe.java");
        if (!Files.exists(probe)) {
            Files.writeString(probe, """
                    import java.nio.channels.FileChannel;
                    import java.nio.file.Path;
                    import java.nio.file.StandardOpenOption;
                    public class LockProbe {
                        public static void main(String[] args) throws Exception {
                            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                                var lock = channel.tryLock();
                                System.out.print(lock == null ? "busy" : "free");
                            }
                        }
                    }
                    """);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, probe.toString(), lockFile.toString()).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(said).isZero();
        return said;
    }

    @Test
    void aPlantedLockLinkIsNotFollowed() throws IOException {
        Files.createDirectories(out);
        Path elsewhere = tmp.resolve("elsewhere.txt");
        Files.createSymbolicLink(out.resolve(OutputLock.FILE_NAME), elsewhere);

        assertThatThrownBy(() -> write(file(PET, "class Pet {}"))).isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("is a symbolic link, not Specwright's lock file");
        assertThat(elsewhere).doesNotExist();
        assertThat(out.resolve(PET)).doesNotExist();
    }

    @Test
    void theLockIsReleasedAfterARefusedRun() throws IOException {
        put(PET, "// mine");
        assertThatThrownBy(() -> write(file(PET, "class Pet {}"))).isInstanceOf(OutputConflictException.class);
        Files.delete(out.resolve(PET));

        assertThat(write(file(PET, "class Pet {}")).written()).hasSize(1);
    }

    private String manifest(String name) throws IOException {
        return Files.readString(out.resolve(name));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return files;
    }
}
