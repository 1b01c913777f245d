package dev.specwright.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which models the client writes: what bodies and parameters hold, through properties, lists, maps and unions. */
class SentModelsPassTest {

    @Test
    void bodiesParametersAndWhatTheyHoldAreSentAnswersOnlyAreNot() {
        List<ModelDef> models = List.of(
                model("Body", prop("items", new TypeRef.ListOf(named("Item"))), prop("choice", named("Choice"))),
                model("Item", prop("tags", new TypeRef.MapOf(named("Tag")))),
                model("Tag"),
                model("Variant"),
                model("Filter"),
                model("Answer", prop("item", named("Item")), prop("only", named("OnlyRead"))),
                model("OnlyRead"),
                model("Patch").asPartial(),
                model("Form"));
        List<UnionDef> unions = List.of(new UnionDef("Choice", "", Optional.empty(),
                List.of(new UnionDef.Variant(named("Variant"), Optional.empty(), List.of(), List.of(), List.of())), "Unknown", "Decoder"));
        Operation post = operation(Optional.of(body(named("Body"), Operation.Kind.JSON)),
                List.of(new Parameter("filter", "filter", Parameter.Location.QUERY, false, named("Filter"), "", false, Optional.empty(),
                        true, Parameter.Style.DEEP_OBJECT)), named("Answer"));
        Operation form = operation(Optional.of(body(named("Form"), Operation.Kind.FORM)), List.of(), named("Answer"));

        SentModelsPass.SentModels sent = SentModelsPass.run(List.of(new ApiGroup("t", false, "TApi", "TAsyncApi", "t", "", List.of(post, form))),
                models, unions);

        assertThat(sent.sentModels()).containsExactly("Body", "Item", "Tag", "Variant", "Filter", "Patch", "Form");
        assertThat(sent.models()).filteredOn(ModelDef::sent).extracting(ModelDef::className).isEqualTo(sent.sentModels());
        assertThat(sent.models()).filteredOn(m -> !m.sent()).extracting(ModelDef::className).containsExactly("Answer", "OnlyRead");
    }

    private static TypeRef named(String name) {
        return new TypeRef.Named(name);
    }

    private static ModelDef.Property prop(String name, TypeRef type) {
        return new ModelDef.Property(name, name, type, false, false, false, "", false);
    }

    private static ModelDef model(String name, ModelDef.Property... properties) {
        return new ModelDef(name, name, "#/components/schemas/" + name, "", false, List.of(properties), Optional.empty(), List.of(), false,
                Optional.empty());
    }

    private static Operation.Body body(TypeRef type, Operation.Kind kind) {
        return new Operation.Body(type, "body", true, "", kind, "application/json");
    }

    private static Operation operation(Optional<Operation.Body> body, List<Parameter> parameters, TypeRef answer) {
        return new Operation("op", "op", "opRequest", "POST", "/x", "#/paths/~1x/post", "", "", false, parameters, body,
                Optional.of(answer), "", Optional.empty());
    }
}
