package dev.specwright.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The base of every generated open enum: a spec enum as a final class rather than a Java enum, because a Java enum
 * constant is a singleton and cannot keep the raw value of a constant this client does not know. The generated class
 * declares one constant per spec value, {@code fromValue} (its {@code @JsonCreator}), {@code values()} and a nested
 * Java enum {@code K} of the known values plus {@code UNKNOWN} to {@code switch} on; the rest lives here:
 *
 * <pre>{@code
 * Plan plan = Plan.fromValue("enterprise");   // a value this client does not know
 * plan.value();                                // "enterprise": what is written back to JSON, byte for byte
 * plan.known();                                // Plan.Known.UNKNOWN
 * switch (plan.known()) { case FREE -> ...; case PRO -> ...; case UNKNOWN -> ...; }
 * }</pre>
 *
 * Instances are immutable and equal when they are of the same class and have equal values, known or not.
 *
 * @param <V> the wire type: {@link String} or {@link Long}
 * @param <K> the nested Java enum of the known values; its constant named {@value #UNKNOWN} stands for any other value
 */
public abstract class OpenEnum<V, K extends Enum<K>> {

    /** The name of the constant of {@code K} that stands for a value this client does not know. */
    public static final String UNKNOWN = "UNKNOWN";

    private final V value;
    private final K known;

    /**
     * @param value the value on the wire; not null
     * @param known its constant of {@code K}, or {@code K.UNKNOWN} for a value this client does not know
     */
    protected OpenEnum(V value, K known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = Objects.requireNonNull(known, "known");
    }

    /** @return the value on the wire, also for a value this client does not know; never null */
    @JsonValue
    public final V value() {
        return value;
    }

    /** @return the known value, to {@code switch} on; {@code UNKNOWN} for a value this client does not know */
    public final K known() {
        return known;
    }

    /** @return whether the value is one of the spec's, that is one of the generated class's {@code values()} */
    public final boolean isKnown() {
        return !UNKNOWN.equals(known.name());
    }

    /** Equal values of the same class are equal, whether or not this client knows them. */
    @Override
    public final boolean equals(Object o) {
        return o == this || o != null && o.getClass() == getClass() && value.equals(((OpenEnum<?, ?>) o).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** @return the value on the wire, as text: what a path, query or header parameter sends */
    @Override
    public final String toString() {
        return String.valueOf(value);
    }
}
