package dev.specwright.generator.naming;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One namespace (a package's types, a class's members): hands out each name once. Names are compared ignoring case,
 * because two files {@code Foo.java} and {@code FOO.java} overwrite each other on case-insensitive file systems.
 * Allocation order is the spec's order, so reruns give the same names.
 */
public final class NameScope {

    private final Set<String> taken = new HashSet<>();
    private final boolean types;

    /** A scope of members (methods, fields, parameters, constants): names are only made unique. */
    public NameScope() {
        this(false);
    }

    private NameScope(boolean types) {
        this.types = types;
    }

    /**
     * A scope of type names, each of which names a file ({@code Pet.java}, {@code Pet$Builder.class}): names are also
     * made usable as file names everywhere, by {@link JavaNames#fileSafeTypeName}, before they are made unique.
     */
    public static NameScope forTypes() {
        return new NameScope(true);
    }

    /** Reserves a name the generator itself uses, so nothing from the spec takes it. */
    public NameScope reserve(String name) {
        taken.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * {@code wanted}, or {@code wanted2}, {@code wanted3}… — the first one still free (for types: file-safe first, and
     * never a {@code java.lang} name, which the callers avoid readably where they can: {@code StringModel}).
     */
    public String allocate(String wanted) {
        String name = shape(wanted);
        for (int n = 2; (types && JavaNames.shadowsJavaLang(name)) || !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = shape(wanted + n);
        }
        return name;
    }

    /**
     * {@code stem + suffix}, or {@code stem2 + suffix}, {@code stem3 + suffix}… — the number goes before the suffix, so
     * a derived name stays paired with its source ({@code INVALID_DATA2} throws {@code InvalidData2Exception}).
     */
    public String allocate(String stem, String suffix) {
        String name = shape(stem + suffix);
        for (int n = 2; (types && JavaNames.shadowsJavaLang(name)) || !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = shape(stem + n + suffix);
        }
        return name;
    }

    /** Whether {@code name} is taken, ignoring case. */
    public boolean isTaken(String name) {
        return taken.contains(name.toLowerCase(Locale.ROOT));
    }

    private String shape(String name) {
        return types ? JavaNames.fileSafeTypeName(name) : name;
    }
}
