package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnumsTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("enums.yaml");
    }

    private static String[] constants(Class<?> e) {
        return Arrays.stream(e.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new);
    }

    @Test
    void awkwardValuesGetDistinctLegalConstantsAndKeepTheirWireValue() throws Exception {
        Class<?> odd = f.model("Odd");
        assertThat(constants(odd)).containsExactly("_1", "EMPTY", "A_B", "A_B2", "_1ST", "CLASS", "UNKNOWN2", "OK", "UNKNOWN");
        for (String wire : new String[] {"+1", "", "a-b", "A-B", "1st", "class", "UNKNOWN", "ok"}) {
            Object constant = Feature.JSON.readValue(Feature.JSON.writeValueAsString(wire), odd);
            assertThat(Feature.JSON.writeValueAsString(constant)).isEqualTo(Feature.JSON.writeValueAsString(wire));
        }
    }

    @Test
    void integerEnumsAndUnknownValues() throws Exception {
        Class<?> level = f.model("Level");
        assertThat(constants(level)).containsExactly("V_1", "V0", "V1", "V10", "UNKNOWN");
        Object signal = Feature.JSON.readValue("{\"level\":-1,\"mode\":\"turbo\",\"odd\":\"a-b\"}", f.model("Signal"));
        assertThat(Feature.get(signal, "level")).hasToString("-1");
        assertThat(((Enum<?>) Feature.get(signal, "mode")).name()).isEqualTo("UNKNOWN");
        assertThat(((Enum<?>) Feature.get(signal, "odd")).name()).isEqualTo("A_B");
    }

    @Test
    void anEnumQueryParameterIsSentAsItsWireValue() {
        assertThat(f.source("api/DefaultApi.java")).contains(".query(\"level\", params.level())");
    }
}
