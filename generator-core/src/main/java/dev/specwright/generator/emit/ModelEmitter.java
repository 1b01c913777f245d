package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import java.util.List;

/**
 * What the model emitters ({@link RecordEmitter}, {@link PartialUpdateEmitter}, {@link OpenEnumEmitter},
 * {@link FieldEnumEmitter}) share, and {@link #file}, how every emitter makes a {@link JavaFile}.
 */
final class ModelEmitter {

    /**
     * A record's canonical constructor takes one parameter per component, and the JVM allows 255 parameter slots; real
     * specs have models with more properties (DocuSign: 300+). Those become a final class that Jackson builds through its
     * builder, which has no such limit. Same accessors, builder and JSON as a record.
     */
    static final int MAX_RECORD_COMPONENTS = 200;

    private ModelEmitter() {}

    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
    }

    /** {@code @JsonInclude(NON_NULL)} and {@code @JsonIgnoreProperties(ignoreUnknown = true)}: unset is left out, unknown is skipped. */
    static List<AnnotationSpec> jsonAnnotations() {
        return List.of(AnnotationSpec.builder(JavaTypes.JSON_INCLUDE).addMember("value", "$T.Include.NON_NULL", JavaTypes.JSON_INCLUDE).build(),
                JavaTypes.inline(JavaTypes.JSON_IGNORE_PROPERTIES, "ignoreUnknown = true"));
    }

    static AnnotationSpec jsonProperty(ModelDef.Property p) {
        return AnnotationSpec.builder(JavaTypes.JSON_PROPERTY).addMember("value", "$L", JavaText.literal(p.jsonName())).build();
    }

    /** The model's description, or a sentence naming its schema. */
    static CodeBlock description(ModelDef model) {
        return Javadoc.of(model.description().isEmpty() ? "The " + model.schemaName() + " object." : model.description());
    }

    /**
     * Models are immutable: a list or map handed in is copied (null elements allowed, unlike {@code List.copyOf}, since
     * real payloads hold them) and wrapped unmodifiable; other values are kept as they are.
     */
    static CodeBlock immutableCopy(TypeRef type, CodeBlock source) {
        if (type instanceof TypeRef.ListOf) {
            return CodeBlock.of("$1L == null ? null : $2T.unmodifiableList(new $3T<>($1L))", source,
                    java.util.Collections.class, java.util.ArrayList.class);
        }
        if (type instanceof TypeRef.MapOf) {
            return CodeBlock.of("$1L == null ? null : $2T.unmodifiableMap(new $3T<>($1L))", source,
                    java.util.Collections.class, java.util.LinkedHashMap.class);
        }
        return source;
    }

    static TypeName additionalType(JavaTypes types, ModelDef.Additional a) {
        return ParameterizedTypeName.get(ClassName.get(java.util.Map.class), ClassName.get(String.class), types.of(a.valueType()));
    }

    /** The field's description (as Javadoc HTML), then whether it is required and may be null. */
    static String documented(ModelDef model, ModelDef.Property p, String suffix) {
        String text = Javadoc.inline(describe(p)) + suffix;
        return text + (text.endsWith(".") ? " " : ". ") + RequiredFields.presence(model, p);
    }

    private static String describe(ModelDef.Property p) {
        String text = p.description().isEmpty() ? "the " + p.jsonName() + " field" : p.description().strip();
        if (!p.readOnly()) {
            return text;
        }
        // "When it was created." → "When it was created (read-only: set by the server)."
        boolean sentence = text.endsWith(".") && !text.endsWith("..");
        return (sentence ? text.substring(0, text.length() - 1) : text) + " (read-only: set by the server)" + (sentence ? "." : "");
    }
}
