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

    /** Reserves a name the generator itself uses, so nothing from the spec takes it. */
    public NameScope reserve(String name) {
        taken.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** {@code wanted}, or {@code wanted2}, {@code wanted3}… — the first one still free. */
    public String allocate(String wanted) {
        String name = wanted;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = wanted + n;
        }
        return name;
    }
}
