package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.emit.GeneratedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void anOperationsOwnInlineSchemaIsStillNamedForTheOperation() throws Exception {
        assertThat(f.model("ListOrdersStatus")).isNotNull();
        assertThat(f.model("ListProductsStatus")).isNotNull();
    }
}
