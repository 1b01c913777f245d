package dev.specwright.runtime;

import dev.specwright.runtime.internal.RuntimeVersion;
import dev.specwright.runtime.internal.Tokens;

/**
 * The caller's identification for the {@code User-Agent} header, per RFC 7231: {@code product/version (contact)}. Product
 * and version are RFC 7230 tokens; the contact sits in a comment, the only place an {@code @} is allowed. The header
 * value ends with this runtime's own product token, {@code specwright/<version>}.
 */
public final class UserAgent {

    private final String product;
    private final String version;
    private final String contact;
    private final String headerValue;

    private UserAgent(String product, String version, String contact) {
        this.product = product;
        this.version = version;
        this.contact = contact;
        String caller = product + "/" + version + (contact == null ? "" : " (" + contact + ")");
        this.headerValue = caller + " " + runtimeProduct();
    }

    /** e.g. {@code UserAgent.of("my-app", "1.0", "you@example.com")}; a null contact is left out. */
    public static UserAgent of(String product, String version, String contact) {
        requireToken("product", product);
        requireToken("version", version);
        if (contact != null) {
            requireCommentText(contact);
        }
        return new UserAgent(product, version, contact);
    }

    public static UserAgent of(String product, String version) {
        return of(product, version, null);
    }

    /** The runtime's product token alone, sent when the caller gives no user agent: {@code specwright/<version>}. */
    public static String runtimeProduct() {
        return "specwright/" + RuntimeVersion.get();
    }

    /** e.g. {@code my-app/1.0 (you@example.com) specwright/0.1.0}. */
    public String headerValue() {
        return headerValue;
    }

    public String product() {
        return product;
    }

    public String version() {
        return version;
    }

    /** The contact, or null. */
    public String contact() {
        return contact;
    }

    @Override
    public String toString() {
        return headerValue;
    }

    private static void requireToken(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException("User-Agent " + what + " is null");
        }
        if (Tokens.isToken(value)) {
            return;
        }
        String hint = value.isEmpty() ? "it is empty"
                : value.indexOf('@') >= 0 ? "an '@' belongs in the contact, not here"
                : value.indexOf('/') >= 0 ? "the '/' between product and version is added for you"
                : value.chars().anyMatch(Character::isWhitespace) ? "remove the whitespace"
                : "use only " + Tokens.ALLOWED;
        throw new IllegalArgumentException("User-Agent " + what + " \"" + value + "\" is not an RFC 7230 token: " + hint);
    }

    /**
     * RFC 7230 comment text: printable ASCII, spaces and tabs; parentheses only balanced (nested comments); a backslash
     * only to quote the next character.
     */
    private static void requireCommentText(String contact) {
        if (contact.isBlank()) {
            throw new IllegalArgumentException("User-Agent contact is blank; leave it out (UserAgent.of(product, version))"
                    + " or give an address such as you@example.com");
        }
        int depth = 0;
        for (int i = 0; i < contact.length(); i++) {
            char c = contact.charAt(i);
            if (c == '\\') {
                i++;
                if (i == contact.length() || !isCommentChar(contact.charAt(i))) {
                    throw commentError(contact, "a backslash must be followed by the character it quotes");
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw commentError(contact, "')' at index " + i + " closes nothing; balance the parentheses");
                }
            } else if (!isCommentChar(c)) {
                throw commentError(contact, "the character at index " + i
                        + " is not allowed (use printable ASCII; no line breaks or control characters)");
            }
        }
        if (depth != 0) {
            throw commentError(contact, "a '(' is never closed; balance the parentheses");
        }
    }

    private static boolean isCommentChar(char c) {
        return c == '\t' || (c >= 0x20 && c <= 0x7e);
    }

    private static IllegalArgumentException commentError(String contact, String problem) {
        String shown = contact.chars().allMatch(c -> isCommentChar((char) c)) ? " \"" + contact + "\"" : "";
        return new IllegalArgumentException("User-Agent contact" + shown + " cannot go in a comment: " + problem);
    }
}
