package dev.specwright.runtime.jsonapi;

import dev.specwright.runtime.FieldSelector;
import java.util.Objects;

/**
 * One key of a JSON:API {@code sort}: a field, ascending ({@code createdAt}) or descending ({@code -createdAt}).
 * Several keys are sent in order, comma-separated: {@code sort=identifier,-createdAt}. Immutable.
 */
public final class Sort implements FieldSelector {

    private final String field;
    private final boolean descending;

    private Sort(String field, boolean descending) {
        if (field == null || field.isEmpty() || field.startsWith("-") || field.indexOf(',') >= 0) {
            throw new IllegalArgumentException("sort field \"" + field + "\" must be a field name without '-' or ','; use"
                    + " Sort.desc(field) for a descending order and one Sort per field");
        }
        this.field = field;
        this.descending = descending;
    }

    /** Ascending by a field of a generated {@code <Resource>Field} enum. */
    public static Sort asc(FieldSelector field) {
        return new Sort(Objects.requireNonNull(field, "field").fieldName(), false);
    }

    /** Descending by a field of a generated {@code <Resource>Field} enum. */
    public static Sort desc(FieldSelector field) {
        return new Sort(Objects.requireNonNull(field, "field").fieldName(), true);
    }

    /** Ascending by a field the generated enums do not name (e.g. a path such as {@code customer.name}). */
    public static Sort asc(String field) {
        return new Sort(field, false);
    }

    /** Descending by a field the generated enums do not name. */
    public static Sort desc(String field) {
        return new Sort(field, true);
    }

    /** The field's name. */
    public String field() {
        return field;
    }

    public boolean descending() {
        return descending;
    }

    /** The key as {@code sort} spells it: {@code createdAt} or {@code -createdAt}. */
    @Override
    public String fieldName() {
        return descending ? "-" + field : field;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sort other && field.equals(other.field) && descending == other.descending;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, descending);
    }

    @Override
    public String toString() {
        return fieldName();
    }
}
