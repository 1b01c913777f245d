package dev.specwright.maven;

import dev.specwright.generator.GeneratorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a no-op rebuild cheap. Parsing a large spec costs seconds, and a consumer build runs {@code generate} on every
 * {@code mvn compile}; the generated sources are a pure function of (spec bytes, error catalogue bytes, parameters,
 * generator code). So after a successful run a stamp file in the output folder records a SHA-256 over exactly those
 * inputs; the next run recomputes the hash (a few milliseconds: one read of each input file) and, when it matches and
 * the sources are still there, skips the generator. {@code mvn clean} or deleting the output folder forces a run.
 *
 * <p>A spec may {@code $ref} other files. Finding them exactly would mean parsing, so the hash also covers path, size and
 * modification time of every YAML/JSON file in the spec's folder tree (a few levels deep, hidden folders and the build
 * folder excluded): touching any of them regenerates, which is never wrong, only slower.
 */
final class UpToDateStamp {

    static final String FILE_NAME = ".specwright-stamp";
    private static final int NEIGHBOUR_DEPTH = 4;

    private final Path outputDir;
    private final String fileName;
    private final String hash;

    private UpToDateStamp(Path outputDir, String fileName, String hash) {
        this.outputDir = outputDir;
        this.fileName = fileName;
        this.hash = hash;
    }

    /** One stamp per owner ({@code <artifactId>@<executionId>}), as with the manifest: sharing an output never resets another's. */
    static String fileName(GeneratorOptions options) {
        return options.owner().map(o -> FILE_NAME + "-" + o.replaceAll("[^A-Za-z0-9._@-]", "_")).orElse(FILE_NAME);
    }

    static UpToDateStamp compute(GeneratorOptions options, String pluginFingerprint, Path buildDir) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "specwright-stamp-v1");
        update(digest, pluginFingerprint);
        update(digest, options.spec().toAbsolutePath().normalize().toString());
        update(digest, options.errorCatalog().map(p -> p.toAbsolutePath().normalize().toString()).orElse("-"));
        update(digest, options.basePackage().orElse("-"));
        update(digest, options.apiPackage().orElse("-"));
        update(digest, options.modelPackage().orElse("-"));
        update(digest, options.layout().name());
        update(digest, options.owner().orElse("-"));
        update(digest, options.refs().toString());
        updateWithContent(digest, options.spec());
        if (options.errorCatalog().isPresent()) {
            updateWithContent(digest, options.errorCatalog().get());
        }
        for (String neighbour : neighbours(options.spec(), options.outputDir(), buildDir)) {
            update(digest, neighbour);
        }
        return new UpToDateStamp(options.outputDir(), fileName(options), HexFormat.of().formatHex(digest.digest()));
    }

    String hash() {
        return hash;
    }

    /** The source root of the previous run when its stamp matches and the sources are still there. */
    Optional<Path> upToDateSourceRoot() throws IOException {
        Path file = outputDir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String storedHash = null;
        String storedRoot = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("hash=")) {
                storedHash = line.substring("hash=".length());
            } else if (line.startsWith("sourceRoot=")) {
                storedRoot = line.substring("sourceRoot=".length());
            }
        }
        if (!hash.equals(storedHash) || storedRoot == null) {
            return Optional.empty();
        }
        Path root = outputDir.resolve(storedRoot);
        return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    }

    /** Written only after a successful run, so a failed run never looks up to date. */
    void write(Path sourceRoot) throws IOException {
        Path absoluteOut = outputDir.toAbsolutePath().normalize();
        Path absoluteRoot = sourceRoot.toAbsolutePath().normalize();
        String root = absoluteRoot.startsWith(absoluteOut)
                ? absoluteOut.relativize(absoluteRoot).toString()
                : absoluteRoot.toString();
        Files.createDirectories(outputDir);
        Files.writeString(outputDir.resolve(fileName),
                "# Specwright up-to-date stamp: delete to force generation\nhash=" + hash + "\nsourceRoot=" + root + "\n",
                StandardCharsets.UTF_8);
    }

    void delete() throws IOException {
        Files.deleteIfExists(outputDir.resolve(fileName));
    }

    private static void updateWithContent(MessageDigest digest, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            update(digest, "<missing>"); // the generator reports it; a later run must not look up to date
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        update(digest, "<eof>");
    }

    private static List<String> neighbours(Path spec, Path outputDir, Path buildDir) throws IOException {
        Path specDir = spec.toAbsolutePath().normalize().getParent();
        List<String> found = new ArrayList<>();
        if (specDir == null || !Files.isDirectory(specDir)) {
            return found;
        }
        Path out = outputDir.toAbsolutePath().normalize();
        Path build = buildDir.toAbsolutePath().normalize();
        Files.walkFileTree(specDir, Set.of(), NEIGHBOUR_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        boolean hidden = !dir.equals(specDir) && dir.getFileName().toString().startsWith(".");
                        return hidden || dir.startsWith(out) || dir.startsWith(build)
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (attrs.isRegularFile()
                                && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
                            found.add(specDir.relativize(file) + " " + attrs.size() + " "
                                    + attrs.lastModifiedTime().toMillis());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
        found.sort(null);
        return found;
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
