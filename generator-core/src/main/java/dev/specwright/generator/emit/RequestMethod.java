package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.JsonApi;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The one method per operation that builds its request: package-private and static in {@code <Tag>Api}, called by the
 * blocking method there and by the async one in {@code <Tag>AsyncApi}, so the request code exists once. Every way the
 * spec can send a value is here: path, header and cookie parameters, the query's styles, and the body by its kind.
 */
final class RequestMethod {

    private final JavaTypes types;
    /** The models by class name: looked up per parameter and body, so not searched for each. */
    private final Map<String, ModelDef> models;

    RequestMethod(ApiModel api, JavaTypes types) {
        this.types = types;
        this.models = api.models().stream().collect(Collectors.toUnmodifiableMap(ModelDef::className, m -> m));
    }

    /**
     * {@code static ApiRequest <op>Request(RequestOptions options, <required...>, <Op>Params params)}: the request of
     * one operation, which both the blocking and the async method send.
     */
    MethodSpec of(Operation op) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(op.requestMethodName()).addModifiers(Modifier.STATIC)
                .returns(JavaTypes.API_REQUEST).addParameter(JavaTypes.REQUEST_OPTIONS, "options");
        CodeBlock.Builder code = CodeBlock.builder();
        for (Parameter p : op.requiredParameters()) {
            method.addParameter(types.of(p.type()), p.javaName());
            code.addStatement("$T.requireNonNull($N, $S)", Objects.class, p.javaName(), p.javaName());
        }
        op.body().ifPresent(b -> method.addParameter(types.of(b.type()), b.javaName()));
        op.body().filter(Operation.Body::required)
                .ifPresent(b -> code.addStatement("$T.requireNonNull($N, $S)", Objects.class, b.javaName(), b.javaName()));
        if (op.paramsClassName().isPresent()) {
            method.addParameter(types.api(op.paramsClassName().get()), "params");
            code.addStatement("$T.requireNonNull(params, $S)", Objects.class, "params");
        }
        // the request is one builder chain; what needs a loop or a null check follows as statements on the builder
        CodeBlock.Builder chain = CodeBlock.builder();
        List<CodeBlock> statements = new ArrayList<>();
        if (!op.accept().isEmpty()) {
            chain.add("\n.header($S, $L)", "Accept", JavaText.literal(op.accept()));
        }
        for (Parameter p : op.parameters()) {
            parameter(p, value(p), chain, statements);
        }
        op.body().ifPresent(b -> body(b, chain, statements));
        CodeBlock start = CodeBlock.of("$T.builder($L, $L)", JavaTypes.API_REQUEST, JavaText.literal(op.httpMethod()),
                JavaText.literal(op.path()));
        if (statements.isEmpty()) {
            code.add("return options.applyTo($L", start).indent().indent().add(chain.build()).add(")\n.build();\n")
                    .unindent().unindent();
        } else {
            ClassName builder = JavaTypes.API_REQUEST.nestedClass("Builder");
            code.add("$T builder = $L", builder, start).indent().indent().add(chain.build()).add(";\n").unindent().unindent();
            statements.forEach(code::add);
            code.addStatement("return options.applyTo(builder).build()");
        }
        return method.addCode(code.build()).build();
    }

    /**
     * How the request reads a parameter: a required one is the method's own, an optional one the params record's; an
     * optional field filter sends its typed fields and its raw names as one list.
     */
    private static CodeBlock value(Parameter p) {
        if (p.required()) {
            return CodeBlock.of("$N", p.javaName());
        }
        return p.fieldFilter().map(f -> CodeBlock.of("$T.names(params.$N(), params.$N())", JavaTypes.FIELD_SELECTOR,
                p.javaName(), f.namesMethod())).orElseGet(() -> CodeBlock.of("params.$N()", p.javaName()));
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
        if (JsonApi.isListOf(p.type(), JsonApi.FILTER_TYPE)) {
            statements.add(JsonApiEmitter.sendFilters(value));
        } else if (p.style() == Parameter.Style.DEEP_OBJECT) {
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
            case JSON -> calls.add(JsonApi.isMediaType(b.mediaType())
                    ? CodeBlock.of(".jsonBody($N, $L)", name, JavaText.literal(JsonApi.MEDIA_TYPE))
                    : CodeBlock.of(".jsonBody($N)", name));
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
    Optional<ModelDef> flatModel(TypeRef type) {
        if (!(type instanceof TypeRef.Named named)) {
            return Optional.empty();
        }
        return Optional.ofNullable(models.get(named.className())).filter(m -> !m.properties().isEmpty());
    }
}
