package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.naming.DerivedNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A model as a final class built through its builder, for what a record cannot be: a partial-update body
 * ({@link PartialUpdateEmitter}) and a model with more than {@link ModelEmitter#MAX_RECORD_COMPONENTS} properties
 * ({@link RecordEmitter}). Jackson reads it through the builder, so even a model only read has one.
 */
final class BuiltClass {

    private final JavaTypes types;
    private final Deprecations deprecations;

    private final java.util.Optional<BeanValidation> validation;

    BuiltClass(JavaTypes types, Deprecations deprecations) {
        this(types, deprecations, java.util.Optional.empty());
    }

    /**
     * @param validation the Jakarta Validation annotations of the accessors, when asked for ({@code beanValidation});
     *     never on a partial-update body, where a field left out is allowed
     */
    BuiltClass(JavaTypes types, Deprecations deprecations, java.util.Optional<BeanValidation> validation) {
        this.types = types;
        this.deprecations = deprecations;
        this.validation = validation;
    }

    /**
     * A model as a final class built through its builder: for models too large for a record, and for partial-update
     * bodies, which remember which fields were set so that "not set" (left out), "set to null" (sent as null) and a
     * value are three different things on the wire.
     */
    JavaFile file(ModelDef model) {
        ClassName self = types.model(model.className());
        ClassName builder = self.nestedClass(DerivedNames.BUILDER);
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(ModelEmitter.description(model))
                .addAnnotation(JavaTypes.GENERATED)
                .addAnnotations(ModelEmitter.jsonAnnotations())
                .addAnnotation(JavaTypes.inline(JavaTypes.JSON_DESERIALIZE, "builder = $T.class", builder));
        Deprecations.suppressIf(deprecations.usedBy(model), type);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
        CodeBlock.Builder equals = CodeBlock.builder();
        boolean partial = model.partial();
        ClassName bitSet = ClassName.get(java.util.BitSet.class);
        CodeBlock.Builder json = CodeBlock.builder()
                .addStatement("$T<String, Object> json = new $T<>()", java.util.Map.class, java.util.LinkedHashMap.class);
        int index = 0;
        List<CodeBlock> hashed = new ArrayList<>();
        CodeBlock.Builder text = CodeBlock.builder().add("return $L", JavaText.literal(model.className() + "["));
        boolean first = true;
        for (ModelDef.Property p : model.properties()) {
            TypeName t = types.of(p.type());
            type.addField(t, p.javaName(), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = $L", p.javaName(), ModelEmitter.immutableCopy(p.type(), CodeBlock.of("b.$N", p.javaName())));
            type.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(t)
                    .addAnnotation(ModelEmitter.jsonProperty(p))
                    .addAnnotations(RequiredFields.alwaysSent(model, p) ? List.of(RequiredFields.includeAlways()) : List.of())
                    .addAnnotations(partial ? List.of() : validation.map(v -> v.annotations(p)).orElse(List.of()))
                    .addJavadoc("@return $L\n", Javadoc.wrap(ModelEmitter.documented(model, p, ""), "@return ".length()))
                    .addStatement("return $N", p.javaName()).build());
            equals.add(first ? "$T.equals($N, that.$N)" : "\n&& $T.equals($N, that.$N)", java.util.Objects.class, p.javaName(), p.javaName());
            json.beginControlFlow("if (set.get($L))", index).addStatement("json.put($L, $N)", JavaText.literal(p.jsonName()), p.javaName()).endControlFlow();
            index++;
            hashed.add(CodeBlock.of("$N", p.javaName()));
            text.add("$W+ $L$W+ $N", JavaText.literal((first ? "" : ", ") + p.javaName() + "="), p.javaName());
            first = false;
        }
        model.additional().ifPresent(a -> {
            type.addField(ModelEmitter.additionalType(types, a), a.javaName(), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = $L", a.javaName(),
                    ModelEmitter.immutableCopy(new TypeRef.MapOf(a.valueType()), CodeBlock.of("b.$N", a.javaName())));
            type.addMethod(MethodSpec.methodBuilder(a.javaName()).addModifiers(Modifier.PUBLIC).returns(ModelEmitter.additionalType(types, a))
                    .addAnnotation(JavaTypes.JSON_ANY_GETTER)
                    .addJavadoc("@return the members the schema does not name, kept as they came\n")
                    .addStatement("return $N", a.javaName()).build());
            equals.add("\n&& $T.equals($N, that.$N)", java.util.Objects.class, a.javaName(), a.javaName());
            hashed.add(CodeBlock.of("$N", a.javaName()));
            json.beginControlFlow("if ($N != null)", a.javaName()).addStatement("json.putAll($N)", a.javaName()).endControlFlow();
        });
        if (partial) {
            type.addField(bitSet, "set", Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.set = ($T) b.set.clone()", bitSet);
            equals.add("\n&& set.equals(that.set)");
            hashed.add(CodeBlock.of("set"));
            type.addMethod(MethodSpec.methodBuilder("json").addModifiers(Modifier.PRIVATE)
                    .returns(ParameterizedTypeName.get(ClassName.get(java.util.Map.class), ClassName.get(String.class), ClassName.get(Object.class)))
                    .addAnnotation(JavaTypes.JSON_VALUE)
                    .addJavadoc("The JSON: every field that was set, a null included, and nothing else.\n")
                    .addCode(json.build()).addStatement("return json").build());
            type.addMethod(MethodSpec.methodBuilder("isSet").addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                    .addParameter(String.class, "jsonName")
                    .addJavadoc("Whether a field was set (possibly to null), and so is sent.\n\n@param jsonName the field's JSON name\n"
                            + "@return true when the field is part of the JSON\n")
                    .addStatement("int i = $T.asList($L).indexOf(jsonName)", java.util.Arrays.class,
                            CodeBlock.join(model.properties().stream().map(p -> JavaText.literal(p.jsonName())).toList(), ",$W"))
                    .addStatement("return i >= 0 && set.get(i)").build());
        }
        type.addMethod(constructor.build())
                .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("A builder with every field unset.\n").returns(builder).addStatement("return new $T()", builder).build())
                .addMethod(toBuilder(model, builder))
                .addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN).addParameter(Object.class, "o")
                        .beginControlFlow("if (this == o)").addStatement("return true").endControlFlow()
                        .beginControlFlow("if (!(o instanceof $T))", self).addStatement("return false").endControlFlow()
                        .addStatement("$T that = ($T) o", self, self)
                        .addStatement("return $L", equals.build()).build())
                .addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT).addStatement("return $T.hash($L)", java.util.Objects.class, CodeBlock.join(hashed, ",$W")).build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("$L + $S", text.build(), "]").build());
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(partial ? "Builds a {@link $T}: a field never set is left out of the JSON, one set to null is sent as null.\n"
                        : "Builds a {@link $T}; a field never set, or set to null, is left out of the JSON.\n", self)
                .addAnnotation(jsonPojoBuilder(model))
                .addAnnotation(JavaTypes.inline(JavaTypes.JSON_IGNORE_PROPERTIES, "ignoreUnknown = true"))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (partial) {
            b.addField(FieldSpec.builder(bitSet, "set", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T()", bitSet).build());
        }
        int setterIndex = 0;
        for (ModelDef.Property p : model.properties()) {
            TypeName t = types.of(p.type());
            b.addField(FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE).build());
            MethodSpec.Builder setter = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addAnnotation(ModelEmitter.jsonProperty(p))
                    .addParameter(t, p.javaName())
                    .addStatement("this.$1N = $1N", p.javaName());
            if (partial) {
                setter.addStatement("set.set($L)", setterIndex);
            }
            b.addMethod(setter.addStatement("return this").build());
            setterIndex++;
        }
        model.additional().ifPresent(a -> addAdditionalSetters(types, b, builder, a));
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("@return the immutable object\n" + RequiredFields.buildThrows(model));
        if (RequiredFields.anyChecked(model)) {
            build.addStatement("$N()", RequiredFields.CHECK);
            b.addMethod(RequiredFields.check(model))
                    .addMethod(MethodSpec.methodBuilder(RequiredFields.JSON_BUILD).addModifiers(Modifier.PRIVATE).returns(self)
                            .addJavadoc("What Jackson builds an answer with: unchecked, so a server leaving a required field out is no failure.\n")
                            .addStatement("return new $T(this)", self).build());
        }
        b.addMethod(build.addStatement("return new $T(this)", self).build());
        type.addType(b.build());
        model.unions().forEach(u -> type.addSuperinterface(types.model(u)));
        if (model.deprecated()) {
            type.addAnnotation(Deprecated.class);
        }
        return ModelEmitter.file(self.packageName(), type.build());
    }

    /** {@code additionalProperties(Map)} replaces them all; {@code additionalProperty(name, value)} adds one. */
    static void addAdditionalSetters(JavaTypes types, TypeSpec.Builder b, ClassName builder, ModelDef.Additional a) {
        TypeName map = ModelEmitter.additionalType(types, a);
        b.addField(FieldSpec.builder(map, a.javaName(), Modifier.PRIVATE).build());
        b.addMethod(MethodSpec.methodBuilder(a.javaName()).addModifiers(Modifier.PUBLIC).returns(builder).addParameter(map, a.javaName())
                .addJavadoc("Sets the members the schema does not name.\n\n@param $L name to value\n@return this builder\n", a.javaName())
                .addStatement("this.$1N = $1N == null ? null : new $2T<>($1N)", a.javaName(), java.util.LinkedHashMap.class)
                .addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("additionalProperty").addModifiers(Modifier.PUBLIC).returns(builder)
                .addAnnotation(JavaTypes.JSON_ANY_SETTER)
                .addParameter(String.class, "name").addParameter(types.of(a.valueType()), "value")
                .addJavadoc("Adds one member the schema does not name.\n\n@param name its JSON name\n@param value its value\n"
                        + "@return this builder\n")
                .beginControlFlow("if (this.$N == null)", a.javaName())
                .addStatement("this.$N = new $T<>()", a.javaName(), java.util.LinkedHashMap.class)
                .endControlFlow()
                .addStatement("this.$N.put(name, value)", a.javaName())
                .addStatement("return this").build());
    }

    /** Jackson builds through {@code build()}, unless that checks required fields: then through the unchecked one. */
    private static AnnotationSpec jsonPojoBuilder(ModelDef model) {
        return RequiredFields.anyChecked(model)
                ? JavaTypes.inline(JavaTypes.JSON_POJO_BUILDER, "withPrefix = $S, buildMethodName = $S", "", RequiredFields.JSON_BUILD)
                : JavaTypes.inline(JavaTypes.JSON_POJO_BUILDER, "withPrefix = $S", "");
    }

    private static MethodSpec toBuilder(ModelDef model, ClassName builder) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .addJavadoc("A builder holding this object's values, to derive a changed copy.\n")
                .returns(builder).addStatement("$T b = new $T()", builder, builder);
        for (ModelDef.Property p : model.properties()) {
            m.addStatement("b.$1N = this.$1N", p.javaName());
        }
        model.additional().ifPresent(a -> m.addStatement("b.$1N = this.$1N", a.javaName()));
        if (model.partial()) {
            m.addStatement("b.set.or(this.set)");
        }
        return m.addStatement("return b").build();
    }
}
