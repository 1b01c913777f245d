package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenApi31Test {

    @Test
    void typeArraysWithNullConstAndNullableRefsMapToPlainTypes() throws Exception {
        Feature f = Feature.generate("openapi31.yaml");
        Class<?> widget = f.model("Widget");
        Map<String, Class<?>> types = Arrays.stream(widget.getRecordComponents())
                .collect(Collectors.toMap(c -> c.getName(), c -> c.getType()));
        assertThat(types).containsEntry("note", String.class).containsEntry("count", Long.class)
                .containsEntry("price", BigDecimal.class).containsEntry("parent", widget);

        String json = "{\"id\":\"w\",\"note\":null,\"count\":3,\"kind\":\"widget\",\"price\":12.3456789012345678901,"
                + "\"parent\":{\"id\":\"p\"}}";
        Object read = Feature.JSON.readValue(json, widget);
        assertThat(Feature.get(read, "price")).isEqualTo(new BigDecimal("12.3456789012345678901"));
        assertThat(Feature.get(Feature.get(read, "parent"), "id")).isEqualTo("p");
        assertThat(Feature.JSON.writeValueAsString(read)).contains("\"price\":12.3456789012345678901");
    }
}
