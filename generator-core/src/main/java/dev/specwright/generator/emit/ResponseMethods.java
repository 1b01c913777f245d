package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * An operation's {@code <op>WithResponse}: the same call as its full method (required parameters, then its params
 * record if it has one), returning the runtime's {@code Response<T>} — the decoded body with the answer's status and
 * headers. One method per operation and class, not one per overload: the plain overloads stay the short way, this is
 * the way to the headers.
 */
final class ResponseMethods {

    private final ApiModel api;

    ResponseMethods(ApiModel api) {
        this.api = api;
    }

    /**
     * @param positional the full method's parameters before its params record
     * @param args       the arguments of the request builder after {@code options} (the params record's included)
     * @param answer     the decoded body's type, {@code void} for none
     */
    Optional<MethodSpec> of(Operation op, ClassName syncClass, boolean async, List<ParameterSpec> positional,
            Optional<ClassName> params, List<CodeBlock> args, TypeName answer) {
        Optional<String> name = api.forms(op).map(f -> f.responseMethodName());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        TypeName body = answer.equals(TypeName.VOID) ? ClassName.get(Void.class) : answer.box();
        TypeName response = ParameterizedTypeName.get(JavaTypes.RESPONSE, body);
        TypeName returns = async ? ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), response) : response;
        MethodSpec.Builder method = MethodSpec.methodBuilder(name.get()).addModifiers(Modifier.PUBLIC).returns(returns)
                .addParameters(positional);
        if (op.deprecated()) {
            method.addAnnotation(Deprecated.class);
        }
        params.ifPresent(p -> method.addParameter(p, "params"));
        // short Javadoc: the plain method documents the parameters; this one points there (lean output)
        method.addJavadoc("{@code $L}, with the answer's status and headers.\n\n", op.methodName());
        for (ParameterSpec p : positional) {
            method.addJavadoc("@param $N as for {@code $L}\n", p, op.methodName());
        }
        params.ifPresent(p -> method.addJavadoc("@param params the optional parameters\n"));
        method.addJavadoc(async ? "@return the answer, later\n" : "@return the answer\n");
        CodeBlock request = CodeBlock.of("$L$N($L)", async ? CodeBlock.of("$T.", syncClass) : "", op.requestMethodName(),
                CodeBlock.join(java.util.stream.Stream.concat(java.util.stream.Stream.of(CodeBlock.of("options")),
                        args.stream()).toList(), ",$W"));
        String send = async ? "sendForResponseAsync" : "sendForResponse";
        if (op.responseType().isEmpty()) {
            method.addStatement("return client.$L($L)", send, request);
        } else if (JavaTypes.isReifiable(op.responseType().get())) {
            method.addStatement("return client.$L($L,$W$T.class)", send, request, answer);
        } else {
            method.addStatement("return client.$L($L,$Wnew $T() {})", send, request,
                    ParameterizedTypeName.get(JavaTypes.TYPE_REFERENCE, answer));
        }
        return Optional.of(method.build());
    }
}
