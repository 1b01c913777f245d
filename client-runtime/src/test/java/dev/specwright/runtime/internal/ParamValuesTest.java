package dev.specwright.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.specwright.runtime.FieldSelector;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParamValuesTest {

    enum WithJsonValue {
        A {
            @Override
            public String toString() {
                return "ignored";
            }
        };

        @JsonValue
        String wire() {
            return "a-wire";
        }
    }

    enum WithJsonProperty {
        @JsonProperty("b-wire") B
    }

    enum Plain {
        C;

        @Override
        public String toString() {
            return "c-text";
        }
    }

    enum Field implements FieldSelector {
        SKU;

        @Override
        public String fieldName() {
            return "sku";
        }
    }

    @Test
    void formatsEnumsAsJacksonWouldAndFieldsByName() {
        assertThat(ParamValues.text(WithJsonValue.A)).isEqualTo("a-wire");
        assertThat(ParamValues.text(WithJsonProperty.B)).isEqualTo("b-wire");
        assertThat(ParamValues.text(Plain.C)).isEqualTo("c-text");
        assertThat(ParamValues.text(Field.SKU)).isEqualTo("sku");
    }

    @Test
    void formatsDatesInIso8601() {
        assertThat(ParamValues.text(LocalDate.of(2026, 11, 25))).isEqualTo("2026-11-25");
        assertThat(ParamValues.text(OffsetDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2026-11-25T08:00:00+02:00");
    }

    @Test
    void joinsListsAndSkipsNullElements() {
        assertThat(ParamValues.encoded(Arrays.asList("a b", null, "c,d"))).isEqualTo("a%20b,c%2Cd");
        assertThat(ParamValues.joined(List.of(Field.SKU, Plain.C))).isEqualTo("sku,c-text");
        assertThat(ParamValues.encoded(List.of())).isNull();
        assertThat(ParamValues.encoded(new Object[] {null})).isNull();
        assertThat(ParamValues.encoded(null)).isNull();
    }

    @Test
    void tellsScalarsFromObjectsThatBodiesWriteAsJson() {
        for (Object scalar : List.of("s", 1, 2.5, true, 'c', Plain.C, LocalDate.of(2026, 1, 1),
                UUID.randomUUID(), URI.create("https://example.com"))) {
            assertThat(ParamValues.isScalar(scalar)).as("%s", scalar).isTrue();
        }
        for (Object object : List.of(List.of(1), Map.of(), new Object(), new int[0])) {
            assertThat(ParamValues.isScalar(object)).as("%s", object).isFalse();
        }
    }
}
