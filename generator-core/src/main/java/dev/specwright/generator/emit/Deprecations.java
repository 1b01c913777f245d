package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.model.UnionDef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a generated file needs {@code @SuppressWarnings("deprecation")}: only when it refers to a deprecated element of
 * another top-level type — a deprecated model as a type, or a deprecated property's accessor or builder method of
 * another model. javac does not warn about uses inside the top-level type that declares them, nor about imports, so a
 * file that only declares deprecated members needs nothing. The spec's deprecations are its choice, not the user's: a
 * use the generated code cannot avoid must not fail a {@code -Werror} build.
 *
 * <p>Only models carry a deprecation in the model ({@code ModelDef.deprecated}, {@code Property.deprecated}); enums
 * and unions do not.
 */
final class Deprecations {

    private static final AnnotationSpec SUPPRESS = AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "deprecation").build();

    private final Set<String> deprecatedModels;
    private final Set<String> withDeprecatedProperties;

    Deprecations(ApiModel api) {
        this.deprecatedModels = api.models().stream().filter(ModelDef::deprecated).map(ModelDef::className)
                .collect(Collectors.toUnmodifiableSet());
        this.withDeprecatedProperties = api.models().stream()
                .filter(m -> m.properties().stream().anyMatch(ModelDef.Property::deprecated)).map(ModelDef::className)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the type names a deprecated model, itself or as a list's element or a map's value. */
    boolean deprecated(TypeRef type) {
        if (type instanceof TypeRef.ListOf list) {
            return deprecated(list.element());
        }
        if (type instanceof TypeRef.MapOf map) {
            return deprecated(map.value());
        }
        return type instanceof TypeRef.Named named && deprecatedModels.contains(named.className());
    }

    /** Whether a model's file refers to a deprecated model: a property's or the additional members' type. */
    boolean usedBy(ModelDef model) {
        return model.properties().stream().anyMatch(p -> deprecated(p.type()) && !self(model, p.type()))
                || model.additional().filter(a -> deprecated(a.valueType()) && !self(model, a.valueType())).isPresent();
    }

    /** Whether a union's file refers to a deprecated model: a variant (named in {@code permits} and read by the decoder). */
    boolean usedBy(UnionDef union) {
        return union.variants().stream().anyMatch(v -> deprecated(v.type()));
    }

    /**
     * Whether any of the operations' signatures or request code uses a deprecated model, or reads a deprecated
     * property's accessor (a form body or an exploded query object is sent property by property). A deprecated
     * operation or parameter is declared in the API file itself, which needs nothing.
     */
    boolean inOperations(List<Operation> operations) {
        return operations.stream().anyMatch(op -> inParameters(op.parameters())
                || op.body().map(b -> uses(b.type(), true)).orElse(false)
                || op.responseType().map(t -> uses(t, false)).orElse(false));
    }

    /** Whether any parameter's type is, or names, a deprecated model (or one whose deprecated accessors it reads). */
    boolean inParameters(List<Parameter> parameters) {
        return parameters.stream().anyMatch(p -> uses(p.type(), true));
    }

    private boolean uses(TypeRef type, boolean readsProperties) {
        if (type instanceof TypeRef.ListOf list) {
            return uses(list.element(), readsProperties);
        }
        if (type instanceof TypeRef.MapOf map) {
            return uses(map.value(), readsProperties);
        }
        return type instanceof TypeRef.Named named && (deprecatedModels.contains(named.className())
                || readsProperties && withDeprecatedProperties.contains(named.className()));
    }

    /** Adds the suppression to {@code type} when {@code needed}; returns {@code type}. */
    static TypeSpec.Builder suppressIf(boolean needed, TypeSpec.Builder type) {
        return needed ? type.addAnnotation(SUPPRESS) : type;
    }

    /** The suppression when {@code needed}, else nothing: for {@code TypeSpec.Builder.addAnnotations}. */
    static List<AnnotationSpec> suppression(boolean needed) {
        return needed ? List.of(SUPPRESS) : List.of();
    }

    /** A model holding itself (a tree) uses its own deprecation, which javac does not warn about. */
    private static boolean self(ModelDef model, TypeRef type) {
        TypeRef t = type;
        while (t instanceof TypeRef.ListOf || t instanceof TypeRef.MapOf) {
            t = t instanceof TypeRef.ListOf l ? l.element() : ((TypeRef.MapOf) t).value();
        }
        return t instanceof TypeRef.Named n && n.className().equals(model.className());
    }
}
