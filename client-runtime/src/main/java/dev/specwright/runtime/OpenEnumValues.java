package dev.specwright.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The known constants of one generated {@link OpenEnum}, in the spec's order and by value: what its {@code values()}
 * and {@code fromValue} use. A class of its own rather than a type nested in {@link OpenEnum}, because every generated
 * enum inherits the member types of its superclass, and an inherited {@code Values} would shadow a model of that name.
 *
 * @param <V> the wire type: {@link String} or {@link Long}
 * @param <E> the open enum
 */
public final class OpenEnumValues<V, E extends OpenEnum<V, ?>> {

    private final Class<E> type;
    private final List<E> constants;
    private final Map<V, E> byValue;

    private OpenEnumValues(Class<E> type, List<E> constants) {
        this.type = type;
        this.constants = constants;
        Map<V, E> byValue = new HashMap<>();
        for (E constant : constants) {
            if (byValue.putIfAbsent(constant.value(), constant) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has two constants with the value " + constant);
            }
        }
        this.byValue = Map.copyOf(byValue);
    }

    /**
     * @param type the open enum, named in the message of {@link #fromValue} for {@code null}
     * @param constants its constants, in the spec's order, each value once
     * @throws IllegalArgumentException if two constants have the same value
     */
    @SafeVarargs
    public static <V, E extends OpenEnum<V, ?>> OpenEnumValues<V, E> of(Class<E> type, E... constants) {
        List<E> list = new ArrayList<>(constants.length);
        for (E constant : constants) { // not List.of(constants): the array must not escape (-Xlint:varargs)
            list.add(Objects.requireNonNull(constant, "constant"));
        }
        return new OpenEnumValues<>(Objects.requireNonNull(type, "type"), List.copyOf(list));
    }

    /** @return the constants, in the spec's order (unmodifiable) */
    public List<E> list() {
        return constants;
    }

    /**
     * The instance for a value from the wire.
     *
     * @param value the value; not null (JSON {@code null} reads as a null field, never through here)
     * @param unknown makes the instance for a value this client does not know (with {@code known()} {@code UNKNOWN})
     * @return its constant, or {@code unknown}'s new instance keeping the value
     * @throws NullPointerException if {@code value} is null
     */
    public E fromValue(V value, Function<? super V, ? extends E> unknown) {
        if (value == null) {
            String name = type.getSimpleName();
            throw new NullPointerException(name + ".fromValue(null): an absent value is a null " + name + ", not an instance");
        }
        E constant = byValue.get(value);
        return constant != null ? constant : unknown.apply(value);
    }
}
