package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.EnumDef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Open enums: a final class extending the runtime's {@code OpenEnum} per enum schema. Value, {@code known()},
 * {@code isKnown()}, equality by value, {@code toString()} and the documentation of the pattern live there, so
 * GitHub's thousands of enums repeat neither code nor Javadoc. Here: one {@code public static final} constant per spec
 * value (so {@code Status.ACTIVE} reads as for a Java enum), the {@code @JsonCreator} {@code fromValue},
 * {@code values()} and the nested Java enum of the known values plus {@code UNKNOWN} to {@code switch} on.
 */
final class OpenEnumEmitter implements FileEmitter {

    @Override
    public String name() {
        return "open enums";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateModels()) {
            return Stream.empty(); // generateModels=false: the user supplies the models
        }
        return context.api().enums().stream().map(e -> context.java(openEnum(context.types(), e)));
    }

    /**
     * A break right after {@code "= "} when the declaration up to the initializer's {@code "("} ({@code width}
     * characters, indentation included) would not fit in 120: JavaPoet keeps the space before it at the line's end.
     */
    private static String breakAfterEquals(int width) {
        return width > 118 ? "$Z" : "";
    }

    private static JavaFile openEnum(JavaTypes types, EnumDef def) {
        ClassName self = types.model(def.className());
        ClassName known = self.nestedClass(def.knownName());
        TypeName valueType = def.integer() ? ClassName.get(Long.class) : ClassName.get(String.class);
        TypeName values = ParameterizedTypeName.get(JavaTypes.OPEN_ENUM_VALUES, valueType, self);
        TypeSpec.Builder e = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(JavaTypes.OPEN_ENUM, valueType, known))
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc(Javadoc.of(def.description()));
        // no Javadoc on the constants: JavaPoet writes three lines for each, and the initializer shows the value.
        // $Z and $W: long lines break after "(" and ","; after "= " only where the line up to "(" is too long already
        TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known).addModifiers(Modifier.PUBLIC);
        List<CodeBlock> names = new ArrayList<>();
        names.add(CodeBlock.of("$T.class", self));
        for (EnumDef.Constant c : def.constants()) {
            CodeBlock value = def.integer() ? CodeBlock.of("$LL", Long.parseLong(c.value())) : JavaText.literal(c.value());
            e.addField(FieldSpec.builder(self, c.javaName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(breakAfterEquals(33 + 2 * self.simpleName().length() + c.javaName().length()) + "new $T($Z$L,$W$T.$N)",
                            self, value, known, c.javaName()).build());
            knownEnum.addEnumConstant(c.javaName());
            names.add(CodeBlock.of("$N", c.javaName()));
        }
        knownEnum.addEnumConstant(EnumDef.UNKNOWN);
        e.addField(FieldSpec.builder(values, EnumDef.VALUES, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(breakAfterEquals(71 + (def.integer() ? 4 : 6) + self.simpleName().length()) + "$T.of($Z$L)",
                                JavaTypes.OPEN_ENUM_VALUES, CodeBlock.join(names, ",$W")).build())
                .addType(knownEnum.build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(valueType, "value").addParameter(known, "known")
                        .addStatement("super(value, known)").build())
                .addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                        // DELEGATING: the JSON value itself is the argument, never an object with a "value" member
                        .addAnnotation(JavaTypes.inline(JavaTypes.JSON_CREATOR, "mode = $T.Mode.DELEGATING", JavaTypes.JSON_CREATOR))
                        .addParameter(valueType, "value")
                        .addStatement("return $N.fromValue(value,$Wv -> new $T($Zv, $T.$N))", EnumDef.VALUES, self, known, EnumDef.UNKNOWN)
                        .build())
                .addMethod(MethodSpec.methodBuilder("values").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), self))
                        .addStatement("return $N.list()", EnumDef.VALUES).build());
        return ModelEmitter.file(self.packageName(), e.build());
    }
}
