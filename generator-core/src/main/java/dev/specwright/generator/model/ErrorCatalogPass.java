package dev.specwright.generator.model;

import dev.specwright.generator.load.RawErrorCatalog;
import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names the error catalogue: an {@code ErrorCategory} constant and an exception class per category, an
 * {@code ErrorCode} constant per entry. Names that fold to the same one ("Invalid Data", "InvalidData",
 * "invalid_data") get distinct ones ({@code INVALID_DATA}, {@code INVALID_DATA2}, ...), a name the generated enum
 * uses itself ({@code UNKNOWN}) gets the next free one: no category and no entry is ever lost.
 */
final class ErrorCatalogPass {

    private ErrorCatalogPass() {}

    /**
     * @param documentCategories the values of the error document's {@code errorCategory} enum: they come first, in
     *     their order, then the categories only the catalogue names
     * @param baseTypes the base package's scope, holding the client's own types already
     */
    static ErrorCatalog name(RawErrorCatalog raw, List<String> documentCategories, NameScope baseTypes, String clientName) {
        Set<String> ordered = new LinkedHashSet<>(documentCategories);
        ordered.addAll(raw.categories());
        NameScope constants = new NameScope().reserve(DerivedNames.UNKNOWN);
        List<ErrorCatalog.Category> categories = new ArrayList<>();
        for (String value : ordered) {
            String wanted = JavaNames.constantName(value);
            String constant = constants.allocate(wanted);
            // the exception keeps the constant's number: INVALID_DATA2 throws InvalidData2Exception
            String number = constant.substring(wanted.length());
            categories.add(new ErrorCatalog.Category(value, constant,
                    baseTypes.allocate(exceptionStem(value, clientName) + number, DerivedNames.exceptionSuffix()), ""));
        }
        NameScope codes = new NameScope().reserve(DerivedNames.UNKNOWN).reserve(DerivedNames.ERROR_CODE_INDEX);
        List<ErrorCatalog.Entry> entries = raw.entries().stream()
                .map(e -> new ErrorCatalog.Entry(e.name(), codes.allocate(e.name()), e.code(), e.subCode(), e.category(),
                        e.httpStatus(), e.errorClass(), e.defaultMessage(), e.description()))
                .toList();
        return new ErrorCatalog(categories, entries);
    }

    /**
     * A category's exception class stem, named for the API when its own would be a {@code java.lang} exception's:
     * category {@code illegal_argument} gives {@code PetsIllegalArgumentException}, never one hiding the JDK's.
     */
    private static String exceptionStem(String category, String clientName) {
        String stem = DerivedNames.exceptionStem(category);
        return JavaNames.shadowsJavaLang(DerivedNames.exceptionClass(stem)) ? clientName + stem : stem;
    }
}
