package dev.specwright.maven;

import dev.specwright.generator.GenerationReport;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.write.OutputWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes a no-op rebuild cheap, and exact. Parsing a large spec costs seconds, and a consumer build runs
 * {@code generate} on every {@code mvn compile}; the generated files are a pure function of their inputs. After a
 * successful run a stamp file in the output folder records:
 * <ul>
 *   <li>a key: SHA-256 over every option of the run ({@link #describe}: every component of the options record and of
 *       the records in it, its maps sorted, so an option a later version adds is covered without a line here), the
 *       plugin and its class
 *       path (which holds the extensions, see {@link PluginFingerprint}) and every file of the template directory;</li>
 *   <li>each input the generator read, with the SHA-256 of its bytes: the spec, every file reached through a
 *       {@code $ref} (wherever it lies: an allowed folder outside the spec's is as exact as a neighbour), the error
 *       catalogue;</li>
 *   <li>the warnings of the run, repeated by a skipped build so a no-op build does not hide them.</li>
 * </ul>
 * The next run recomputes the key, rehashes the listed inputs and checks every generated file against the hash its
 * manifest holds: a file deleted or edited by hand means a run, never "up to date". A run that fetched a remote
 * document (allowed hosts) is never up to date: only fetching again could prove it. The check reads and writes nothing
 * else: a no-op build touches no file.
 */
final class UpToDateStamp {

    static final String FILE_NAME = ".specwright-stamp";
    private static final String HEADER = "# Specwright up-to-date stamp v2: delete to force generation";

    private final GeneratorOptions options;
    private final String fileName;
    private final String key;

    private UpToDateStamp(GeneratorOptions options, String fileName, String key) {
        this.options = options;
        this.fileName = fileName;
        this.key = key;
    }

    /** One stamp per owner ({@code <artifactId>@<executionId>}), as with the manifest: sharing an output never resets another's. */
    static String fileName(GeneratorOptions options) {
        return fileName(options.owner());
    }

    static String fileName(Optional<String> owner) {
        return owner.map(o -> FILE_NAME + "-" + o.replaceAll("[^A-Za-z0-9._@-]", "_")).orElse(FILE_NAME);
    }

    static UpToDateStamp compute(GeneratorOptions options, String pluginFingerprint) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "specwright-stamp-v2");
        update(digest, pluginFingerprint);
        update(digest, describe(options));
        Optional<Path> templates = options.customization().templateDirectory();
        if (templates.isPresent()) {
            update(digest, templateTree(templates.get()));
        }
        return new UpToDateStamp(options, fileName(options), HexFormat.of().formatHex(digest.digest()));
    }

    String key() {
        return key;
    }

    /**
     * What a check found: the source root of the previous run and its warnings when nothing changed, else the first
     * reason to generate.
     */
    record Check(Optional<Path> sourceRoot, String reason, List<String> warnings) {

        static Check generate(String reason) {
            return new Check(Optional.empty(), reason, List.of());
        }

        boolean upToDate() {
            return sourceRoot.isPresent();
        }
    }

    Check check() throws IOException {
        Path outputDir = options.outputDir();
        Path file = outputDir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return Check.generate("no stamp of an earlier run (" + fileName + ")");
        }
        String storedKey = null;
        String storedRoot = null;
        boolean remote = false;
        List<String[]> inputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("key=")) {
                storedKey = line.substring("key=".length());
            } else if (line.startsWith("sourceRoot=")) {
                storedRoot = line.substring("sourceRoot=".length());
            } else if (line.startsWith("input=")) {
                String[] hashAndPath = line.substring("input=".length()).split(" ", 2);
                if (hashAndPath.length != 2) {
                    return Check.generate("the stamp " + fileName + " is damaged");
                }
                inputs.add(hashAndPath);
            } else if (line.equals("remote=true")) {
                remote = true;
            } else if (line.startsWith("warning=")) {
                warnings.add(line.substring("warning=".length()));
            }
        }
        if (!key.equals(storedKey) || storedRoot == null) {
            return Check.generate("an option, the plugin, an extension or a template changed");
        }
        if (remote) {
            return Check.generate("the last run fetched a remote document, which only fetching again can check");
        }
        for (String[] input : inputs) {
            Path path = Path.of(input[1]);
            if (!input[0].equals(contentHash(path))) {
                return Check.generate(path + " changed");
            }
        }
        List<String> changed = OutputWriter.changedSinceWritten(outputDir, options.owner());
        if (!changed.isEmpty()) {
            return Check.generate(changed.get(0) + " in " + outputDir + " is not as generated"
                    + (changed.size() > 1 ? " (and " + (changed.size() - 1) + " more)" : ""));
        }
        Path root = outputDir.resolve(storedRoot);
        if (!Files.isDirectory(root)) {
            return Check.generate("no source folder " + root);
        }
        return new Check(Optional.of(root), "", List.copyOf(warnings));
    }

    /**
     * Written only after a successful run, so a failed run never looks up to date; {@code warnings} are the lines the
     * run logged as warnings, each kept to one line.
     */
    void write(GenerationReport report, List<String> warnings) throws IOException {
        Path outputDir = options.outputDir();
        Path absoluteOut = outputDir.toAbsolutePath().normalize();
        Path absoluteRoot = report.sourceRoot().toAbsolutePath().normalize();
        String root = absoluteRoot.startsWith(absoluteOut)
                ? absoluteOut.relativize(absoluteRoot).toString()
                : absoluteRoot.toString();
        StringBuilder text = new StringBuilder(HEADER).append('\n')
                .append("key=").append(key).append('\n')
                .append("sourceRoot=").append(root).append('\n');
        if (report.remoteInputs()) {
            text.append("remote=true\n");
        }
        for (Path input : report.inputs()) {
            String path = input.toAbsolutePath().normalize().toString();
            if (path.contains("\n") || path.contains("\r")) {
                text.append("remote=true\n"); // a path the stamp cannot hold on a line: never up to date
                continue;
            }
            text.append("input=").append(contentHash(input)).append(' ').append(path).append('\n');
        }
        for (String warning : warnings) {
            text.append("warning=").append(warning.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        Files.createDirectories(outputDir);
        Files.writeString(outputDir.resolve(fileName), text, StandardCharsets.UTF_8);
    }

    void delete() throws IOException {
        Files.deleteIfExists(options.outputDir().resolve(fileName));
    }

    /** The source root a previous run recorded, if its folder is still there: what {@code skip} keeps compiling. */
    static Optional<Path> previousSourceRoot(Path outputDir, Optional<String> owner) throws IOException {
        Path file = outputDir.resolve(fileName(owner));
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("sourceRoot=")) {
                    Path root = outputDir.resolve(line.substring("sourceRoot=".length()));
                    return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every component of a record, recursively, by name: what {@code toString()} of a record gives, read by
     * reflection because a record's {@code toString()} is linked on first use through {@code ObjectMethods}, which a
     * cold JVM pays per record class: the platform's no-op check took 110 ms with {@code toString()}, 74 ms with this.
     */
    static String describe(Object value) {
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('[');
            java.lang.reflect.RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                Object component;
                try {
                    component = components[i].getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + components[i] + " of " + record.getClass(), e);
                }
                text.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=').append(describe(component));
            }
            return text.append(']').toString();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> "Optional[" + describe(v) + "]").orElse("Optional.empty");
        }
        if (value instanceof java.util.Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            map.forEach((k, v) -> text.append(text.length() == 1 ? "" : ", ").append(describe(k)).append('=')
                    .append(describe(v)));
            return text.append('}').toString();
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.stream().map(UpToDateStamp::describe).toList().toString();
        }
        return String.valueOf(value);
    }

    /** The hex SHA-256 of a file's bytes, or a marker no hash equals when it is gone or unreadable. */
    private static String contentHash(Path file) {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every file under the template directory, by relative path and content hash, sorted: adding one counts too. */
    private static String templateTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "<no template directory " + dir + ">";
        }
        StringBuilder tree = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                tree.append(dir.relativize(file)).append(' ').append(contentHash(file)).append('\n');
            }
        }
        return tree.toString();
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
