package dev.specwright.generator.model;

import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.NameScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field-filter pass: each field-filter parameter ({@link FilterKind}) is linked to its response model's
 * {@code <Model>Field} enum, which the model is given the first time an operation filters it. Its result is the
 * finished {@link ApiGroup}s and the schemas with those models changed; the operations it reads are left as they are.
 */
final class FieldFilterPass {

    private final NameScope modelScope;
    /** The models given their enum so far, by class name. */
    private final Map<String, ModelDef> changed = new LinkedHashMap<>();
    private Schemas schemas;

    /** The result: the API classes, and the schemas whose filtered models name their field enum. */
    record FieldFilters(List<ApiGroup> apis, Schemas schemas) {
        FieldFilters {
            apis = List.copyOf(apis);
        }
    }

    private FieldFilterPass(NameScope modelScope) {
        this.modelScope = modelScope;
    }

    static FieldFilters run(Operations operations, NameScope modelScope) {
        return new FieldFilterPass(modelScope).link(operations);
    }

    private FieldFilters link(Operations operations) {
        schemas = operations.schemas();
        List<ApiGroup> apis = new ArrayList<>();
        for (Operations.Group g : operations.groups()) {
            List<Operation> linked = g.operations().stream().map(this::operation).toList();
            apis.add(new ApiGroup(g.tag(), g.untagged(), g.className(), g.asyncClassName(), g.accessorName(), g.description(),
                    linked));
        }
        return new FieldFilters(apis, schemas.withModels(changed.values()));
    }

    private Operation operation(Operations.Draft draft) {
        Operation o = draft.operation();
        if (draft.filterKinds().stream().allMatch(Optional::isEmpty)) {
            return o;
        }
        List<Parameter> parameters = linkFieldFilters(o.parameters(), draft.filterKinds(), o.responseType());
        return new Operation(o.operationId(), o.methodName(), o.requestMethodName(), o.httpMethod(), o.path(), o.pointer(),
                o.summary(), o.description(), o.deprecated(), parameters, o.body(), o.responseType(), o.accept(),
                o.paramsClassName());
    }

    private Optional<ModelDef> model(String className) {
        return Optional.ofNullable(changed.get(className)).or(() -> schemas.model(className));
    }

    /** Marks field-filter parameters and gives the response model its {@code <Model>Field} enum. */
    private List<Parameter> linkFieldFilters(List<Parameter> parameters, List<Optional<FilterKind>> kinds, Optional<TypeRef> response) {
        Optional<ModelDef> model = response.map(t -> t instanceof TypeRef.ListOf list ? list.element() : t)
                .filter(t -> t instanceof TypeRef.Named).map(t -> ((TypeRef.Named) t).className()).flatMap(this::model);
        List<Parameter> linked = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Optional<FilterKind> kind = kinds.get(i);
            if (kind.isEmpty() || model.isEmpty()) {
                linked.add(p); // a filter whose answer is no model filters nothing we can name: an ordinary parameter
                continue;
            }
            ModelDef m = model(model.get().className()).orElseThrow();
            if (m.fieldEnum().isEmpty()) {
                m = m.withFieldEnum(modelScope.allocate(DerivedNames.fieldEnum(m.className())));
                changed.put(m.className(), m);
            }
            linked.add(new Parameter(p.name(), p.javaName(), p.in(), p.required(), new TypeRef.ListOf(new TypeRef.Named(m.fieldEnum().get())),
                    p.description(), p.deprecated(), Optional.of(new Parameter.FieldFilter(kind.get() == FilterKind.INCLUDE, m.fieldEnum().get(),
                            DerivedNames.fieldNamesMethod(p.javaName(), parameters.stream().map(Parameter::javaName).toList()))),
                    false, Parameter.Style.FORM));
        }
        return linked;
    }
}
