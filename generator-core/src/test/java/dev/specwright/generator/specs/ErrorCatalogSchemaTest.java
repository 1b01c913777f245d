package dev.specwright.generator.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's error catalogue ({@code specs/platform/errors.json}) conforms to our format
 * ({@code errors.schema.json}) and holds what the generated {@code ErrorCode} enum and exception classes rely on.
 */
class ErrorCatalogSchemaTest {

    private static final List<String> CATEGORIES = List.of("NotFound", "InvalidData", "TypeError",
            "PermissionDenied", "RemoteAuthFailed", "Conflict", "InvalidSettings", "InternalError",
            "RemoteSystemError");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;
    private static JsonNode catalogue;

    @BeforeAll
    static void load() throws IOException {
        String dir = System.getProperty("specwright.specs");
        assertThat(dir).as("system property specwright.specs").isNotBlank();
        Path platform = Path.of(dir, "platform");
        JsonNode schemaNode = MAPPER.readTree(Files.readString(platform.resolve("errors.schema.json")));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
        catalogue = MAPPER.readTree(Files.readString(platform.resolve("errors.json")));
    }

    private static List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        catalogue.get("errors").forEach(entries::add);
        return entries;
    }

    /** A subCode that is absent or null reads as null. */
    private static Integer subCode(JsonNode entry) {
        JsonNode subCode = entry.get("subCode");
        return subCode == null || subCode.isNull() ? null : subCode.intValue();
    }

    private static Set<ValidationMessage> validateModified(Consumer<ObjectNode> change) {
        ObjectNode copy = catalogue.deepCopy();
        change.accept((ObjectNode) copy.get("errors").get(0));
        return schema.validate(copy);
    }

    // ---- the catalogue against its schema ----

    @Test
    void catalogueConformsToTheSchema() {
        assertThat(schema.validate(catalogue)).isEmpty();
    }

    @Test
    void anUnknownCategoryIsReported() {
        Set<ValidationMessage> messages = validateModified(e -> e.put("category", "Bogus"));
        assertThat(messages).isNotEmpty();
        assertThat(messages).anySatisfy(m -> assertThat(m.getInstanceLocation().toString()).contains("category"));
    }

    @Test
    void aNameThatIsNotUpperSnakeCaseIsReported() {
        Set<ValidationMessage> messages = validateModified(e -> e.put("name", "productNotFound"));
        assertThat(messages).anySatisfy(m -> assertThat(m.getInstanceLocation().toString()).contains("name"));
    }

    @Test
    void aMissingCodeAnUnknownFieldAndAStringStatusAreReported() {
        assertThat(validateModified(e -> e.remove("code"))).isNotEmpty();
        assertThat(validateModified(e -> e.put("severity", "high"))).isNotEmpty();
        assertThat(validateModified(e -> e.put("httpStatus", "404"))).isNotEmpty();
        assertThat(validateModified(e -> e.put("httpStatus", 200))).isNotEmpty();
    }

    @Test
    void anEmptyCatalogueIsReported() {
        ObjectNode copy = catalogue.deepCopy();
        copy.set("errors", MAPPER.createArrayNode());
        assertThat(schema.validate(copy)).isNotEmpty();
    }

    @Test
    void aNullOrAbsentSubCodeIsAccepted() {
        assertThat(validateModified(e -> e.putNull("subCode"))).isEmpty();
        assertThat(validateModified(e -> e.remove("subCode"))).isEmpty();
    }

    // ---- what the generator relies on ----

    @Test
    void hasAtLeastFortyEntriesCoveringAllNineCategories() {
        List<JsonNode> entries = entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(40);
        Map<String, Integer> perCategory = new TreeMap<>();
        entries.forEach(e -> perCategory.merge(e.get("category").asText(), 1, Integer::sum));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(CATEGORIES);
        assertThat(perCategory.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    @Test
    void namesAndCodePairsAreUnique() {
        Set<String> names = new HashSet<>();
        Set<List<Integer>> pairs = new HashSet<>();
        for (JsonNode e : entries()) {
            String name = e.get("name").asText();
            assertThat(names.add(name)).as("name %s unique", name).isTrue();
            List<Integer> pair = new ArrayList<>();
            pair.add(e.get("code").intValue());
            pair.add(subCode(e));
            assertThat(pairs.add(pair)).as("(code, subCode) %s of %s unique", pair, name).isTrue();
        }
    }

    @Test
    void everyCodeBelongsToOneCategoryAndHasAGeneralEntry() {
        Map<Integer, String> categoryOfCode = new HashMap<>();
        Set<Integer> generalCodes = new TreeSet<>();
        for (JsonNode e : entries()) {
            int code = e.get("code").intValue();
            String category = e.get("category").asText();
            String previous = categoryOfCode.putIfAbsent(code, category);
            assertThat(previous == null ? category : previous)
                    .as("category of code %d (%s)", code, e.get("name").asText()).isEqualTo(category);
            if (subCode(e) == null) {
                generalCodes.add(code);
            }
        }
        assertThat(generalCodes).containsExactlyInAnyOrderElementsOf(categoryOfCode.keySet());
    }

    @Test
    void keepsTheSeedsExample() {
        assertThat(entries()).filteredOn(e -> e.get("code").intValue() == 100002
                        && Integer.valueOf(101019).equals(subCode(e)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("name").asText()).isEqualTo("PRODUCT_FIELD_NOT_SORTABLE");
                    assertThat(e.get("category").asText()).isEqualTo("InvalidData");
                    assertThat(e.get("httpStatus").intValue()).isEqualTo(400);
                    assertThat(e.get("class").asText())
                            .isEqualTo("record.product.proto.ProductError$ProductFieldNotSortable");
                    assertThat(e.get("defaultMessage").asText()).isEqualTo("Field cannot be ordered by");
                });
    }

    @Test
    void statusesMatchTheirCategories() {
        Map<String, Set<Integer>> allowed = Map.of(
                "NotFound", Set.of(404),
                "InvalidData", Set.of(400),
                "TypeError", Set.of(400),
                "PermissionDenied", Set.of(401, 403, 429),
                "RemoteAuthFailed", Set.of(502),
                "Conflict", Set.of(409),
                "InvalidSettings", Set.of(400),
                "InternalError", Set.of(500, 503, 504),
                "RemoteSystemError", Set.of(502, 503, 504));
        for (JsonNode e : entries()) {
            assertThat(allowed.get(e.get("category").asText()))
                    .as("httpStatus of %s", e.get("name").asText())
                    .contains(e.get("httpStatus").intValue());
        }
    }

    @Test
    void topLevelNamesItsSchemaAndVersion() {
        assertThat(catalogue.get("$schema").asText()).isEqualTo("./errors.schema.json");
        assertThat(catalogue.get("version").asText()).isNotBlank();
        assertThat(catalogue.get("errors")).isInstanceOf(ArrayNode.class);
    }
}
