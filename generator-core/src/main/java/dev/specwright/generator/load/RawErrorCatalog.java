package dev.specwright.generator.load;

import java.util.List;

/**
 * {@code errors.json} as written, checked but not named: the build stage ({@code ErrorCatalogPass}) gives every category
 * and entry its Java name, in the same scopes as the rest of the client.
 *
 * @param categories every category the entries name, each once, in order of first use
 */
public record RawErrorCatalog(List<String> categories, List<Entry> entries) {

    public RawErrorCatalog {
        categories = List.copyOf(categories);
        entries = List.copyOf(entries);
    }

    /** @param name the entry's {@code name}, as written (UPPER_SNAKE_CASE) */
    public record Entry(
            String name,
            long code,
            Long subCode,
            String category,
            Integer httpStatus,
            String errorClass,
            String defaultMessage,
            String description) {}
}
