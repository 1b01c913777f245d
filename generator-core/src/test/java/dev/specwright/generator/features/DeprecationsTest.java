package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.emit.GeneratedFile;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec's deprecations compile with -Xlint:all -Werror ({@link Feature#generate}), and a model file suppresses the
 * deprecation warning only when it uses a deprecated element of another type: declaring one needs nothing.
 */
class DeprecationsTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("deprecations.yaml");
    }

    @Test
    void onlyAModelFileThatUsesAnotherTypesDeprecationSuppressesTheWarning() {
        List<String> suppressing = f.files.stream().filter(file -> file.path().contains("/model/"))
                .filter(file -> file.content().contains("@SuppressWarnings")).map(GeneratedFile::path)
                .map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList();
        // Holder holds OldThing, OldThingPatch holds it, Choice permits and reads it; OldThing holds only itself
        assertThat(suppressing).containsExactly("Choice.java", "Holder.java", "OldThingPatch.java");
        assertThat(f.source("model/OldThing.java")).contains("@Deprecated");
        assertThat(f.source("model/NewThing.java")).doesNotContain("@SuppressWarnings");
    }

    @Test
    void deprecatedTypesAndPropertiesStillWork() throws Exception {
        Object holder = f.build("Holder", "current", f.build("NewThing", "id", "n1"));
        assertThat(Feature.JSON.writeValueAsString(holder)).isEqualTo("{\"current\":{\"id\":\"n1\"}}");
        Object old = Feature.JSON.readValue("{\"id\":\"o1\",\"legacyCode\":\"L\"}", f.model("OldThing"));
        assertThat(Feature.get(old, "legacyCode")).isEqualTo("L");
    }
}
