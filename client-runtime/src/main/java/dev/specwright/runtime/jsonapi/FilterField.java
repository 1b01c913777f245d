package dev.specwright.runtime.jsonapi;

import dev.specwright.runtime.internal.ParamValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A field a JSON:API list can be filtered by, with the type of its values and the operators the spec allows for it;
 * generated {@code <Resource>Filter} classes hand them out ({@code OrdersFilter.createdAt().gte(t)}). Values are sent
 * as query text: enums by their JSON value, dates and times in ISO 8601. An operator the spec does not list for the
 * field is refused here, before anything is sent; {@link Filter#raw} sends one anyway.
 *
 * @param <T> the type of the field's values
 */
public final class FilterField<T> {

    private final String field;
    private final Set<Operator> allowed;

    private FilterField(String field, Set<Operator> allowed) {
        this.field = field;
        this.allowed = allowed;
    }

    /**
     * @param field   the field's name in {@code filter[field]}
     * @param allowed the operators the spec lists for it; none means any
     */
    public static <T> FilterField<T> of(String field, Operator... allowed) {
        Objects.requireNonNull(field, "field");
        return new FilterField<>(field, allowed.length == 0 ? EnumSet.allOf(Operator.class) : EnumSet.copyOf(List.of(allowed)));
    }

    /** The field's name. */
    public String name() {
        return field;
    }

    /** The operators the spec allows for this field. */
    public Set<Operator> operators() {
        return Set.copyOf(allowed);
    }

    /** {@code filter[field]=value}. */
    public Filter eq(T value) {
        return filter(Operator.EQ, text(value));
    }

    /** {@code filter[field]=a,b}: any of the values. */
    public Filter in(Collection<? extends T> values) {
        return filter(Operator.EQ, list(values));
    }

    /** {@code filter[field]=from..to}: a range, both ends included. */
    public Filter between(T from, T to) {
        return filter(Operator.EQ, range(from, to));
    }

    /** {@code filter[field][neq]=value}. */
    public Filter neq(T value) {
        return filter(Operator.NEQ, text(value));
    }

    /** {@code filter[field][neq]=a,b}: none of the values. */
    public Filter notIn(Collection<? extends T> values) {
        return filter(Operator.NEQ, list(values));
    }

    /** {@code filter[field][neq]=from..to}: outside the range. */
    public Filter notBetween(T from, T to) {
        return filter(Operator.NEQ, range(from, to));
    }

    /** {@code filter[field][lt]=value}. */
    public Filter lt(T value) {
        return filter(Operator.LT, text(value));
    }

    /** {@code filter[field][lte]=value}. */
    public Filter lte(T value) {
        return filter(Operator.LTE, text(value));
    }

    /** {@code filter[field][gt]=value}. */
    public Filter gt(T value) {
        return filter(Operator.GT, text(value));
    }

    /** {@code filter[field][gte]=value}. */
    public Filter gte(T value) {
        return filter(Operator.GTE, text(value));
    }

    /** {@code filter[field][exists]=true|false}: whether the field has a value. */
    public Filter exists(boolean exists) {
        return filter(Operator.EXISTS, Boolean.toString(exists));
    }

    /** {@code filter[field][neq_or_null]=value}: not equal to the value, or no value. */
    public Filter neqOrNull(T value) {
        return filter(Operator.NEQ_OR_NULL, text(value));
    }

    /** {@code filter[field][contains]=value}. */
    public Filter contains(T value) {
        return filter(Operator.CONTAINS, text(value));
    }

    /** {@code filter[field][not_contains]=value}. */
    public Filter notContains(T value) {
        return filter(Operator.NOT_CONTAINS, text(value));
    }

    private Filter filter(Operator operator, String value) {
        if (!allowed.contains(operator)) {
            List<String> names = new ArrayList<>();
            allowed.forEach(o -> names.add(o.wire()));
            throw new IllegalArgumentException("filter[" + field + "] does not take the operator " + operator.wire()
                    + "; the spec allows " + String.join(", ", names) + " (Filter.raw(\"" + field + "\", \""
                    + operator.wire() + "\", value) sends it anyway)");
        }
        return Filter.of(field, operator, value);
    }

    private String text(T value) {
        if (value == null) {
            throw new IllegalArgumentException("filter[" + field + "] value is null; use exists(false) to filter for no"
                    + " value");
        }
        return ParamValues.text(value);
    }

    private String list(Collection<? extends T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("filter[" + field + "] list is empty; give at least one value");
        }
        StringJoiner joined = new StringJoiner(",");
        values.forEach(v -> joined.add(text(v)));
        return joined.toString();
    }

    private String range(T from, T to) {
        return text(from) + ".." + text(to);
    }

    @Override
    public String toString() {
        return "FilterField[" + field + "]";
    }
}
