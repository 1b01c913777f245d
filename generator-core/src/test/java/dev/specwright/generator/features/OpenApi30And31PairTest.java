package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.EnumDef;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.TypeRef;
import dev.specwright.generator.model.UnionDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One API written twice, in OpenAPI 3.0 ({@code pair-30.yaml}) and 3.1 ({@code pair-31.yaml}): refs between schemas, a
 * ref with a sibling description (3.1) or in an allOf (3.0), a nullable ref ({@code anyOf [$ref, null]} against
 * {@code nullable} + allOf), shared component parameters, request bodies and responses. Both must give the same classes
 * with the same types — a 3.1 {@code $ref} is the named component, never a copy of it.
 */
class OpenApi30And31PairTest {

    @Test
    void bothVersionsGiveTheSameClassesAndTypes() throws Exception {
        assertThat(signature(model("pair-31.yaml"))).isEqualTo(signature(model("pair-30.yaml")));
    }

    @Test
    void a31RefIsTheNamedComponentEvenWithASiblingOrInANullableAnyOf() throws Exception {
        ApiModel model = model("pair-31.yaml");
        assertThat(model.models()).extracting(ModelDef::className).containsExactlyInAnyOrder("Category", "Order", "Product");
        Map<String, TypeRef> product = properties(model, "Product");
        assertThat(product).containsEntry("category", new TypeRef.Named("Category"))
                .containsEntry("secondaryCategory", new TypeRef.Named("Category"));
        Map<String, TypeRef> order = properties(model, "Order");
        assertThat(order).containsEntry("product", new TypeRef.Named("Product"))
                .containsEntry("replacement", new TypeRef.Named("Product"))
                .containsEntry("lines", new TypeRef.ListOf(new TypeRef.Named("Product")));
        var create = model.apis().stream().flatMap(a -> a.operations().stream())
                .filter(o -> o.operationId().equals("createOrder")).findFirst().orElseThrow();
        assertThat(create.body().orElseThrow().type()).isEqualTo(new TypeRef.Named("Order"));
        assertThat(create.responseType()).contains(new TypeRef.Named("Order"));
    }

    @Test
    void bothVersionsCompile() throws Exception {
        Feature v30 = Feature.generate("pair-30.yaml");
        Feature v31 = Feature.generate("pair-31.yaml");
        assertThat(v31.model("Product").getRecordComponents()).extracting(c -> c.getType().getSimpleName())
                .containsExactlyElementsOf(List.of(v30.model("Product").getRecordComponents()).stream()
                        .map(c -> c.getType().getSimpleName()).toList());
    }

    private static ApiModel model(String spec) throws Exception {
        Path file = TestSpecs.dir().resolve("features").resolve(spec);
        return new Generator().model(GeneratorOptions.builder(file, Path.of("unused")).basePackage("feature").build());
    }

    private static Map<String, TypeRef> properties(ApiModel model, String className) {
        ModelDef def = model.models().stream().filter(m -> m.className().equals(className)).findFirst().orElseThrow();
        return def.properties().stream().collect(Collectors.toMap(ModelDef.Property::jsonName, ModelDef.Property::type));
    }

    /** What the client's Java surface is made of: class names, property and parameter types, bodies and answers. */
    private static Map<String, String> signature(ApiModel model) {
        Map<String, String> all = new TreeMap<>();
        for (ModelDef m : model.models()) {
            all.put("model " + m.className(), m.properties().stream()
                    .map(p -> p.jsonName() + ":" + p.type() + (p.required() ? "!" : "")).sorted().toList().toString());
        }
        for (EnumDef e : model.enums()) {
            all.put("enum " + e.className(), e.constants().toString());
        }
        for (UnionDef u : model.unions()) {
            all.put("union " + u.className(), u.variants().stream().map(v -> v.type().toString()).toList().toString());
        }
        model.apis().stream().flatMap(a -> a.operations().stream()).forEach(o -> all.put("operation " + o.methodName(),
                o.parameters().stream().map(p -> p.name() + ":" + p.type() + (p.required() ? "!" : "")).toList()
                        + " body " + o.body().map(b -> b.type().toString()).orElse("-")
                        + " answer " + o.responseType().map(Object::toString).orElse("-")));
        return all;
    }
}
