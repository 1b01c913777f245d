package dev.specwright.generator.emit;

import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.model.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether an API file uses something the spec deprecates in another file — a deprecated model, or an accessor of a
 * deprecated property it reads to send a form or an exploded query object — so that it, and only it, carries
 * {@code @SuppressWarnings("deprecation")}: javac warns about such a use outside a deprecated declaration, and the
 * output compiles with {@code -Werror}. A file that needs no suppression has none, so a warning it would hide is seen.
 */
final class DeprecatedUses {

    private final Map<String, ModelDef> models;

    DeprecatedUses(ApiModel api) {
        this.models = api.models().stream().collect(Collectors.toUnmodifiableMap(ModelDef::className, m -> m));
    }

    /** Whether any of the operations' signatures or request code uses a deprecated model or property accessor. */
    boolean inOperations(List<Operation> operations) {
        return operations.stream().anyMatch(op -> inParameters(op.parameters())
                || op.body().map(b -> uses(b.type(), true)).orElse(false)
                || op.responseType().map(t -> uses(t, false)).orElse(false));
    }

    /** Whether any parameter's type is, or names, a deprecated model (or one whose properties it reads is). */
    boolean inParameters(List<Parameter> parameters) {
        return parameters.stream().anyMatch(p -> uses(p.type(), true));
    }

    /**
     * @param readsProperties whether the request code may call the model's accessors (a form body, an exploded
     *     query object): a deprecated property then counts too
     */
    private boolean uses(TypeRef type, boolean readsProperties) {
        if (type instanceof TypeRef.ListOf list) {
            return uses(list.element(), readsProperties);
        }
        if (type instanceof TypeRef.MapOf map) {
            return uses(map.value(), readsProperties);
        }
        if (!(type instanceof TypeRef.Named named) || !models.containsKey(named.className())) {
            return false;
        }
        ModelDef model = models.get(named.className());
        return model.deprecated() || readsProperties && model.properties().stream().anyMatch(ModelDef.Property::deprecated);
    }
}
