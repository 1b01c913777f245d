package dev.specwright.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
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
import java.util.Arrays;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where {@code inputSpec} is, as the peer reads it: a file (relative to the project), else an {@code http(s)} URL
 * (fetched once into {@code target/}), else a resource on the project's compile classpath (a folder's file is used
 * where it is; a jar's resource is extracted with the whole folder it sits in, so the files its relative
 * {@code $ref}s name are beside it). Whatever the source, the generator reads a local file.
 */
final class SpecSource {

    /** A spec served larger than this is refused (the generator's own limits apply to what is read). */
    static final long MAX_FETCHED_BYTES = 256L * 1024 * 1024;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** {@code inputSpec} names nothing this class can read: the user's to fix. */
    static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    private SpecSource() {
    }

    static boolean isUrl(String inputSpec) {
        String lower = inputSpec.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * The local file to generate from.
     *
     * @param inputSpec the parameter as given
     * @param basedir the project's folder (a relative file is relative to it)
     * @param classpath the project's compile classpath (folders and jars)
     * @param work a folder of this execution's own under {@code target/} (fetched and extracted specs land there)
     */
    static Path resolve(String inputSpec, Path basedir, List<String> classpath, Path work)
            throws NotFound, IOException {
        return resolve(inputSpec, basedir, classpath, work, Set.of());
    }

    /**
     * As {@link #resolve(String, Path, List, Path)}; a spec at a URL may {@code $ref} relative files on its own
     * host when {@code allowedHosts} (the {@code allowRemoteRefs} policy) names that host.
     */
    static Path resolve(String inputSpec, Path basedir, List<String> classpath, Path work, Set<String> allowedHosts)
            throws NotFound, IOException {
        String spec = inputSpec.strip();
        if (isUrl(spec)) {
            return fetchWithRefs(spec, work.resolve("url"), allowedHosts);
        }
        try {
            Path file = basedir.resolve(spec);
            if (Files.isRegularFile(file)) {
                return file;
            }
        } catch (InvalidPathException e) {
            // not a file name on this system: maybe a resource
        }
        String resource = spec.startsWith("classpath:") ? spec.substring("classpath:".length()) : spec;
        resource = resource.replace('\\', '/');
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        if (!resource.isEmpty() && safe(resource)) {
            for (String element : classpath) {
                Path entry = Path.of(element);
                if (Files.isDirectory(entry)) {
                    Path file = entry.resolve(resource);
                    if (Files.isRegularFile(file)) {
                        return file;
                    }
                } else if (Files.isRegularFile(entry) && element.endsWith(".jar")) {
                    Path extracted = extract(entry, resource, work.resolve("classpath"));
                    if (extracted != null) {
                        return extracted;
                    }
                }
            }
        }
        throw new NotFound("no file " + basedir.resolve(spec) + ", and no resource " + PeerParameters.quoted(resource)
                + " on the project's compile classpath (" + classpath.size() + " entries). Fix: give the spec's path"
                + " (relative to the project), an http(s) URL, or the resource path inside a dependency jar"
                + " (e.g. com/example/api/openapi.yaml; the jar must be a dependency of this project).");
    }

    /**
     * Extracts {@code resource} and every other file of its folder (and the folders below) from {@code jar} into
     * {@code into}, keeping their relative paths, so relative {@code $ref}s work. A resource at the jar's root brings
     * the root's other non-class files. Files whose content is unchanged are not rewritten. Null when the jar has no
     * such resource.
     */
    static Path extract(Path jar, String resource, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry wanted = zip.getEntry(resource);
            if (wanted == null || wanted.isDirectory()) {
                return null;
            }
            int slash = resource.lastIndexOf('/');
            String folder = slash < 0 ? "" : resource.substring(0, slash + 1);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(folder) || !safe(name) || name.endsWith(".class")
                        || name.startsWith("META-INF/")) {
                    continue;
                }
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into.normalize())) {
                    continue;
                }
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FETCHED_BYTES + 1));
                }
                if (content.length > MAX_FETCHED_BYTES) {
                    throw new IOException(jar + "!/" + name + " is larger than " + MAX_FETCHED_BYTES + " bytes");
                }
                writeIfChanged(target, content);
            }
            return into.resolve(resource);
        }
    }

    /**
     * Fetches a spec once, with timeouts, over https (http only from loopback, as {@code allowRemoteRefs} allows),
     * following no redirect, into {@code into}; the file keeps the URL's file name.
     */
    /** Most files a spec at a URL brings in through relative {@code $ref}s. */
    static final int MAX_FETCHED_FILES = 1000;

    /**
     * Fetches the spec, and the files its relative {@code $ref}s name (recursively), each once, into
     * {@code into/<host>[_port]/<the URL's path>}, so the relative {@code $ref}s read the local copies. A relative
     * {@code $ref} is a remote one: it is fetched only when {@code allowedHosts} names the spec's host (as
     * {@code allowRemoteRefs} decides for every {@code $ref}); absolute URLs are left to the generator's policy.
     */
    static Path fetchWithRefs(String url, Path into, Set<String> allowedHosts) throws NotFound, IOException {
        URI root = uri(url);
        Path hostFolder = into.resolve(root.getHost().replaceAll("[^A-Za-z0-9.-]", "_")
                + (root.getPort() < 0 ? "" : "_" + root.getPort()));
        Map<URI, Path> fetched = new LinkedHashMap<>();
        Deque<URI> pending = new ArrayDeque<>();
        pending.add(withoutFragment(root));
        Path first = null;
        while (!pending.isEmpty()) {
            URI next = pending.removeFirst();
            if (fetched.containsKey(next)) {
                continue;
            }
            if (fetched.size() >= MAX_FETCHED_FILES) {
                throw new NotFound(url + " $refs more than " + MAX_FETCHED_FILES + " files. Fix: bundle the spec.");
            }
            String path = next.getPath() == null || next.getPath().isEmpty() ? "/" : next.getPath();
            String relative = path.substring(1);
            if (relative.isEmpty() || relative.endsWith("/")) {
                relative = relative + "openapi.yaml";
            }
            if (!safe(relative)) {
                throw new NotFound(next + " (a $ref of " + url + ") leaves the spec's host folder. Fix: $ref files"
                        + " by paths below the server's root.");
            }
            Path file = fetch(next.toString(), hostFolder.resolve(relative).getParent(),
                    hostFolder.resolve(relative).getFileName().toString());
            fetched.put(next, file);
            if (first == null) {
                first = file;
            }
            for (String ref : relativeRefs(Files.readString(file, StandardCharsets.UTF_8))) {
                URI target;
                try {
                    target = withoutFragment(next.resolve(new URI(null, null, ref, null)));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    continue; // the generator reports a malformed $ref where it is
                }
                if (fetched.containsKey(target)) {
                    continue;
                }
                String host = root.getHost().toLowerCase(Locale.ROOT);
                if (!allowedHosts.contains(host)) {
                    throw new NotFound(next + " $refs " + PeerParameters.quoted(ref) + ", a file on " + host
                            + ", which <allowRemoteRefs> does not name. Fix: add " + host + " to <allowRemoteRefs>"
                            + " (a relative $ref of a spec at a URL is fetched from its server), or give a local copy"
                            + " of the spec and its files.");
                }
                pending.add(target);
            }
        }
        return first;
    }

    /** The file parts of the {@code $ref}s of a JSON or YAML text that name a relative file (not a URL, not local). */
    static List<String> relativeRefs(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(options.getCodePointLimit(), text.length() + 1));
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            return List.of(); // not YAML: the generator reports it, located
        }
        List<String> refs = new ArrayList<>();
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(document == null ? Map.of() : document);
        int visited = 0;
        while (!stack.isEmpty() && visited++ < 10_000_000) {
            Object node = stack.pop();
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if ("$ref".equals(entry.getKey()) && entry.getValue() instanceof String ref) {
                        int hash = ref.indexOf('#');
                        String file = (hash < 0 ? ref : ref.substring(0, hash)).strip();
                        if (!file.isEmpty() && !file.contains(":") && !file.startsWith("/") && !refs.contains(file)) {
                            refs.add(file);
                        }
                    } else if (entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof List<?>) {
                        stack.push(entry.getValue());
                    }
                }
            } else if (node instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> || item instanceof List<?>) {
                        stack.push(item);
                    }
                }
            }
        }
        return refs;
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static URI uri(String url) throws NotFound {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new NotFound(PeerParameters.quoted(url) + " is not a URL (" + e.getReason() + "). Fix: correct it.");
        }
        if (uri.getHost() == null) {
            throw new NotFound(PeerParameters.quoted(url) + " names no host. Fix: correct the URL.");
        }
        return uri;
    }

    static Path fetch(String url, Path into) throws NotFound, IOException {
        return fetch(url, into, null);
    }

    static Path fetch(String url, Path into, String fileName) throws NotFound, IOException {
        URI uri = uri(url);
        String host = uri.getHost();
        if (uri.getScheme().equalsIgnoreCase("http") && !loopback(host)) {
            throw new NotFound(PeerParameters.quoted(url) + " is plain http to another machine: a spec is fetched"
                    + " over https (http only from localhost, 127.0.0.1 or [::1]). Fix: use its https URL.");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/yaml, application/json;q=0.9, */*;q=0.5").build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        } catch (IOException e) {
            throw new NotFound("fetching " + url + " failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Fix: check the URL and the network,"
                    + " or give a local file.");
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes((int) MAX_FETCHED_BYTES + 1);
        }
        int status = response.statusCode();
        if (status / 100 == 3) {
            throw new NotFound(url + " answered " + status + ", a redirect to "
                    + response.headers().firstValue("Location").orElse("(no Location)")
                    + "; redirects are not followed. Fix: give the final URL.");
        }
        if (status != 200) {
            throw new NotFound(url + " answered HTTP " + status + ". Fix: check the URL.");
        }
        if (body.length > MAX_FETCHED_BYTES) {
            throw new NotFound(url + " is larger than " + MAX_FETCHED_BYTES + " bytes.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = fileName != null ? fileName : path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || !safe(name) || name.startsWith(".")) {
            name = "openapi.yaml";
        }
        Path file = into.resolve(name);
        writeIfChanged(file, body);
        return file;
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: never resolved here to decide
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean safe(String relative) {
        return Arrays.stream(relative.split("/")).noneMatch(part -> part.equals("..") || part.equals("."))
                && !relative.contains(":") && !relative.contains("\\");
    }

    private static void writeIfChanged(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == content.length
                && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".specwright-", ".part");
        try {
            Files.write(temp, content);
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
