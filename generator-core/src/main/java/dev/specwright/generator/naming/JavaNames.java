package dev.specwright.generator.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns any string a spec can hold into a legal Java identifier of the wanted shape. Pure functions: uniqueness is the
 * job of {@link NameScope}, which every allocation goes through.
 */
public final class JavaNames {

    /** Names of {@code java.lang} types a generated type must not shadow. */
    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "Class", "Error", "Exception", "RuntimeException", "Override", "Deprecated", "Record",
            "Enum", "Integer", "Long", "Boolean", "Double", "Float", "Short", "Byte", "Character", "Number", "Void",
            "Math", "System", "Thread", "Iterable", "Comparable", "Runnable", "Process", "Package", "Module",
            "Runtime", "StringBuilder", "Throwable", "SuppressWarnings", "FunctionalInterface", "SafeVarargs");

    /**
     * {@code Object}'s methods: a generated method or record component with one of these names would not compile
     * (final methods) or would silently override it ({@code equals}, {@code toString}).
     */
    public static final java.util.List<String> OBJECT_METHODS = java.util.List.of(
            "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    private JavaNames() {}

    /** The words of a name: split at non-alphanumerics and at lower→upper case changes ({@code fooBar-baz} → foo, Bar, baz). */
    public static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isLetterOrDigit(c) || c > 0x7f) {
                flush(words, current);
                continue;
            }
            boolean boundary = current.length() > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(current.charAt(current.length() - 1))
                        || Character.isDigit(current.charAt(current.length() - 1))
                        || (i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1))
                            && Character.isUpperCase(current.charAt(current.length() - 1))));
            if (boundary) {
                flush(words, current);
            }
            current.append(c);
        }
        flush(words, current);
        return words;
    }

    private static void flush(List<String> words, StringBuilder current) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    /** {@code order-row} → {@code OrderRow}; never empty, never a keyword, never a {@code java.lang} type. */
    public static String typeName(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(raw)) {
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        String name = legal(sb.toString(), "Type");
        return JAVA_LANG.contains(name) ? name + "Model" : name;
    }

    /** {@code X-Connection-Id} → {@code xConnectionId}; keywords get a trailing underscore. */
    public static String memberName(String raw) {
        List<String> words = words(raw);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() == 0) {
                sb.append(isAllUpper(w) ? w.toLowerCase(Locale.ROOT) : Character.toLowerCase(w.charAt(0)) + w.substring(1));
            } else {
                String lower = isAllUpper(w) && w.length() > 1 ? w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT) : w;
                sb.append(Character.toUpperCase(lower.charAt(0))).append(lower.substring(1));
            }
        }
        return legal(sb.toString(), "value");
    }

    /** {@code isDeleted} → {@code IS_DELETED}; {@code 1st} → {@code _1ST}. */
    public static String constantName(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(raw)) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(w.toUpperCase(Locale.ROOT));
        }
        return legal(sb.toString(), "EMPTY");
    }

    /** A legal package name: lower case segments, keywords suffixed. */
    public static String packageSegment(String raw) {
        String joined = String.join("", words(raw)).toLowerCase(Locale.ROOT);
        return legal(joined, "api");
    }

    private static boolean isAllUpper(String w) {
        return w.chars().noneMatch(Character::isLowerCase);
    }

    private static String legal(String candidate, String fallback) {
        String name = candidate.isEmpty() ? fallback : candidate;
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        if (SourceVersion.isKeyword(name) || name.equals("_")) {
            name = name + "_";
        }
        return name;
    }
}
