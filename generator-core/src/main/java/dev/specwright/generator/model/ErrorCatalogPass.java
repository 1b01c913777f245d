package dev.specwright.generator.model;

import dev.specwright.generator.load.RawErrorCatalog;
import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
                .map(e -> new ErrorCatalog.Entry(codes.allocate(e.name()), e))
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

    /**
     * The models and enums after {@link #typeErrorDocument}.
     *
     * @param document the error document's model, when it was retyped
     * @param droppedEnums the enum no longer generated (the document's own {@code errorCategory} enum), if any
     */
    record Retyped(List<ModelDef> models, List<EnumDef> enums, Optional<ModelDef> document, List<String> droppedEnums) {
        Retyped {
            models = List.copyOf(models);
            enums = List.copyOf(enums);
            droppedEnums = List.copyOf(droppedEnums);
        }

        /** Nothing retyped. */
        Retyped(List<ModelDef> models, List<EnumDef> enums) {
            this(models, enums, Optional.empty(), List.of());
        }
    }

    /**
     * The pass's result.
     *
     * @param errorModel the class of the error document, the schema most error answers use
     * @param catalog the named catalogue, when one is given
     * @param retyped every model and enum, the error document's {@code errorCategory} typed as {@code ErrorCategory}
     *     when there is a catalogue
     */
    record Result(Optional<String> errorModel, Optional<ErrorCatalog> catalog, Retyped retyped) {}

    /**
     * One decision per concept: the error document's {@code errorCategory} is the catalogue's {@code ErrorCategory},
     * so {@code e.error().errorCategory()} and {@code e.errorCategory()} are the same type, and the document's own enum
     * ({@code ErrorResponseErrorCategory}) is not generated unless something else uses it.
     */
    static Retyped typeErrorDocument(List<ModelDef> models, List<EnumDef> enums, List<UnionDef> unions, List<ApiGroup> groups,
            String errorModel, String errorCategoryClass) {
        ModelDef document = models.stream().filter(m -> m.className().equals(errorModel)).findFirst().orElse(null);
        ModelDef.Property category = document == null ? null : document.properties().stream()
                .filter(p -> p.jsonName().equals("errorCategory")).findFirst().orElse(null);
        boolean stringEnum = category != null && category.type() instanceof TypeRef.Named named
                && enums.stream().anyMatch(e -> e.className().equals(named.className()) && !e.integer());
        if (category == null || !(stringEnum || category.type() == TypeRef.Builtin.STRING)) {
            return new Retyped(models, enums);
        }
        TypeRef old = category.type();
        List<ModelDef.Property> properties = document.properties().stream()
                .map(p -> p != category ? p : p.withType(new TypeRef.Base(errorCategoryClass)))
                .toList();
        ModelDef retyped = new ModelDef(document.schemaName(), document.className(), document.pointer(), document.description(),
                document.deprecated(), properties, document.fieldEnum(), document.unions(), document.partial(), document.additional());
        List<ModelDef> newModels = models.stream().map(m -> m == document ? retyped : m).toList();
        if (!stringEnum || mentioned(((TypeRef.Named) old).className(), newModels, unions, groups)) {
            return new Retyped(newModels, enums, Optional.of(retyped), List.of());
        }
        String dropped = ((TypeRef.Named) old).className();
        return new Retyped(newModels, enums.stream().filter(e -> !e.className().equals(dropped)).toList(), Optional.of(retyped),
                List.of(dropped));
    }

    private static boolean mentioned(String className, List<ModelDef> models, List<UnionDef> unions, List<ApiGroup> groups) {
        List<TypeRef> uses = new ArrayList<>();
        for (ModelDef m : models) {
            m.properties().forEach(p -> uses.add(p.type()));
            m.additional().ifPresent(a -> uses.add(a.valueType()));
        }
        unions.forEach(u -> u.variants().forEach(v -> uses.add(v.type())));
        for (ApiGroup g : groups) {
            for (Operation op : g.operations()) {
                op.parameters().forEach(p -> uses.add(p.type()));
                op.body().ifPresent(b -> uses.add(b.type()));
                op.responseType().ifPresent(uses::add);
            }
        }
        return uses.stream().anyMatch(t -> names(t, className));
    }

    private static boolean names(TypeRef type, String className) {
        if (type instanceof TypeRef.Named named) {
            return named.className().equals(className);
        }
        if (type instanceof TypeRef.ListOf list) {
            return names(list.element(), className);
        }
        return type instanceof TypeRef.MapOf map && names(map.value(), className);
    }
}
