package dev.specwright.generator.model;

import java.util.List;

/**
 * What the JSON:API pass recognised ({@link JsonApiPass}): the resource types, by their {@code type} value, and the
 * names of the client-wide interfaces. Present in the {@link ApiModel} only when an operation speaks JSON:API.
 *
 * @param resourceUnion the sealed interface of every resource record, which {@code included} holds
 * @param document the interface of the documents with {@code included}, which finds typed resources in it
 */
public record JsonApiModel(String resourceUnion, String document, List<Resource> resources,
        java.util.Map<String, String> filterClasses) {

    /**
     * @param filterClasses per params class of a JSON:API operation whose {@code filter(...)} takes one resource's
     *                      filters, that resource's {@code <Resource>Filter} class
     */
    public JsonApiModel {
        resources = List.copyOf(resources);
        filterClasses = java.util.Map.copyOf(filterClasses);
    }

    /** Without operations' filter classes yet. */
    public JsonApiModel(String resourceUnion, String document, List<Resource> resources) {
        this(resourceUnion, document, resources, java.util.Map.of());
    }

    /**
     * One resource type.
     *
     * @param type the JSON:API {@code type}, e.g. {@code orders}
     * @param className the resource record, e.g. {@code Orders}
     * @param linkageClass the record of its resource identifier ({@code {type, id}}), if the spec has one
     * @param fieldEnum {@code <Resource>Field}: its attributes and relationships, for {@code fields[type]} and sort
     * @param fields the attribute and relationship names, in the spec's order
     * @param filterClass {@code <Resource>Filter}, when a list of it can be filtered
     * @param filters the fields its lists can be filtered by
     * @param includeEnum {@code <Resource>Include}, when it has relationships
     * @param includePaths the relationship paths {@code include} takes: each relationship, and one level further
     */
    public record Resource(String type, String className, java.util.Optional<String> linkageClass, String fieldEnum,
            List<String> fields, java.util.Optional<String> filterClass, List<FilterField> filters,
            java.util.Optional<String> includeEnum, List<String> includePaths) {

        public Resource {
            fields = List.copyOf(fields);
            filters = List.copyOf(filters);
            includePaths = List.copyOf(includePaths);
        }
    }

    /**
     * A field of {@code filter[field]}.
     *
     * @param name the field as the query names it
     * @param methodName its static method in {@code <Resource>Filter}
     * @param valueType the type of its values: the attribute's, else the parameter's
     * @param operators the operators the spec lists for it ({@code eq} for a bare {@code filter[field]})
     */
    public record FilterField(String name, String methodName, TypeRef valueType, List<String> operators) {

        public FilterField {
            operators = List.copyOf(operators);
        }
    }
}
