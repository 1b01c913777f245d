package dev.specwright.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline schemas of the same structure become one type, named by a fixed order, and stay put when others change. */
class StructuralDedupTest {

    private static final String ORDER_BODY = """
            {type: object, required: [sku], properties: {sku: {type: string}, note: {type: string, description: A note.}, \
            visibility: {type: string, enum: [public, private]}, \
            shipping: {type: object, properties: {street: {type: string}, city: {type: string}}}}}""";

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Shop, version: '1'}
            paths:
              /orders:
                post:
                  tags: [orders]
                  operationId: createOrder
                  requestBody: {content: {application/json: {schema: %1$s}}}
                  responses: {'204': {description: done}}
              /orders/{id}:
                patch:
                  tags: [orders]
                  operationId: updateOrder
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  requestBody: {content: {application/json: {schema: %2$s}}}
                  responses: {'204': {description: done}}
              /carts:
                post:
                  tags: [carts]
                  operationId: addToCart
                  requestBody: {content: {application/json: {schema: %2$s}}}
                  responses: {'204': {description: done}}
              /wishes:
                post:
                  tags: [wishes]
                  operationId: addWish
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {sku: {type: string}, note: {type: string, description: A note.},
                          visibility: {type: string, enum: [public, private]},
                          shipping: {type: object, properties: {street: {type: string}, city: {type: string}}}}}
                  responses: {'204': {description: done}}
              /repos:
                get:
                  tags: [repos]
                  operationId: listRepos
                  parameters:
                    - {name: visibility, in: query, schema: {type: string, enum: [public, private]}}
                    - {name: sort, in: query, schema: {type: string, enum: [public, private, internal]}}
                  responses: {'204': {description: done}}
              /items:
                get:
                  tags: [items]
                  operationId: listItems
                  parameters:
                    - {name: includeFields, in: query, schema: {type: array, items: {type: string}}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}, title: {type: string}}}}}}
              /items/{id}:
                get:
                  tags: [items]
                  operationId: getItem
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}, title: {type: string}}}}}}
              /users/me:
                get:
                  tags: [users]
                  operationId: getMe
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {login: {type: string}}}}}}
            components:
              schemas:
                User: {type: object, properties: {login: {type: string}}}
                Admin: {type: object, properties: {login: {type: string}}}
            """;

    @TempDir
    Path dir;

    /** The spec, {@code orderBody} as createOrder's body (updateOrder and addToCart always have {@link #ORDER_BODY}). */
    private Path spec(String name, String orderBody) throws Exception {
        return Files.writeString(dir.resolve(name), SPEC.formatted(orderBody, ORDER_BODY));
    }

    private static GeneratorOptions options(Path spec) {
        return GeneratorOptions.builder(spec, Path.of("unused")).basePackage("shop").build();
    }

    private static Operation operation(ApiModel model, String operationId) {
        return model.apis().stream().flatMap(g -> g.operations().stream()).filter(o -> o.operationId().equals(operationId))
                .findFirst().orElseThrow();
    }

    private static String bodyClass(ApiModel model, String operationId) {
        return ((TypeRef.Named) operation(model, operationId).body().orElseThrow().type()).className();
    }

    private static ModelDef model(ApiModel model, String className) {
        return model.models().stream().filter(m -> m.className().equals(className)).findFirst().orElseThrow();
    }

    private static TypeRef property(ModelDef model, String jsonName) {
        return model.properties().stream().filter(p -> p.jsonName().equals(jsonName)).findFirst().orElseThrow().type();
    }

    @Test
    void identicalInlineBodiesAreOneTypeBothMethodsUseAndTheCodeCompiles() throws Exception {
        Path spec = spec("openapi.yaml", ORDER_BODY);
        ApiModel model = new Generator().model(options(spec));

        // the shortest of the candidates' names: addToCart's, though createOrder comes first in the spec
        assertThat(bodyClass(model, "createOrder")).isEqualTo(bodyClass(model, "addToCart")).isEqualTo("AddToCartRequest");
        assertThat(model.models()).extracting(ModelDef::className).doesNotContain("CreateOrderRequest");

        List<GeneratedFile> files = new Generator().files(options(spec));
        assertThat(files).extracting(GeneratedFile::path).noneMatch(p -> p.endsWith("/CreateOrderRequest.java"));
        assertThat(source(files, "OrdersApi.java")).contains("AddToCartRequest");
        assertThat(source(files, "CartsApi.java")).contains("AddToCartRequest");
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, Files.createDirectories(dir.resolve("classes")));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
    }

    @Test
    void aDifferingFlagOrAPartialUpdateKeepsTypesApart() throws Exception {
        ApiModel model = new Generator().model(options(spec("openapi.yaml", ORDER_BODY)));

        // addWish's body differs only in `sku` not being required
        assertThat(bodyClass(model, "addWish")).isNotEqualTo(bodyClass(model, "addToCart"));
        // updateOrder's body is the same JSON, but a PATCH body tracks what was set: its own, partial, type
        String patch = bodyClass(model, "updateOrder");
        assertThat(patch).isNotEqualTo(bodyClass(model, "addToCart"));
        assertThat(model(model, patch).partial()).isTrue();
        assertThat(model(model, bodyClass(model, "addToCart")).partial()).isFalse();
    }

    @Test
    void nestedInlineChildrenAreMergedWithTheirParentsAndApart() throws Exception {
        ApiModel model = new Generator().model(options(spec("openapi.yaml", ORDER_BODY)));

        ModelDef cart = model(model, bodyClass(model, "addToCart"));
        ModelDef wish = model(model, bodyClass(model, "addWish"));
        ModelDef patch = model(model, bodyClass(model, "updateOrder"));
        // the parents differ, their `shipping` children do not: one type, the shortest name of the four copies
        assertThat(property(cart, "shipping")).isEqualTo(property(wish, "shipping")).isEqualTo(property(patch, "shipping"))
                .isEqualTo(new TypeRef.Named("AddWishRequestShipping"));
        assertThat(model.models()).extracting(ModelDef::className)
                .doesNotContain("AddToCartRequestShipping", "CreateOrderRequestShipping", "UpdateOrderRequestShipping");
    }

    @Test
    void identicalEnumsAreOneTypeAndADifferentValueKeepsThemApart() throws Exception {
        ApiModel model = new Generator().model(options(spec("openapi.yaml", ORDER_BODY)));

        Operation listRepos = operation(model, "listRepos");
        TypeRef visibility = listRepos.parameters().stream().filter(p -> p.name().equals("visibility")).findFirst().orElseThrow().type();
        TypeRef sort = listRepos.parameters().stream().filter(p -> p.name().equals("sort")).findFirst().orElseThrow().type();
        assertThat(property(model(model, bodyClass(model, "addToCart")), "visibility")).isEqualTo(visibility);
        assertThat(sort).isNotEqualTo(visibility);
        assertThat(model.enums()).extracting(EnumDef::className).contains(((TypeRef.Named) visibility).className())
                .doesNotContain("AddToCartRequestVisibility", "AddWishRequestVisibility");
    }

    @Test
    void anInlineCopyOfAComponentIsTheComponentAndComponentsAreNeverMerged() throws Exception {
        ApiModel model = new Generator().model(options(spec("openapi.yaml", ORDER_BODY)));

        // Admin and User have the same structure: an inline copy becomes the first by name; both components stay
        assertThat(operation(model, "getMe").responseType()).contains(new TypeRef.Named("Admin"));
        assertThat(model.models()).extracting(ModelDef::className).contains("User", "Admin");
    }

    @Test
    void theFieldEnumFollowsTheMergedType() throws Exception {
        ApiModel model = new Generator().model(options(spec("openapi.yaml", ORDER_BODY)));

        TypeRef listed = operation(model, "listItems").responseType().orElseThrow();
        assertThat(operation(model, "getItem").responseType()).contains(listed);
        ModelDef item = model(model, ((TypeRef.Named) listed).className());
        assertThat(item.fieldEnum()).isPresent();
        assertThat(operation(model, "listItems").parameters().get(0).fieldFilter().orElseThrow().fieldEnum())
                .isEqualTo(item.fieldEnum().get());
    }

    @Test
    void identicalInlineUnionsAreOneTypeWithOneSetOfVariants() throws Exception {
        String union = "{oneOf: [{$ref: '#/components/schemas/Card'}, {type: object, required: [iban], properties: {iban: {type: string}}}]}";
        String spec = """
                openapi: 3.0.3
                info: {title: Pay, version: '1'}
                paths:
                  /payments:
                    get:
                      operationId: getPayment
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {method: %1$s}}}}}}
                  /refunds:
                    get:
                      operationId: getRefund
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {to: %1$s}}}}}}
                components:
                  schemas:
                    Card: {type: object, required: [number], properties: {number: {type: string}}}
                """.formatted(union);
        GeneratorOptions options = GeneratorOptions.builder(Files.writeString(dir.resolve("pay.yaml"), spec), Path.of("unused"))
                .basePackage("pay").build();
        ApiModel model = new Generator().model(options);

        TypeRef method = property(model(model, "GetPaymentResponse"), "method");
        assertThat(property(model(model, "GetRefundResponse"), "to")).isEqualTo(method);
        UnionDef merged = model.unions().stream().filter(u -> new TypeRef.Named(u.className()).equals(method)).findFirst().orElseThrow();
        assertThat(model.unions()).hasSize(1);
        // the inline IBAN variant of both copies is one model, implementing the one union
        assertThat(merged.variants()).hasSize(2);
        String iban = ((TypeRef.Named) merged.variants().get(1).type()).className();
        assertThat(model.models().stream().filter(m -> m.properties().stream().anyMatch(p -> p.jsonName().equals("iban"))))
                .singleElement().satisfies(m -> {
                    assertThat(m.className()).isEqualTo(iban);
                    assertThat(m.unions()).containsExactly(merged.className());
                });
        InProcessCompiler.Result compiled = InProcessCompiler.compile(new Generator().files(options),
                Files.createDirectories(dir.resolve("pay-classes")));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
    }

    @Test
    void generatingTwiceGivesTheSameFiles() throws Exception {
        Path spec = spec("openapi.yaml", ORDER_BODY);
        assertThat(byPath(new Generator().files(options(spec)))).isEqualTo(byPath(new Generator().files(options(spec))));
    }

    /** Changing createOrder's inline body changes only the files that involve createOrder's types. */
    @Test
    void editingOneOperationLeavesEveryFileNotInvolvingItAsItWas() throws Exception {
        String edited = ORDER_BODY.replace("sku: {type: string},", "sku: {type: string}, quantity: {type: integer},");
        Outputs outputs = assertStableExcept(spec("before.yaml", ORDER_BODY), spec("after.yaml", edited), "createOrder");
        // addToCart shared createOrder's type under its own, shorter, name: it keeps it, and its files stay as they were
        outputs.sameFile("api/CartsApi.java");
        outputs.sameFile("model/AddToCartRequest.java");
        assertThat(outputs.after()).containsKey("src/main/java/shop/model/CreateOrderRequest.java");
    }

    /** A new operation whose body has the same structure as others' changes no file but its API's. */
    @Test
    void addingAnOperationLeavesEveryFileNotInvolvingItAsItWas() throws Exception {
        String refund = """
                  /orders/{id}/refund:
                    post:
                      tags: [orders]
                      operationId: refundOrder
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      requestBody: {content: {application/json: {schema: %s}}}
                      responses: {'204': {description: done}}
                """.formatted(ORDER_BODY);
        Path before = spec("before.yaml", ORDER_BODY);
        Path after = Files.writeString(dir.resolve("after.yaml"), Files.readString(before).replace("components:", refund + "components:"));
        assertThat(bodyClass(new Generator().model(options(after)), "refundOrder")).isEqualTo("AddToCartRequest");
        Outputs outputs = assertStableExcept(before, after, "refundOrder");
        outputs.sameFile("api/CartsApi.java");
        outputs.sameFile("model/AddToCartRequest.java");
    }

    private record Outputs(Map<String, String> before, Map<String, String> after) {
        void sameFile(String name) {
            String path = "src/main/java/shop/" + name;
            assertThat(after.get(path)).as(path).isNotNull().isEqualTo(before.get(path));
        }
    }

    private Outputs assertStableExcept(Path before, Path after, String operationId) throws Exception {
        Map<String, String> old = byPath(new Generator().files(options(before)));
        Map<String, String> now = byPath(new Generator().files(options(after)));
        ApiModel oldModel = new Generator().model(options(before));
        ApiModel newModel = new Generator().model(options(after));
        Set<String> involved = new HashSet<>();
        involved(oldModel, operationId, involved);
        involved(newModel, operationId, involved);

        List<String> unchanged = new ArrayList<>();
        for (String path : new java.util.TreeSet<>(old.keySet())) {
            String text = old.get(path);
            if (mentionsAny(path, text, involved) || mentionsAny(path, now.getOrDefault(path, ""), involved)) {
                continue;
            }
            assertThat(now.get(path)).as(path + " does not involve " + operationId + " but changed").isEqualTo(text);
            unchanged.add(path);
        }
        assertThat(now.keySet()).as("files that appeared without involving " + operationId)
                .allMatch(path -> old.containsKey(path) || mentionsAny(path, now.get(path), involved));
        // the check means something: the other APIs and their types are among the files compared
        assertThat(unchanged).anyMatch(p -> p.endsWith("/WishesApi.java")).anyMatch(p -> p.endsWith("/ItemsApi.java"))
                .anyMatch(p -> p.endsWith("/ListReposSort.java")).hasSizeGreaterThan(10);
        return new Outputs(old, now);
    }

    /** The API class of the operation and every model type its parameters, body and answer reach. */
    private static void involved(ApiModel model, String operationId, Set<String> names) {
        Optional<ApiGroup> group = model.apis().stream().filter(g -> g.operations().stream().anyMatch(o -> o.operationId().equals(operationId)))
                .findFirst();
        if (group.isEmpty()) {
            return;
        }
        names.add(group.get().className());
        Operation o = operation(model, operationId);
        o.paramsClassName().ifPresent(names::add);
        List<TypeRef> roots = new ArrayList<>();
        o.parameters().forEach(p -> roots.add(p.type()));
        o.body().ifPresent(b -> roots.add(b.type()));
        o.responseType().ifPresent(roots::add);
        roots.forEach(t -> reach(model, t, names));
    }

    private static void reach(ApiModel model, TypeRef type, Set<String> names) {
        if (type instanceof TypeRef.ListOf list) {
            reach(model, list.element(), names);
        } else if (type instanceof TypeRef.MapOf map) {
            reach(model, map.value(), names);
        } else if (type instanceof TypeRef.Named named && names.add(named.className())) {
            model.models().stream().filter(m -> m.className().equals(named.className())).forEach(m -> {
                m.fieldEnum().ifPresent(names::add);
                m.properties().forEach(p -> reach(model, p.type(), names));
                m.additional().ifPresent(a -> reach(model, a.valueType(), names));
            });
        }
    }

    private static boolean mentionsAny(String path, String text, Set<String> names) {
        String file = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
        return names.contains(file) || names.stream().anyMatch(n -> Pattern.compile("\\b" + Pattern.quote(n) + "\\b").matcher(text).find());
    }

    private static Map<String, String> byPath(List<GeneratedFile> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach(f -> out.put(f.path(), f.content()));
        return out;
    }

    private static String source(List<GeneratedFile> files, String suffix) {
        return files.stream().filter(f -> f.path().endsWith("/" + suffix)).findFirst().orElseThrow().content();
    }
}
