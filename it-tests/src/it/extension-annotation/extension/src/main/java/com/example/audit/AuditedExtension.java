package com.example.audit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.extension.ExtensionContext;
import dev.specwright.generator.extension.ExtensionFile;
import dev.specwright.generator.extension.GeneratedType;
import dev.specwright.generator.extension.GeneratorExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Puts {@code @Audited("<schema name>")} on every generated model, and adds the {@code Audited} annotation
 * itself to the generated sources (so the consumer needs nothing but the generated code to compile), plus a text file
 * listing the audited models.
 *
 * <p>Found by the plugin through {@code META-INF/services/dev.specwright.generator.extension.GeneratorExtension}, which
 * names this class; it could instead be named in the plugin's {@code <extensions>}.
 */
public final class AuditedExtension implements GeneratorExtension {

    /** The annotation this extension writes, in a package of its own. */
    static final ClassName AUDITED = ClassName.get("com.example.audit", "Audited");

    @Override
    public String name() {
        return "audited";
    }

    /** Every model gets the annotation; any other type (API classes, the client, enums) is returned as it is. */
    @Override
    public TypeSpec processType(TypeSpec type, GeneratedType info) {
        if (!(info.origin() instanceof GeneratedType.Model model)) {
            return type;
        }
        return type.toBuilder()
                .addAnnotation(AnnotationSpec.builder(AUDITED).addMember("value", "$S", model.schemaName()).build())
                .build();
    }

    /** The annotation's source, and {@code audited-models.txt} with one model a line. */
    @Override
    public List<ExtensionFile> addFiles(ExtensionContext context) {
        TypeSpec annotation = TypeSpec.annotationBuilder(AUDITED).addModifiers(Modifier.PUBLIC)
                .addJavadoc("A model whose changes are audited: the schema it was generated from.\n")
                .addAnnotation(AnnotationSpec.builder(Retention.class)
                        .addMember("value", "$T.$L", RetentionPolicy.class, RetentionPolicy.RUNTIME).build())
                .addAnnotation(AnnotationSpec.builder(Target.class)
                        .addMember("value", "$T.$L", ElementType.class, ElementType.TYPE).build())
                .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addJavadoc("@return the schema's name in the spec\n").returns(String.class).build())
                .build();
        String models = context.models().stream().map(m -> m.className().canonicalName() + "\n")
                .collect(Collectors.joining());
        return List.of(
                ExtensionFile.java(JavaFile.builder(AUDITED.packageName(), annotation).skipJavaLangImports(true).indent("    ").build()),
                ExtensionFile.text("audited-models.txt", models));
    }
}
