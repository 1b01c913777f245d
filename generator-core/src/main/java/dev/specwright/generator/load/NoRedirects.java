package dev.specwright.generator.load;

import java.net.HttpURLConnection;
import java.util.function.Supplier;

/**
 * Runs swagger-parser with {@link HttpURLConnection}'s redirects off. swagger-parser fetches a remote document again
 * with HttpURLConnection, which by default follows a redirect to the same protocol itself — to any host — so
 * swagger-parser's own check of each hop against the allowed hosts never sees it. With redirects off, every hop comes
 * back to swagger-parser, which checks it.
 *
 * <p>The switch is JVM-wide (there is no per-connection one swagger-parser would use), so it is used only while a spec
 * whose allowed remote documents are being resolved, and put back as it was once no such resolution runs: concurrent
 * generations share one count. Other code in the JVM that opens an HttpURLConnection during that time gets the
 * redirect answer rather than following it.
 */
final class NoRedirects {

    private static int running;
    private static boolean before;

    private NoRedirects() {}

    static <T> T call(Supplier<T> task) {
        enter();
        try {
            return task.get();
        } finally {
            exit();
        }
    }

    private static synchronized void enter() {
        if (running++ == 0) {
            before = HttpURLConnection.getFollowRedirects();
            HttpURLConnection.setFollowRedirects(false);
        }
    }

    private static synchronized void exit() {
        if (--running == 0) {
            HttpURLConnection.setFollowRedirects(before);
        }
    }
}
