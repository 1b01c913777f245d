package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(f.model("ItemPatch").isRecord()).as("a PATCH is partial without saying so").isFalse();
    }

    @Test
    void aPutThatDoesNotSayItIsPartialReplacesTheWholeItem() throws Exception {
        Class<?> replacement = f.model("ItemReplacement");
        assertThat(replacement.isRecord()).as("PUT without x-partial-update: a plain record").isTrue();
        assertThat(replacement.getMethods()).extracting(java.lang.reflect.Method::getName).doesNotContain("isSet");
        Object unset = f.build("ItemReplacement", "title", "New");
        assertThat(unset).as("a note never set is the same as one set to null").isEqualTo(f.build("ItemReplacement", "title", "New", "note", null));
    }

    @Test
    void aPatchThatSaysItIsNotPartialIsARecord() throws Exception {
        assertThat(f.model("ItemCommand").isRecord()).isTrue();
    }

    @Test
    void aMarkThatIsNotABooleanIsLocatedWithItsFix(@TempDir Path dir) throws Exception {
        String spec = Files.readString(TestSpecs.dir().resolve("features/partial-update.yaml"))
                .replace("x-partial-update: true", "x-partial-update: 'yes'");
        Path file = Files.writeString(dir.resolve("openapi.yaml"), spec);

        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new Generator().model(GeneratorOptions.builder(file, dir.resolve("out")).build()));

        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1items~1{id}/put/x-partial-update");
            assertThat(p.format()).contains("must be true or false", "yes", "x-partial-update: true");
        });
    }
}
