package dev.specwright.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files stream through a staging folder: only paths and hashes are held, and whatever stops a run (an emitter's
 * exception, a bad name, a conflict) leaves the output folder byte for byte, timestamp for timestamp, as it was.
 */
class StreamingWriteTest {

    private static final String PET = "src/main/java/com/example/model/Pet.java";
    private static final String OWNER = "src/main/java/com/example/model/Owner.java";
    private static final String TAG = "src/main/java/com/example/model/Tag.java";

    @TempDir
    Path tmp;

    private Path out;
    private OutputWriter writer;

    @BeforeEach
    void folders() throws IOException {
        out = tmp.resolve("out");
        writer = new OutputWriter(Files.createDirectories(tmp.resolve("home")));
    }

    /**
     * 20,000 files of 8 KB (160 MB of text) through a JVM with a 32 MB heap: held, they cannot fit (the control run
     * fails with OutOfMemoryError), streamed, they must.
     */
    @Test
    void twentyThousandFilesStreamThroughASmallHeapThatCouldNotHoldThem() throws Exception {
        Probe streamed = probe(tmp.resolve("streamed"), "streamed");
        assertThat(streamed.exit()).as(streamed.output()).isZero();
        assertThat(streamed.output()).endsWith("written=20000");
        Path folder = tmp.resolve("streamed");
        assertThat(Files.readAllLines(folder.resolve(Manifest.PREFIX))).hasSize(20_001); // header + one a file
        assertThat(folder.resolve("src/main/java/p7/F19907.java"))
                .hasContent(StreamingWriteProbe.file(19_907, 8_192).content());
        assertThat(stagingFolders(folder)).isEmpty();

        Probe held = probe(tmp.resolve("held"), "held");
        assertThat(held.exit()).as("the same files held in a list must not fit, or the bound proves nothing")
                .isNotZero();
        assertThat(held.output()).contains("OutOfMemoryError");
    }

    @Test
    void anExceptionFromAnEmitterMidwayLeavesThePreviousGenerationAsItWasAndNoStagingFolder() throws IOException {
        writer.write(out, List.of(file(PET, "class Pet {}"), file(OWNER, "class Owner {}")));
        Map<String, String> before = snapshot(out);
        IllegalStateException bug = new IllegalStateException("an emitter's bug");

        Stream<GeneratedFile> failing = Stream.<java.util.function.Supplier<GeneratedFile>>of(
                () -> file(PET, "class Pet { int age; }"), () -> file(TAG, "class Tag {}"), () -> {
                    throw bug;
                }, () -> file("README.md", "never reached")).map(java.util.function.Supplier::get);

        assertThatThrownBy(() -> writer.write(out, failing, OutputWriter.Settings.defaults())).isSameAs(bug);
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aBadNameMidwayStopsTheRunAndLeavesTheOutputAsItWas() throws IOException {
        writer.write(out, List.of(file(PET, "class Pet {}")));
        Map<String, String> before = snapshot(out);

        assertThatThrownBy(() -> writer.write(out, List.of(file(OWNER, "class Owner {}"), file(PET, "class Pet {int a;}"),
                        file(PET.replace("Pet", "PET"), "class PET {}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differ only in case");
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aFailedFirstRunLeavesNoOutputFolderBehind() {
        Stream<GeneratedFile> failing = IntStream.range(0, 3).mapToObj(i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            return file("src/main/java/F" + i + ".java", "class F" + i + " {}");
        });

        assertThatThrownBy(() -> writer.write(out, failing, OutputWriter.Settings.defaults())).hasMessage("boom");
        assertThat(out).doesNotExist();
    }

    @Test
    void aConflictFoundAfterStreamingLeavesEverythingAsItWas() throws IOException {
        writer.write(out, List.of(file(PET, "class Pet {}"), file(OWNER, "class Owner {}")));
        Files.writeString(out.resolve(OWNER), "class Owner { /* my fix */ }");
        Map<String, String> before = snapshot(out);
        Stream<GeneratedFile> many = IntStream.range(0, 500)
                .mapToObj(i -> file("src/main/java/com/example/model/M" + i + ".java", "class M" + i + " {}"));

        assertThatThrownBy(() -> writer.write(out, Stream.concat(Stream.of(file(PET, "class Pet { int age; }"),
                        file(OWNER, "class Owner { int age; }")), many), OutputWriter.Settings.defaults()))
                .isInstanceOfSatisfying(OutputConflictException.class, e -> assertThat(e.conflicts())
                        .extracting(OutputConflictException.Conflict::path).containsExactly(OWNER));
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aFileThatCannotBeMovedIntoPlaceUndoesTheFilesMovedBeforeIt() throws IOException {
        writer.write(out, List.of(file(PET, "class Pet {}"), file(OWNER, "class Owner {}")));
        Files.setLastModifiedTime(out.resolve(PET), FileTime.fromMillis(0));
        // a file of the user's where the new generation needs a folder: found only when the file is moved into place,
        // after Owner.java and Pet.java (path order) were replaced
        Files.writeString(out.resolve("src/main/java/com/example/zoo"), "my notes");
        Map<String, String> before = snapshot(out);
        String manifest = Files.readString(out.resolve(Manifest.PREFIX));

        assertThatThrownBy(() -> writer.write(out, Stream.of(file(PET, "class Pet { int age; }"),
                file(OWNER, "class Owner { int age; }"), file("src/main/java/com/example/zoo/Zebra.java", "class Zebra {}")),
                OutputWriter.Settings.defaults())).isInstanceOf(IOException.class);

        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(out.resolve(Manifest.PREFIX)).hasContent(manifest);
        assertThat(stagingFolders(out)).isEmpty();
    }

    @Test
    void unchangedFilesKeepTheirTimestampsAndChangedOnesArriveWhole() throws IOException {
        writer.write(out, List.of(file(PET, "class Pet {}"), file(OWNER, "class Owner {}")));
        Files.setLastModifiedTime(out.resolve(PET), FileTime.fromMillis(0));
        Files.setLastModifiedTime(out.resolve(OWNER), FileTime.fromMillis(0));
        Object petInode = Files.readAttributes(out.resolve(PET), "unix:ino").get("ino");

        OutputWriter.Result second = writer.write(out, Stream.of(file(PET, "class Pet {}"),
                file(OWNER, "class Owner { int age; }")), OutputWriter.Settings.defaults());

        assertThat(second.unchanged()).containsExactly(Path.of(PET));
        assertThat(second.written()).containsExactly(Path.of(OWNER));
        assertThat(Files.getLastModifiedTime(out.resolve(PET)).toMillis()).isZero();
        assertThat(Files.readAttributes(out.resolve(PET), "unix:ino").get("ino")).isEqualTo(petInode);
        assertThat(Files.getLastModifiedTime(out.resolve(OWNER)).toMillis()).isNotZero();
        assertThat(out.resolve(OWNER)).hasContent("class Owner { int age; }");
        assertThat(stagingFolders(out)).isEmpty();
    }

    @Test
    void theResultAndTheManifestAreInPathOrderWhateverOrderTheFilesCameIn() throws IOException {
        OutputWriter.Result result = writer.write(out, Stream.of(file(TAG, "class Tag {}"), file("README.md", "hi"),
                file(PET, "class Pet {}"), file(OWNER, "class Owner {}")), OutputWriter.Settings.defaults());

        assertThat(result.written()).extracting(Path::toString).containsExactly("README.md", OWNER, PET, TAG);
        List<String> lines = Files.readAllLines(out.resolve(Manifest.PREFIX));
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(65))
                .containsExactly("README.md", OWNER, PET, TAG);
    }

    @Test
    void aKilledRunsStagingFolderIsDeletedAndALiveRunsIsKept() throws IOException {
        Path dead = Files.createDirectories(out.resolve(StagingFolder.PREFIX + "dead/src/main/java"));
        Files.writeString(dead.resolve("Half.java"), "class Ha");
        Files.createFile(out.resolve(StagingFolder.PREFIX + "dead/.lock"));
        Files.createDirectories(out.resolve(StagingFolder.PREFIX + "nolock"));
        try (StagingFolder live = StagingFolder.create(out)) {
            writer.write(out, List.of(file(PET, "class Pet {}")));

            assertThat(stagingFolders(out)).containsExactly(live.path().getFileName().toString());
        }
        assertThat(stagingFolders(out)).isEmpty();
        assertThat(Files.readString(out.resolve(Manifest.PREFIX))).doesNotContain(StagingFolder.PREFIX);
    }

    @Test
    void aManifestLineIntoAStagingFolderIsNeverActedOn() throws IOException {
        writer.write(out, List.of(file(PET, "class Pet {}")));
        String hash = Manifest.sha256("x".getBytes(StandardCharsets.UTF_8));
        Files.writeString(out.resolve(Manifest.PREFIX), hash + " " + StagingFolder.PREFIX + "abc/X.java\n",
                java.nio.file.StandardOpenOption.APPEND);

        OutputWriter.Result result = writer.write(out, List.of(file(PET, "class Pet {}")));

        assertThat(result.deleted()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThatThrownBy(() -> writer.write(out, List.of(file(StagingFolder.PREFIX + "x/A.java", "class A {}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unusable file name");
    }

    private static GeneratedFile file(String path, String content) {
        return new GeneratedFile(path, content);
    }

    private record Probe(int exit, String output) {}

    private Probe probe(Path folder, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                StreamingWriteProbe.class.getName(), folder.toString(), "20000", "8192"));
        if (mode.equals("held")) {
            command.add("held");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Probe(process.exitValue(), output);
    }

    private static List<String> stagingFolders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(StagingFolder.PREFIX))
                    .sorted().toList();
        }
    }

    /** Every path with its bytes and timestamp (folders too): what "as it was" means. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String what = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? Files.readString(p) + " @" + Files.getLastModifiedTime(p).toMillis() : "<dir>";
                entries.put(root.relativize(p).toString(), what);
            }
        }
        return entries;
    }
}
