package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentParametersTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("component-parameters.yaml");
    }

    @Test
    void aComponentParametersInlineEnumIsOneTypeNamedForTheComponent() throws Exception {
        assertThat(f.model("OrderDirection")).isNotNull();
        assertThat(f.files).extracting(GeneratedFile::path).map(Object::toString)
                .noneMatch(path -> path.endsWith("ListOrdersOrderDirection.java") || path.endsWith("ListProductsOrderDirection.java"));
        assertThat(f.source("ListOrdersParams.java")).contains("OrderDirection orderDirection");
        assertThat(f.source("ListProductsParams.java")).contains("OrderDirection orderDirection");
    }

    @Test
    void aComponentParametersInlineObjectIsOneTypeForEveryOperationOfThePath() throws Exception {
        assertThat(f.model("Window").isRecord()).isTrue();
        assertThat(f.files).extracting(GeneratedFile::path).map(Object::toString)
                .noneMatch(path -> path.endsWith("ListProductsWindow.java") || path.endsWith("CountProductsWindow.java"));
        assertThat(f.source("ListProductsParams.java")).contains("Window window");
        assertThat(f.source("CountProductsParams.java")).contains("Window window");
    }

    @Test
    void theSameIn31(@TempDir Path dir) throws Exception {
        String spec = Files.readString(TestSpecs.dir().resolve("features/component-parameters.yaml")).replace("openapi: 3.0.3", "openapi: 3.1.0");
        Path file = Files.writeString(dir.resolve("openapi.yaml"), spec);

        List<String> models = new Generator().files(GeneratorOptions.builder(file, dir.resolve("out")).basePackage("feature").build())
                .stream().map(GeneratedFile::path).filter(path -> path.contains("/model/")).map(path -> path.substring(path.lastIndexOf('/') + 1))
                .toList();

        assertThat(models).containsExactlyInAnyOrder("OrderDirection.java", "Window.java", "ListOrdersStatus.java", "ListProductsStatus.java");
    }

    @Test
    void anOperationsOwnInlineSchemaIsStillNamedForTheOperation() throws Exception {
        assertThat(f.model("ListOrdersStatus")).isNotNull();
        assertThat(f.model("ListProductsStatus")).isNotNull();
    }
}
