package dev.specwright.runtime.jsonapi;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link FilterField} that belongs to one resource type: its filters are that resource's own filter type
 * {@code C} (a generated {@code <Resource>Filter.Condition}), so a list operation's {@code filter(...)} takes only
 * the filters of the resource it lists; a filter made for another resource does not compile. Values, operators and
 * refusals are {@link FilterField}'s.
 *
 * @param <C> the resource's filter type
 * @param <T> the type of the field's values
 */
public final class ResourceFilterField<C, T> {

    private final FilterField<T> field;
    private final Function<Filter, C> wrap;

    private ResourceFilterField(FilterField<T> field, Function<Filter, C> wrap) {
        this.field = field;
        this.wrap = wrap;
    }

    /**
     * @param field the field, with the operators the spec allows for it
     * @param wrap  makes the resource's filter of a {@link Filter}
     * @param <C>   the resource's filter type
     * @param <T>   the type of the field's values
     * @return the field of that resource
     */
    public static <C, T> ResourceFilterField<C, T> of(FilterField<T> field, Function<Filter, C> wrap) {
        return new ResourceFilterField<>(Objects.requireNonNull(field, "field"), Objects.requireNonNull(wrap, "wrap"));
    }

    /** The field's name. */
    public String name() {
        return field.name();
    }

    /** The operators the spec allows for this field. */
    public Set<Operator> operators() {
        return field.operators();
    }

    /** {@code filter[field]=value}. */
    public C eq(T value) {
        return wrap.apply(field.eq(value));
    }

    /** {@code filter[field]=a,b}: any of the values. */
    public C in(Collection<? extends T> values) {
        return wrap.apply(field.in(values));
    }

    /** {@code filter[field]=from..to}: a range, both ends included. */
    public C between(T from, T to) {
        return wrap.apply(field.between(from, to));
    }

    /** {@code filter[field][neq]=value}. */
    public C neq(T value) {
        return wrap.apply(field.neq(value));
    }

    /** {@code filter[field][neq]=a,b}: none of the values. */
    public C notIn(Collection<? extends T> values) {
        return wrap.apply(field.notIn(values));
    }

    /** {@code filter[field][neq]=from..to}: outside the range. */
    public C notBetween(T from, T to) {
        return wrap.apply(field.notBetween(from, to));
    }

    /** {@code filter[field][lt]=value}. */
    public C lt(T value) {
        return wrap.apply(field.lt(value));
    }

    /** {@code filter[field][lte]=value}. */
    public C lte(T value) {
        return wrap.apply(field.lte(value));
    }

    /** {@code filter[field][gt]=value}. */
    public C gt(T value) {
        return wrap.apply(field.gt(value));
    }

    /** {@code filter[field][gte]=value}. */
    public C gte(T value) {
        return wrap.apply(field.gte(value));
    }

    /** {@code filter[field][exists]=true|false}: whether the field has a value. */
    public C exists(boolean exists) {
        return wrap.apply(field.exists(exists));
    }

    /** {@code filter[field][neq_or_null]=value}: not equal to the value, or no value. */
    public C neqOrNull(T value) {
        return wrap.apply(field.neqOrNull(value));
    }

    /** {@code filter[field][contains]=value}. */
    public C contains(T value) {
        return wrap.apply(field.contains(value));
    }

    /** {@code filter[field][not_contains]=value}. */
    public C notContains(T value) {
        return wrap.apply(field.notContains(value));
    }

    @Override
    public String toString() {
        return field.toString();
    }
}
