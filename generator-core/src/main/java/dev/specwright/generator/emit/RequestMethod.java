package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.model.ApiGroup;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.naming.DerivedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * One {@code <Tag>Api} class per tag, and one {@code <Operation>Params} record per operation with optional parameters.
 * Required parameters are positional (path first, body last), so a call never compiles without them.
 */
final class ApiEmitter {

    private final ApiModel api;
    private final JavaTypes types;
    /** The models by class name: looked up per parameter and body, so not searched for each. */
    private final Map<String, ModelDef> models;

    ApiEmitter(ApiModel api, JavaTypes types) {
        this.api = api;
        this.types = types;
        this.models = api.models().stream().collect(Collectors.toUnmodifiableMap(ModelDef::className, m -> m));
    }

    Stream<JavaFile> emit() {
        return api.apis().stream().flatMap(group -> Stream.concat(Stream.of(apiClass(group)),
                group.operations().stream().filter(op -> op.paramsClassName().isPresent()).map(this::paramsClass)));
    }

    private JavaFile apiClass(ApiGroup group) {
        ClassName self = types.api(group.className());
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(JavaTypes.GENERATED)
                .addAnnotation(JavaTypes.SUPPRESS_DEPRECATION)
                .addJavadoc(Javadoc.of(!group.description().isEmpty() ? group.description()
                        : group.untagged() ? "Operations without a tag." : "Operations tagged " + group.tag() + ".")
                        .toBuilder().add("\n<p>Reached through {@code $L.$L()}; thread-safe.\n", api.clientClassName(), group.accessorName())
                        .build())
                .addField(FieldSpec.builder(JavaTypes.API_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(JavaTypes.REQUEST_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("@param client the engine that sends the requests\n")
                        .addParameter(JavaTypes.API_CLIENT, "client")
                        .addStatement("this($T.requireNonNull(client, $S), $T.none())", Objects.class, "client", JavaTypes.REQUEST_OPTIONS)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(JavaTypes.API_CLIENT, "client").addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                        .addStatement("this.client = client").addStatement("this.options = options").build())
                .addMethod(MethodSpec.methodBuilder("with").addModifiers(Modifier.PUBLIC).returns(self)
                        .addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                        .addJavadoc("These operations with per-call options (timeout, extra headers, an idempotency key reused by\n"
                                + "the call's retries): {@code api.with(options).someOperation(...)}. This object is unchanged.\n\n"
                                + "@param options the options for the calls made through the returned object\n"
                                + "@return a view of these operations that applies the options\n")
                        .addStatement("return new $T(client, $T.requireNonNull(options, $S))", self, Objects.class, "options").build());
        for (Operation op : group.operations()) {
            type.addMethods(methods(op, false));
            type.addMethods(methods(op, true));
        }
        return ModelEmitter.file(self.packageName(), type.build());
    }

    /**
     * The operation's methods: the full one and, when it has optional parameters, one without them. The async kind
     * returns a {@code CompletableFuture} and runs under the same rate limit and retries without parking a thread.
     */
    private List<MethodSpec> methods(Operation op, boolean async) {
        String name = async ? op.asyncMethodName() : op.methodName();
        List<ParameterSpec> positional = new ArrayList<>();
        List<CodeBlock> names = new ArrayList<>();
        CodeBlock.Builder javadoc = Javadoc.of(op.summary().isEmpty() ? op.httpMethod() + " " + op.path() : op.summary(),
                op.description()).toBuilder();
        for (Parameter p : op.requiredParameters()) {
            positional.add(ParameterSpec.builder(types.of(p.type()), p.javaName()).build());
            names.add(CodeBlock.of("$N", p.javaName()));
            javadoc.add("@param $L $L\n", p.javaName(), JavaText.javadoc(p.description().isEmpty() ? p.name() : p.description()));
        }
        op.body().ifPresent(b -> {
            positional.add(ParameterSpec.builder(types.of(b.type()), b.javaName()).build());
            names.add(CodeBlock.of("$N", b.javaName()));
            javadoc.add("@param $L $L\n", b.javaName(), JavaText.javadoc(b.description().isEmpty() ? "the request body" : b.description()));
        });
        TypeName body = op.responseType().map(types::of).orElse(TypeName.VOID);
        TypeName returns = async ? ParameterizedTypeName.get(ClassName.get(java.util.concurrent.CompletableFuture.class),
                body.equals(TypeName.VOID) ? ClassName.get(Void.class) : body) : body;
        CodeBlock.Builder tail = CodeBlock.builder();
        if (async) {
            tail.add("@return the decoded response body, later; an error status completes it exceptionally with $T\n",
                    JavaTypes.API_EXCEPTION);
        } else {
            if (op.responseType().isPresent()) {
                tail.add("@return the decoded response body\n");
            }
            tail.add("@throws $T when the server answers with an error status\n", JavaTypes.API_EXCEPTION);
        }

        List<MethodSpec> methods = new ArrayList<>();
        MethodSpec.Builder full = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns)
                .addParameters(positional);
        CodeBlock.Builder fullDoc = javadoc.build().toBuilder();
        if (op.paramsClassName().isPresent()) {
            ClassName params = types.api(op.paramsClassName().get());
            full.addParameter(params, "params");
            fullDoc.add("@param params the optional parameters\n");
            MethodSpec.Builder shorter = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns)
                    .addParameters(positional).addJavadoc(javadoc.build()).addJavadoc(tail.build());
            names.add(CodeBlock.of("$T.builder().build()", params));
            shorter.addStatement("$L$N($L)", returns.equals(TypeName.VOID) ? "" : "return ", name, CodeBlock.join(names, ", "));
            if (op.deprecated()) {
                shorter.addAnnotation(Deprecated.class);
            }
            methods.add(shorter.build());
        }
        fullDoc.add(tail.build());
        full.addJavadoc(fullDoc.build()).addCode(body(op, body, async));
        if (op.deprecated()) {
            full.addAnnotation(Deprecated.class);
        }
        methods.add(0, full.build());
        return methods;
    }

    private CodeBlock body(Operation op, TypeName returns, boolean async) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Parameter p : op.requiredParameters()) {
            code.addStatement("$T.requireNonNull($N, $S)", Objects.class, p.javaName(), p.javaName());
        }
        op.body().filter(Operation.Body::required)
                .ifPresent(b -> code.addStatement("$T.requireNonNull($N, $S)", Objects.class, b.javaName(), b.javaName()));
        if (op.paramsClassName().isPresent()) {
            code.addStatement("$T.requireNonNull(params, $S)", Objects.class, "params");
        }
        // the request is one builder chain; what needs a loop or a null check follows as statements on the builder
        CodeBlock.Builder chain = CodeBlock.builder();
        List<CodeBlock> statements = new ArrayList<>();
        if (!op.accept().isEmpty()) {
            chain.add("\n.header($S, $L)", "Accept", JavaText.literal(op.accept()));
        }
        for (Parameter p : op.parameters()) {
            parameter(p, p.required() ? CodeBlock.of("$N", p.javaName()) : CodeBlock.of("params.$N()", p.javaName()), chain, statements);
        }
        op.body().ifPresent(b -> body(b, chain, statements));
        String send = async ? "sendAsync" : "send";
        if (statements.isEmpty()) {
            code.add("$T request = options.applyTo($T.builder($L, $L)", JavaTypes.API_REQUEST, JavaTypes.API_REQUEST, JavaText.literal(op.httpMethod()), JavaText.literal(op.path()))
                    .indent().indent().add(chain.build()).add(")\n.build();\n").unindent().unindent();
        } else {
            ClassName builder = JavaTypes.API_REQUEST.nestedClass("Builder");
            code.add("$T builder = $T.builder($L, $L)", builder, JavaTypes.API_REQUEST, JavaText.literal(op.httpMethod()), JavaText.literal(op.path()))
                    .indent().indent().add(chain.build()).add(";\n").unindent().unindent();
            statements.forEach(code::add);
            code.addStatement("$T request = options.applyTo(builder).build()", JavaTypes.API_REQUEST);
        }
        if (op.responseType().isEmpty()) {
            code.addStatement("$Lclient.$L(request)", async ? "return " : "", send);
        } else if (JavaTypes.isReifiable(op.responseType().get())) {
            code.addStatement("return client.$L(request, $T.class)", send, returns);
        } else {
            code.addStatement("return client.$L(request, new $T() {})", send, ParameterizedTypeName.get(JavaTypes.TYPE_REFERENCE, returns));
        }
        return code.build();
    }

    private void parameter(Parameter p, CodeBlock value, CodeBlock.Builder chain, List<CodeBlock> statements) {
        switch (p.in()) {
            case PATH -> chain.add("\n.pathParam($L, $L)", JavaText.literal(p.name()), value);
            case HEADER -> chain.add("\n.header($L, $L)", JavaText.literal(p.name()), value);
            case COOKIE -> chain.add("\n.cookie($L, $L)", JavaText.literal(p.name()), value);
            case QUERY -> query(p, value, chain, statements);
        }
    }

    /**
     * A query parameter by its style: {@code deepObject} as {@code name[key]=value}; an exploded object or map as one
     * parameter per property; an exploded array as one parameter per element; a pipe- or space-delimited array joined
     * by that delimiter; anything else as one value, lists comma-joined.
     */
    private void query(Parameter p, CodeBlock value, CodeBlock.Builder chain, List<CodeBlock> statements) {
        boolean list = p.type() instanceof TypeRef.ListOf;
        if (p.style() == Parameter.Style.DEEP_OBJECT) {
            chain.add("\n.queryDeep($L, $L)", JavaText.literal(p.name()), value);
        } else if (list && !p.explode() && (p.style() == Parameter.Style.PIPE_DELIMITED || p.style() == Parameter.Style.SPACE_DELIMITED)) {
            chain.add("\n.queryJoined($L, $L, $S)", JavaText.literal(p.name()), value, p.style() == Parameter.Style.PIPE_DELIMITED ? "|" : " ");
        } else if (list && p.explode()) {
            chain.add("\n.queryEach($L, $L)", JavaText.literal(p.name()), value);
        } else if (p.explode() && p.style() == Parameter.Style.FORM && p.type() instanceof TypeRef.MapOf) {
            statements.add(CodeBlock.builder().beginControlFlow("if ($L != null)", value)
                    .addStatement("$L.forEach(builder::query)", value).endControlFlow().build());
        } else if (p.explode() && p.style() == Parameter.Style.FORM && flatModel(p.type()).isPresent()) {
            CodeBlock.Builder each = CodeBlock.builder().beginControlFlow("if ($L != null)", value);
            for (ModelDef.Property property : flatModel(p.type()).orElseThrow().properties()) {
                each.addStatement(property.type() instanceof TypeRef.ListOf ? "builder.queryEach($L, $L.$N())" : "builder.query($L, $L.$N())",
                        JavaText.literal(property.jsonName()), value, property.javaName());
            }
            statements.add(each.endControlFlow().build());
        } else {
            chain.add("\n.query($L, $L)", JavaText.literal(p.name()), value);
        }
    }

    /**
     * The body by its kind. A form or multipart body whose schema is a model is sent property by property, so its
     * {@code format: binary} members become file parts; any other shape goes to the runtime as a whole.
     */
    private void body(Operation.Body b, CodeBlock.Builder chain, List<CodeBlock> statements) {
        List<CodeBlock> calls = new ArrayList<>();
        String name = b.javaName();
        switch (b.kind()) {
            case JSON -> calls.add(CodeBlock.of(".jsonBody($N)", name));
            case TEXT -> calls.add(CodeBlock.of(".textBody($N, $L)", name, JavaText.literal(b.mediaType())));
            case BINARY -> calls.add(CodeBlock.of(".binaryBody($N, $L)", name, JavaText.literal(b.mediaType())));
            case FORM, MULTIPART -> {
                String one = b.kind() == Operation.Kind.FORM ? "formField" : "part";
                String whole = b.kind() == Operation.Kind.FORM ? "formFields" : "parts";
                Optional<ModelDef> model = flatModel(b.type());
                if (model.isEmpty()) {
                    calls.add(CodeBlock.of(".$L($N)", whole, name));
                } else {
                    for (ModelDef.Property property : model.get().properties()) {
                        calls.add(CodeBlock.of(".$L($L, $N.$N())", one, JavaText.literal(property.jsonName()), name, property.javaName()));
                    }
                    model.get().additional().ifPresent(a -> calls.add(CodeBlock.of(".$L($N.$N())", whole, name, a.javaName())));
                }
            }
        }
        if (b.required()) {
            calls.forEach(call -> chain.add("\n$L", call));
        } else {
            statements.add(CodeBlock.builder().beginControlFlow("if ($N != null)", name)
                    .add("builder$L", CodeBlock.join(calls, "\n"))
                    .add(";\n").endControlFlow().build());
        }
    }

    /** The model a value of this type is, when it is an object with named properties (not a union or a map). */
    private Optional<ModelDef> flatModel(TypeRef type) {
        if (!(type instanceof TypeRef.Named named)) {
            return Optional.empty();
        }
        return Optional.ofNullable(models.get(named.className())).filter(m -> !m.properties().isEmpty());
    }

    private JavaFile paramsClass(Operation op) {
        ClassName self = types.api(op.paramsClassName().orElseThrow());
        ClassName builder = self.nestedClass(DerivedNames.BUILDER);
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        TypeSpec.Builder builderType = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder doc = CodeBlock.builder().add("The optional parameters of {@code $L}.\n\n", op.methodName());
        List<String> args = new ArrayList<>();
        boolean record = op.optionalParameters().size() <= ModelEmitter.MAX_RECORD_COMPONENTS;
        for (Parameter p : op.optionalParameters()) {
            TypeName t = types.of(p.type());
            constructor.addParameter(t, p.javaName());
            if (record) {
                doc.add("@param $L $L\n", p.javaName(), JavaText.javadoc(p.description().isEmpty() ? p.name() : p.description()));
            }
            builderType.addField(t, p.javaName(), Modifier.PRIVATE);
            args.add(p.javaName());
            if (p.fieldFilter().isPresent()) {
                ClassName fieldEnum = types.model(p.fieldFilter().get().fieldEnum());
                builderType.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(com.palantir.javapoet.ArrayTypeName.of(fieldEnum), "fields").varargs()
                        .addJavadoc("$L the given fields of the response (sent as one comma-separated value).\n\n"
                                + "@param fields the fields\n@return this builder\n", p.fieldFilter().get().include() ? "Returns only" : "Leaves out")
                        .addStatement("this.$N = $T.stream(fields).map($T::fieldName).toList()", p.javaName(), java.util.Arrays.class, fieldEnum)
                        .addStatement("return this").build());
                builderType.addMethod(MethodSpec.methodBuilder(p.fieldFilter().get().namesMethod())
                        .addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(String[].class, "names").varargs()
                        .addJavadoc("The escape hatch for field names this client does not know yet.\n\n"
                                + "@param names raw field names\n@return this builder\n")
                        .addStatement("this.$N = $T.of(names)", p.javaName(), List.class)
                        .addStatement("return this").build());
            } else {
                builderType.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                        .addParameter(t, p.javaName())
                        .addJavadoc("@param $L $L\n@return this builder\n", p.javaName(),
                                JavaText.javadoc(p.description().isEmpty() ? p.name() : p.description()))
                        .addStatement("this.$1N = $1N", p.javaName())
                        .addStatement("return this").build());
            }
        }
        // a record's canonical constructor is capped by the JVM's 255 parameter slots; real operations have more
        // optional parameters (gsmtasks: 300+ filters), so those become a final class built from its builder
        builderType.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("@return the immutable parameters\n")
                .addStatement(record ? CodeBlock.of("return new $T($L)", self, String.join(", ", args))
                        : CodeBlock.of("return new $T(this)", self)).build());
        TypeSpec.Builder type = (record ? TypeSpec.recordBuilder(self).recordConstructor(constructor.build())
                : TypeSpec.classBuilder(self).addModifiers(Modifier.FINAL).addMethods(classMembers(op, builder)))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(JavaTypes.GENERATED)
                .addAnnotation(JavaTypes.SUPPRESS_DEPRECATION)
                .addJavadoc(doc.build())
                .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
                        .addJavadoc("@return a builder with no parameter set\n")
                        .addStatement("return new $T()", builder).build())
                .addType(builderType.build());
        if (!record) {
            op.optionalParameters().forEach(p -> type.addField(types.of(p.type()), p.javaName(), Modifier.PRIVATE, Modifier.FINAL));
        }
        return ModelEmitter.file(self.packageName(), type.build());
    }

    /** The constructor from the builder and the accessors of a parameters class too large for a record. */
    private List<MethodSpec> classMembers(Operation op, ClassName builder) {
        List<MethodSpec> members = new ArrayList<>();
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
        for (Parameter p : op.optionalParameters()) {
            constructor.addStatement("this.$1N = b.$1N", p.javaName());
            members.add(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(types.of(p.type()))
                    .addJavadoc("@return $L\n", JavaText.javadoc(p.description().isEmpty() ? p.name() : p.description()))
                    .addStatement("return $N", p.javaName()).build());
        }
        members.add(0, constructor.build());
        return members;
    }
}
