package dev.specwright.generator.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Checks a package name a user gives (base, API or model package): what javac accepts for the generated sources, in a
 * folder every file system can hold. The generator's own derived packages pass by construction.
 */
public final class PackageNames {

    /** What a package name is, said in every refusal. */
    public static final String RULE = "a Java package name is one or more Java identifiers joined by dots (letters, digits,"
            + " _ or $, not starting with a digit, not a keyword such as class or int), for example com.example.pets";

    private static final Pattern SPLIT = Pattern.compile("\\.");

    private PackageNames() {}

    /** Why {@code name} cannot be the package of generated sources, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.startsWith(".") || name.endsWith(".")) {
            return Optional.of("it " + (name.startsWith(".") ? "starts" : "ends") + " with a dot");
        }
        String[] segments = name.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            String which = "part " + (i + 1) + (s.isEmpty() ? "" : " (" + s + ")");
            if (s.isEmpty()) {
                return Optional.of(which + " is empty: two dots in a row");
            }
            if (SourceVersion.isKeyword(s, SourceVersion.RELEASE_17)) {
                return Optional.of(which + " is a Java keyword");
            }
            if (!SourceVersion.isIdentifier(s)) {
                return Optional.of(which + " is not a Java identifier"
                        + (Character.isJavaIdentifierStart(s.codePointAt(0)) ? ": it holds " + firstIllegal(s) : ": it cannot start with "
                        + new String(Character.toChars(s.codePointAt(0)))));
            }
            if (JavaNames.isWindowsReserved(s)) {
                return Optional.of(which + " is a device name Windows reserves, so its folder cannot exist there");
            }
            if (s.length() > JavaNames.MAX_PACKAGE_SEGMENT) {
                return Optional.of(which + " is longer than " + JavaNames.MAX_PACKAGE_SEGMENT + " characters");
            }
        }
        String first = segments[0];
        if (first.equals("java") || first.equals("javax")) {
            return Optional.of(first + ".* belongs to the JDK (javac refuses classes in java.*; javax.* packages clash with"
                    + " the JDK's modules)");
        }
        if (name.equals("dev.specwright.runtime") || name.startsWith("dev.specwright.runtime.")) {
            return Optional.of("it is the Specwright runtime's own package");
        }
        Optional<String> module = ModuleLayer.boot().modules().stream()
                .filter(m -> m.getPackages().contains(name)).map(Module::getName).findFirst();
        return module.map(m -> "it is a package of the JDK's module " + m);
    }

    /**
     * A package name close to {@code name} that passes {@link #problem}: each part made a lower-case identifier, empty
     * parts dropped, a JDK prefix replaced.
     */
    public static String suggestion(String name) {
        List<String> parts = new ArrayList<>();
        for (String s : SPLIT.split(name)) {
            if (!s.isBlank()) {
                parts.add(JavaNames.packageSegment(s));
            }
        }
        if (parts.isEmpty()) {
            return "com.example.api";
        }
        if (parts.get(0).equals("java") || parts.get(0).equals("javax") || String.join(".", parts).startsWith("dev.specwright.runtime")) {
            parts.set(0, "com.example");
        }
        String suggestion = String.join(".", parts).toLowerCase(Locale.ROOT);
        return problem(suggestion).isEmpty() ? suggestion : "com.example." + parts.get(parts.size() - 1);
    }

    private static String firstIllegal(String s) {
        int cp = s.codePoints().skip(1).filter(c -> !Character.isJavaIdentifierPart(c)).findFirst().orElse('?');
        return Character.isISOControl(cp) || Character.isWhitespace(cp) ? String.format(Locale.ROOT, "U+%04X", cp)
                : "'" + new String(Character.toChars(cp)) + "'";
    }
}
