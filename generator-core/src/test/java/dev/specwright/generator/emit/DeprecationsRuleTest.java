package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.TypeRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule {@link Deprecations} answers, on the features spec with deprecated schemas and properties. */
class DeprecationsRuleTest {

    @Test
    void aUseOfAnotherTypesDeprecationNeedsTheSuppressionADeclarationDoesNot() throws Exception {
        ApiModel api = new Generator().model(GeneratorOptions.builder(TestSpecs.dir().resolve("features/deprecations.yaml"),
                Path.of("unused")).basePackage("feature").build());
        Deprecations rule = new Deprecations(api);
        assertThat(rule.deprecated(new TypeRef.Named("OldThing"))).isTrue();
        assertThat(rule.deprecated(new TypeRef.ListOf(new TypeRef.MapOf(new TypeRef.Named("OldThing"))))).isTrue();
        assertThat(rule.deprecated(new TypeRef.Named("NewThing"))).isFalse();
        assertThat(rule.usedBy(model(api, "Holder"))).isTrue();
        assertThat(rule.usedBy(model(api, "OldThing"))).as("holds only itself").isFalse();
        assertThat(rule.usedBy(model(api, "NewThing"))).as("declares a deprecated property").isFalse();
        assertThat(rule.usedBy(api.unions().get(0))).isTrue();
        assertThat(api.apis().stream().flatMap(g -> g.operations().stream()).filter(op -> rule.inOperations(List.of(op))).map(Operation::operationId))
                // the PATCH sends OldThingPatch and answers OldThing; getChoice answers Choice, a union not deprecated itself
                .containsExactly("patchOldThing");
        assertThat(api.apis()).anyMatch(g -> rule.inOperations(g.operations()));
    }

    private static ModelDef model(ApiModel api, String name) {
        return api.models().stream().filter(m -> m.className().equals(name)).findFirst().orElseThrow();
    }
}
