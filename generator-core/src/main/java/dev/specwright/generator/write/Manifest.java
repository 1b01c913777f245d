package dev.specwright.generator.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one owner (the CLI, or one Maven plugin execution) wrote into the output folder: each path with the SHA-256 of
 * the bytes it wrote, so a later run can tell its own untouched file from one a user wrote or edited.
 *
 * <p>Format: a comment line, then {@code <sha256-hex> <path>} per line, sorted. An older Specwright wrote
 * {@value #LEGACY} (paths only, no hash); such a path is read with an empty hash, which proves nothing: it is never
 * deleted, and replaced only when its bytes already equal what is about to be written.
 */
final class Manifest {

    static final String PREFIX = ".specwright-manifest";
    static final String LEGACY = ".specwright-files";
    private static final String HEADER = "# Specwright manifest v2: the files Specwright wrote here, each with the"
            + " SHA-256 of its bytes. Do not edit.";
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) (.+)");

    /** Path relative to the output folder → hash it was written with; an empty hash for a legacy entry. */
    private final SortedMap<String, Optional<String>> entries;
    private final List<String> unreadable;

    private Manifest(SortedMap<String, Optional<String>> entries, List<String> unreadable) {
        this.entries = entries;
        this.unreadable = unreadable;
    }

    /**
     * {@code .specwright-manifest}, or {@code .specwright-manifest-<owner>} for one owner among several; {@code @} is
     * kept, as the Maven plugin's owner {@code <artifactId>@<executionId>} needs it to stay unambiguous.
     */
    static String fileName(Optional<String> owner) {
        return owner.map(o -> PREFIX + "-" + o.replaceAll("[^A-Za-z0-9._@-]", "_")).orElse(PREFIX);
    }

    /** The owner's manifest; else, on the first run after an upgrade, the legacy list; else nothing. */
    static Manifest read(Path root, String fileName) throws IOException {
        SortedMap<String, Optional<String>> entries = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        Path file = root.resolve(fileName);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var m = LINE.matcher(line);
                if (m.matches()) {
                    entries.put(m.group(2), Optional.of(m.group(1)));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    unreadable.add(line);
                }
            }
        } else if (Files.isRegularFile(root.resolve(LEGACY))) {
            for (String line : Files.readAllLines(root.resolve(LEGACY), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.put(line.strip(), Optional.empty());
                }
            }
        }
        return new Manifest(entries, unreadable);
    }

    /**
     * Paths other owners' manifests in the same folder list, each with the manifest that lists it: never ours to take
     * over silently, even with identical bytes (two executions writing one file must fail, not share it).
     */
    static Map<String, String> claimedByOthers(Path root, String ownFileName) throws IOException {
        Map<String, String> claimed = new TreeMap<>();
        try (var files = Files.list(root)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && !name.endsWith(".tmp") && !name.equals(ownFileName)
                        && Files.isRegularFile(file)) {
                    read(root, name).entries().keySet().forEach(path -> claimed.putIfAbsent(path, name));
                }
            }
        }
        return claimed;
    }

    static Manifest of(Map<String, String> hashes) {
        SortedMap<String, Optional<String>> entries = new TreeMap<>();
        hashes.forEach((path, hash) -> entries.put(path, Optional.of(hash)));
        return new Manifest(entries, List.of());
    }

    Map<String, Optional<String>> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    /** Lines that are neither a comment nor {@code <hash> <path>}: reported, never acted on. */
    List<String> unreadable() {
        return unreadable;
    }

    /** Temp file and atomic move: a crash leaves the old manifest or the new one, never half of one. */
    void write(Path root, String fileName) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((path, hash) -> text.append(hash.orElseThrow()).append(' ').append(path).append('\n'));
        SiblingFile.replace(root.resolve(fileName), text.toString().getBytes(StandardCharsets.UTF_8),
                ".specwright-manifest-");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
