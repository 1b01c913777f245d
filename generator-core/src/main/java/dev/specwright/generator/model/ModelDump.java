package dev.specwright.generator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.UncheckedIOException;

/** The {@link ApiModel} as pretty JSON: what {@code --dump-model} prints, to see what the generator understood. */
public final class ModelDump {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ModelDump() {}

    public static String toJson(ApiModel model) {
        try {
            return MAPPER.writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the API model could not be written as JSON", e);
        }
    }
}
