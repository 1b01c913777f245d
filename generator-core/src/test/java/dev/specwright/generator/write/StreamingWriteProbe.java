package dev.specwright.generator.write;

import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Run in a JVM of its own with a small heap by {@link StreamingWriteTest}: writes {@code count} files of
 * {@code size} characters each, made one at a time as the writer asks, so their sum is many times the heap. With
 * {@code held} the same files are first collected into a list, which must not fit: the bound proves something.
 */
public final class StreamingWriteProbe {

    private StreamingWriteProbe() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        boolean held = args.length > 3 && args[3].equals("held");
        Stream<GeneratedFile> files = IntStream.range(0, count).mapToObj(i -> file(i, size));
        OutputWriter.Result result = new OutputWriter(out.getParent()).write(out,
                held ? files.toList().stream() : files, OutputWriter.Settings.defaults());
        System.out.print("written=" + result.written().size());
    }

    /** A distinct text per file, so no two are the same String and none is shared by the JVM. */
    static GeneratedFile file(int i, int size) {
        String head = "// file " + i + "\n";
        StringBuilder text = new StringBuilder(size).append(head);
        char fill = (char) ('a' + i % 26);
        while (text.length() < size) {
            text.append(fill);
        }
        return new GeneratedFile("src/main/java/p" + i % 100 + "/F" + i + ".java", text.toString());
    }
}
