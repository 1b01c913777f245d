package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShapesTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("shapes.yaml");
    }

    @Test
    void aRealisticPayloadRoundTripsThroughEveryShape() throws Exception {
        String json = """
                {"id":"3f2c1d1e-0000-4000-8000-000000000001",
                 "children":[{"id":"3f2c1d1e-0000-4000-8000-000000000002","children":[]}],
                 "owner":{"name":"Ann","favouriteTree":{"id":"3f2c1d1e-0000-4000-8000-000000000003"}},
                 "labels":{"a":"x"},"counts":{"n":2},"extra":{"deep":{"k":[1,"two",null]}},
                 "anything":[1,{"x":true}],"grid":[[1.5,2.0],[]],"planted":"2020-02-29",
                 "site":"https://example.com/t","photo":"AQID","scan":"BAUG",
                 "location":{"geo":{"lat":59.3,"lon":18.1}}}
                """;
        Object tree = Feature.JSON.readValue(json, f.model("Tree"));

        assertThat(Feature.get(tree, "id")).isEqualTo(UUID.fromString("3f2c1d1e-0000-4000-8000-000000000001"));
        assertThat((List<?>) Feature.get(tree, "children")).singleElement().isInstanceOf(f.model("Tree"));
        assertThat(Feature.get(Feature.get(Feature.get(tree, "owner"), "favouriteTree"), "id")).isNotNull();
        assertThat(Feature.get(tree, "labels")).isEqualTo(Map.of("a", "x"));
        assertThat(Feature.get(tree, "counts")).isEqualTo(Map.of("n", 2));
        assertThat(Feature.get(tree, "anything")).isInstanceOf(JsonNode.class);
        assertThat(Feature.get(tree, "grid")).isEqualTo(List.of(List.of(1.5, 2.0), List.of()));
        assertThat(Feature.get(tree, "planted")).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(Feature.get(tree, "site")).isEqualTo(URI.create("https://example.com/t"));
        assertThat((byte[]) Feature.get(tree, "photo")).containsExactly(1, 2, 3);
        assertThat(((dev.specwright.runtime.Binary) Feature.get(tree, "scan")).bytes()).containsExactly(4, 5, 6);
        assertThat(Feature.get(Feature.get(Feature.get(tree, "location"), "geo"), "lat")).isEqualTo(59.3);
        assertThat(f.model("TreeLocationGeo")).isNotNull();

        assertThat(Feature.JSON.readTree(Feature.JSON.writeValueAsString(tree))).isEqualTo(Feature.JSON.readTree(json));
    }

    @Test
    void membersTheSchemaDoesNotNameAreKeptOnReadAndWrittenBack() throws Exception {
        String open = "{\"kind\":\"k\",\"later\":{\"x\":[1,2]},\"flag\":true}";
        Object read = Feature.JSON.readValue(open, f.model("Open"));
        assertThat(Feature.get(read, "kind")).isEqualTo("k");
        assertThat(Set.copyOf(((Map<?, ?>) Feature.get(read, "additionalProperties")).keySet())).isEqualTo(Set.of("later", "flag"));
        assertThat(Feature.JSON.readTree(Feature.JSON.writeValueAsString(read))).isEqualTo(Feature.JSON.readTree(open));

        Object tally = Feature.JSON.readValue("{\"total\":3,\"a\":1,\"b\":2}", f.model("Tally"));
        assertThat(Feature.get(tally, "additionalProperties")).isEqualTo(Map.of("a", 1, "b", 2));
        // Tally is a request body, so it has a builder; Open is only read, a plain record
        Object built = f.build("Tally", "total", 1, "additionalProperties", Map.of("z", 9));
        assertThat(f.model("Open").getMethods()).extracting(java.lang.reflect.Method::getName).doesNotContain("builder", "toBuilder");
        assertThat(Feature.JSON.writeValueAsString(built)).isEqualTo("{\"total\":1,\"z\":9}");
    }
}
