package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import dev.specwright.generator.model.ModelDef;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What a model's {@code required} list means in the generated code. A builder refuses to build a model without a
 * required field the caller sends (not read-only, not nullable: a nullable one is always sent, null included), since
 * the server would refuse it; reading an answer never checks, because a server that leaves a required field out must
 * not make the whole answer unreadable. Partial updates are never checked: a PUT or PATCH sends only what changes.
 */
final class RequiredFields {

    /** The builder's check; a name no setter has, as setters take one argument and this none. */
    static final String CHECK = "requireRequiredFields";

    /** The unchecked build method Jackson calls when it reads a model built through its builder. */
    static final String JSON_BUILD = "buildFromJson";

    private RequiredFields() {}

    /** Whether {@code build()} refuses to build without it. */
    static boolean checked(ModelDef model, ModelDef.Property p) {
        return !model.partial() && p.required() && !p.readOnly() && !p.nullable();
    }

    static boolean anyChecked(ModelDef model) {
        return model.properties().stream().anyMatch(p -> checked(model, p));
    }

    /** A required nullable field is sent as {@code null} when unset: the server wants it present. */
    static boolean alwaysSent(ModelDef model, ModelDef.Property p) {
        return !model.partial() && p.required() && p.nullable() && !p.readOnly();
    }

    static AnnotationSpec includeAlways() {
        return AnnotationSpec.builder(JavaTypes.JSON_INCLUDE).addMember("value", "$T.Include.ALWAYS", JavaTypes.JSON_INCLUDE).build();
    }

    /** The sentence the Javadoc of an accessor and a setter ends with: whether the field is there, and may be null. */
    static String presence(ModelDef model, ModelDef.Property p) {
        if (!p.required()) {
            return "Optional: may be null.";
        }
        if (p.readOnly()) {
            return "Required in answers.";
        }
        if (model.partial()) {
            return "Required in the full object; a partial update may leave it out.";
        }
        return p.nullable() ? "Required; may be null (sent as null when not set)." : "Required.";
    }

    /**
     * {@code private void requireRequiredFields()}: throws an {@link IllegalStateException} naming the model and every
     * required field not set, by its JSON name (and setter, when that differs). Fields are read as {@code this.x}, so
     * a property named like the local list cannot be mistaken for it.
     */
    static MethodSpec check(ModelDef model) {
        List<ModelDef.Property> checked = model.properties().stream().filter(p -> checked(model, p)).toList();
        MethodSpec.Builder m = MethodSpec.methodBuilder(CHECK).addModifiers(Modifier.PRIVATE)
                .addJavadoc("Refuses to build without a required field: the server would refuse the request.\n")
                .addStatement("$T<String> missing = new $T<>()", List.class, java.util.ArrayList.class);
        for (ModelDef.Property p : checked) {
            String shown = p.jsonName().equals(p.javaName()) ? p.jsonName() : p.jsonName() + " (" + p.javaName() + "(...))";
            m.beginControlFlow("if (this.$N == null)", p.javaName())
                    .addStatement("missing.add($L)", JavaText.literal(shown))
                    .endControlFlow();
        }
        return m.beginControlFlow("if (!missing.isEmpty())")
                .addStatement("throw new $T($L$W+ $T.join($S, missing)$W+ $L)", IllegalStateException.class,
                        JavaText.literal("cannot build " + model.className() + ": the required field(s) "), String.class,
                        ", ", JavaText.literal(" not set; set them on the builder before build()"))
                .endControlFlow().build();
    }

    static String buildThrows(ModelDef model) {
        return anyChecked(model) ? "@throws IllegalStateException when a required field is not set (the message names it)\n" : "";
    }
}
