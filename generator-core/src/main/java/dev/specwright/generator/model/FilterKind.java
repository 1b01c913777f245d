package dev.specwright.generator.model;

/**
 * What a field-filter parameter does with the response's fields, as the spec says it: the operations pass finds it,
 * the field-filter pass links it to the response model's {@code <Model>Field} enum.
 */
enum FilterKind {
    /** {@code includeFields} or {@code x-field-filter: include}: only these fields */
    INCLUDE,
    /** {@code excludeFields} or {@code x-field-filter: exclude}: all but these fields */
    EXCLUDE
}
