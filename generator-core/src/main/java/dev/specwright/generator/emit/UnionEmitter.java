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
import dev.specwright.generator.model.EnumDef;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.model.UnionDef;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * {@code oneOf}/{@code anyOf} → a sealed interface. Its decoder picks the variant by the discriminator when the spec
 * names one, else by shape: first a variant whose required properties are present and which declares every property
 * present, then one whose required properties are present, then an enum variant that knows the value, then by JSON node
 * type for non-object variants (an open enum takes any value of its type). What no variant matches becomes
 * {@code Unknown}, holding the raw JSON — a newer server never breaks the client.
 */
final class UnionEmitter implements FileEmitter {

    private static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    private static final ClassName CONTEXT = ClassName.get("com.fasterxml.jackson.databind", "DeserializationContext");
    private static final ClassName STD_DESERIALIZER = ClassName.get("com.fasterxml.jackson.databind.deser.std", "StdDeserializer");

    @Override
    public String name() {
        return "unions";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateModels()) {
            return Stream.empty(); // generateModels=false: the user supplies the models
        }
        Unions run = new Unions(context.types(), context.api().enums(), new Deprecations(context.api()));
        return context.api().unions().stream().map(u -> context.java(run.union(u)));
    }

    /** One run's state: the model's names and types. */
    private static final class Unions {

        private final JavaTypes types;
        /** The enums by class name, for the variants that are enums. */
        private final Map<String, EnumDef> enums;
        private final Deprecations deprecations;

        Unions(JavaTypes types, java.util.List<EnumDef> enums, Deprecations deprecations) {
            this.types = types;
            this.enums = enums.stream().collect(Collectors.toUnmodifiableMap(EnumDef::className, e -> e));
            this.deprecations = deprecations;
        }

        private JavaFile union(UnionDef union) {
            ClassName self = types.model(union.className());
            ClassName unknown = self.nestedClass(union.unknownName());
            ClassName decoder = self.nestedClass(union.decoderName());
            TypeSpec.Builder type = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                    .addAnnotation(JavaTypes.GENERATED)
                    .addAnnotation(JavaTypes.inline(JavaTypes.JSON_DESERIALIZE, "using = $T.class", decoder))
                    .addJavadoc(Javadoc.of(union.description()).toBuilder()
                            .add("\n<p>One of: $L. {@link $L} holds any other value, as raw JSON.\n",
                                    String.join(", ", union.variants().stream().map(v -> "{@link " + variantClass(self, v).simpleName() + "}").toList()),
                                    union.unknownName())
                            .build());
            Deprecations.suppressIf(deprecations.usedBy(union), type);
            for (UnionDef.Variant v : union.variants()) {
                type.addPermittedSubclass(variantClass(self, v));
                v.wrapper().ifPresent(w -> type.addType(wrapper(self, w, types.of(v.type()), "The variant holding a single value.")));
            }
            type.addPermittedSubclass(unknown)
                    .addType(wrapper(self, union.unknownName(), JavaTypes.JSON_NODE, "A value none of this client's variants matches, kept whole."))
                    .addType(decoder(union, self, decoder));
            return ModelEmitter.file(self.packageName(), type.build());
        }

        private ClassName variantClass(ClassName union, UnionDef.Variant v) {
            return v.wrapper().map(union::nestedClass).orElseGet(() -> types.model(((TypeRef.Named) v.type()).className()));
        }

        /** {@code record OfString(String value) implements Union}, written and read as the bare value. */
        private static TypeSpec wrapper(ClassName union, String name, TypeName valueType, String doc) {
            return TypeSpec.recordBuilder(union.nestedClass(name)).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc("$L\n\n@param value the value\n", doc)
                    .addSuperinterface(union)
                    .recordConstructor(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                            .addParameter(valueType, "value").build())
                    .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(valueType)
                            .addAnnotation(Override.class).addAnnotation(JavaTypes.JSON_VALUE)
                            .addStatement("return value").build())
                    .build();
        }

        private TypeSpec decoder(UnionDef union, ClassName self, ClassName decoder) {
            MethodSpec.Builder decode = MethodSpec.methodBuilder("deserialize").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(self).addParameter(JSON_PARSER, "parser").addParameter(CONTEXT, "context").addException(IOException.class)
                    .addStatement("$T tree = parser.readValueAsTree()", JavaTypes.JSON_NODE)
                    .beginControlFlow("if (tree == null)").addStatement("return null").endControlFlow();
            union.discriminator().ifPresent(property -> {
                decode.addStatement("String kind = tree.isObject() && tree.hasNonNull($L) ? tree.get($L).asText() : null", JavaText.literal(property), JavaText.literal(property));
                for (UnionDef.Variant v : union.variants()) {
                    for (String value : v.discriminatorValues()) {
                        decode.beginControlFlow("if ($L.equals(kind))", JavaText.literal(value)).addStatement("return $L", read(self, v)).endControlFlow();
                    }
                }
                // a kind this client does not know is a newer variant, not a reason to guess by shape
                decode.beginControlFlow("if (kind != null)").addStatement("return new $T(tree)", self.nestedClass(union.unknownName())).endControlFlow();
            });
            for (UnionDef.Variant v : union.variants()) {
                if (v.wrapper().isEmpty()) {
                    decode.beginControlFlow("if (tree.isObject() && has(tree$L) && only(tree$L))", names(v.required()), names(v.known()))
                            .addStatement("return $L", read(self, v)).endControlFlow();
                }
            }
            // a value an enum variant knows is that enum's, even when a plain string (or number) variant comes first
            for (UnionDef.Variant v : union.variants()) {
                enumOf(v.type()).ifPresent(e -> decode.beginControlFlow("if ($L)", knownValueTest(e))
                        .addStatement("return $L", read(self, v)).endControlFlow());
            }
            for (UnionDef.Variant v : union.variants()) {
                if (v.wrapper().isEmpty()) {
                    decode.beginControlFlow("if (tree.isObject() && has(tree$L))", names(v.required()))
                            .addStatement("return $L", read(self, v)).endControlFlow();
                } else {
                    decode.beginControlFlow("if ($L)", nodeTest(v.type())).addStatement("return $L", read(self, v)).endControlFlow();
                }
            }
            decode.addStatement("return new $T(tree)", self.nestedClass(union.unknownName()));
            return TypeSpec.classBuilder(decoder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .superclass(ParameterizedTypeName.get(STD_DESERIALIZER, self))
                    .addJavadoc("Reads a {@link $T} from JSON (see the interface for the rules).\n", self)
                    .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("1L").build())
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addStatement("super($T.class)", self).build())
                    .addMethod(decode.build())
                    .addMethod(MethodSpec.methodBuilder("has").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.BOOLEAN)
                            .addParameter(JavaTypes.JSON_NODE, "tree").addParameter(String[].class, "names").varargs()
                            .beginControlFlow("for (String name : names)")
                            .beginControlFlow("if (!tree.has(name))").addStatement("return false").endControlFlow()
                            .endControlFlow().addStatement("return true").build())
                    .addMethod(MethodSpec.methodBuilder("only").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.BOOLEAN)
                            .addParameter(JavaTypes.JSON_NODE, "tree").addParameter(String[].class, "names").varargs()
                            .addStatement("$T<String> known = $T.of(names)", java.util.Set.class, java.util.Set.class)
                            .beginControlFlow("for ($T<String> it = tree.fieldNames(); it.hasNext();)", java.util.Iterator.class)
                            .beginControlFlow("if (!known.contains(it.next()))").addStatement("return false").endControlFlow()
                            .endControlFlow().addStatement("return true").build())
                    .build();
        }

        private static CodeBlock names(java.util.List<String> names) {
            CodeBlock.Builder b = CodeBlock.builder();
            names.forEach(n -> b.add(", $L", JavaText.literal(n)));
            return b.build();
        }

        private CodeBlock read(ClassName self, UnionDef.Variant v) {
            TypeName type = types.of(v.type());
            CodeBlock value = JavaTypes.isReifiable(v.type()) && !(type instanceof com.palantir.javapoet.ArrayTypeName)
                    ? CodeBlock.of("context.readTreeAsValue(tree, $T.class)", type)
                    : CodeBlock.of("context.readTreeAsValue(tree, context.getTypeFactory().constructType(new $T() {}))",
                            ParameterizedTypeName.get(JavaTypes.TYPE_REFERENCE, type));
            return v.wrapper().map(w -> CodeBlock.of("new $T($L)", self.nestedClass(w), value)).orElse(value);
        }

        private Optional<EnumDef> enumOf(TypeRef type) {
            return type instanceof TypeRef.Named named
                    ? Optional.ofNullable(enums.get(named.className()))
                    : Optional.empty();
        }

        /** Whether the node is one of the enum's known values. */
        private CodeBlock knownValueTest(EnumDef e) {
            ClassName enumType = types.model(e.className());
            return e.integer()
                    ? CodeBlock.of("tree.isIntegralNumber() && tree.canConvertToLong() && $T.fromValue(tree.longValue()).isKnown()", enumType)
                    : CodeBlock.of("tree.isTextual() && $T.fromValue(tree.textValue()).isKnown()", enumType);
        }

        /** Which JSON node a non-model variant accepts. */
        private CodeBlock nodeTest(TypeRef type) {
            if (type instanceof TypeRef.ListOf) {
                return CodeBlock.of("tree.isArray()");
            }
            if (type instanceof TypeRef.MapOf) {
                return CodeBlock.of("tree.isObject()");
            }
            if (type instanceof TypeRef.Named) {
                // an open enum takes any value of its JSON type and keeps it; what else is named here is a union
                return enumOf(type).map(e -> CodeBlock.of(e.integer() ? "tree.isIntegralNumber() && tree.canConvertToLong()" : "tree.isTextual()"))
                        .orElse(CodeBlock.of("true"));
            }
            if (type instanceof TypeRef.External external) {
                return nodeTest(external.replaces()); // a mapped type reads the JSON the spec's type would
            }
            return switch ((TypeRef.Builtin) type) {
                case STRING, DATE, DATE_TIME, UUID, URI, BYTES, BINARY, DOWNLOAD -> CodeBlock.of("tree.isTextual()");
                case INTEGER -> CodeBlock.of("tree.isInt()");
                case LONG -> CodeBlock.of("tree.isIntegralNumber()");
                case DOUBLE, DECIMAL -> CodeBlock.of("tree.isNumber()");
                case BOOLEAN -> CodeBlock.of("tree.isBoolean()");
                case JSON -> CodeBlock.of("true");
            };
        }
    }
}
