package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartialUpdateTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("partial-update.yaml");
    }

    @Test
    void onlyWhatWasSetIsSentAndAnExplicitNullIsSentAsNull() throws Exception {
        Object update = f.build("ItemUpdate", "title", "New", "note", null);
        assertThat(Feature.JSON.writeValueAsString(update)).isEqualTo("{\"title\":\"New\",\"note\":null}");
        assertThat(Feature.JSON.writeValueAsString(f.build("ItemUpdate"))).isEqualTo("{}");
        assertThat(Feature.JSON.writeValueAsString(f.build("ItemPatch", "note", "kept"))).isEqualTo("{\"note\":\"kept\"}");
        assertThat(Feature.JSON.writeValueAsString(f.build("ItemPatch", "set2", "x"))).isEqualTo("{\"$set\":\"x\"}");
    }

    @Test
    void presenceIsReadableAndSurvivesCopiesAndReads() throws Exception {
        Object update = f.build("ItemUpdate", "note", null, "tags", List.of("a"));
        Class<?> type = f.model("ItemUpdate");
        assertThat(type.getMethod("isSet", String.class).invoke(update, "note")).isEqualTo(true);
        assertThat(type.getMethod("isSet", String.class).invoke(update, "title")).isEqualTo(false);

        Object copyBuilder = type.getMethod("toBuilder").invoke(update);
        Object copy = copyBuilder.getClass().getMethod("build").invoke(copyBuilder);
        assertThat(copy).isEqualTo(update);
        assertThat(Feature.JSON.writeValueAsString(copy)).isEqualTo("{\"note\":null,\"tags\":[\"a\"]}");

        Object read = Feature.JSON.readValue("{\"note\":null}", type);
        assertThat(Feature.JSON.writeValueAsString(read)).isEqualTo("{\"note\":null}");
        assertThat(read).isNotEqualTo(f.build("ItemUpdate"));
    }

    @Test
    void modelsThatAreNotUpdateBodiesStayRecords() throws Exception {
        assertThat(f.model("Item").isRecord()).isTrue();
        assertThat(f.model("ItemUpdate").isRecord()).isFalse();
    }
}
