package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnionsTest {

    private static Feature f;

    @BeforeAll
    static void generate() throws Exception {
        f = Feature.generate("unions.yaml");
    }

    @Test
    void aUnionIsASealedInterfaceItsModelsImplement() throws Exception {
        Class<?> pet = f.model("Pet");
        assertThat(pet.isInterface()).isTrue();
        assertThat(pet.isSealed()).isTrue();
        assertThat(pet.getPermittedSubclasses()).extracting(Class::getSimpleName).containsExactly("Cat", "Dog", "Unknown");
        assertThat(pet).isAssignableFrom(f.model("Cat"));
    }

    @Test
    void theDiscriminatorPicksTheVariant() throws Exception {
        Object dog = Feature.JSON.readValue("{\"petType\":\"dog\",\"barks\":true}", f.model("Pet"));
        assertThat(dog).isInstanceOf(f.model("Dog"));
        assertThat(Feature.get(dog, "barks")).isEqualTo(true);
        assertThat(Feature.JSON.writeValueAsString(dog)).isEqualTo("{\"petType\":\"dog\",\"barks\":true}");
        // a variant read directly is itself, not routed through the union's decoder again
        assertThat(Feature.JSON.readValue("{\"petType\":\"cat\"}", f.model("Cat"))).isInstanceOf(f.model("Cat"));
    }

    @Test
    void anUnknownValueIsKeptWholeAndWrittenBackUnchanged() throws Exception {
        String parrot = "{\"petType\":\"parrot\",\"talks\":true}";
        Object unknown = Feature.JSON.readValue(parrot, f.model("Pet"));
        assertThat(unknown.getClass().getSimpleName()).isEqualTo("Unknown");
        assertThat(((JsonNode) Feature.get(unknown, "value")).get("talks").asBoolean()).isTrue();
        assertThat(Feature.JSON.writeValueAsString(unknown)).isEqualTo(parrot);
    }

    @Test
    void withoutDiscriminatorTheShapePicksTheVariant() throws Exception {
        Object payment = Feature.JSON.readValue("{\"id\":42,\"method\":{\"iban\":\"SE35\"}}", f.model("Payment"));
        Object method = Feature.get(payment, "method");
        assertThat(method).isInstanceOf(f.model("BankAccount"));
        Object card = Feature.JSON.readValue("{\"number\":\"4111\",\"expiry\":\"12/30\"}", f.model("PaymentMethod"));
        assertThat(card).isInstanceOf(f.model("Card"));
    }

    @Test
    void primitiveVariantsAreWrappedAndWrittenBare() throws Exception {
        Object byNumber = Feature.JSON.readValue("{\"id\":42}", f.model("Payment"));
        Object id = Feature.get(byNumber, "id");
        assertThat(id.getClass().getSimpleName()).isEqualTo("OfLong");
        assertThat(Feature.get(id, "value")).isEqualTo(42L);
        Object byText = Feature.JSON.readValue("{\"id\":\"p-1\"}", f.model("Payment"));
        assertThat(Feature.get(Feature.get(byText, "id"), "value")).isEqualTo("p-1");
        assertThat(Feature.JSON.writeValueAsString(byText)).isEqualTo("{\"id\":\"p-1\"}");
    }
}
