package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specwright.generator.SpecProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Follows every {@code $ref} of the spec, and of each document it reaches, before swagger-parser resolves anything —
 * so that swagger-parser opens only what is allowed: files inside the spec's folder (real paths, so no symlink leads
 * out), folders the user allowed, and https documents of hosts the user allowed. Each file is read within
 * {@link LoadLimits}. Every reference that breaks a rule is a located problem: the file, the pointer of its
 * {@code $ref}, the rule, and the option that allows it.
 */
final class RefGuard {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final long MAX_REMOTE_BYTES = 64L * 1024 * 1024;
    private static final String HOW_TO_ALLOW_HOSTS = "CLI `--allow-remote-refs HOST[,HOST...]`, Maven plugin "
            + "`<allowRemoteRefs>HOST,...</allowRemoteRefs>`, or GeneratorOptions.Builder.allowedRefHosts(...)";
    private static final String HOW_TO_ALLOW_FOLDERS = "CLI `--allow-refs-outside DIR`, Maven plugin "
            + "`<allowRefsOutside>DIR,...</allowRefsOutside>`, or GeneratorOptions.Builder.allowedRefFolders(...)";

    /** A document to follow: as the user would name it, where its relative references start, and its tree. */
    private record Doc(String name, URI base, JsonNode tree) {
        boolean remote() {
            return !"file".equalsIgnoreCase(base.getScheme());
        }
    }

    private final RefPolicy policy;
    private final Path root;
    private final List<Path> allowedRoots = new ArrayList<>();
    /** The allowed roots as named (absolute, normalized) as well as real: a path under neither is refused unopened. */
    private final List<Path> namedRoots = new ArrayList<>();
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Deque<Doc> pending = new ArrayDeque<>();
    /** Every document read, by the key Bundler finds it under (absolute normalized path, or URL), and its name. */
    private final Map<String, JsonNode> documents = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private String rootKey;
    private HttpClient http;
    /** The first remote document followed, and the first file other than the spec: swagger-parser reads both only unsafely. */
    private SpecProblem firstRemote;
    private boolean localFiles;
    /** Every other file read, by its real path: with the spec, what generation depends on (the plugin's stamp). */
    private final TreeSet<Path> filesRead = new TreeSet<>();
    private long largest;
    /** In OpenAPI 3.1 a schema's {@code $id} sets the base its {@code $ref}s resolve against (swagger-parser does so). */
    private boolean openApi31;
    private boolean ids;
    /** Swagger 2.0's resolver fetches with no allow-list and follows redirects: it is given no remote document. */
    private boolean swagger2;

    RefGuard(RefPolicy policy, Path spec) throws IOException {
        this.policy = policy;
        this.root = spec.toAbsolutePath().normalize().getParent().toRealPath();
        allowedRoots.add(root);
        namedRoots.add(spec.toAbsolutePath().normalize().getParent());
        for (Path folder : policy.outsideFolders()) {
            if (Files.isDirectory(folder)) {
                allowedRoots.add(folder.toAbsolutePath().normalize().toRealPath());
                namedRoots.add(folder.toAbsolutePath().normalize());
            }
        }
        namedRoots.addAll(allowedRoots);
    }

    /** Every problem of every reference reachable from the spec (empty: swagger-parser may resolve them all). */
    List<SpecProblem> check(Path spec, JsonNode tree) throws IOException {
        seen.add(spec.toAbsolutePath().normalize().toString());
        rootKey = spec.toAbsolutePath().normalize().toString();
        documents.put(rootKey, tree);
        names.put(rootKey, spec.toString());
        openApi31 = tree.path("openapi").asText("").startsWith("3.1");
        swagger2 = Swagger2.is(tree);
        pending.add(new Doc(spec.toString(), spec.toAbsolutePath().normalize().toUri(), tree));
        while (!pending.isEmpty()) {
            Doc doc = pending.poll();
            walk(doc, doc.tree(), "", null, null, doc.base());
        }
        if (firstRemote != null && localFiles && problems.isEmpty()) {
            problems.add(firstRemote);
        }
        return problems;
    }

    private void walk(Doc doc, JsonNode node, String pointer, String key, String parentKey, URI base) {
        if (node.isArray()) {
            if ("examples".equals(key)) {
                return; // a JSON Schema `examples` list is data
            }
            for (int i = 0; i < node.size(); i++) {
                walk(doc, node.get(i), pointer + "/" + i, null, key, base);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean id = openApi31 && node.path("$id").isTextual();
        ids |= id;
        URI here = id ? rebased(doc, pointer, base, node.get("$id").textValue()) : base;
        if (here == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            boolean mapping = "mapping".equals(key) && "discriminator".equals(parentKey);
            boolean reference = (name.equals("$ref") || mapping) && value.isTextual();
            if (!reference && !value.isContainerNode()) {
                continue; // most members are scalars: no pointer is spelled out for them
            }
            String at = pointer + "/" + SpecTree.escape(name);
            if (reference) {
                if (here.equals(doc.base())) {
                    reference(doc, at, value.textValue());
                } else {
                    againstId(doc, at, value.textValue(), here);
                }
            } else if (key != null && SpecTree.NAME_MAPS.contains(key) || !isData(name, key, parentKey)) {
                walk(doc, value, at, name, key, here);
            }
        }
    }

    /** The base an {@code $id} sets, or null (a problem) when it is no URI. */
    private URI rebased(Doc doc, String pointer, URI base, String id) {
        try {
            return base.resolve(new URI(id));
        } catch (URISyntaxException | IllegalArgumentException e) {
            problem(doc, pointer + "/$id", "the $id `" + id + "` is not a URI; the $refs inside this schema resolve against it.",
                    "correct the $id, or remove it.");
            return null;
        }
    }

    /**
     * A reference inside a schema whose {@code $id} moved its base: resolved against that base, even {@code #/...}, as
     * swagger-parser resolves it — an {@code $id} of {@code https://...} would otherwise make a local-looking
     * {@code $ref} fetch from the network.
     */
    private void againstId(Doc doc, String pointer, String ref, URI base) {
        if (oddHash(doc, pointer, ref)) {
            return;
        }
        URI target;
        try {
            target = base.resolve(new URI(ref));
        } catch (URISyntaxException | IllegalArgumentException e) {
            problem(doc, pointer, "the $ref `" + ref + "` is not a URI reference (" + e.getMessage() + ").", "correct the reference.");
            return;
        }
        String document = target.getRawFragment() == null ? target.toString()
                : target.toString().substring(0, target.toString().indexOf('#'));
        if (document.equals(doc.base().toString())) {
            return; // back into this very document
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> remote(doc, pointer, ref + " (against the $id base " + base + ")", target.toString());
            case "file" -> {
                if (!withHost(doc, pointer, ref + " (against the $id base " + base + ")", target)) {
                    fileUrl(doc, pointer, ref + " (against the $id base " + base + ")", document);
                }
            }
            default -> problem(doc, pointer, "the $ref `" + ref + "` resolves against the $id base " + base + " to `" + target
                    + "`, a scheme a $ref may not use.", "correct the $id, or remove it.");
        }
    }

    /**
     * An extension, or an Example's {@code value}: swagger-parser resolves no {@code $ref} inside them — unless its object
     * is a map of names the author chose (a property called {@code x-id} is a schema). A member called {@code default},
     * {@code example}, {@code enum} or {@code const} is followed: it may be an Example or a response of that name, and
     * where it is data a {@code $ref} inside costs only a refusal, never a file or a fetch swagger-parser would make.
     */
    private static boolean isData(String name, String key, String parentKey) {
        return name.startsWith("x-") || name.equals("value") && "examples".equals(parentKey) && !"examples".equals(key);
    }

    private void reference(Doc doc, String pointer, String ref) {
        if (oddHash(doc, pointer, ref)) {
            return;
        }
        // the document part exactly as swagger-parser takes it: what comes before `#/`
        int split = ref.indexOf("#/");
        String location = split < 0 ? ref : ref.substring(0, split);
        if (location.isEmpty() || isComponentName(location)) {
            return;
        }
        if (SCHEME.matcher(location).find()) {
            String scheme = location.substring(0, location.indexOf(':')).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "http", "https" -> remote(doc, pointer, ref, location);
                case "file" -> fileUrl(doc, pointer, ref, location);
                default -> problem(doc, pointer, "the $ref `" + ref + "` uses the scheme `" + scheme + ":`; a $ref may name a file "
                        + "in the spec's folder or, when allowed, an https document.", "copy the document next to the spec and "
                        + "point the $ref at it by a relative path.");
            }
        } else if (doc.remote()) {
            remote(doc, pointer, ref, doc.base().resolve(location).toString());
        } else {
            local(doc, pointer, ref, Path.of(doc.base()).getParent(), location);
        }
    }

    /**
     * A {@code #} that does not start a {@code #/...} pointer, or a second one. swagger-parser splits a reference at
     * {@code #/} and reads any with a {@code #} after its first character as a file: {@code x#../../secret.json#/S} names
     * the path {@code x#../../secret.json}, which leads out of the folder. Refused (a problem), true.
     */
    private boolean oddHash(Doc doc, String pointer, String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) {
            return false;
        }
        boolean second = ref.indexOf('#', hash + 1) >= 0;
        boolean notPointer = hash > 0 && hash + 1 < ref.length() && ref.charAt(hash + 1) != '/';
        if (!second && !notPointer) {
            return false;
        }
        problem(doc, pointer, "the $ref `" + ref + "` holds a `#` that does not start a JSON pointer"
                + (second ? " (it has more than one)" : "") + "; swagger-parser would read what comes before `#/` as a file path.",
                "write it as FILE#/POINTER (for example `pet.yaml#/Pet`), with one `#` followed by `/`.");
        return true;
    }

    /**
     * {@code Pet}: no path, no scheme, no file extension. swagger-core reads such a reference (and a discriminator's
     * mapping value) as the name of a schema under #/components/schemas, so it opens no file.
     */
    private static boolean isComponentName(String location) {
        return location.indexOf('.') < 0 && location.indexOf('/') < 0 && location.indexOf(':') < 0;
    }

    /**
     * A file URL that names a host ({@code file://attacker/share/x.yaml}): on Windows a UNC path, which opening — even
     * asking whether it exists — reaches over the network. Refused (a problem), true.
     */
    private boolean withHost(Doc doc, String pointer, String ref, URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty() || authority.equalsIgnoreCase("localhost")) {
            return false;
        }
        problem(doc, pointer, "the $ref `" + ref + "` is a file URL that names the host `" + authority + "`: a file on "
                + "another machine, which would be read over the network.", "copy the file next to the spec and point the "
                + "$ref at it by a relative path.");
        return true;
    }

    private void fileUrl(Doc doc, String pointer, String ref, String location) {
        Path path;
        try {
            URI uri = new URI(location);
            if (withHost(doc, pointer, ref, uri)) {
                return;
            }
            path = Path.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            problem(doc, pointer, "the $ref `" + ref + "` is not a file URL Java can read (" + e.getMessage() + ").",
                    "name the file by a path relative to the spec.");
            return;
        }
        local(doc, pointer, ref, null, path.toString());
    }

    private void local(Doc doc, String pointer, String ref, Path from, String location) {
        Path target;
        try {
            target = (from == null ? Path.of(location) : from.resolve(location)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problem(doc, pointer, "the $ref `" + ref + "` is not a file name (" + e.getReason() + ").", "correct the reference.");
            return;
        }
        // Compared as names before the file system is asked anything: on Windows `//host/share/x` is a UNC path, and even
        // Files.exists on it would open a connection to that host.
        if (namedRoots.stream().noneMatch(target::startsWith)) {
            outside(doc, pointer, ref, target);
            return;
        }
        if (!Files.exists(target)) {
            problem(doc, pointer, "the $ref `" + ref + "` names a file that does not exist: " + target + ".",
                    "create the file, or correct the reference (a relative path starts at the folder of the file holding it).");
            return;
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            problem(doc, pointer, "the $ref `" + ref + "` names a file that cannot be read: " + target + ".", "make it readable.");
            return;
        }
        if (allowedRoots.stream().noneMatch(real::startsWith)) {
            outside(doc, pointer, ref, real);
            return;
        }
        if (!Files.isRegularFile(real)) {
            problem(doc, pointer, "the $ref `" + ref + "` names " + real + ", which is not a file.", "point it at a JSON or YAML file.");
            return;
        }
        // Keyed by the path the reference names, not the real one: swagger-parser resolves the $refs inside a file from the
        // path it was reached by, so the same file reached through a symlinked folder is a new set of targets to check.
        // (A symlink loop cannot make this endless: the system refuses paths through more than 40 links.)
        if (!seen.add(target.toString())) {
            return;
        }
        String text;
        try {
            text = Files.readString(real, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem(doc, pointer, "the $ref `" + ref + "` names " + real + ", which is not UTF-8 text (" + e.getClass().getSimpleName()
                    + ").", "point it at a JSON or YAML file.");
            return;
        }
        localFiles = true;
        filesRead.add(real);
        follow(doc, pointer, ref, target.toString(), target.toUri(), text);
    }

    private void outside(Doc doc, String pointer, String ref, Path file) {
        problem(doc, pointer, "the $ref `" + ref + "` reads " + file + ", outside the spec's folder " + root
                + "; by default no file outside that folder is read.", "move the file into " + root
                + ", or allow its folder: " + HOW_TO_ALLOW_FOLDERS + ".");
    }

    private void remote(Doc doc, String pointer, String ref, String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            problem(doc, pointer, "the $ref `" + ref + "` is not a URL (" + e.getReason() + ").", "correct the reference.");
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!policy.allowsHost(host)) {
            problem(doc, pointer, "the $ref `" + ref + "` reaches the network (host `" + host + "`); by default generation reads "
                    + "no network, so its result never depends on what a server answers that day.", "copy the document next "
                    + "to the spec and point the $ref at it, or allow the host: " + HOW_TO_ALLOW_HOSTS + ".");
            return;
        }
        if (swagger2) {
            problem(doc, pointer, "the $ref `" + ref + "` names a remote document in a Swagger 2.0 definition; the 2.0 resolver "
                    + "fetches it again with no check of hosts or redirects, so remote refs are read only from OpenAPI 3.",
                    "copy the document next to the spec and point the $ref at it by a relative path, or convert the "
                    + "definition to OpenAPI 3.");
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !RefPolicy.isLoopback(host)) {
            problem(doc, pointer, "the $ref `" + ref + "` is fetched over http, which anyone on the way can change; an allowed host "
                    + "is fetched over https only (http only from this machine: localhost, 127.0.0.1, [::1]).",
                    "write the reference as https://" + host + "...");
            return;
        }
        String document = uri.getRawFragment() == null ? location : location.substring(0, location.indexOf('#'));
        if (!seen.add(document)) {
            return;
        }
        String text = fetch(doc, pointer, ref, URI.create(document));
        if (text != null) {
            if (firstRemote == null) {
                firstRemote = new SpecProblem(doc.name(), pointer, "the $ref `" + ref + "` names a remote document, and the spec "
                        + "also reads other files; swagger-parser fetches remote documents again, and checks each host and "
                        + "redirect only in its safe mode, which reads no local file but the spec.", "use remote documents or "
                        + "files beside the spec, not both: copy the remote documents next to the spec, or put the spec's "
                        + "files on an allowed host.");
            }
            follow(doc, pointer, ref, document, URI.create(document), text);
        }
    }

    /** The document at {@code uri}, redirects not followed (they could lead to a host not allowed), or null: a problem. */
    private String fetch(Doc doc, String pointer, String ref, URI uri) {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    problem(doc, pointer, "the $ref `" + ref + "` was answered with HTTP " + response.statusCode()
                            + (response.statusCode() / 100 == 3 ? " (redirects are not followed: they may lead to a host not allowed)" : "")
                            + ".", "point the $ref at the document's final https address.");
                    return null;
                }
                byte[] bytes = body.readNBytes((int) MAX_REMOTE_BYTES + 1);
                if (bytes.length > MAX_REMOTE_BYTES) {
                    problem(doc, pointer, "the $ref `" + ref + "` answered more than 64 MiB.", "copy the document next to the spec.");
                    return null;
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            problem(doc, pointer, "the $ref `" + ref + "` could not be fetched (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ").", "check the address, or copy the document next to the spec.");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(doc, pointer, "fetching the $ref `" + ref + "` was interrupted.", "run the generation again.");
            return null;
        }
    }

    /** Reads a referenced document within the limits, and queues it to have its own references followed. */
    private void follow(Doc doc, String pointer, String ref, String name, URI base, String text) {
        largest = Math.max(largest, text.length());
        DocumentReader.Document read;
        try {
            read = DocumentReader.read(text);
        } catch (DocumentReader.Refused e) {
            // where in that file the reader found it (a duplicate key's pointer), as for the spec itself
            problems.add(new SpecProblem(name, e.pointer(), e.rule() + " (reached by the $ref at " + doc.name() + "#" + pointer + ")", e.fix()));
            return;
        }
        if (!read.tree().isContainerNode()) {
            problem(doc, pointer, "the $ref `" + ref + "` names " + name + ", which is not a JSON or YAML document (it reads as "
                    + (read.tree().isNull() ? "nothing" : "a single " + read.tree().getNodeType().name().toLowerCase(Locale.ROOT))
                    + ").", "point it at a JSON or YAML file that holds what the reference needs.");
            return;
        }
        pending.add(new Doc(name, base, read.tree()));
        documents.put(name, read.tree());
        names.put(name, name);
    }

    /**
     * No file but the spec is referenced: swagger-parser may then resolve in its safe mode, where it fetches only from
     * the allowed hosts (each redirect checked too) and refuses every other URL — including any that only its second
     * download of a remote document holds. Its safe mode refuses every file reference, so it cannot be used otherwise.
     */
    boolean namesNoOtherFile() {
        return !localFiles;
    }

    /** A bundler over the documents checked: it reads nothing RefGuard did not read (call after {@link #check}). */
    Bundler bundler() {
        return new Bundler(rootKey, documents, names);
    }

    /** A 3.1 schema sets an {@code $id}: its {@code $ref}s resolve against it, which only swagger-parser's 3.1 dereferencer does. */
    boolean setsIds() {
        return ids;
    }

    /** The files other than the spec that {@link #check} read, by real path, sorted. */
    SortedSet<Path> filesRead() {
        return Collections.unmodifiableSortedSet(filesRead);
    }

    /** A remote document was fetched (its host allowed): swagger-parser will fetch it again. */
    boolean fetchedRemote() {
        return firstRemote != null;
    }

    /** The length of the longest referenced document, in chars: swagger-parser reads them again with its own limit. */
    long largest() {
        return largest;
    }

    private void problem(Doc doc, String pointer, String rule, String fix) {
        problems.add(new SpecProblem(doc.name(), pointer, rule, fix));
    }
}
