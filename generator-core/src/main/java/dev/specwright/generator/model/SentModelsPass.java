package dev.specwright.generator.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sent-models pass: which models the client writes. A model is sent when a request body (JSON, form or multipart)
 * or a parameter has its type, or when a sent model, list, map or union holds it — and every partial-update model is.
 * Only sent models get a builder; a model the client only reads (answers, webhook payloads) is a plain record, since
 * nobody builds one but Jackson.
 */
final class SentModelsPass {

    /** The result: the sent models' class names, in model order, and the models with their flag set. */
    record SentModels(List<String> sentModels, List<ModelDef> models) {
        SentModels {
            sentModels = List.copyOf(sentModels);
            models = List.copyOf(models);
        }
    }

    private SentModelsPass() {}

    static SentModels run(List<ApiGroup> apis, List<ModelDef> models, List<UnionDef> unions) {
        Map<String, ModelDef> byName = models.stream().collect(Collectors.toMap(ModelDef::className, Function.identity()));
        Map<String, UnionDef> unionsByName = unions.stream().collect(Collectors.toMap(UnionDef::className, Function.identity()));
        Deque<TypeRef> pending = new ArrayDeque<>();
        for (ApiGroup api : apis) {
            for (Operation operation : api.operations()) {
                operation.body().ifPresent(b -> pending.add(b.type()));
                operation.parameters().forEach(p -> pending.add(p.type()));
            }
        }
        models.stream().filter(ModelDef::partial).forEach(m -> pending.add(new TypeRef.Named(m.className())));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            TypeRef type = pending.pop();
            if (type instanceof TypeRef.ListOf list) {
                pending.push(list.element());
            } else if (type instanceof TypeRef.MapOf map) {
                pending.push(map.value());
            } else if (type instanceof TypeRef.Named named && seen.add(named.className())) {
                ModelDef model = byName.get(named.className());
                if (model != null) {
                    model.properties().forEach(p -> pending.push(p.type()));
                    model.additional().ifPresent(a -> pending.push(a.valueType()));
                }
                UnionDef union = unionsByName.get(named.className());
                if (union != null) {
                    union.variants().forEach(v -> pending.push(v.type()));
                }
            }
        }
        List<String> sent = new ArrayList<>();
        List<ModelDef> marked = new ArrayList<>(models.size());
        for (ModelDef m : models) {
            boolean isSent = seen.contains(m.className());
            if (isSent) {
                sent.add(m.className());
            }
            marked.add(isSent == m.sent() ? m : m.withSent(isSent));
        }
        return new SentModels(sent, marked);
    }
}
