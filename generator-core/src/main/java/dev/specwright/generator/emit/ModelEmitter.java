package dev.specwright.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.EnumDef;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.naming.DerivedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Models: one immutable record per object schema, with a builder (unset fields stay null and are not serialised, which
 * is what makes a partial PUT send only what the caller set); one open enum per enum schema; one {@code <Model>Field}
 * enum per filterable model.
 */
final class ModelEmitter {

    private final ApiModel api;
    private final JavaTypes types;

    ModelEmitter(ApiModel api, JavaTypes types) {
        this.api = api;
        this.types = types;
    }

    Stream<JavaFile> emit() {
        Stream<JavaFile> records = api.models().stream().map(this::record);
        Stream<JavaFile> fieldEnums = api.models().stream().filter(m -> m.fieldEnum().isPresent()).map(this::fieldEnum);
        Stream<JavaFile> enums = api.enums().stream().map(this::openEnum);
        return Stream.of(records, fieldEnums, enums).flatMap(s -> s);
    }

    /**
     * A record's canonical constructor takes one parameter per component, and the JVM allows 255 parameter slots; real
     * specs have models with more properties (DocuSign: 300+). Those become a final class that Jackson builds through its
     * builder, which has no such limit. Same accessors, builder and JSON as a record.
     */
    static final int MAX_RECORD_COMPONENTS = 200;

    private JavaFile record(ModelDef model) {
        if (model.properties().size() > MAX_RECORD_COMPONENTS || model.partial()) {
            return classModel(model);
        }
        ClassName self = types.model(model.className());
        ClassName builder = self.nestedClass(DerivedNames.BUILDER);
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        CodeBlock.Builder copies = CodeBlock.builder();
        CodeBlock.Builder javadoc = Javadoc.of(model.description().isEmpty() ? "The " + model.schemaName() + " object." : model.description()).toBuilder()
                .add(BUILD_WITH_BUILDER);
        for (ModelDef.Property p : model.properties()) {
            ParameterSpec.Builder param = ParameterSpec.builder(types.of(p.type()), p.javaName())
                    .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_PROPERTY).addMember("value", "$L", JavaText.literal(p.jsonName())).build());
            if (RequiredFields.alwaysSent(model, p)) {
                param.addAnnotation(RequiredFields.includeAlways());
            }
            constructor.addParameter(param.build());
            if (p.type() instanceof TypeRef.ListOf || p.type() instanceof TypeRef.MapOf) {
                copies.addStatement("$N = $L", p.javaName(), immutableCopy(p.type(), CodeBlock.of("$N", p.javaName())));
            }
            javadoc.add("@param $L $L\n", p.javaName(), documented(model, p, p.deprecated() ? " (deprecated)" : ""));
        }
        model.additional().ifPresent(a -> {
            constructor.addParameter(ParameterSpec.builder(additionalType(a), a.javaName())
                    .addAnnotation(JavaTypes.JSON_ANY_SETTER).addAnnotation(JavaTypes.JSON_ANY_GETTER).build());
            copies.addStatement("$N = $L", a.javaName(), immutableCopy(new TypeRef.MapOf(a.valueType()), CodeBlock.of("$N", a.javaName())));
            javadoc.add("@param $L the members the schema does not name, kept as they came\n", a.javaName());
        });
        constructor.addCode(copies.build());
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(javadoc.build())
                .addAnnotation(JavaTypes.GENERATED)
                .addAnnotation(JavaTypes.SUPPRESS_DEPRECATION)
                .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_INCLUDE)
                        .addMember("value", "$T.Include.NON_NULL", JavaTypes.JSON_INCLUDE).build())
                .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build())
                .recordConstructor(constructor.build())
                .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("A builder with every field unset.\n")
                        .returns(builder).addStatement("return new $T()", builder).build())
                .addMethod(toBuilder(model, builder))
                .addType(builderType(model, self, builder));
        if (!model.unions().isEmpty()) {
            // Jackson inherits the union's @JsonDeserialize(using = Decoder); a variant must be read as itself.
            type.addAnnotation(JavaTypes.JSON_DESERIALIZE);
        }
        model.unions().forEach(u -> type.addSuperinterface(types.model(u)));
        if (model.deprecated()) {
            type.addAnnotation(Deprecated.class);
        }
        return file(types.model(model.className()).packageName(), type.build());
    }

    /**
     * A model as a final class built through its builder: for models too large for a record, and for partial-update
     * bodies, which remember which fields were set so that "not set" (left out), "set to null" (sent as null) and a
     * value are three different things on the wire.
     */
    private JavaFile classModel(ModelDef model) {
        ClassName self = types.model(model.className());
        ClassName builder = self.nestedClass(DerivedNames.BUILDER);
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Javadoc.of(model.description().isEmpty() ? "The " + model.schemaName() + " object." : model.description()))
                .addAnnotation(JavaTypes.GENERATED)
                .addAnnotation(JavaTypes.SUPPRESS_DEPRECATION)
                .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_INCLUDE)
                        .addMember("value", "$T.Include.NON_NULL", JavaTypes.JSON_INCLUDE).build())
                .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build())
                .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_DESERIALIZE).addMember("builder", "$T.class", builder).build());
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
            constructor.addStatement("this.$N = $L", p.javaName(), immutableCopy(p.type(), CodeBlock.of("b.$N", p.javaName())));
            type.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(t)
                    .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_PROPERTY).addMember("value", "$L", JavaText.literal(p.jsonName())).build())
                    .addAnnotations(RequiredFields.alwaysSent(model, p) ? List.of(RequiredFields.includeAlways()) : List.of())
                    .addJavadoc("@return $L\n", documented(model, p, ""))
                    .addStatement("return $N", p.javaName()).build());
            equals.add(first ? "$T.equals($N, that.$N)" : "\n&& $T.equals($N, that.$N)", java.util.Objects.class, p.javaName(), p.javaName());
            json.beginControlFlow("if (set.get($L))", index).addStatement("json.put($L, $N)", JavaText.literal(p.jsonName()), p.javaName()).endControlFlow();
            index++;
            hashed.add(CodeBlock.of("$N", p.javaName()));
            text.add(" + $L + $N", JavaText.literal((first ? "" : ", ") + p.javaName() + "="), p.javaName());
            first = false;
        }
        model.additional().ifPresent(a -> {
            type.addField(additionalType(a), a.javaName(), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = $L", a.javaName(),
                    immutableCopy(new TypeRef.MapOf(a.valueType()), CodeBlock.of("b.$N", a.javaName())));
            type.addMethod(MethodSpec.methodBuilder(a.javaName()).addModifiers(Modifier.PUBLIC).returns(additionalType(a))
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
                            CodeBlock.join(model.properties().stream().map(p -> JavaText.literal(p.jsonName())).toList(), ", "))
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
                        .returns(TypeName.INT).addStatement("return $T.hash($L)", java.util.Objects.class, CodeBlock.join(hashed, ", ")).build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("$L + $S", text.build(), "]").build());
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}; fields never set are left out of the JSON.\n", self)
                .addAnnotation(jsonPojoBuilder(model))
                .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (partial) {
            b.addField(FieldSpec.builder(bitSet, "set", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T()", bitSet).build());
        }
        int setterIndex = 0;
        for (ModelDef.Property p : model.properties()) {
            TypeName t = types.of(p.type());
            b.addField(FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE).build());
            MethodSpec.Builder setter = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_PROPERTY).addMember("value", "$L", JavaText.literal(p.jsonName())).build())
                    .addParameter(t, p.javaName())
                    .addJavadoc("Sets $L\n\n@param $L the value; $L\n@return this builder\n", documented(model, p, ""), p.javaName(),
                            partial ? "null is sent as an explicit null (a field never set is left out)" : nullMeans(model, p))
                    .addStatement("this.$1N = $1N", p.javaName());
            if (partial) {
                setter.addStatement("set.set($L)", setterIndex);
            }
            b.addMethod(setter.addStatement("return this").build());
            setterIndex++;
        }
        model.additional().ifPresent(a -> addAdditionalSetters(b, builder, a));
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
        return file(self.packageName(), type.build());
    }

    /**
     * Models are immutable: a list or map handed in is copied (null elements allowed, unlike {@code List.copyOf}, since
     * real payloads hold them) and wrapped unmodifiable; other values are kept as they are.
     */
    private static CodeBlock immutableCopy(TypeRef type, CodeBlock source) {
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

    private TypeName additionalType(ModelDef.Additional a) {
        return ParameterizedTypeName.get(ClassName.get(java.util.Map.class), ClassName.get(String.class), types.of(a.valueType()));
    }

    /** {@code additionalProperties(Map)} replaces them all; {@code additionalProperty(name, value)} adds one. */
    private void addAdditionalSetters(TypeSpec.Builder b, ClassName builder, ModelDef.Additional a) {
        TypeName map = additionalType(a);
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

    /**
     * Why a record is built through its builder: records need a canonical constructor as visible as themselves, but
     * it is Jackson's way in (no check, so answers stay readable) and grows a parameter with every new field.
     */
    private static final String BUILD_WITH_BUILDER = "\n<p>Build one with {@link #builder()}, which refuses to build without a required field. The\n"
            + "canonical constructor is how answers are read (a field the server left out is null) and its parameter\n"
            + "list grows with the spec: calling it directly breaks when the API gains a field.\n\n";

    /** The field's description, then whether it is required and may be null. */
    private static String documented(ModelDef model, ModelDef.Property p, String suffix) {
        String text = JavaText.javadoc(describe(p)) + suffix;
        return text + (text.endsWith(".") ? " " : ". ") + RequiredFields.presence(model, p);
    }

    /** What passing null to a (non-partial) setter does. */
    private static String nullMeans(ModelDef model, ModelDef.Property p) {
        if (RequiredFields.alwaysSent(model, p)) {
            return "null is sent as null";
        }
        return RequiredFields.checked(model, p) ? "null leaves the field unset, which {@link #build()} refuses" : "null leaves the field out";
    }

    /** Jackson builds through {@code build()}, unless that checks required fields: then through the unchecked one. */
    private static AnnotationSpec jsonPojoBuilder(ModelDef model) {
        AnnotationSpec.Builder a = AnnotationSpec.builder(JavaTypes.JSON_POJO_BUILDER).addMember("withPrefix", "$S", "");
        if (RequiredFields.anyChecked(model)) {
            a.addMember("buildMethodName", "$S", RequiredFields.JSON_BUILD);
        }
        return a.build();
    }

    private static String describe(ModelDef.Property p) {
        String text = p.description().isEmpty() ? "the " + p.jsonName() + " field" : p.description();
        return p.readOnly() ? text + " (read-only: set by the server)" : text;
    }

    private MethodSpec toBuilder(ModelDef model, ClassName builder) {
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

    private TypeSpec builderType(ModelDef model, ClassName self, ClassName builder) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}; fields never set are left out of the JSON.\n", self)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<String> args = new ArrayList<>();
        for (ModelDef.Property p : model.properties()) {
            TypeName t = types.of(p.type());
            b.addField(FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE).build());
            MethodSpec.Builder setter = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addParameter(t, p.javaName())
                    .addJavadoc("Sets $L\n\n@param $L the value; $L\n@return this builder\n",
                            documented(model, p, ""), p.javaName(), nullMeans(model, p))
                    .addStatement("this.$1N = $1N", p.javaName())
                    .addStatement("return this");
            if (p.deprecated()) {
                setter.addAnnotation(Deprecated.class);
            }
            b.addMethod(setter.build());
            args.add(p.javaName());
        }
        model.additional().ifPresent(a -> {
            addAdditionalSetters(b, builder, a);
            args.add(a.javaName());
        });
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("@return the immutable object\n" + RequiredFields.buildThrows(model));
        if (RequiredFields.anyChecked(model)) {
            build.addStatement("$N()", RequiredFields.CHECK);
            b.addMethod(RequiredFields.check(model));
        }
        b.addMethod(build.addStatement("return new $T($L)", self, String.join(", ", args)).build());
        return b.build();
    }

    private JavaFile fieldEnum(ModelDef model) {
        ClassName self = types.model(model.fieldEnum().orElseThrow());
        TypeSpec.Builder e = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC)
                .addAnnotation(JavaTypes.GENERATED)
                .addSuperinterface(JavaTypes.FIELD_SELECTOR)
                .addJavadoc("The first-level fields of {@link $T}, for {@code includeFields} and {@code excludeFields}.\n",
                        types.model(model.className()));
        dev.specwright.generator.naming.NameScope constants = new dev.specwright.generator.naming.NameScope();
        for (ModelDef.Property p : model.properties()) {
            e.addEnumConstant(constants.allocate(dev.specwright.generator.naming.JavaNames.constantName(p.jsonName())),
                    TypeSpec.anonymousClassBuilder("$L", JavaText.literal(p.jsonName())).build());
        }
        e.addField(String.class, "fieldName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "fieldName")
                        .addStatement("this.fieldName = fieldName").build())
                .addMethod(MethodSpec.methodBuilder("fieldName").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("return fieldName").build());
        return file(self.packageName(), e.build());
    }

    /**
     * An open enum: a final class extending the runtime's {@code OpenEnum} (value, {@code known()}, {@code isKnown()},
     * equality by value and {@code toString()} live there, so GitHub's thousands of enums do not repeat them). Here: one
     * {@code public static final} constant per spec value (so {@code Status.ACTIVE} reads as for a Java enum), the
     * {@code @JsonCreator} {@code fromValue}, {@code values()} and the nested Java enum of the known values plus
     * {@code UNKNOWN} to {@code switch} on.
     */
    private JavaFile openEnum(EnumDef def) {
        ClassName self = types.model(def.className());
        ClassName known = self.nestedClass(def.knownName());
        TypeName valueType = def.integer() ? ClassName.get(Long.class) : ClassName.get(String.class);
        TypeName values = ParameterizedTypeName.get(JavaTypes.OPEN_ENUM_VALUES, valueType, self);
        TypeSpec.Builder e = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(JavaTypes.OPEN_ENUM, valueType, known))
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc(Javadoc.of(def.description()).toBuilder()
                        .add(def.description().isBlank() ? "" : "\n<p>")
                        .add("An {@link $T}: a value this client does not know reads as an instance that keeps it, with\n"
                                + "{@link #known()} {@link $T#$N}. Compare with {@code equals}, or {@code switch} on {@link #known()}.\n",
                                JavaTypes.OPEN_ENUM, known, EnumDef.UNKNOWN)
                        .build());
        // no Javadoc on the constants: JavaPoet writes three lines for each, and the initializer shows the value
        TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The values of {@link $T} this client knows, to {@code switch} on; {@link #$N} for any other.\n",
                        self, EnumDef.UNKNOWN);
        List<CodeBlock> names = new ArrayList<>();
        for (EnumDef.Constant c : def.constants()) {
            CodeBlock value = def.integer() ? CodeBlock.of("$LL", Long.parseLong(c.value())) : JavaText.literal(c.value());
            e.addField(FieldSpec.builder(self, c.javaName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($L, $T.$N)", self, value, known, c.javaName()).build());
            knownEnum.addEnumConstant(c.javaName());
            names.add(CodeBlock.of("$N", c.javaName()));
        }
        knownEnum.addEnumConstant(EnumDef.UNKNOWN, TypeSpec.anonymousClassBuilder("")
                .addJavadoc("A value this client does not know; {@link $T#value()} holds it.\n", self).build());
        names.add(0, CodeBlock.of("$T.class", self));
        e.addField(FieldSpec.builder(values, EnumDef.VALUES, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($L)", JavaTypes.OPEN_ENUM_VALUES, CodeBlock.join(names, ", ")).build())
                .addType(knownEnum.build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(valueType, "value").addParameter(known, "known")
                        .addStatement("super(value, known)").build())
                .addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                        // DELEGATING: the JSON value itself is the argument, never an object with a "value" member
                        .addAnnotation(AnnotationSpec.builder(JavaTypes.JSON_CREATOR)
                                .addMember("mode", "$T.Mode.DELEGATING", JavaTypes.JSON_CREATOR).build())
                        .addParameter(valueType, "value")
                        .addJavadoc("@return the constant for {@code value}, or a new instance keeping a value this client does not know\n"
                                + "@throws NullPointerException if {@code value} is null (JSON {@code null} is a null field instead)\n")
                        .addStatement("return $N.fromValue(value, v -> new $T(v, $T.$N))", EnumDef.VALUES, self, known, EnumDef.UNKNOWN)
                        .build())
                .addMethod(MethodSpec.methodBuilder("values").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), self))
                        .addJavadoc("@return the known constants, in the spec's order (unmodifiable)\n")
                        .addStatement("return $N.list()", EnumDef.VALUES).build());
        return file(self.packageName(), e.build());
    }

    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
    }
}
