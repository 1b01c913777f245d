package dev.specwright.generator.naming;

import java.util.List;

/**
 * The names of what a JSON:API client adds, derived here like every other derived name: per resource the
 * {@code <Resource>Filter} class and the {@code <Resource>Include} enum (its field enum is
 * {@link DerivedNames#fieldEnum}); per client the sealed {@code JsonApiResource} and the {@code JsonApiDocument}
 * interface; per operation the {@code filter} parameter and the raw-names setters.
 */
public final class JsonApiNames {

    /** The sealed interface every resource record implements: what {@code included} holds. */
    public static final String RESOURCE_UNION = "JsonApiResource";
    /** The interface of the documents with {@code included}, which finds typed resources in it. */
    public static final String DOCUMENT = "JsonApiDocument";
    /** The one parameter that replaces an operation's {@code filter[...]} parameters. */
    public static final String FILTER_PARAMETER = "filter";
    /** {@code OrdersFilter.raw(field, operator, value)}: a resource's filter the spec does not describe. */
    public static final String RAW_FILTER = "raw";
    /** {@code OrdersFilter.Condition}: one filter of that resource, what its operations' {@code filter(...)} takes. */
    public static final String FILTER_CONDITION = "Condition";

    private JsonApiNames() {}

    /** {@code OrdersFilter}: the typed filter fields of a resource. */
    public static String filterClass(String resourceClass) {
        return resourceClass + "Filter";
    }

    /** {@code OrdersInclude}: the relationship paths a resource's {@code include} takes. */
    public static String includeEnum(String resourceClass) {
        return resourceClass + "Include";
    }

    /**
     * The raw-names setter next to a typed one ({@code fieldsOrders(OrdersField...)} and
     * {@code fieldsOrdersNames(String...)}); never the name of another setter of the operation's parameters.
     */
    public static String namesMethod(String parameter, List<String> parameters) {
        NameScope setters = new NameScope();
        parameters.forEach(setters::reserve);
        return setters.allocate(parameter + "Names");
    }

    /** The static method of a {@code <Resource>Filter} for a field, e.g. {@code createdAt}. */
    public static String filterMethod(String field) {
        return JavaNames.memberName(field);
    }
}
