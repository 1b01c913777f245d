package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.naming.DerivedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Records: one immutable record per object schema that is not a partial-update body. A model the client only reads
 * (answers, webhook payloads) is just the record: Jackson builds it through its canonical constructor. A model the
 * client sends also has a builder — unset fields stay null and are not serialised, and {@code build()} refuses to
 * build without a required field ({@link RequiredFields}). A model too large for a record is a final class built
 * through its builder ({@link BuiltClass}).
 */
final class RecordEmitter implements FileEmitter {

    /**
     * Why a sent record is built through its builder: records need a canonical constructor as visible as themselves,
     * but it is Jackson's way in (no check, so answers stay readable) and grows a parameter with every new field.
     */
    private static final String BUILD_WITH_BUILDER = "\n<p>Build one with {@link #builder()}, which refuses to build without a required field. The\n"
            + "canonical constructor is how answers are read (a field the server left out is null) and its parameter\n"
            + "list grows with the spec: calling it directly breaks when the API gains a field.\n\n";

    private static final String READ_ONLY = "\n<p>Read from answers: the client never sends it, so it has no builder.\n\n";

    @Override
    public String name() {
        return "records";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateModels()) {
            return Stream.empty(); // generateModels=false: the user supplies the models
        }
        Deprecations deprecations = new Deprecations(context.api());
        Optional<BeanValidation> validation = context.customization().beanValidation()
                ? Optional.of(new BeanValidation(context.api())) : Optional.empty();
        return context.api().models().stream().filter(m -> !m.partial())
                .map(m -> context.java(m.properties().size() > ModelEmitter.MAX_RECORD_COMPONENTS
                        ? new BuiltClass(context.types(), deprecations, validation).file(m)
                        : record(context.types(), deprecations, m, validation)));
    }

    /** @param validation the Jakarta Validation annotations of the components, when asked for ({@code beanValidation}) */
    private static JavaFile record(JavaTypes types, Deprecations deprecations, ModelDef model, Optional<BeanValidation> validation) {
        ClassName self = types.model(model.className());
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        CodeBlock.Builder copies = CodeBlock.builder();
        CodeBlock.Builder javadoc = ModelEmitter.description(model).toBuilder().add(model.sent() ? BUILD_WITH_BUILDER : READ_ONLY);
        for (ModelDef.Property p : model.properties()) {
            ParameterSpec.Builder param = ParameterSpec.builder(types.of(p.type()), p.javaName()).addAnnotation(ModelEmitter.jsonProperty(p));
            if (model.sent() && RequiredFields.alwaysSent(model, p)) {
                param.addAnnotation(RequiredFields.includeAlways());
            }
            validation.ifPresent(v -> param.addAnnotations(v.annotations(p)));
            constructor.addParameter(param.build());
            if (p.type() instanceof TypeRef.ListOf || p.type() instanceof TypeRef.MapOf) {
                copies.addStatement("$N = $L", p.javaName(), ModelEmitter.immutableCopy(p.type(), CodeBlock.of("$N", p.javaName())));
            }
            String doc = ModelEmitter.documented(model, p, p.deprecated() ? " (deprecated)" : "");
            javadoc.add("@param $L $L\n", p.javaName(), Javadoc.wrap(doc, "@param ".length() + p.javaName().length() + 1));
        }
        model.additional().ifPresent(a -> {
            constructor.addParameter(ParameterSpec.builder(ModelEmitter.additionalType(types, a), a.javaName())
                    .addAnnotation(JavaTypes.JSON_ANY_SETTER).addAnnotation(JavaTypes.JSON_ANY_GETTER).build());
            copies.addStatement("$N = $L", a.javaName(), ModelEmitter.immutableCopy(new TypeRef.MapOf(a.valueType()), CodeBlock.of("$N", a.javaName())));
            javadoc.add("@param $L the members the schema does not name, kept as they came\n", a.javaName());
        });
        constructor.addCode(copies.build());
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(javadoc.build())
                .addAnnotation(JavaTypes.GENERATED)
                .addAnnotations(ModelEmitter.jsonAnnotations())
                .recordConstructor(constructor.build());
        Deprecations.suppressIf(deprecations.usedBy(model), type);
        if (model.sent()) {
            ClassName builder = self.nestedClass(DerivedNames.BUILDER);
            type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .addJavadoc("A builder with every field unset.\n")
                            .returns(builder).addStatement("return new $T()", builder).build())
                    .addMethod(toBuilder(model, builder))
                    .addType(builderType(types, model, self, builder));
        }
        if (!model.unions().isEmpty()) {
            // Jackson inherits the union's @JsonDeserialize(using = Decoder); a variant must be read as itself.
            type.addAnnotation(JavaTypes.JSON_DESERIALIZE);
        }
        model.unions().forEach(u -> type.addSuperinterface(types.model(u)));
        if (model.deprecated()) {
            type.addAnnotation(Deprecated.class);
        }
        return ModelEmitter.file(self.packageName(), type.build());
    }

    /** {@code return new Builder().a(a).b(b)...}: one chain, wrapped where it is long. */
    private static MethodSpec toBuilder(ModelDef model, ClassName builder) {
        CodeBlock.Builder chain = CodeBlock.builder().add("return new $T()", builder);
        for (ModelDef.Property p : model.properties()) {
            chain.add("$Z.$N($N)", p.javaName(), p.javaName());
        }
        model.additional().ifPresent(a -> chain.add("$Z.$N($N)", a.javaName(), a.javaName()));
        return MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .addJavadoc("A builder holding this object's values, to derive a changed copy.\n")
                .returns(builder).addStatement("$L", chain.build()).build();
    }

    /**
     * The builder: a field and a setter per property, without Javadoc of their own (the record's {@code @param} says
     * what each field is; the builder's Javadoc what null means).
     */
    private static TypeSpec builderType(JavaTypes types, ModelDef model, ClassName self, ClassName builder) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}. A field never set, or set to null, is left out of the JSON$L.\n", self,
                        alwaysSentNote(model))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<CodeBlock> args = new ArrayList<>();
        for (ModelDef.Property p : model.properties()) {
            TypeName t = types.of(p.type());
            b.addField(FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE).build());
            MethodSpec.Builder setter = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addParameter(t, p.javaName())
                    .addStatement("this.$1N = $1N", p.javaName())
                    .addStatement("return this");
            if (p.deprecated()) {
                setter.addAnnotation(Deprecated.class);
            }
            b.addMethod(setter.build());
            args.add(CodeBlock.of("$N", p.javaName()));
        }
        model.additional().ifPresent(a -> {
            BuiltClass.addAdditionalSetters(types, b, builder, a);
            args.add(CodeBlock.of("$N", a.javaName()));
        });
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("@return the immutable object\n" + RequiredFields.buildThrows(model));
        if (RequiredFields.anyChecked(model)) {
            build.addStatement("$N()", RequiredFields.CHECK);
            b.addMethod(RequiredFields.check(model));
        }
        b.addMethod(build.addStatement("return new $T($L)", self, CodeBlock.join(args, ",$W")).build());
        return b.build();
    }

    /** The exception to "null is left out": a required nullable field, sent as null. */
    private static String alwaysSentNote(ModelDef model) {
        List<String> always = model.properties().stream().filter(p -> RequiredFields.alwaysSent(model, p)).map(ModelDef.Property::javaName).toList();
        return always.isEmpty() ? "" : ", except " + String.join(", ", always) + " (required, sent as null)";
    }
}
