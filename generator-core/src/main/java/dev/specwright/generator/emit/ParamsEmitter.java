package dev.specwright.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.JsonApi;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * One {@code <Operation>Params} record per operation with optional parameters, and its builder. Values keep their
 * types: a field filter is a {@code List<ProductField>}, next to a {@code List<String>} of raw names for fields the spec
 * does not know yet; the request sends both as one comma-separated value.
 */
final class ParamsEmitter implements FileEmitter {

    @Override
    public String name() {
        return "params records";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateApis()) {
            return Stream.empty(); // generateApis=false: the models only
        }
        Deprecations deprecated = new Deprecations(context.api());
        return context.api().apis().stream().flatMap(g -> g.operations().stream()
                .filter(op -> op.paramsClassName().isPresent())
                .map(op -> context.java(paramsClass(op, context.types().api(g.className()), context.types(), deprecated,
                        JsonApiEmitter.filterCondition(context.api(), op, context.types())))));
    }

    /** A component of the record: an optional parameter, or the raw names after a field filter. */
    private record Component(String name, TypeName type, String doc) {}

    private static List<Component> components(Operation op, JavaTypes types) {
        List<Component> components = new ArrayList<>();
        for (Parameter p : op.optionalParameters()) {
            components.add(new Component(p.javaName(), types.of(p.type()),
                    Javadoc.describe(p.description(), p.name())));
            p.fieldFilter().ifPresent(f -> components.add(new Component(f.namesMethod(),
                    ParameterizedTypeName.get(List.class, String.class), "field names not in {@code " + f.fieldEnum()
                    + "}, sent after {@code " + p.javaName() + "}")));
        }
        return components;
    }

    private static JavaFile paramsClass(Operation op, ClassName api, JavaTypes types, Deprecations deprecated,
            Optional<ClassName> filterCondition) {
        ClassName self = types.api(op.paramsClassName().orElseThrow());
        ClassName builder = self.nestedClass(DerivedNames.BUILDER);
        List<Component> components = components(op, types);
        boolean record = components.size() <= ModelEmitter.MAX_RECORD_COMPONENTS;
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        TypeSpec.Builder builderType = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder doc = CodeBlock.builder().add("The optional parameters of {@link $T#$L}.\n\n", api, op.methodName());
        for (Component c : components) {
            constructor.addParameter(c.type(), c.name());
            builderType.addField(c.type(), c.name(), Modifier.PRIVATE);
            if (record) {
                doc.add("$L\n", Javadoc.wrap("@param " + c.name() + " " + c.doc(), 0));
            }
        }
        for (Parameter p : op.optionalParameters()) {
            builderType.addMethods(setters(p, builder, types, filterCondition));
        }
        // a record's canonical constructor is capped by the JVM's 255 parameter slots; real operations have more
        // optional parameters (gsmtasks: 300+ filters), so those become a final class built from its builder
        CodeBlock args = CodeBlock.join(components.stream().map(c -> CodeBlock.of("$N", c.name())).toList(), ",$W");
        builderType.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("@return the immutable parameters\n")
                .addStatement(record ? CodeBlock.of("return new $T($L)", self, args) : CodeBlock.of("return new $T(this)", self))
                .build());
        TypeSpec.Builder type = (record ? TypeSpec.recordBuilder(self).recordConstructor(constructor.build())
                : TypeSpec.classBuilder(self).addModifiers(Modifier.FINAL).addMethods(classMembers(components, builder)))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc(doc.build())
                .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
                        .addJavadoc("@return a builder with no parameter set\n")
                        .addStatement("return new $T()", builder).build())
                .addType(builderType.build());
        Deprecations.suppressIf(deprecated.inParameters(op.optionalParameters()), type);
        if (!record) {
            components.forEach(c -> type.addField(c.type(), c.name(), Modifier.PRIVATE, Modifier.FINAL));
        }
        return ModelEmitter.file(self.packageName(), type.build());
    }

    /** A parameter's builder setters: the value; for a field filter, the enum's constants and the raw names. */
    private static List<MethodSpec> setters(Parameter p, ClassName builder, JavaTypes types, Optional<ClassName> filterCondition) {
        if (JsonApi.isListOf(p.type(), JsonApi.FILTER_TYPE) || JsonApi.isListOf(p.type(), JsonApi.SORT_TYPE)) {
            return List.of(JsonApiEmitter.setter(p, builder, types, filterCondition));
        }
        if (p.fieldFilter().isEmpty()) {
            return List.of(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addParameter(types.of(p.type()), p.javaName())
                    .addJavadoc("$L@return this builder\n", Javadoc.param(p.javaName(), p.description(), p.name()))
                    .addStatement("this.$1N = $1N", p.javaName())
                    .addStatement("return this").build());
        }
        Parameter.FieldFilter filter = p.fieldFilter().get();
        ClassName fieldEnum = types.model(filter.fieldEnum());
        MethodSpec typed = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(ArrayTypeName.of(fieldEnum), "fields").varargs()
                .addJavadoc("$L the given fields of the response.\n\n@param fields the fields\n@return this builder\n",
                        filter.include() ? "Returns only" : "Leaves out")
                .addStatement("this.$N = $T.of(fields)", p.javaName(), List.class)
                .addStatement("return this").build();
        MethodSpec raw = MethodSpec.methodBuilder(filter.namesMethod()).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(String[].class, "names").varargs()
                .addJavadoc("Field names this client does not know yet, sent with the typed ones.\n\n"
                        + "@param names raw field names\n@return this builder\n")
                .addStatement("this.$N = $T.of(names)", filter.namesMethod(), List.class)
                .addStatement("return this").build();
        return List.of(typed, raw);
    }

    /** The constructor from the builder and the accessors of a parameters class too large for a record. */
    private static List<MethodSpec> classMembers(List<Component> components, ClassName builder) {
        List<MethodSpec> members = new ArrayList<>();
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "b");
        for (Component c : components) {
            constructor.addStatement("this.$1N = b.$1N", c.name());
            members.add(MethodSpec.methodBuilder(c.name()).addModifiers(Modifier.PUBLIC).returns(c.type())
                    .addJavadoc("@return $L\n", c.doc()).addStatement("return $N", c.name()).build());
        }
        members.add(0, constructor.build());
        return members;
    }
}
