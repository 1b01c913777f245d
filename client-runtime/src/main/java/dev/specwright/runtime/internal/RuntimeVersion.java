package dev.specwright.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The runtime's own version, from the resource Maven filters at build time; it ends the User-Agent header. */
public final class RuntimeVersion {

    private static final String RESOURCE = "/dev/specwright/runtime/specwright-runtime.properties";

    /** Used when the resource is missing or was not filtered (e.g. classes compiled by an IDE). */
    private static final String UNKNOWN = "dev";

    private static final String VERSION = load();

    private RuntimeVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = RuntimeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return Tokens.isToken(version) ? version : UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the specwright-runtime jar", e);
        }
    }
}
