package dev.specwright.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Pagination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * A paged operation's {@code <op>All}: the runtime's {@code Paginator} (in the async class {@code AsyncPaginator}) over
 * every item of its pages, built from the same request the operation sends and the style the spec gave
 * ({@link Pagination}). With the params record, and without it when the operation has optional parameters.
 */
final class PagingMethods {

    private static final ClassName PAGINATOR = ClassName.get(JavaTypes.RUNTIME, "Paginator");
    private static final ClassName ASYNC_PAGINATOR = ClassName.get(JavaTypes.RUNTIME, "AsyncPaginator");
    private static final ClassName PAGE_STYLE = ClassName.get(JavaTypes.RUNTIME, "PageStyle");

    private final ApiModel api;
    private final JavaTypes types;

    PagingMethods(ApiModel api, JavaTypes types) {
        this.api = api;
        this.types = types;
    }

    /**
     * @param positional the full method's parameters before its params record
     * @param args       the request builder's arguments after {@code options} (the params record's included)
     * @param plainArgs  the arguments of the call without a params record (the required ones)
     */
    List<MethodSpec> of(Operation op, ClassName syncClass, boolean async, List<ParameterSpec> positional,
            Optional<ClassName> params, List<CodeBlock> args, List<CodeBlock> plainArgs) {
        Optional<Pagination> paging = api.pagination(op);
        if (paging.isEmpty()) {
            return List.of();
        }
        Pagination p = paging.get();
        TypeName item = types.of(p.itemType()).box();
        TypeName returns = ParameterizedTypeName.get(async ? ASYNC_PAGINATOR : PAGINATOR, item);
        CodeBlock request = CodeBlock.of("$L$N($L)", async ? CodeBlock.of("$T.", syncClass) : "", op.requestMethodName(),
                CodeBlock.join(Stream.concat(Stream.of(CodeBlock.of("options")), args.stream()).toList(), ",$W"));
        CodeBlock itemType = JavaTypes.isReifiable(p.itemType()) ? CodeBlock.of("$T.class", item)
                : CodeBlock.of("new $T() {}", ParameterizedTypeName.get(JavaTypes.TYPE_REFERENCE, item));
        MethodSpec.Builder full = start(op, p, returns).addParameters(positional);
        params.ifPresent(type -> full.addParameter(type, "params"));
        full.addJavadoc("Every item of {@code $L}'s pages, paged $L.\n"
                + "A page is fetched when the walk reaches it, never ahead, through the rate limit and retries;\n"
                + "an error ends the walk with the typed exception, saying which page it was.\n\n", op.methodName(), how(p));
        for (ParameterSpec parameter : positional) {
            full.addJavadoc("@param $N as for {@code $L}\n", parameter, op.methodName());
        }
        params.ifPresent(type -> full.addJavadoc("@param params as for {@code $L}; the walk starts where they say\n",
                op.methodName()));
        full.addJavadoc(async ? "@return the walk: nothing is sent before {@code forEach}, {@code forEachPage}, {@code toList}\n"
                + "    or {@code firstPage}\n" : "@return the items, walked lazily; {@code pages()} for the pages\n")
                .addStatement("return $T.of(client,$W$L,$W$L,$W$L)", async ? ASYNC_PAGINATOR : PAGINATOR, request, style(p),
                        itemType);
        List<MethodSpec> methods = new ArrayList<>(List.of(full.build()));
        params.ifPresent(type -> {
            MethodSpec.Builder plain = start(op, p, returns).addParameters(positional)
                    .addJavadoc("{@code $L} without optional parameters.\n\n", p.methodName());
            for (ParameterSpec parameter : positional) {
                plain.addJavadoc("@param $N as for {@code $L}\n", parameter, op.methodName());
            }
            List<CodeBlock> call = new ArrayList<>(plainArgs);
            call.add(CodeBlock.of("$T.builder().build()", type));
            methods.add(plain.addJavadoc(async ? "@return the walk, not started\n" : "@return the items, walked lazily\n")
                    .addStatement("return $N($L)", p.methodName(), CodeBlock.join(call, ",$W")).build());
        });
        return methods;
    }

    private static MethodSpec.Builder start(Operation op, Pagination p, TypeName returns) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(p.methodName()).addModifiers(Modifier.PUBLIC).returns(returns);
        return op.deprecated() ? m.addAnnotation(Deprecated.class) : m;
    }

    /** The runtime's {@code PageStyle} for the spec's, e.g. {@code PageStyle.offset("offset", "limit").defaultSize(100)}. */
    private static CodeBlock style(Pagination p) {
        CodeBlock.Builder style = CodeBlock.builder();
        switch (p.style()) {
            case OFFSET -> style.add("$T.offset($L, $L)", PAGE_STYLE, JavaText.literal(p.requestParam()), JavaText.literal(p.sizeParam()));
            case PAGE -> style.add("$T.pageNumber($L, $L)", PAGE_STYLE, JavaText.literal(p.requestParam()), JavaText.literal(p.sizeParam()));
            case CURSOR -> style.add("$T.cursor($L, $L)", PAGE_STYLE, JavaText.literal(p.requestParam()), JavaText.literal(p.pointer()));
            case AFTER_LAST -> style.add("$T.afterLast($L, $L, $L)", PAGE_STYLE, JavaText.literal(p.requestParam()),
                    JavaText.literal(p.itemId()), JavaText.literal(p.pointer()));
            case NEXT_LINK -> style.add("$T.nextLink($L)", PAGE_STYLE, JavaText.literal(p.pointer()));
            case LINK_HEADER -> style.add("$T.linkHeader()", PAGE_STYLE);
        }
        p.defaultSize().ifPresent(size -> style.add(".defaultSize($L)", size));
        p.maxSize().ifPresent(size -> style.add(".maxSize($L)", size));
        if (p.style() == Pagination.Style.PAGE && p.firstPage() != 1) {
            style.add(".firstPage($LL)", p.firstPage());
        }
        if (!p.itemsPointer().isEmpty()) {
            style.add(".items($L)", JavaText.literal(p.itemsPointer()));
        }
        if (p.totalCount().startsWith(Pagination.HEADER)) {
            style.add(".totalCountHeader($L)", JavaText.literal(p.totalCount().substring(Pagination.HEADER.length())));
        } else if (!p.totalCount().isEmpty()) {
            style.add(".totalCountAt($L)", JavaText.literal(p.totalCount()));
        }
        return style.build();
    }

    /** The style in words, for the Javadoc; parameter names as code. */
    private static String how(Pagination p) {
        return switch (p.style()) {
            case OFFSET -> "by " + JavaText.javadocCode(p.requestParam()) + " and " + JavaText.javadocCode(p.sizeParam());
            case PAGE -> "by page number " + JavaText.javadocCode(p.requestParam()) + " and size " + JavaText.javadocCode(p.sizeParam());
            case CURSOR -> "by the cursor " + JavaText.javadocCode(p.requestParam()) + " the answer gives";
            case AFTER_LAST -> "by the last item's id in " + JavaText.javadocCode(p.requestParam()) + " while the answer says more follow";
            case NEXT_LINK -> "by the next link the answer gives";
            case LINK_HEADER -> "by the {@code Link} header's next page";
        };
    }
}
