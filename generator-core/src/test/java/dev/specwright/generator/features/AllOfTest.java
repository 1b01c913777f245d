package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AllOfTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("allof.yaml");
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
    }

    @Test
    void aChildCarriesItsParentsFieldsInOrder() throws Exception {
        assertThat(components(f.model("Pet"))).containsExactly("name", "kind");
        assertThat(components(f.model("Dog"))).containsExactly("name", "kind", "barks");
        assertThat(f.model("Dog").getRecordComponents()[1].getType()).isSameAs(f.model("Pet").getRecordComponents()[1].getType());
    }

    @Test
    void aComposedObjectRoundTrips() throws Exception {
        String json = "{\"name\":\"Rex\",\"kind\":\"dog\",\"barks\":true}";
        Object dog = Feature.JSON.readValue(json, f.model("Dog"));
        assertThat(Feature.get(dog, "name")).isEqualTo("Rex");
        assertThat(Feature.get(dog, "kind")).hasToString("dog");
        assertThat(Feature.get(dog, "barks")).isEqualTo(true);
        assertThat(Feature.JSON.writeValueAsString(dog)).isEqualTo(json);
    }

    @Test
    void anInlineCompositionIsNamedAfterItsOperation() throws Exception {
        Class<?> owner = f.model("GetOwnerResponse");
        assertThat(components(owner)).containsExactly("name", "createdAt", "dogs");
        Object read = Feature.JSON.readValue("{\"name\":\"Ann\",\"createdAt\":\"2026-01-02T03:04:05Z\",\"dogs\":[{\"name\":\"Rex\"}]}", owner);
        assertThat(Feature.get(read, "createdAt")).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:05Z"));
        assertThat((List<?>) Feature.get(read, "dogs")).singleElement().isInstanceOf(f.model("Dog"));
    }

    @Test
    void aSingleRefAllOfIsAnAliasNotANewType() {
        assertThat(f.files).noneMatch(file -> file.path().endsWith("/DogAlias.java"));
    }
}
