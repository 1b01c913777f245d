package dev.specwright.runtime.internal;

/** RFC 7230 {@code token}: the grammar of header names, HTTP methods and User-Agent product names and versions. */
public final class Tokens {

    /** The characters a token may hold besides letters and digits, for error messages. */
    public static final String ALLOWED = "letters, digits and !#$%&'*+-.^_`|~";

    private Tokens() {}

    public static boolean isToken(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTchar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isTchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
