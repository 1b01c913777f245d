package dev.specwright.generator.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.specwright.generator.load.RawErrorCatalog;
import java.util.List;

/**
 * {@code errors.json}, checked and named: the source of {@code ErrorCode} and {@code ErrorCategory}. Every category and
 * every entry of the file is here, each with a Java name of its own ({@link ErrorCatalogPass}).
 */
public record ErrorCatalog(List<Category> categories, List<Entry> entries) {

    public ErrorCatalog {
        categories = List.copyOf(categories);
        entries = List.copyOf(entries);
    }

    /** The category whose value on the wire is {@code value}. */
    public Category category(String value) {
        return categories.stream().filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no category " + value + " in the catalogue"));
    }

    /**
     * @param javaName its {@code ErrorCategory} constant
     * @param exceptionClass the exception thrown for this category, e.g. {@code InvalidDataException}
     */
    public record Category(String value, String javaName, String exceptionClass, String description) {}

    /**
     * @param javaName its {@code ErrorCode} constant: the entry's name, unless that is taken ({@code UNKNOWN} →
     *     {@code UNKNOWN2})
     * @param written the entry as the catalogue writes it (its {@code category} is the category's value on the wire)
     */
    public record Entry(String javaName, @JsonUnwrapped RawErrorCatalog.Entry written) {}
}
