package dev.specwright.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * Authentication worked out per request, for what {@link Credentials}' fixed values cannot express: a token that
 * changes (OAuth 2.0, see {@link OAuth2ClientCredentials}), a signature over the request, a header computed from a
 * vault. Set with {@link Credentials.Builder#authenticator(Authenticator)}; called before every attempt, retries
 * included, so a refreshed token is picked up at once.
 *
 * <p>An implementation must be thread-safe, and must not put what it adds in its {@code toString()} or its exception
 * messages: the runtime prints neither values nor anything but the class name of an authenticator it does not know.
 */
@FunctionalInterface
public interface Authenticator {

    /** Adds what authenticates this request to it: headers, query parameters or cookies. May block (a blocking send). */
    void authenticate(AuthRequest request);

    /**
     * What {@code sendAsync} calls: the same, without blocking. The default calls {@link #authenticate(AuthRequest)}
     * on the calling thread, which is right for anything that does not wait (a supplier, a signature); one that fetches
     * something over the network overrides it.
     *
     * @return completes once {@code request} has been authenticated; fails with the reason it could not be
     */
    default CompletableFuture<Void> authenticateAsync(AuthRequest request) {
        try {
            authenticate(request);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The server answered {@code 401 Unauthorized} to a request this authenticator authenticated. Return {@code true}
     * when the next {@link #authenticate} will add something else — the refused token dropped, a fresh one to be
     * fetched — and the client sends the call once more, at once, with what it adds then (once per call, whatever the
     * retry policy says; a second 401 ends the call). Many calls refused at once should cause one refresh: compare
     * {@code sent} with what is cached, and drop it only if it is the one refused. The default, for what cannot renew
     * itself, is {@code false}: the 401 ends the call.
     *
     * @param sent the headers the refused request went with, {@code Authorization} included
     * @return whether authenticating again would send something new
     */
    default boolean refused(java.net.http.HttpHeaders sent) {
        return false;
    }
}
