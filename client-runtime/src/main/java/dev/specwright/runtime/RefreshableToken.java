package dev.specwright.runtime;

/**
 * A bearer token the application keeps and can renew when the server refuses it, for
 * {@link Credentials.Builder#bearer(RefreshableToken)}: {@link #token()} is asked before every request (retries
 * included) and sent as {@code Authorization: Bearer <token>}; when the server answers {@code 401 Unauthorized},
 * {@link #refresh(String)} is called — once per refused token, however many calls were refused with it at the same
 * time — and each refused call goes once more, at once, with what {@code token()} returns then. A second 401 ends the
 * call with its {@link ApiException}.
 *
 * <p>Both methods must be thread-safe. {@code token()} should be quick (read a cache); {@code refresh} may block (ask
 * an identity provider): calls that authenticate meanwhile wait for it, so that none goes out with the refused token.
 * The runtime never prints a token; an implementation must not put one in its exceptions' messages either. For OAuth 2.0
 * client credentials use {@link OAuth2ClientCredentials}, which does all of this itself.
 */
public interface RefreshableToken {

    /** The token to send now; not null, not blank, no whitespace. */
    String token();

    /**
     * The server refused {@code refused} (it answered 401 to a request that carried it): renew the token, so that the
     * next {@link #token()} returns a fresh one. If it returns {@code refused} again, the calls retried with it end at
     * their second 401. An exception thrown here ends the call that saw the 401, with the exception as the cause.
     *
     * @param refused the token the refused request carried, for an implementation that keeps several
     */
    void refresh(String refused);
}
