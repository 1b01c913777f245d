package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeAndOddSchemasTest {

    @Test
    void aModelWithMoreFieldsThanARecordCanHoldRoundTrips() throws Exception {
        Feature f = Feature.generate("large-model.yaml");
        Class<?> settings = f.model("AccountSettings");
        assertThat(settings.isRecord()).isFalse();

        Object built = f.build("AccountSettings", "setting1", "a", "setting300", List.of(1, 2));
        assertThat(Feature.JSON.writeValueAsString(built)).isEqualTo("{\"setting1\":\"a\",\"setting300\":[1,2]}");

        String json = "{\"setting2\":\"b\",\"setting299\":\"z\",\"setting3\":[7],\"unknownLater\":true}";
        Object read = Feature.JSON.readValue(json, settings);
        assertThat(Feature.get(read, "setting2")).isEqualTo("b");
        assertThat(Feature.get(read, "setting3")).isEqualTo(List.of(7));
        assertThat(read).isEqualTo(Feature.JSON.readValue(json, settings)).hasSameHashCodeAs(Feature.JSON.readValue(json, settings));
        assertThat(read.toString()).contains("setting299=z");
        Object copy = settings.getMethod("toBuilder").invoke(read);
        assertThat(copy.getClass().getMethod("build").invoke(copy)).isEqualTo(read);
    }

    @Test
    void anOperationWithMoreOptionalParametersThanARecordCanHoldGetsAParamsClass() throws Exception {
        Feature f = Feature.generate("large-model.yaml");
        Class<?> params = f.loader.loadClass("feature.api.SearchSettingsParams");
        assertThat(params.isRecord()).isFalse();
        Object builder = params.getMethod("builder").invoke(null);
        builder.getClass().getMethod("f000", String.class).invoke(builder, "first");
        builder.getClass().getMethod("f259", String.class).invoke(builder, "last");
        Object built = builder.getClass().getMethod("build").invoke(builder);
        assertThat(Feature.get(built, "f000")).isEqualTo("first");
        assertThat(Feature.get(built, "f259")).isEqualTo("last");
        assertThat(Feature.get(built, "f100")).isNull();
        assertThat(f.source("api/LargeModelApi.java")).contains(".query(\"f259\", params.f259())");
    }

    @Test
    void aRefIntoAnOperationsInlineSchemaIsValidAndKeptAsJson() throws Exception {
        Feature f = Feature.generate("ref-into-path.yaml");
        assertThat(f.source("api/RefIntoPathApi.java")).contains("public JsonNode again()");
        assertThat(JsonNode.class).isNotNull();
    }
}
