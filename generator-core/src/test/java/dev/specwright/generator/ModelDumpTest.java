package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDump;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelDumpTest {

    @Test
    void theDumpShowsWhatTheGeneratorUnderstood() throws Exception {
        ApiModel model = new Generator().model(GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("unused"))
                .errorCatalog(TestSpecs.platformErrors()).build());
        JsonNode dump = new ObjectMapper().readTree(ModelDump.toJson(model));
        assertThat(dump.at("/clientName").asText()).isEqualTo("Platform");
        assertThat(dump.at("/rateLimit/requestsPerSecond").asDouble()).isEqualTo(10.0);
        assertThat(dump.at("/rateLimit/burst").asLong()).isEqualTo(25);
        assertThat(dump.at("/servers/1/factoryName").asText()).isEqualTo("sandbox");
        assertThat(dump.at("/errorModel").asText()).isEqualTo("ErrorResponse");
        assertThat(dump.at("/packages/base").asText()).isEqualTo("com.example.platform");
        assertThat(ModelDump.toJson(model)).isEqualTo(ModelDump.toJson(model));
    }
}
