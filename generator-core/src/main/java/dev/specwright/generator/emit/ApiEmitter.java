package dev.specwright.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
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
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.naming.DerivedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Per tag, {@code <Tag>Api} with the blocking methods and {@code <Tag>AsyncApi} ({@code api.async()}) with the same
 * operations returning {@code CompletableFuture}s. Each operation is called with its required parameters (path first,
 * body last), so a call never compiles without them, and then: its {@code <Op>Params}, nothing (when it has optional
 * parameters), or the fields of its include filter ({@code products().get("SKU-1", ProductField.SKU)}). The request is
 * built once, by {@link RequestMethod}'s static method in {@code <Tag>Api}, which both classes call.
 */
final class ApiEmitter implements FileEmitter {

    @Override
    public String name() {
        return "api classes";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateApis()) {
            return Stream.empty(); // generateApis=false: the models only
        }
        Classes classes = new Classes(context.api(), context.types());
        return context.api().apis().stream()
                .flatMap(g -> Stream.of(classes.sync(g), classes.async(g)))
                .map(context::java);
    }

    /** The two classes of each group, for one model. */
    private static final class Classes {

        private final ApiModel api;
        private final JavaTypes types;
        private final RequestMethod requests;
        private final Deprecations deprecated;
        private final ResponseMethods responses;

        Classes(ApiModel api, JavaTypes types) {
            this.api = api;
            this.types = types;
            this.requests = new RequestMethod(api, types);
            this.deprecated = new Deprecations(api);
            this.responses = new ResponseMethods(api);
        }

        JavaFile sync(ApiGroup group) {
            ClassName self = types.api(group.className());
            ClassName async = types.api(group.asyncClassName());
            CodeBlock doc = Javadoc.of(!group.description().isEmpty() ? group.description()
                    : group.untagged() ? "Operations without a tag." : "Operations tagged " + group.tag() + ".")
                    .toBuilder()
                    .add("\n<p>Reached through {@code $L.$L()}; thread-safe. The same operations returning\n"
                            + "{@code CompletableFuture}s: {@link #$L()}.\n", api.clientClassName(),
                            group.accessorName(), DerivedNames.ASYNC_ACCESSOR)
                    .build();
            TypeSpec.Builder type = shell(self, doc, group)
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                            .addJavadoc("@param client the engine that sends the requests\n")
                            .addParameter(JavaTypes.API_CLIENT, "client")
                            .addStatement("this($T.requireNonNull(client, $S), $T.none())", Objects.class, "client",
                                    JavaTypes.REQUEST_OPTIONS)
                            .build())
                    .addMethod(constructor(false))
                    .addMethod(with(self))
                    .addMethod(MethodSpec.methodBuilder(DerivedNames.ASYNC_ACCESSOR).addModifiers(Modifier.PUBLIC)
                            .returns(async)
                            .addJavadoc("@return these operations returning {@code CompletableFuture}s, with the same "
                                    + "options\n")
                            .addStatement("return new $T(client, options)", async).build());
            for (Operation op : group.operations()) {
                type.addMethods(methods(op, self, false));
            }
            for (Operation op : group.operations()) {
                type.addMethod(requests.of(op));
            }
            return ModelEmitter.file(self.packageName(), type.build());
        }

        JavaFile async(ApiGroup group) {
            ClassName self = types.api(group.asyncClassName());
            ClassName sync = types.api(group.className());
            CodeBlock doc = CodeBlock.of("The operations of {@link $T}, returning {@code CompletableFuture}s: an error status"
                    + "\ncompletes one exceptionally; waiting for the rate limit or a retry parks no thread.\n\n"
                    + "<p>Reached through {@code $L.$L().$L()}; thread-safe.\n", sync, api.clientClassName(),
                    group.accessorName(), DerivedNames.ASYNC_ACCESSOR);
            TypeSpec.Builder type = shell(self, doc, group).addMethod(constructor(true)).addMethod(with(self));
            for (Operation op : group.operations()) {
                type.addMethods(methods(op, sync, true));
            }
            return ModelEmitter.file(self.packageName(), type.build());
        }

        private TypeSpec.Builder shell(ClassName self, CodeBlock doc, ApiGroup group) {
            TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addAnnotation(JavaTypes.GENERATED)
                    .addJavadoc(doc)
                    .addField(FieldSpec.builder(JavaTypes.API_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL).build())
                    .addField(FieldSpec.builder(JavaTypes.REQUEST_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL)
                            .build());
            Deprecations.suppressIf(deprecated.inOperations(group.operations()), type);
            return type;
        }

        /** {@code (client, options)}: private in the sync class, package-private in the async one. */
        private static MethodSpec constructor(boolean packagePrivate) {
            MethodSpec.Builder b = MethodSpec.constructorBuilder();
            if (!packagePrivate) {
                b.addModifiers(Modifier.PRIVATE);
            }
            return b.addParameter(JavaTypes.API_CLIENT, "client").addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                    .addStatement("this.client = client").addStatement("this.options = options").build();
        }

        private static MethodSpec with(ClassName self) {
            return MethodSpec.methodBuilder(DerivedNames.WITH_OPTIONS).addModifiers(Modifier.PUBLIC).returns(self)
                    .addParameter(JavaTypes.REQUEST_OPTIONS, "options")
                    .addJavadoc("These operations with per-call options (timeout, extra headers, an idempotency key\n"
                            + "reused by the call's retries). This object is unchanged.\n\n"
                            + "@param options the options for the calls made through the returned object\n"
                            + "@return a view of these operations that applies the options\n")
                    .addStatement("return new $T(client, $T.requireNonNull(options, $S))", self, Objects.class, "options")
                    .build();
        }

        /**
         * An operation's overloads: with its params record; without it (when it has optional parameters); with the
         * include filter's fields (when it has one). Only the first sends; the others give it a params record.
         */
        private List<MethodSpec> methods(Operation op, ClassName syncClass, boolean async) {
            List<ParameterSpec> positional = new ArrayList<>();
            List<CodeBlock> args = new ArrayList<>();
            CodeBlock.Builder paramDocs = CodeBlock.builder();
            for (Parameter p : op.requiredParameters()) {
                positional.add(ParameterSpec.builder(types.of(p.type()), p.javaName()).build());
                args.add(CodeBlock.of("$N", p.javaName()));
                paramDocs.add("$L", Javadoc.param(p.javaName(), p.description(), p.name()));
            }
            op.body().ifPresent(b -> {
                positional.add(ParameterSpec.builder(types.of(b.type()), b.javaName()).build());
                args.add(CodeBlock.of("$N", b.javaName()));
                paramDocs.add("$L", b.description().isBlank() ? "@param " + b.javaName() + " the request body\n"
                        : Javadoc.param(b.javaName(), b.description(), ""));
            });
            TypeName answer = op.responseType().map(types::of).orElse(TypeName.VOID);
            TypeName returns = async ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class),
                    answer.equals(TypeName.VOID) ? ClassName.get(Void.class) : answer) : answer;
            CodeBlock tail = tail(op, async);
            CodeBlock summary = (async || op.description().isEmpty() ? Javadoc.of(summary(op))
                    : Javadoc.of(summary(op), op.description())).toBuilder().add("\n").build();

            List<MethodSpec> methods = new ArrayList<>();
            Optional<ClassName> params = op.paramsClassName().map(types::api);
            List<CodeBlock> sendArgs = new ArrayList<>(args);
            params.ifPresent(p -> sendArgs.add(CodeBlock.of("params")));
            MethodSpec.Builder full = method(op, returns).addParameters(positional)
                    .addJavadoc(summary).addJavadoc(paramDocs.build());
            params.ifPresent(p -> full.addParameter(p, "params").addJavadoc("@param params the optional parameters\n"));
            methods.add(full.addJavadoc(tail).addCode(send(op, syncClass, answer, async, sendArgs)).build());
            responses.of(op, syncClass, async, positional, params, sendArgs, answer).ifPresent(methods::add);
            if (params.isEmpty()) {
                return methods;
            }
            String ret = returns.equals(TypeName.VOID) ? "" : "return ";
            methods.add(method(op, returns).addParameters(positional)
                    .addJavadoc("$L, without optional parameters ({@link $T}).\n\n", JavaText.javadoc(summary(op)),
                            params.get())
                    .addJavadoc(paramDocs.build()).addJavadoc(tail)
                    .addStatement("$L$N($L)", ret, op.methodName(), join(args, CodeBlock.of("$T.builder().build()",
                            params.get())))
                    .build());
            includeFilter(op).ifPresent(filter -> {
                String fields = DerivedNames.fieldsParameter(op.requiredParameters().stream().map(Parameter::javaName)
                        .toList());
                ClassName fieldEnum = types.model(filter.fieldFilter().orElseThrow().fieldEnum());
                methods.add(method(op, returns).addParameters(positional)
                        .addParameter(ArrayTypeName.of(fieldEnum), fields).varargs()
                        .addJavadoc("$L, returning only the given fields of the answer.\n\n",
                                JavaText.javadoc(summary(op)))
                        .addJavadoc(paramDocs.build())
                        .addJavadoc("@param $L the fields to return (sent as $L)\n", fields, JavaText.javadocCode(filter.name()))
                        .addJavadoc(tail)
                        .addStatement("$L$N($L)", ret, op.methodName(), join(args, CodeBlock.of(
                                "$T.builder().$N($N).build()", params.get(), filter.javaName(), fields)))
                        .build());
            });
            return methods;
        }

        private static MethodSpec.Builder method(Operation op, TypeName returns) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(op.methodName()).addModifiers(Modifier.PUBLIC).returns(returns);
            return op.deprecated() ? m.addAnnotation(Deprecated.class) : m;
        }

        private static String summary(Operation op) {
            return op.summary().isEmpty() ? op.httpMethod() + " " + op.path() : op.summary();
        }

        private static CodeBlock tail(Operation op, boolean async) {
            if (async) {
                return CodeBlock.of("@return the decoded answer, later; an error status completes it with $T\n",
                        JavaTypes.API_EXCEPTION);
            }
            return CodeBlock.builder().add(op.responseType().isPresent() ? "@return the decoded response body\n" : "")
                    .add("@throws $T when the server answers with an error status\n", JavaTypes.API_EXCEPTION).build();
        }

        /** The one statement of the full method: the shared request, sent blocking or async, decoded to the answer. */
        private static CodeBlock send(Operation op, ClassName syncClass, TypeName answer, boolean async,
                List<CodeBlock> args) {
            CodeBlock request = CodeBlock.of("$L$N($L)", async ? CodeBlock.of("$T.", syncClass) : "",
                    op.requestMethodName(), join(List.of(CodeBlock.of("options")), CodeBlock.join(args, ",$W")));
            String send = async ? "sendAsync" : "send";
            if (op.responseType().isEmpty()) {
                return CodeBlock.builder().addStatement("$Lclient.$L($L)", async ? "return " : "", send, request).build();
            }
            if (JavaTypes.isReifiable(op.responseType().get())) {
                return CodeBlock.builder().addStatement("return client.$L($L,$W$T.class)", send, request, answer).build();
            }
            return CodeBlock.builder().addStatement("return client.$L($L,$Wnew $T() {})", send, request,
                    ParameterizedTypeName.get(JavaTypes.TYPE_REFERENCE, answer)).build();
        }

        /** The optional include filter whose fields get their own overload; the first, if an operation has two. */
        private static Optional<Parameter> includeFilter(Operation op) {
            return op.optionalParameters().stream()
                    .filter(p -> p.fieldFilter().filter(Parameter.FieldFilter::include).isPresent()).findFirst();
        }

        private static CodeBlock join(List<CodeBlock> first, CodeBlock last) {
            List<CodeBlock> all = new ArrayList<>(first);
            if (!last.isEmpty()) {
                all.add(last);
            }
            return CodeBlock.join(all, ",$W");
        }
    }
}
