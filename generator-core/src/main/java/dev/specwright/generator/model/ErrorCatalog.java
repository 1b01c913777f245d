package dev.specwright.generator.model;

import java.util.List;

/** {@code errors.json}, checked and named: the source of {@code ErrorCode} and {@code ErrorCategory}. */
public record ErrorCatalog(List<Category> categories, List<Entry> entries) {

    public ErrorCatalog {
        categories = List.copyOf(categories);
        entries = List.copyOf(entries);
    }

    /** @param exceptionClass the exception thrown for this category, e.g. {@code InvalidDataException} */
    public record Category(String value, String javaName, String exceptionClass, String description) {}

    public record Entry(
            String javaName,
            long code,
            Long subCode,
            String category,
            Integer httpStatus,
            String errorClass,
            String defaultMessage,
            String description) {}
}
