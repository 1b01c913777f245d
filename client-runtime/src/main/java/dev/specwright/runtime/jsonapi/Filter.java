package dev.specwright.runtime.jsonapi;

import dev.specwright.runtime.internal.HeaderRules;
import java.util.Objects;

/**
 * One JSON:API filter as it goes on the wire: {@code filter[field]=value} for equality, else
 * {@code filter[field][operator]=value}. Made by a generated {@code <Resource>Filter} class
 * ({@code OrdersFilter.status().eq(OPEN)}), or by {@link #raw} for what the spec does not describe. Immutable.
 */
public final class Filter {

    private final String field;
    private final String operator;
    private final String value;

    private Filter(String field, String operator, String value) {
        this.field = field;
        this.operator = operator;
        this.value = value;
    }

    static Filter of(String field, Operator operator, String value) {
        return new Filter(field, operator == Operator.EQ ? null : operator.wire(), value);
    }

    /**
     * A filter the generated classes do not offer, sent as given: {@code filter[field]=value} when {@code operator} is
     * null or {@code eq}, else {@code filter[field][operator]=value}. The value is sent as text (a list as
     * {@code a,b}, a range as {@code a..b}, in the server's notation).
     *
     * @param field    the field's name or path, e.g. {@code customer.name}; not empty
     * @param operator the operator, e.g. {@code neq}; null for equality
     * @param value    the value's text; not null
     * @throws IllegalArgumentException if the field or the operator is empty or holds brackets
     */
    public static Filter raw(String field, String operator, String value) {
        requireName("filter field", field);
        if (operator != null) {
            requireName("filter operator", operator);
        }
        Objects.requireNonNull(value, "filter value is null; use exists(false) to filter for no value");
        return new Filter(field, operator == null || operator.equals("eq") ? null : operator, value);
    }

    private static void requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; give a name such as status");
        }
        if (name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            throw new IllegalArgumentException(what + " \"" + HeaderRules.printable(name) + "\" holds a bracket; give the"
                    + " bare name (status, not filter[status]): the brackets are added when it is sent");
        }
    }

    /** The query parameter's name: {@code filter[status]} or {@code filter[createdAt][gte]}, not yet percent-encoded. */
    public String queryName() {
        return operator == null ? "filter[" + field + "]" : "filter[" + field + "][" + operator + "]";
    }

    /** The value's text, not yet percent-encoded: {@code open}, {@code open,closed} or {@code 1..5}. */
    public String value() {
        return value;
    }

    /** The field the filter is on. */
    public String field() {
        return field;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter other && field.equals(other.field) && Objects.equals(operator, other.operator)
                && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, operator, value);
    }

    /** {@code filter[field][operator]=value}, unencoded. */
    @Override
    public String toString() {
        return queryName() + "=" + value;
    }
}
