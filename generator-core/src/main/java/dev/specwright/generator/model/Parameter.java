package dev.specwright.generator.model;

import java.util.Optional;

/**
 * An operation parameter.
 *
 * @param fieldFilter set when the parameter selects response fields ({@code includeFields}, {@code excludeFields},
 *     {@code x-field-filter}); it then names the {@code <Model>Field} enum whose constants it takes
 * @param explode for an array in the query: one {@code name=value} per element (OpenAPI's default), else joined; for
 *     an object: one parameter per property (the default), else {@code name=key,value,...}
 * @param style how the value is laid out; only the query's styles differ from the defaults
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
        boolean explode,
        Style style) {

    public enum Location { PATH, QUERY, HEADER, COOKIE }

    /** OpenAPI's {@code style}: {@code form} (the query's default), {@code simple} (path and header), and the rest. */
    public enum Style { FORM, SIMPLE, DEEP_OBJECT, PIPE_DELIMITED, SPACE_DELIMITED }

    /**
     * @param fieldEnum the {@code <Model>Field} enum whose constants the parameter takes
     * @param namesMethod the Params builder's setter taking raw field names, next to the one taking the enum's; also
     *     the Params record's component that keeps those names (the typed fields are the parameter's own component)
     */
    public record FieldFilter(boolean include, String fieldEnum, String namesMethod) {}
}
