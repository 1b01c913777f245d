package dev.specwright.generator.load;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a {@code $ref} may reach beyond the spec's own folder. By default nowhere: no network, and no file outside the
 * folder of the main spec file (checked on real paths, so a symlink does not lead out). Each widening is explicit.
 *
 * @param remoteHosts hosts a {@code $ref} may fetch from, over https (over http only for a loopback host)
 * @param outsideFolders folders outside the spec's folder whose files a {@code $ref} may read
 */
public record RefPolicy(Set<String> remoteHosts, List<Path> outsideFolders) {

    /** The default: the spec's folder only. */
    public static final RefPolicy SPEC_FOLDER_ONLY = new RefPolicy(Set.of(), List.of());

    public RefPolicy {
        TreeSet<String> hosts = new TreeSet<>();
        for (String host : Objects.requireNonNull(remoteHosts, "remoteHosts")) {
            hosts.add(host(host));
        }
        remoteHosts = Collections.unmodifiableSortedSet(hosts); // sorted: its toString is stable (the plugin's stamp hashes it)
        outsideFolders = List.copyOf(Objects.requireNonNull(outsideFolders, "outsideFolders"));
    }

    /** A host name as the allow-list holds it (lower case), or a message saying what a host is. */
    private static String host(String host) {
        String h = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || !h.matches("[a-z0-9.-]+|\\[[0-9a-f:.]+]")) {
            throw new IllegalArgumentException("an allowed $ref host must be a host name such as api.example.com (no scheme, "
                    + "port or path; an IPv6 address in brackets); got \"" + host + "\".");
        }
        return h;
    }

    boolean allowsHost(String host) {
        return host != null && remoteHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    static boolean isLoopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.equals("[::1]") || h.equals("::1");
    }
}
