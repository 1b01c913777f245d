package dev.specwright.generator.model;

import dev.specwright.generator.naming.DerivedNames;
import java.util.List;

/**
 * A string or integer enum schema. It becomes an open enum: a final class extending the runtime's {@code OpenEnum},
 * with one constant per value, whose {@code fromValue} keeps a value this client does not know instead of losing it,
 * plus a nested Java enum of the known values (and {@code UNKNOWN}) to {@code switch} on.
 *
 * @param knownName the nested Java enum's simple name: {@code Known}, unless the class itself has that name
 * @param integer values are integers (Java {@code Long}), else strings
 * @param constants in spec order, each value once; their names name the nested enum's constants too
 */
public record EnumDef(String className, String knownName, String description, boolean integer, List<Constant> constants) {

    /** The nested enum's constant for a value this client does not know (the runtime's {@code OpenEnum.UNKNOWN}). */
    public static final String UNKNOWN = DerivedNames.UNKNOWN;
    /** The class's list of its constants. */
    public static final String VALUES = "VALUES";
    /**
     * Once the class's value → constant lookup, now in the runtime. Still reserved, so that a constant keeps the name
     * (say {@code BY_VALUE2}) clients generated before were given.
     */
    public static final String BY_VALUE = "BY_VALUE";

    /** Upper-case names the generated class uses itself, so no constant may take them (constants are upper case). */
    public static final List<String> RESERVED_CONSTANT_NAMES = List.of(UNKNOWN, VALUES, BY_VALUE);

    public EnumDef {
        constants = List.copyOf(constants);
    }

    /** @param value the value on the wire, as text ({@code "-1"} for an integer enum) */
    public record Constant(String javaName, String value) {}
}
