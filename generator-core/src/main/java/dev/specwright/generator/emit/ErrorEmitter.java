package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.load.RawErrorCatalog;
import dev.specwright.generator.model.ErrorCatalog;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.naming.DerivedNames;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * From {@code errors.json}: {@code ErrorCode} and {@code ErrorCategory} enums, the common API exception with one
 * subclass per category, and the decoder that picks the class. Codes the catalogue does not know stay readable as raw
 * numbers; a body that is not the error document (an HTML 502 from a proxy) still gives the common exception.
 */
final class ErrorEmitter implements FileEmitter {

    private static final ClassName LONG = ClassName.get(Long.class);
    private static final String UNKNOWN = DerivedNames.UNKNOWN;

    @Override
    public String name() {
        return "errors";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        return context.api().errorCatalog().isPresent()
                ? new Catalogue(context.api(), context.types()).files(context.customization().generateApis()).map(context::java)
                : Stream.empty();
    }

    /** One run's state: the model's names and types. */
    private static final class Catalogue {

        private final ApiModel api;
        private final ErrorCatalog catalog;
        private final ClassName errorCode;
        private final ClassName errorCategory;
        private final ClassName baseException;
        private final ClassName decoder;
        private final TypeName errorDocument;

        private final boolean suppress;

        Catalogue(ApiModel api, JavaTypes types) {
            this.api = api;
            this.catalog = api.errorCatalog().orElseThrow();
            this.errorCode = types.base(api.baseTypes().errorCode());
            this.errorCategory = types.base(api.baseTypes().errorCategory());
            this.baseException = types.base(api.baseTypes().apiException());
            this.decoder = types.base(api.baseTypes().errorDecoder());
            this.errorDocument = api.errorModel().<TypeName>map(types::model).orElse(JavaTypes.JSON_NODE);
            Deprecations deprecations = new Deprecations(api);
            this.suppress = api.errorModel().filter(m -> deprecations.deprecated(new TypeRef.Named(m))).isPresent();
        }

        /**
         * Without the APIs ({@code generateApis=false}) only the category enum, which the error document's model may
         * name: the exceptions and the decoder serve the client alone.
         */
        private Stream<JavaFile> files(boolean withApis) {
            if (!withApis) {
                return Stream.of(categoryEnum());
            }
            Stream<JavaFile> fixed = Stream.of(categoryEnum(), codeEnum(), baseException(), decoderClass());
            return Stream.concat(fixed, catalog.categories().stream().map(this::categoryException));
        }

        private JavaFile categoryEnum() {
            TypeSpec.Builder e = TypeSpec.enumBuilder(errorCategory).addModifiers(Modifier.PUBLIC).addAnnotation(JavaTypes.GENERATED)
                    .addJavadoc("The kinds of error the API reports in {@code errorCategory}. {@link #UNKNOWN}: one this client does not know.\n");
            for (ErrorCatalog.Category c : catalog.categories()) {
                e.addEnumConstant(c.javaName(), TypeSpec.anonymousClassBuilder("$L", JavaText.literal(c.value())).build());
            }
            e.addEnumConstant(UNKNOWN, TypeSpec.anonymousClassBuilder("null").build())
                    .addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "value").addStatement("this.value = value").build())
                    .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(String.class)
                            .addAnnotation(JavaTypes.JSON_VALUE)
                            .addJavadoc("@return the value on the wire, null for {@link #UNKNOWN}\n").addStatement("return value").build())
                    .addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(errorCategory)
                            .addAnnotation(JavaTypes.JSON_CREATOR)
                            .addParameter(String.class, "value")
                            .addJavadoc("@param value an {@code errorCategory} from an error document, may be null\n@return its constant, or {@link #UNKNOWN}\n")
                            .beginControlFlow("for ($T c : values())", errorCategory)
                            .beginControlFlow("if (c.value != null && c.value.equals(value))").addStatement("return c").endControlFlow()
                            .endControlFlow()
                            .addStatement("return $N", UNKNOWN).build());
            return ModelEmitter.file(errorCategory.packageName(), e.build());
        }

        private JavaFile codeEnum() {
            TypeSpec.Builder e = TypeSpec.enumBuilder(errorCode).addModifiers(Modifier.PUBLIC).addAnnotation(JavaTypes.GENERATED)
                    .addJavadoc("Every error code of the API's error catalogue. {@link #UNKNOWN}: a code this client does not know;\n"
                            + "the exception still carries its raw numbers.\n");
            for (ErrorCatalog.Entry named : catalog.entries()) {
                RawErrorCatalog.Entry entry = named.written();
                String category = catalog.category(entry.category()).javaName();
                TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$LL, $L, $T.$N,$W$L", entry.code(),
                        entry.subCode() == null ? "null" : entry.subCode() + "L", errorCategory, category, JavaText.literal(entry.defaultMessage()));
                String doc = entry.description().isEmpty() ? entry.defaultMessage() : entry.description();
                if (!doc.isEmpty() || entry.errorClass() != null) {
                    constant.addJavadoc(Javadoc.of(doc, entry.errorClass() == null ? "" : "Server class: " + entry.errorClass()));
                }
                e.addEnumConstant(named.javaName(), constant.build());
            }
            TypeName byKey = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), errorCode);
            e.addEnumConstant(UNKNOWN, TypeSpec.anonymousClassBuilder("-1L, null, $T.$N, $S", errorCategory, UNKNOWN, "").build())
                    .addField(FieldSpec.builder(byKey, DerivedNames.ERROR_CODE_INDEX, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("index()").build())
                    .addField(TypeName.LONG, "code", Modifier.PRIVATE, Modifier.FINAL)
                    .addField(LONG, "subCode", Modifier.PRIVATE, Modifier.FINAL)
                    .addField(errorCategory, "category", Modifier.PRIVATE, Modifier.FINAL)
                    .addField(String.class, "defaultMessage", Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder().addParameter(TypeName.LONG, "code").addParameter(LONG, "subCode")
                            .addParameter(errorCategory, "category").addParameter(String.class, "defaultMessage")
                            .addStatement("this.code = code").addStatement("this.subCode = subCode")
                            .addStatement("this.category = category").addStatement("this.defaultMessage = defaultMessage").build())
                    .addMethod(getter("code", TypeName.LONG, "the numeric code; -1 for {@link #UNKNOWN}"))
                    .addMethod(getter("subCode", LONG, "the sub-code, or null when the code has none"))
                    .addMethod(getter("category", errorCategory, "the category this code belongs to"))
                    .addMethod(getter("defaultMessage", ClassName.get(String.class), "the catalogue's default message"))
                    .addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(errorCode)
                            .addParameter(LONG, "code").addParameter(LONG, "subCode")
                            .addJavadoc("The constant for a (code, subCode) pair: an exact match, else the code's general entry, else\n"
                                    + "{@link #UNKNOWN}.\n\n@param code the error document's code, may be null\n"
                                    + "@param subCode its subCode, may be null\n@return the constant, never null\n")
                            .beginControlFlow("if (code == null)").addStatement("return $N", UNKNOWN).endControlFlow()
                            .addStatement("$T exact = $N.get(code + $S + subCode)", errorCode, DerivedNames.ERROR_CODE_INDEX, "/")
                            .addStatement("return exact != null ? exact : $N.getOrDefault(code + $S, $N)", DerivedNames.ERROR_CODE_INDEX, "/null", UNKNOWN).build())
                    .addMethod(MethodSpec.methodBuilder("index").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(byKey)
                            .addStatement("$T map = new $T<>()", byKey, java.util.HashMap.class)
                            .beginControlFlow("for ($T c : values())", errorCode)
                            .beginControlFlow("if (c != $N)", UNKNOWN).addStatement("map.put(c.code + $S + c.subCode, c)", "/").endControlFlow()
                            .endControlFlow()
                            .addStatement("return $T.unmodifiableMap(map)", java.util.Collections.class).build());
            return ModelEmitter.file(errorCode.packageName(), e.build());
        }

        private static MethodSpec getter(String name, TypeName type, String doc) {
            return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type)
                    .addJavadoc("@return $L\n", doc).addStatement("return $N", name).build();
        }

        private JavaFile baseException() {
            TypeSpec.Builder type = TypeSpec.classBuilder(baseException).addModifiers(Modifier.PUBLIC).superclass(JavaTypes.API_EXCEPTION)
                    .addAnnotation(JavaTypes.GENERATED).addAnnotations(Deprecations.suppression(suppress))
                    .addJavadoc("An error answer of the $L. Subclasses name its category; this class itself is thrown when the\n"
                            + "answer carries no known category (for example an HTML page from a proxy).\n", JavaText.javadoc(api.title()))
                    .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("1L").build())
                    .addField(errorDocument, "error", Modifier.PRIVATE, Modifier.FINAL, Modifier.TRANSIENT)
                    .addField(LONG, "code", Modifier.PRIVATE, Modifier.FINAL)
                    .addField(LONG, "subCode", Modifier.PRIVATE, Modifier.FINAL)
                    .addField(errorCode, "errorCode", Modifier.PRIVATE, Modifier.FINAL)
                    .addField(errorCategory, "errorCategory", Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                            .addJavadoc("@param failure the answer\n@param error the decoded error document, or null when the body is not one\n"
                                    + "@param code the raw code, or null\n@param subCode the raw sub-code, or null\n"
                                    + "@param category the raw category, or null\n@param reason a short description for the message\n")
                            .addParameter(JavaTypes.HTTP_FAILURE, "failure").addParameter(errorDocument, "error")
                            .addParameter(LONG, "code").addParameter(LONG, "subCode").addParameter(String.class, "category")
                            .addParameter(String.class, "reason")
                            .addStatement("super(failure, reason)")
                            .addStatement("this.error = error").addStatement("this.code = code").addStatement("this.subCode = subCode")
                            .addStatement("this.errorCode = $T.of(code, subCode)", errorCode)
                            .addStatement("this.errorCategory = categoryOf(category, errorCode)").build())
                    .addMethod(MethodSpec.methodBuilder("categoryOf").addModifiers(Modifier.STATIC).returns(errorCategory)
                            .addJavadoc("The category the document names; when it names none (the platform's documented example has no\n"
                                    + "{@code errorCategory}), the catalogue's category of the code.\n\n"
                                    + "@param category the raw category, may be null\n@param code the resolved code\n@return the category\n")
                            .addParameter(String.class, "category").addParameter(errorCode, "code")
                            .addStatement("$T named = $T.fromValue(category)", errorCategory, errorCategory)
                            .addStatement("return named != $T.$N ? named : code.category()", errorCategory, UNKNOWN).build())
                    .addMethod(getter("error", errorDocument, "the decoded error document, or null when the body was not one (see {@code rawBody()})"))
                    .addMethod(getter("errorCode", errorCode, "the catalogue's constant; {@code UNKNOWN} for a code it does not list"))
                    .addMethod(getter("errorCategory", errorCategory, "the category; {@code UNKNOWN} when none or an unknown one was sent"))
                    .addMethod(getter("code", LONG, "the raw numeric code as sent, or null"))
                    .addMethod(getter("subCode", LONG, "the raw sub-code as sent, or null"));
            return ModelEmitter.file(baseException.packageName(), type.build());
        }

        private JavaFile categoryException(ErrorCatalog.Category category) {
            ClassName self = ClassName.get(baseException.packageName(), category.exceptionClass());
            TypeSpec type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC).superclass(baseException)
                    .addAnnotation(JavaTypes.GENERATED).addAnnotations(Deprecations.suppression(suppress))
                    .addJavadoc("The API reported an error of category $L.\n", JavaText.javadocCode(category.value()))
                    .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("1L").build())
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                            .addJavadoc("@param failure the answer\n@param error the decoded error document\n@param code the raw code\n"
                                    + "@param subCode the raw sub-code\n@param category the raw category\n@param reason the message\n")
                            .addParameter(JavaTypes.HTTP_FAILURE, "failure").addParameter(errorDocument, "error")
                            .addParameter(LONG, "code").addParameter(LONG, "subCode").addParameter(String.class, "category")
                            .addParameter(String.class, "reason")
                            .addStatement("super(failure, error, code, subCode, category, reason)").build())
                    .build();
            return ModelEmitter.file(self.packageName(), type);
        }

        private JavaFile decoderClass() {
            CodeBlock.Builder pick = CodeBlock.builder()
                    .beginControlFlow("switch ($T.categoryOf(category, $T.of(code, subCode)))", baseException, errorCode);
            for (ErrorCatalog.Category c : catalog.categories()) {
                pick.addStatement("case $N: return new $T(failure, error, code,$WsubCode, category, reason)", c.javaName(),
                        ClassName.get(baseException.packageName(), c.exceptionClass()));
            }
            pick.addStatement("default: return new $T(failure, error, code,$WsubCode, category, reason)", baseException).endControlFlow();
            TypeSpec type = TypeSpec.classBuilder(decoder).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addSuperinterface(JavaTypes.ERROR_DECODER)
                    .addAnnotation(JavaTypes.GENERATED).addAnnotations(Deprecations.suppression(suppress))
                    .addJavadoc("Turns an error answer into the exception class of its {@code errorCategory}. The body is read into the\n"
                            + "error document's model; a body that does not fit it still gives its code and category, as sent.\n")
                    .addMethod(MethodSpec.methodBuilder("decode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                            .returns(RuntimeException.class)
                            .addParameter(JavaTypes.HTTP_FAILURE, "failure").addParameter(JavaTypes.OBJECT_MAPPER, "mapper")
                            .addStatement("$T error = null", errorDocument)
                            .addStatement("$T code = null", LONG).addStatement("$T subCode = null", LONG)
                            .addStatement("$T category = null", String.class)
                            .addStatement("$T reason = $S", String.class, "no error document in the body")
                            .beginControlFlow("if (failure.isJson())")
                            .beginControlFlow("try")
                            .addStatement("$T tree = mapper.readTree(failure.body())", JavaTypes.JSON_NODE)
                            .beginControlFlow("if (tree != null && tree.isObject())")
                            .addCode(readDocument())
                            .endControlFlow()
                            .nextControlFlow("catch ($T e)", JavaTypes.JSON_PROCESSING_EXCEPTION)
                            .addStatement("reason = $S", "the error body is not the documented error document")
                            .endControlFlow()
                            .endControlFlow()
                            .addCode(pick.build())
                            .build())
                    .addMethod(MethodSpec.methodBuilder("number").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(LONG)
                            .addParameter(JavaTypes.JSON_NODE, "node")
                            .addStatement("return node != null && node.canConvertToLong() ? $T.valueOf(node.asLong()) : null", LONG).build())
                    .addMethod(MethodSpec.methodBuilder("categoryText").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(String.class)
                            .addParameter(String.class, "raw").addParameter(errorCode, "code")
                            .addStatement("$T known = $T.categoryOf(raw, code)", errorCategory, baseException)
                            .addStatement("return known != $T.$N || raw == null ? known.value() : raw", errorCategory, UNKNOWN).build())
                    .addMethod(MethodSpec.methodBuilder("text").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(String.class)
                            .addParameter(JavaTypes.JSON_NODE, "node")
                            .addStatement("return node == null || node.isNull() ? null : node.asText()").build())
                    .build();
            return ModelEmitter.file(decoder.packageName(), type);
        }

        /**
         * Inside {@code decode}, with the body's JSON object in {@code tree}: the document read into its model, and code,
         * sub-code, category and message through the model's accessors; when the body does not fit the model (a proxy's
         * JSON, a newer server's shape), the same fields as sent.
         */
        private CodeBlock readDocument() {
            CodeBlock.Builder read = CodeBlock.builder().addStatement("String message");
            if (errorDocument.equals(JavaTypes.JSON_NODE)) {
                return read.addStatement("error = tree").add(rawFields()).addStatement(reason()).build();
            }
            Optional<ModelDef> document = documentModel();
            return read.beginControlFlow("try")
                    .addStatement("error = mapper.treeToValue(tree, $T.class)", errorDocument)
                    .addStatement("code = $L", number(document, "code"))
                    .addStatement("subCode = $L", number(document, "subCode"))
                    .addStatement("category = $L", text(document, "errorCategory"))
                    .addStatement("message = $L", text(document, "message"))
                    .addStatement(reason())
                    .nextControlFlow("catch ($T | $T e)", JavaTypes.JSON_PROCESSING_EXCEPTION, IllegalArgumentException.class)
                    .add(rawFields())
                    .addStatement("reason = $S", "the error body is not the documented error document")
                    .endControlFlow()
                    .build();
        }

        private static CodeBlock rawFields() {
            return CodeBlock.builder()
                    .addStatement("code = number(tree.get($S))", "code")
                    .addStatement("subCode = number(tree.get($S))", "subCode")
                    .addStatement("category = text(tree.get($S))", "errorCategory")
                    .addStatement("message = text(tree.get($S))", "message").build();
        }

        private CodeBlock reason() {
            return CodeBlock.of("reason = $T.of(code, subCode).name() + $S + code + $S + subCode + $S$W+ categoryText(category, $T.of(code, subCode)) + $S + message",
                    errorCode, " (", "/", ", ", errorCode, "): ");
        }

        private Optional<ModelDef> documentModel() {
            return api.errorModel().flatMap(name -> api.models().stream().filter(m -> m.className().equals(name)).findFirst())
                    .filter(m -> !m.partial());
        }

        private static Optional<ModelDef.Property> property(Optional<ModelDef> model, String jsonName) {
            return model.flatMap(m -> m.properties().stream().filter(p -> p.jsonName().equals(jsonName)).findFirst());
        }

        /** {@code code} as a {@code Long} through the model's accessor, or from the tree when the model has no number for it. */
        private static CodeBlock number(Optional<ModelDef> model, String jsonName) {
            Optional<ModelDef.Property> p = property(model, jsonName);
            if (p.isPresent() && p.get().type() == TypeRef.Builtin.LONG) {
                return CodeBlock.of("error.$N()", p.get().javaName());
            }
            if (p.isPresent() && p.get().type() == TypeRef.Builtin.INTEGER) {
                return CodeBlock.of("error.$1N() == null ? null : $2T.valueOf(error.$1N().longValue())", p.get().javaName(), LONG);
            }
            return CodeBlock.of("number(tree.get($S))", jsonName);
        }

        /** A text field through the model's accessor when it is a string, else as sent. */
        private static CodeBlock text(Optional<ModelDef> model, String jsonName) {
            Optional<ModelDef.Property> p = property(model, jsonName);
            if (p.isPresent() && p.get().type() == TypeRef.Builtin.STRING) {
                return CodeBlock.of("error.$N()", p.get().javaName());
            }
            // the catalogue's category (TypeRef.Base) reads a category this client does not know as UNKNOWN, whose value is
            // null: the raw text, which the exception keeps and its message shows, is the one as sent
            return CodeBlock.of("text(tree.get($S))", jsonName);
        }
    }
}
