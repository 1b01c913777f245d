package dev.specwright.generator.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Turns any string a spec can hold into a legal Java identifier of the wanted shape. Pure functions: uniqueness is the
 * job of {@link NameScope}, which every allocation goes through.
 */
public final class JavaNames {

    /**
     * The public {@code java.lang} types of Java 17 and of later JDKs. Generated code names them without an import, so
     * a generated type of the same name in the same package would take their place there, and in a user's file that
     * imports the package with {@code .*} every use of either would be ambiguous. A fixed list, not the running JDK's:
     * the same spec must give the same names on every JDK.
     */
    private static final Set<String> JAVA_LANG = Set.of(
            "AbstractMethodError", "Appendable", "ArithmeticException", "ArrayIndexOutOfBoundsException",
            "ArrayStoreException", "AssertionError", "AutoCloseable", "Boolean", "BootstrapMethodError", "Byte",
            "CharSequence", "Character", "Class", "ClassCastException", "ClassCircularityError", "ClassFormatError",
            "ClassLoader", "ClassNotFoundException", "ClassValue", "CloneNotSupportedException", "Cloneable",
            "Comparable", "Compiler", "Deprecated", "Double", "Enum", "EnumConstantNotPresentException", "Error",
            "Exception", "ExceptionInInitializerError", "Float", "FunctionalInterface", "IllegalAccessError",
            "IllegalAccessException", "IllegalArgumentException", "IllegalCallerException",
            "IllegalMonitorStateException", "IllegalStateException", "IllegalThreadStateException",
            "IncompatibleClassChangeError", "IndexOutOfBoundsException", "InheritableThreadLocal", "InstantiationError",
            "InstantiationException", "Integer", "InternalError", "InterruptedException", "Iterable",
            "LayerInstantiationException", "LinkageError", "Long", "Math", "Module", "ModuleLayer",
            "NegativeArraySizeException", "NoClassDefFoundError", "NoSuchFieldError", "NoSuchFieldException",
            "NoSuchMethodError", "NoSuchMethodException", "NullPointerException", "Number", "NumberFormatException",
            "Object", "OutOfMemoryError", "Override", "Package", "Process", "ProcessBuilder", "ProcessHandle",
            "Readable", "Record", "ReflectiveOperationException", "Runnable", "Runtime", "RuntimeException",
            "RuntimePermission", "SafeVarargs", "SecurityException", "SecurityManager", "Short", "StackOverflowError",
            "StackTraceElement", "StackWalker", "StrictMath", "String", "StringBuffer", "StringBuilder",
            "StringIndexOutOfBoundsException", "SuppressWarnings", "System", "Thread", "ThreadDeath", "ThreadGroup",
            "ThreadLocal", "Throwable", "TypeNotPresentException", "UnknownError", "UnsatisfiedLinkError",
            "UnsupportedClassVersionError", "UnsupportedOperationException", "VerifyError", "VirtualMachineError",
            "Void",
            // added after Java 17
            "MatchException", "WrongThreadException", "ScopedValue", "StringTemplate", "StableValue", "IO");

    /**
     * {@code Object}'s methods: a generated method or record component with one of these names would not compile
     * (final methods) or would silently override it ({@code equals}, {@code toString}).
     */
    public static final java.util.List<String> OBJECT_METHODS = java.util.List.of(
            "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    /**
     * The longest type name handed out. A class file of a nested type is {@code Outer$Inner.class}: two such names and
     * {@code $.class} stay within 200 bytes, under every file system's limit of 255 with room for a numeric suffix.
     */
    public static final int MAX_TYPE_NAME = 96;

    /** A package segment becomes a directory: kept short, so that deep packages still leave room for the file. */
    public static final int MAX_PACKAGE_SEGMENT = 64;

    /**
     * Device names Windows reserves in every folder, whatever the case and whatever the extension ({@code con.java},
     * {@code Aux.class}): a file or folder named so cannot be created or read there.
     */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile(
            "(CON|PRN|AUX|NUL|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3]|CONIN\\$|CONOUT\\$|CLOCK\\$)",
            Pattern.CASE_INSENSITIVE);

    private JavaNames() {}

    /** Whether a file or folder whose name starts with {@code name} (up to its first dot) is unusable on Windows. */
    public static boolean isWindowsReserved(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return WINDOWS_RESERVED.matcher(base).matches();
    }

    /**
     * A type name that is also a usable file name everywhere: at most {@link #MAX_TYPE_NAME} characters (a longer one
     * keeps its start and gets a hash of the whole, so it stays distinct and the same on every run), and never a
     * Windows device name ({@code Con} becomes {@code Con_}).
     */
    public static String fileSafeTypeName(String name) {
        String safe = shortened(name, MAX_TYPE_NAME);
        return isWindowsReserved(safe) ? safe + "_" : safe;
    }

    /** {@code name}, or its first characters and {@code _} and 8 hex digits of its SHA-256 when longer than {@code max}. */
    public static String shortened(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int cut = max - 9;
        if (Character.isLowSurrogate(name.charAt(cut))) {
            cut--;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, cut) + "_" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

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

    /** Whether a type named {@code name} would shadow a {@code java.lang} type (exactly: Java is case-sensitive). */
    public static boolean shadowsJavaLang(String name) {
        return JAVA_LANG.contains(name);
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

    /** A legal package segment: lower case, keywords suffixed, short, and never a Windows device name. */
    public static String packageSegment(String raw) {
        String joined = String.join("", words(raw)).toLowerCase(Locale.ROOT);
        String segment = shortened(legal(joined, "api"), MAX_PACKAGE_SEGMENT);
        return isWindowsReserved(segment) ? segment + "_" : segment;
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
