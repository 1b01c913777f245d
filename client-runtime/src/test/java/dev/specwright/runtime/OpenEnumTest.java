package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.JsonMappers;
import dev.specwright.runtime.internal.ParamValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base class of generated open enums, through two enums written the way the generator writes them. */
class OpenEnumTest {

    static final class Plan extends OpenEnum<String, Plan.Known> {
        public static final Plan FREE = new Plan("free", Known.FREE);

        public static final Plan PRO = new Plan("pro", Known.PRO);

        private static final OpenEnumValues<String, Plan> VALUES = OpenEnumValues.of(Plan.class, FREE, PRO);

        private Plan(String value, Known known) {
            super(value, known);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Plan fromValue(String value) {
            return VALUES.fromValue(value, v -> new Plan(v, Known.UNKNOWN));
        }

        public static List<Plan> values() {
            return VALUES.list();
        }

        public enum Known { FREE, PRO, UNKNOWN }
    }

    static final class Tier extends OpenEnum<Long, Tier.Known> {
        public static final Tier ONE = new Tier(1L, Known.ONE);

        private static final OpenEnumValues<Long, Tier> VALUES = OpenEnumValues.of(Tier.class, ONE);

        private Tier(Long value, Known known) {
            super(value, known);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Tier fromValue(Long value) {
            return VALUES.fromValue(value, v -> new Tier(v, Known.UNKNOWN));
        }

        public enum Known { ONE, UNKNOWN }
    }

    record Account(Plan plan, Tier tier) {}

    @Test
    void aKnownValueIsItsConstantAndAnOtherValueIsKeptWithKnownUnknown() {
        assertThat(Plan.fromValue("pro")).isSameAs(Plan.PRO);
        assertThat(Plan.PRO.known()).isEqualTo(Plan.Known.PRO);
        assertThat(Plan.PRO.isKnown()).isTrue();
        Plan team = Plan.fromValue("team");
        String value = team.value(); // typed: V is String
        assertThat(value).isEqualTo("team");
        assertThat(team.known()).isEqualTo(Plan.Known.UNKNOWN);
        assertThat(team.isKnown()).isFalse();
        assertThat(team).hasToString("team");
        assertThat(Plan.values()).containsExactly(Plan.FREE, Plan.PRO).doesNotContain(team);
        Long one = Tier.fromValue(1L).value();
        assertThat(one).isEqualTo(1L);
        assertThat(Tier.fromValue(7L)).hasToString("7");
    }

    @Test
    void equalityIsByClassAndValueKnownOrNot() {
        assertThat(Plan.fromValue("team")).isNotSameAs(Plan.fromValue("team")).isEqualTo(Plan.fromValue("team"))
                .hasSameHashCodeAs(Plan.fromValue("team")).isNotEqualTo(Plan.fromValue("Team")).isNotEqualTo("team");
        assertThat(Tier.fromValue(7L)).isEqualTo(Tier.fromValue(7L)).isNotEqualTo(7L);
        assertThat(Plan.FREE).isNotEqualTo(Plan.PRO).isNotEqualTo(null);
    }

    @Test
    void jacksonWritesTheRawValueAndReadsThroughFromValue() throws Exception {
        for (ObjectMapper json : List.of(JsonMappers.create(), new ObjectMapper())) {
            String text = "{\"plan\":\"team\",\"tier\":7}";
            Account account = json.readValue(text, Account.class);
            assertThat(account.plan().known()).isEqualTo(Plan.Known.UNKNOWN);
            assertThat(account.tier().value()).isEqualTo(7L);
            assertThat(json.writeValueAsString(account)).isEqualTo(text);
            assertThat(json.readValue("\"free\"", Plan.class)).isSameAs(Plan.FREE);
            assertThat(json.writeValueAsString(Map.of("t", Tier.ONE))).isEqualTo("{\"t\":1}");
        }
    }

    @Test
    void aParameterIsSentAsItsRawValue() {
        assertThat(ParamValues.text(Plan.fromValue("a b"))).isEqualTo("a b");
        assertThat(ParamValues.encoded(List.of(Plan.PRO, Plan.fromValue("a b")))).isEqualTo("pro,a%20b");
        assertThat(ParamValues.joined(Tier.fromValue(-3L))).isEqualTo("-3");
    }

    @Test
    void nullIsRefusedNamingTheEnumAndDuplicateValuesAreAMistake() {
        assertThatThrownBy(() -> Plan.fromValue(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Plan.fromValue(null): an absent value is a null Plan, not an instance");
        assertThatThrownBy(() -> OpenEnumValues.of(Plan.class, Plan.FREE, Plan.fromValue("free")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Plan has two constants with the value free");
    }
}
