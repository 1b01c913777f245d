package dev.specwright.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URI host is the loopback interface: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}. Decided from the
 * text alone, never by a DNS lookup: a name that merely resolves to 127.0.0.1 today is not trusted with plain HTTP.
 */
public final class LoopbackHosts {

    private static final Pattern IPV4_LOOPBACK =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private LoopbackHosts() {}

    /** @param host a URI host as {@link java.net.URI#getHost()} returns it (IPv6 literals in brackets) */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return isIpv6Loopback(h.substring(1, h.length() - 1));
        }
        return false;
    }

    private static boolean isIpv6Loopback(String literal) {
        if (literal.isEmpty() || !literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return false; // not a literal address: never let getByName do a lookup
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
