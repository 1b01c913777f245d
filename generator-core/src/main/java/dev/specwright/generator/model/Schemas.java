package dev.specwright.generator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the schema mapping has made so far, immutable: the models (in the order they were made), enums and unions, the
 * class names of the named schemas, and every mapped pointer's type (so a later pass that maps more schemas maps none
 * twice). Unions stay pending until {@link SchemaMapper#linkUnions} links them, once no pass makes models any more.
 */
record Schemas(
        Map<String, String> componentClasses,
        Map<String, TypeRef> byPointer,
        Map<String, ModelDef> modelsByClass,
        List<EnumDef> enums,
        List<SchemaMapper.PendingUnion> pendingUnions,
        List<UnionDef> unions) {

    static final Schemas EMPTY = new Schemas(Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());

    Schemas {
        componentClasses = Map.copyOf(componentClasses);
        byPointer = Map.copyOf(byPointer);
        // insertion order is the models' order in the output: Map.copyOf would lose it
        modelsByClass = Collections.unmodifiableMap(new LinkedHashMap<>(modelsByClass));
        enums = List.copyOf(enums);
        pendingUnions = List.copyOf(pendingUnions);
        unions = List.copyOf(unions);
    }

    List<ModelDef> models() {
        return List.copyOf(modelsByClass.values());
    }

    Optional<ModelDef> model(String className) {
        return Optional.ofNullable(modelsByClass.get(className));
    }

    /** The class name of a named schema, if it became a class. */
    Optional<String> componentClass(String schemaName) {
        return Optional.ofNullable(componentClasses.get(schemaName));
    }

    /** These schemas with {@code changed} in place of the models of the same class names (each keeps its position). */
    Schemas withModels(Collection<ModelDef> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<String, ModelDef> models = new LinkedHashMap<>(modelsByClass);
        for (ModelDef model : changed) {
            if (models.replace(model.className(), model) == null) {
                throw new IllegalArgumentException("no model " + model.className() + " to replace");
            }
        }
        return new Schemas(componentClasses, byPointer, models, enums, pendingUnions, unions);
    }
}
