package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Field enums: one {@code <Model>Field} enum per model whose fields an operation filters ({@code includeFields}). */
final class FieldEnumEmitter implements FileEmitter {

    @Override
    public String name() {
        return "field enums";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateModels()) {
            return Stream.empty(); // generateModels=false: the user supplies the models
        }
        return context.api().models().stream().filter(m -> m.fieldEnum().isPresent())
                .map(m -> context.java(fieldEnum(context.types(), m)));
    }

    private static com.palantir.javapoet.JavaFile fieldEnum(JavaTypes types, ModelDef model) {
        ClassName self = types.model(model.fieldEnum().orElseThrow());
        TypeSpec.Builder e = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC)
                .addAnnotation(JavaTypes.GENERATED)
                .addSuperinterface(JavaTypes.FIELD_SELECTOR)
                .addJavadoc("The first-level fields of {@link $T}, for {@code includeFields} and {@code excludeFields}.\n",
                        types.model(model.className()));
        NameScope constants = new NameScope();
        for (ModelDef.Property p : model.properties()) {
            e.addEnumConstant(constants.allocate(JavaNames.constantName(p.jsonName())),
                    TypeSpec.anonymousClassBuilder("$L", JavaText.literal(p.jsonName())).build());
        }
        e.addField(String.class, "fieldName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "fieldName")
                        .addStatement("this.fieldName = fieldName").build())
                .addMethod(MethodSpec.methodBuilder("fieldName").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("return fieldName").build());
        return ModelEmitter.file(self.packageName(), e.build());
    }
}
