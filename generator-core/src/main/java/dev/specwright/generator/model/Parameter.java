package dev.specwright.generator.model;

import java.util.Optional;

/**
 * An operation parameter.
 *
 * @param fieldFilter set when the parameter selects response fields ({@code includeFields}, {@code excludeFields},
 *     {@code x-field-filter}); it then names the {@code <Model>Field} enum whose constants it takes
 * @param explode for an array in the query: one {@code name=value} per element (OpenAPI's default), else comma-joined
 */
public record Parameter(
        String name,
        String javaName,
        Location in,
        boolean required,
        TypeRef type,
        String description,
        boolean deprecated,
        Optional<FieldFilter> fieldFilter,
        boolean explode) {

    public enum Location { PATH, QUERY, HEADER, COOKIE }

    public record FieldFilter(boolean include, String fieldEnum) {}
}
