package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spec in several folders written for a bundler ({@code specs/features/multi-file/}): $refs where OpenAPI allows none
 * (info, tags, operations, a whole map of parameters and of schemas) beside legal ones (a path item, parameters and
 * schemas in other files). It generates, compiles, warns once per illegal $ref, and gives the model its single-file
 * version ({@code multi-file-bundled.yaml}, written by hand) gives.
 */
class MultiFileTest {

    private static final Path FEATURES = TestSpecs.dir().resolve("features");

    @Test
    void generatesAndCompiles() throws Exception {
        Feature f = Feature.generate("multi-file/openapi.yaml");
        assertThat(f.model("Order").getRecordComponents()).extracting(c -> c.getName()).containsExactly("id", "lines", "total");
        assertThat(f.source("OrdersApi.java")).contains(" list(", " create(", " get(");
        assertThat(f.source("ProductsApi.java")).contains(" list(");
    }

    @Test
    void warnsOncePerRefWhereOpenApiAllowsNone() throws Exception {
        List<SpecProblem> warnings = new ArrayList<>();
        model("multi-file/openapi.yaml", warnings);
        String spec = FEATURES.resolve("multi-file/openapi.yaml").toString();
        String orders = FEATURES.resolve("multi-file/paths/orders.yaml").toAbsolutePath().normalize().toString();
        assertThat(warnings).extracting(w -> w.file() + "#" + w.pointer()).containsExactlyInAnyOrder(
                spec + "#/info/$ref",
                spec + "#/tags/0/$ref",
                spec + "#/tags/1/$ref",
                orders + "#/collection/post/$ref",
                spec + "#/paths/~1orders~1{orderId}/get/$ref",
                spec + "#/paths/~1products/get/$ref",
                spec + "#/components/parameters/$ref",
                spec + "#/components/schemas/$ref");
        assertThat(warnings).allSatisfy(w -> {
            assertThat(w.rule()).startsWith("OpenAPI does not allow a $ref here");
            assertThat(w.fix()).isEqualTo("inline it, or run a bundler; Specwright inlined it.");
        });
    }

    @Test
    void givesTheModelOfItsSingleFileVersion() throws Exception {
        List<SpecProblem> none = new ArrayList<>();
        ApiModel bundled = model("multi-file-bundled.yaml", none);
        assertThat(none).isEmpty();
        ApiModel multi = model("multi-file/openapi.yaml", new ArrayList<>());
        assertThat(ModelDump.toJson(multi).replaceAll("\"pointer\" *: *\"[^\"]*\"", ""))
                .isEqualTo(ModelDump.toJson(bundled).replaceAll("\"pointer\" *: *\"[^\"]*\"", ""));
    }

    @Test
    void generatesTheSameFilesTwice() throws Exception {
        GeneratorOptions options = GeneratorOptions.builder(FEATURES.resolve("multi-file/openapi.yaml"), Path.of("unused"))
                .basePackage("feature").build();
        assertThat(new Generator().files(options)).isEqualTo(new Generator().files(options));
    }

    private static ApiModel model(String spec, List<SpecProblem> warnings) throws Exception {
        return new Generator(warnings::add).model(GeneratorOptions.builder(FEATURES.resolve(spec), Path.of("unused"))
                .basePackage("feature").build());
    }
}
