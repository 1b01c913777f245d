package dev.specwright.runtime;

/**
 * A first-level field of a response model, as a generated {@code <Model>Field} enum names it; sent in
 * {@code includeFields} / {@code excludeFields} query parameters.
 */
public interface FieldSelector {

    /** The field's name in the JSON document, e.g. {@code sku}. */
    String fieldName();

    /**
     * What a field-filter parameter sends: the names of {@code fields}, then {@code names} (raw names the client does
     * not know as constants yet); either may be null. An empty list when both are, which the query leaves out.
     */
    static java.util.List<String> names(java.util.List<? extends FieldSelector> fields, java.util.List<String> names) {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (fields != null) {
            fields.forEach(f -> all.add(f.fieldName()));
        }
        if (names != null) {
            all.addAll(names);
        }
        return java.util.List.copyOf(all);
    }
}
