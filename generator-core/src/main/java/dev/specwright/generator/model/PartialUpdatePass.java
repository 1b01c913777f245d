package dev.specwright.generator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partial-update pass: the JSON body model of every operation that is a partial update becomes partial (it tells
 * "not set" from "set to null" from a value, and sends only what was set). A PATCH is one unless it says
 * {@code x-partial-update: false} (RFC 5789: a PATCH describes changes); any other method only when it says
 * {@code x-partial-update: true} (a PUT replaces the resource, RFC 9110, unless the API says otherwise).
 */
final class PartialUpdatePass {

    /** The result: the models made partial, in order, and the schemas with them changed. */
    record PartialUpdates(List<String> partialModels, Schemas schemas) {
        PartialUpdates {
            partialModels = List.copyOf(partialModels);
        }
    }

    private PartialUpdatePass() {}

    /**
     * @param marks {@code x-partial-update} by operation pointer, where the operation says it
     */
    static PartialUpdates run(List<ApiGroup> apis, Map<String, Boolean> marks, Schemas schemas) {
        Map<String, ModelDef> partial = new LinkedHashMap<>();
        for (ApiGroup api : apis) {
            for (Operation operation : api.operations()) {
                if (!isPartialUpdate(operation, Optional.ofNullable(marks.get(operation.pointer())))) {
                    continue;
                }
                operation.body().filter(b -> b.kind() == Operation.Kind.JSON).map(Operation.Body::type)
                        .filter(t -> t instanceof TypeRef.Named).map(t -> ((TypeRef.Named) t).className())
                        .filter(name -> !partial.containsKey(name)).flatMap(schemas::model)
                        .ifPresent(m -> partial.put(m.className(), m.asPartial()));
            }
        }
        return new PartialUpdates(new ArrayList<>(partial.keySet()), schemas.withModels(partial.values()));
    }

    static boolean isPartialUpdate(Operation operation, Optional<Boolean> mark) {
        return mark.orElse(operation.httpMethod().equals("PATCH"));
    }
}
