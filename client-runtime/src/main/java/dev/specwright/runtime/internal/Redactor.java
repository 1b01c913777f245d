package dev.specwright.runtime.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a client's secrets out of text before it reaches an exception message or a log line, even when a server echoes
 * them back. Two lines of defence:
 * <ol>
 *   <li>by value: every credential the client holds, in each form it could come back in — as given, percent-encoded
 *       (in a query or a form), JSON-escaped, base64 (a Basic header), and for a Basic header the decoded
 *       {@code user:password} and the password alone;</li>
 *   <li>by shape: {@code Authorization: ...}, {@code Bearer ...}/{@code Basic ...} followed by something
 *       credential-like, and {@code api_key=...}, {@code access_token=...}, {@code client_secret=...} pairs (and the
 *       same names as JSON members), whatever their values are.</li>
 * </ol>
 * A secret shorter than {@value #MIN_LENGTH} characters is not replaced by value (replacing every {@code "a"} or
 * {@code "42"} in a message would hide the message, not the secret); the shapes above still catch it where it stands
 * in a header or a pair. Values learnt per request (a refreshed OAuth token, a supplied bearer) are kept for the last
 * {@value #MAX_LEARNT} only: a long-lived client must not grow without bound.
 *
 * <p>Thread-safe: {@link #learn} publishes a new immutable state, {@link #redact} reads the current one.
 */
public final class Redactor {

    /** What stands where a secret was. */
    public static final String MASK = "***";

    /** Secrets shorter than this are not replaced by value (see the class comment). */
    public static final int MIN_LENGTH = 4;

    static final int MAX_LEARNT = 16;

    /** Shapes only: what an exception made outside a client (or before it got one) is redacted with. */
    public static final Redactor SHAPES_ONLY = new Redactor(List.of());

    private static final String SECRET_NAMES = "api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|id[_-]?token"
            + "|client[_-]?secret|password|passwd|secret|token|session(?:[_-]?id)?|sid";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)key|token|secret|passw|auth|session|cookie|signature|credential");

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:(?:basic|bearer|digest|token|negotiate)\\s+)?[^\\s\",;&}]+");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)([A-Za-z0-9._~+/=-]{8,})");
    /** {@code name=value} as in a query or a form. */
    private static final Pattern SECRET_PAIR = Pattern.compile("(?i)(?<![A-Za-z0-9_-])(" + SECRET_NAMES + ")(=)[^\\s\"&;,}<]+");
    /** {@code "name": "value"} as in a JSON document. */
    private static final Pattern SECRET_MEMBER = Pattern.compile("(?i)(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");

    private final List<String> fixed;
    private volatile State state;

    /** The forms searched for, longest first, so a secret inside a longer one does not leave half of it. */
    private record State(List<String> forms, Deque<List<String>> learnt) {}

    private Redactor(List<String> secrets) {
        this.fixed = List.copyOf(secrets);
        this.state = new State(forms(fixed, List.of()), new ArrayDeque<>());
    }

    /** A redactor for these secrets (nulls and duplicates ignored), plus the shapes. */
    public static Redactor of(Iterable<String> secrets) {
        List<String> list = new ArrayList<>();
        secrets.forEach(secret -> {
            if (secret != null) {
                list.add(secret);
            }
        });
        return new Redactor(list); // never SHAPES_ONLY: this one may learn
    }

    /** Adds values that arrived per request (an authenticator's header, query parameter or cookie). */
    public void learn(Iterable<String> values) {
        List<String> fresh = new ArrayList<>();
        values.forEach(value -> {
            if (value != null && value.length() >= MIN_LENGTH) {
                fresh.add(value);
            }
        });
        // The usual case, the same token as before, takes no lock: every request of every thread passes here, and a
        // published State is never changed (learning replaces it whole), so reading it without the lock is safe.
        if (fresh.isEmpty() || this == SHAPES_ONLY || state.learnt().contains(fresh)) {
            return;
        }
        synchronized (this) {
            State current = state;
            if (current.learnt().contains(fresh)) {
                return; // the same token as before: the usual case, nothing to rebuild
            }
            Deque<List<String>> learnt = new ArrayDeque<>(current.learnt());
            learnt.addLast(List.copyOf(fresh));
            while (learnt.size() > MAX_LEARNT) {
                learnt.removeFirst();
            }
            List<String> all = new ArrayList<>();
            learnt.forEach(all::addAll);
            state = new State(forms(fixed, all), learnt);
        }
    }

    /** The text with every known secret and every secret-shaped value replaced by {@value #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String form : state.forms()) {
            if (out.contains(form)) {
                out = out.replace(form, MASK);
            }
        }
        out = AUTHORIZATION.matcher(out).replaceAll("$1" + MASK);
        out = SCHEME.matcher(out).replaceAll(match -> looksLikeCredential(match.group(3))
                ? match.group(1) + match.group(2) + MASK : Matcher.quoteReplacement(match.group()));
        out = SECRET_PAIR.matcher(out).replaceAll("$1$2" + MASK);
        return SECRET_MEMBER.matcher(out).replaceAll("$1" + MASK + "$2");
    }

    /**
     * Whether the word after {@code Bearer}/{@code Basic} is a credential rather than prose ("Basic authentication
     * required"): base64 and tokens carry digits or punctuation, words do not.
     */
    private static boolean looksLikeCredential(String word) {
        return word.chars().anyMatch(c -> Character.isDigit(c) || "._~+/=-".indexOf(c) >= 0);
    }

    /**
     * Whether a header or parameter of this name carries a secret by its name alone ({@code X-Api-Key},
     * {@code X-Auth-Token}, {@code X-Session-Id}, ...): its value is then redacted like a credential's.
     */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }

    /**
     * The cause to attach to an exception: {@code cause} itself when no message in its chain holds a secret, else a
     * stand-in whose messages are redacted (each naming the class it stands for) with the same stack traces, so that
     * a printed stack trace shows no secret either. Null stays null.
     */
    public Throwable scrubbed(Throwable cause) {
        if (cause == null || !chainWouldChange(cause)) {
            return cause;
        }
        RedactedCause standIn = new RedactedCause(cause.getClass().getName() + ": " + redact(cause.getMessage()),
                scrubbed(cause.getCause() == cause ? null : cause.getCause()));
        standIn.setStackTrace(cause.getStackTrace());
        return standIn;
    }

    private boolean chainWouldChange(Throwable cause) {
        int depth = 0;
        for (Throwable t = cause; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (wouldChange(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Stands in for an exception whose message held a secret. */
    static final class RedactedCause extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether {@link #redact} would change the text. */
    public boolean wouldChange(String text) {
        return text != null && !text.equals(redact(text));
    }

    /** This redactor and {@code other}: text goes through both. */
    public Redactor and(Redactor other) {
        if (other == null || other == this || other == SHAPES_ONLY) {
            return this;
        }
        if (this == SHAPES_ONLY) {
            return other;
        }
        List<String> both = new ArrayList<>(fixed);
        both.addAll(other.fixed);
        state.learnt().forEach(both::addAll);
        other.state.learnt().forEach(both::addAll);
        return new Redactor(both);
    }

    private static List<String> forms(List<String> fixed, List<String> learnt) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : fixed) {
            addForms(secret, forms);
        }
        for (String secret : learnt) {
            addForms(secret, forms);
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.removeIf(form -> form.length() < MIN_LENGTH);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    /** The secret as given and as it could come back: encoded, escaped, and a Basic header's parts. */
    private static void addForms(String secret, Set<String> forms) {
        if (secret.length() < MIN_LENGTH) {
            return;
        }
        for (String value : withHeaderParts(secret)) {
            forms.add(value);
            forms.add(PercentEncoder.encode(value));
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.add(jsonEscaped(value, false));
            forms.add(jsonEscaped(value, true));
            forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * For a header value {@code Basic <base64>}: the base64, the decoded {@code user:password} and the password; for
     * {@code Bearer <token>}: the token. Any other value as it is.
     */
    private static List<String> withHeaderParts(String value) {
        List<String> parts = new ArrayList<>();
        parts.add(value);
        int space = value.indexOf(' ');
        if (space < 0) {
            return parts;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credential = value.substring(space + 1).strip();
        if (scheme.equals("bearer") || scheme.equals("basic") || scheme.equals("token")) {
            parts.add(credential);
        }
        if (scheme.equals("basic")) {
            try {
                String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                parts.add(pair);
                int colon = pair.indexOf(':');
                if (colon >= 0) {
                    parts.add(pair.substring(colon + 1));
                }
            } catch (IllegalArgumentException notBase64) {
                // not what Basic carries: the value itself is still redacted
            }
        }
        return parts;
    }

    /**
     * The value as a JSON string literal's content, as a server that echoes the request as JSON writes it: with only
     * what must be escaped ({@code "}, {@code \}, control characters: Jackson's way), or with {@code /} and every
     * non-ASCII character escaped too (other serializers' way).
     */
    static String jsonEscaped(String value, boolean escapeAll) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append(escapeAll ? "\\/" : "/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (escapeAll && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
