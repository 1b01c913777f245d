package dev.specwright.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.JsonApi;
import dev.specwright.generator.model.JsonApiModel;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.JsonApiNames;
import dev.specwright.generator.naming.NameScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * The types a JSON:API client adds ({@link JsonApiModel}): per resource its {@code <Resource>Field} enum (attributes
 * and relationships, for {@code fields[type]} and {@code Sort}), its {@code <Resource>Include} enum of relationship
 * paths and its {@code <Resource>Filter} class of typed filter fields; and the {@code JsonApiDocument} interface of the
 * documents with {@code included}. The sealed {@code JsonApiResource} is an ordinary union ({@link UnionEmitter}).
 * Nothing for a spec without JSON:API.
 */
final class JsonApiEmitter implements FileEmitter {

    private static final String PACKAGE = "dev.specwright.runtime.jsonapi";
    static final ClassName ERRORS = ClassName.get(PACKAGE, "JsonApiErrors");
    private static final ClassName FILTER = ClassName.get(PACKAGE, "Filter");
    private static final ClassName FILTER_FIELD = ClassName.get(PACKAGE, "FilterField");
    private static final ClassName RESOURCE_FILTER_FIELD = ClassName.get(PACKAGE, "ResourceFilterField");
    private static final ClassName OPERATOR = ClassName.get(PACKAGE, "Operator");
    private static final ClassName SORT = ClassName.get(PACKAGE, "Sort");
    private static final ClassName INCLUDED = ClassName.get(PACKAGE, "Included");

    @Override
    public String name() {
        return "JSON:API types";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateModels() || context.api().jsonApi().isEmpty()) {
            return Stream.empty();
        }
        JsonApiModel jsonApi = context.api().jsonApi().get();
        JavaTypes types = context.types();
        List<JavaFile> files = new ArrayList<>();
        for (JsonApiModel.Resource r : jsonApi.resources()) {
            files.add(selectorEnum(types.model(r.fieldEnum()), r.fields(), CodeBlock.of(
                    "The attributes and relationships of {@link $T} ($L): for the sparse fieldset {@code fields[$L]} and\nfor {@link $T}.\n",
                    types.model(r.className()), JavaText.javadocCode(r.type()), JavaText.javadoc(r.type()), SORT)));
            r.includeEnum().ifPresent(e -> files.add(selectorEnum(types.model(e), r.includePaths(), CodeBlock.of(
                    "The relationship paths {@code include} takes for {@link $T}: the resources they name come back in\n"
                            + "{@code included}, found with {@link $T}.\n", types.model(r.className()), types.model(jsonApi.document())))));
            r.filterClass().ifPresent(c -> files.add(filterClass(types, r, types.model(c))));
        }
        files.add(document(types, jsonApi));
        return files.stream().map(context::java);
    }

    /** An enum of names implementing {@code FieldSelector}, which field filters and {@code Sort} send. */
    private static JavaFile selectorEnum(ClassName self, List<String> names, CodeBlock doc) {
        TypeSpec.Builder e = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC).addAnnotation(JavaTypes.GENERATED)
                .addSuperinterface(JavaTypes.FIELD_SELECTOR).addJavadoc(doc);
        NameScope constants = new NameScope();
        for (String name : names) {
            e.addEnumConstant(constants.allocate(JavaNames.constantName(name)),
                    TypeSpec.anonymousClassBuilder("$L", JavaText.literal(name)).build());
        }
        e.addField(String.class, "fieldName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "fieldName")
                        .addStatement("this.fieldName = fieldName").build())
                .addMethod(MethodSpec.methodBuilder("fieldName").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("return fieldName").build());
        return ModelEmitter.file(self.packageName(), e.build());
    }

    /** {@code OrdersFilter.status()}: one static method per filter field, with its value type and its operators. */
    private static JavaFile filterClass(JavaTypes types, JsonApiModel.Resource r, ClassName self) {
        ClassName condition = self.nestedClass(JsonApiNames.FILTER_CONDITION);
        TypeSpec.Builder c = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(JavaTypes.GENERATED)
                .addJavadoc("The filters of a list of {@link $T}: {@code filter($L.$L().eq(value))} on the operation's\n"
                        + "parameters, which take only these ({@link $T}). {@link #$L} sends what is not here.\n",
                        types.model(r.className()), self.simpleName(), r.filters().get(0).methodName(), condition,
                        JsonApiNames.RAW_FILTER)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        c.addType(TypeSpec.classBuilder(condition).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("One filter of a list of {@link $T}, made by {@link $T}'s fields or {@link $T#$L}.\n",
                        types.model(r.className()), self, self, JsonApiNames.RAW_FILTER)
                .addField(FILTER, "filter", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(FILTER, "filter")
                        .addStatement("this.filter = filter").build())
                .addMethod(MethodSpec.methodBuilder("filter").addModifiers(Modifier.PUBLIC).returns(FILTER)
                        .addJavadoc("@return the filter as it goes on the wire\n").addStatement("return filter").build())
                .addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class).addParameter(Object.class, "o")
                        .addStatement("return o instanceof $T other && filter.equals(other.filter)", condition).build())
                .addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(int.class).addStatement("return filter.hashCode()").build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(String.class).addStatement("return filter.toString()").build())
                .build());
        c.addMethod(MethodSpec.methodBuilder(JsonApiNames.RAW_FILTER).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(condition)
                .addParameter(String.class, "field").addParameter(String.class, "operator").addParameter(String.class, "value")
                .addJavadoc("A filter of this resource the spec does not describe, sent as given: see {@link $T#raw}.\n\n"
                        + "@param field the field's name or path, e.g. {@code customer.name}; not empty\n"
                        + "@param operator the operator, e.g. {@code neq}; null for equality\n@param value the value's text; not null\n"
                        + "@return the filter\n@throws IllegalArgumentException if the field or the operator is empty or holds brackets\n",
                        FILTER)
                .addStatement("return new $T($T.raw(field, operator, value))", condition, FILTER).build());
        for (JsonApiModel.FilterField f : r.filters()) {
            List<CodeBlock> args = new ArrayList<>();
            args.add(JavaText.literal(f.name()));
            List<String> known = new ArrayList<>();
            for (String operator : f.operators()) {
                Optional<String> constant = operatorConstant(operator);
                constant.ifPresent(k -> args.add(CodeBlock.of("$T.$L", OPERATOR, k)));
                constant.ifPresent(k -> known.add(operator));
            }
            TypeName value = types.of(f.valueType()).box();
            c.addMethod(MethodSpec.methodBuilder(f.methodName()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(ParameterizedTypeName.get(RESOURCE_FILTER_FIELD, condition, value))
                    .addJavadoc("$L, which takes $L.\n\n@return the field, to make a filter of\n",
                            JavaText.javadocCode("filter[" + f.name() + "]"), JavaText.javadoc(String.join(", ", known)))
                    .addStatement("return $T.of($T.of($L), $T::new)", RESOURCE_FILTER_FIELD, FILTER_FIELD, CodeBlock.join(args, ", "),
                            condition).build());
        }
        return ModelEmitter.file(self.packageName(), c.build());
    }

    private static Optional<String> operatorConstant(String wire) {
        return switch (wire) {
            case "eq", "neq", "lt", "lte", "gt", "gte", "exists", "neq_or_null", "contains", "not_contains" ->
                    Optional.of(wire.toUpperCase(java.util.Locale.ROOT));
            default -> Optional.empty(); // an operator the runtime does not know: Filter.raw sends it
        };
    }

    /** The documents' interface: {@code included()} typed, by class and by each resource's linkage. */
    private static JavaFile document(JavaTypes types, JsonApiModel jsonApi) {
        ClassName self = types.model(jsonApi.document());
        ClassName union = types.model(jsonApi.resourceUnion());
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), union);
        TypeVariableName t = TypeVariableName.get("T", union);
        TypeSpec.Builder i = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC).addAnnotation(JavaTypes.GENERATED)
                .addJavadoc("A JSON:API document with {@code included}: the resources found there, typed.\n")
                .addMethod(MethodSpec.methodBuilder("included").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(list)
                        .addJavadoc("@return the included resources, each the record of its {@code type}; null when the document has none\n")
                        .build())
                .addMethod(MethodSpec.methodBuilder("included").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .addTypeVariable(t).returns(ParameterizedTypeName.get(ClassName.get(List.class), t))
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
                        .addJavadoc("@param type a resource record, e.g. {@code Customers.class}\n@param <T> its type\n"
                                + "@return the included resources of that type, in document order\n")
                        .addStatement("return $T.of(included(), type)", INCLUDED).build());
        for (JsonApiModel.Resource r : jsonApi.resources()) {
            if (r.linkageClass().isEmpty()) {
                continue;
            }
            ClassName resource = types.model(r.className());
            i.addMethod(MethodSpec.methodBuilder("included").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), resource))
                    .addParameter(types.model(r.linkageClass().get()), "linkage")
                    .addJavadoc("@param linkage a relationship's data; null for a to-one relationship that is empty\n"
                            + "@return the included resource it names; empty when the document does not include it\n")
                    .addStatement("return $T.find(included(), $T.class, linkage == null ? null : linkage.id(), $T::id)",
                            INCLUDED, resource, resource).build());
        }
        return ModelEmitter.file(self.packageName(), i.build());
    }

    /** The {@code <Resource>Filter.Condition} an operation's {@code filter(...)} takes; empty: any {@code Filter}. */
    static Optional<ClassName> filterCondition(ApiModel api, Operation op, JavaTypes types) {
        return api.jsonApi().flatMap(j -> op.paramsClassName().map(j.filterClasses()::get))
                .map(c -> types.model(c).nestedClass(JsonApiNames.FILTER_CONDITION));
    }

    /**
     * The Params builder's setter of {@code List<Filter>} (each call adds; of the resource's {@code condition} when it
     * has one) or {@code List<Sort>} (in order).
     */
    static MethodSpec setter(Parameter p, ClassName builder, JavaTypes types, Optional<ClassName> condition) {
        boolean filter = JsonApi.isListOf(p.type(), JsonApi.FILTER_TYPE);
        MethodSpec.Builder m = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(ArrayTypeName.of(filter ? condition.orElse(FILTER) : SORT), p.javaName())
                .varargs();
        if (filter && condition.isPresent()) {
            return m.addJavadoc("Adds filters, sent as {@code filter[field]=value} and {@code filter[field][operator]=value}.\n\n"
                            + "$L@return this builder\n", Javadoc.param(p.javaName(), p.description(), p.name()))
                    .addStatement("$T<$T> all = new $T<>(this.$N == null ? $T.of() : this.$N)", List.class, FILTER,
                            ArrayList.class, p.javaName(), List.class, p.javaName())
                    .beginControlFlow("for ($T condition : $N)", condition.get(), p.javaName())
                    .addStatement("all.add($T.requireNonNull(condition, $S).filter())", java.util.Objects.class, "filter")
                    .endControlFlow()
                    .addStatement("this.$N = $T.copyOf(all)", p.javaName(), List.class)
                    .addStatement("return this").build();
        }
        if (filter) {
            return m.addJavadoc("Adds filters, sent as {@code filter[field]=value} and {@code filter[field][operator]=value}.\n\n"
                            + "$L@return this builder\n", Javadoc.param(p.javaName(), p.description(), p.name()))
                    .addStatement("$T<$T> all = new $T<>(this.$N == null ? $T.of() : this.$N)", List.class, FILTER,
                            ArrayList.class, p.javaName(), List.class, p.javaName())
                    .addStatement("all.addAll($T.of($N))", List.class, p.javaName())
                    .addStatement("this.$N = $T.copyOf(all)", p.javaName(), List.class)
                    .addStatement("return this").build();
        }
        return m.addJavadoc("The sort order, first key first: {@code Sort.asc(field)}, {@code Sort.desc(field)}, sent as\n"
                        + "{@code sort=a,-b}.\n\n@param $N the keys\n@return this builder\n", p.javaName())
                .addStatement("this.$N = $T.of($N)", p.javaName(), List.class, p.javaName())
                .addStatement("return this").build();
    }

    /** The request's statement that sends a {@code List<Filter>}, each as its own query parameter. */
    static CodeBlock sendFilters(CodeBlock value) {
        return CodeBlock.builder().beginControlFlow("if ($L != null)", value)
                .beginControlFlow("for ($T filter : $L)", FILTER, value)
                .addStatement("builder.query(filter.queryName(), filter.value())")
                .endControlFlow().endControlFlow().build();
    }
}
