package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NamesTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("names.yaml");
    }

    @Test
    void collidingNamesAreAllocatedDistinctlyAndTheJsonNamesKept() throws Exception {
        Class<?> builder = f.model("Builder2");
        assertThat(Arrays.stream(builder.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("hashCode2", "toBuilder2", "public_", "aB", "aB2", "_1st");
        Object read = Feature.JSON.readValue("{\"hashCode\":\"h\",\"public\":\"p\",\"a-b\":\"x\",\"aB\":\"y\",\"1st\":\"z\"}", builder);
        assertThat(Feature.get(read, "hashCode2")).isEqualTo("h");
        assertThat(Feature.get(read, "aB")).isEqualTo("x");
        assertThat(Feature.get(read, "aB2")).isEqualTo("y");
        assertThat(Feature.JSON.writeValueAsString(read)).contains("\"a-b\":\"x\"", "\"1st\":\"z\"", "\"public\":\"p\"");
    }

    @Test
    void javaLangAndCaseInsensitiveClashesGetDistinctTypes() throws Exception {
        assertThat(f.model("ErrorModel")).isNotNull();
        assertThat(f.model("ErrorModel2")).isNotNull();
    }

    @Test
    void operationsNamedLikeObjectMethodsOrUnnamedOrDuplicatedStillGetMethods() {
        String api = f.source("api/NamesApi.java");
        assertThat(api).contains("public Builder2 clone2(String class_", "public ErrorModel getThings()", "public void clone3()");
    }
}
