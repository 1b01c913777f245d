package dev.specwright.runtime.internal;

import java.net.URI;

/** How URIs appear in messages and logs: scheme, host, port and path only. */
public final class UriText {

    private UriText() {}

    /**
     * The URI without user info, query or fragment: a query may carry data the caller did not mean to log, and user
     * info is a credential.
     */
    public static String withoutQuery(URI uri) {
        if (uri == null) {
            return "(no uri)";
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return uri.getRawPath() == null ? "(opaque uri)" : uri.getRawPath();
        }
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            out.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        return out.toString();
    }
}
