package dev.specwright.runtime;

/**
 * A first-level field of a response model, as a generated {@code <Model>Field} enum names it; sent in
 * {@code includeFields} / {@code excludeFields} query parameters.
 */
public interface FieldSelector {

    /** The field's name in the JSON document, e.g. {@code sku}. */
    String fieldName();
}
