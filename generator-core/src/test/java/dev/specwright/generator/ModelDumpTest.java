package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.BuildPasses;
import dev.specwright.generator.model.ModelDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDumpTest {

    /** DEL, C1 controls (CSI U+009B, NEL), bidi override and isolate, zero width, BOM, line/paragraph separators,
     *  ESC, a lone surrogate of each half, a tag character (U+E0041) and an emoji outside the BMP. */
    private static final String HOSTILE = "a\u007Fb\u009B31mc\u0085d\u202Ee\u2066f\u200Bg\uFEFFh\u2028i\u2029j\u001B[2Jk"
            + "\uD800l\uDC00m\uDB40\uDC41n\uD83D\uDE00o\r\n\tp é ü 日本";

    @TempDir
    Path tmp;

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

    @Test
    void thePassesDumpShowsEveryPassInOrderThenTheModel() throws Exception {
        GeneratorOptions options = GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("unused"))
                .errorCatalog(TestSpecs.platformErrors()).build();
        BuildPasses passes = new Generator().passes(options);
        String out = ModelDump.toJson(passes);
        JsonNode dump = new ObjectMapper().readTree(out);

        assertThat(dump.fieldNames()).toIterable().containsExactly("schemas", "credentials", "operations", "dedup", "fieldFilters",
                "partialUpdates", "servers", "rateLimit", "errorCatalog", "sentModels", "pagination", "model");
        // the platform's five lists declare x-pagination; their methods are named in the final model only
        assertThat(dump.at("/pagination")).hasSize(5).allSatisfy(p -> {
            assertThat(p.at("/style").asText()).isEqualTo("OFFSET");
            assertThat(p.at("/declared").asBoolean()).isTrue();
            assertThat(p.at("/methodName").asText()).isEmpty();
        });
        assertThat(dump.at("/model/pagination/~1paths~1~01api~01products~1get/methodName").asText()).isEqualTo("listAll");
        // the platform's request bodies and what they hold; ErrorResponse, Connection and LogEvent's answers are only read
        assertThat(dump.at("/sentModels/sentModels")).extracting(JsonNode::asText)
                .contains("Product", "ProductAttribute", "ProductUpdate", "Order", "OrderUpdate")
                .doesNotContain("ErrorResponse", "Connection");
        assertThat(dump.at("/model/models")).filteredOn(m -> m.at("/className").asText().equals("Product")).singleElement()
                .satisfies(product -> assertThat(product.at("/sent").asBoolean()).isTrue());
        assertThat(dump.at("/model/models")).filteredOn(m -> m.at("/className").asText().equals("ErrorResponse")).singleElement()
                .satisfies(error -> assertThat(error.at("/sent").asBoolean()).isFalse());
        assertThat(dump.at("/schemas/models")).filteredOn(m -> m.at("/className").asText().equals("Product")).singleElement()
                .satisfies(product -> assertThat(product.at("/fieldEnum").isNull()).as("no field enum before its pass").isTrue());
        JsonNode listProducts = dump.at("/operations/groups/0/operations/0");
        assertThat(listProducts.at("/operation/methodName").asText()).isEqualTo("list");
        assertThat(listProducts.at("/filterKinds/0").asText()).isEqualTo("INCLUDE");
        assertThat(listProducts.at("/operation/parameters/0/fieldFilter").isNull()).as("not linked yet").isTrue();
        assertThat(dump.at("/operations/inlineEnums/0/className").asText()).isEqualTo("OrderDirection");
        assertThat(dump.at("/fieldFilters/fieldEnums/Product").asText()).isEqualTo("ProductField");
        assertThat(dump.at("/fieldFilters/parameters/0/fieldFilter/fieldEnum").asText()).isEqualTo("ProductField");
        assertThat(dump.at("/partialUpdates/partialModels").toString()).isEqualTo("[\"ProductUpdate\",\"OrderUpdate\"]");
        assertThat(dump.at("/credentials/factories").findValuesAsText("methodName")).isEqualTo(
                passes.model().credentialFactories().stream().map(ApiModel.CredentialFactory::methodName).toList());
        assertThat(dump.at("/credentials/parameters").toString()).as("sent by the credentials, asked by no method")
                .contains("\"header:x-tenant\"");
        assertThat(dump.at("/servers/1/factoryName").asText()).isEqualTo("sandbox");
        assertThat(dump.at("/rateLimit/burst").asLong()).isEqualTo(25);
        assertThat(dump.at("/errorCatalog/errorModel").asText()).isEqualTo("ErrorResponse");
        assertThat(dump.at("/errorCatalog/catalog/categories/0/javaName").isTextual()).isTrue();
        assertThat(dump.at("/errorCatalog/errorDocument/properties").findValuesAsText("jsonName")).contains("errorCategory");
        JsonNode category = null;
        for (JsonNode p : dump.at("/errorCatalog/errorDocument/properties")) {
            if (p.at("/jsonName").asText().equals("errorCategory")) {
                category = p;
            }
        }
        assertThat(category.at("/type/className").asText()).as("the catalogue's category, retyped").isEqualTo("ErrorCategory");
        assertThat(dump.at("/errorCatalog/droppedEnums").toString()).isEqualTo("[\"ErrorResponseErrorCategory\"]");
        assertThat(dump.at("/schemas/enums").findValuesAsText("className")).as("still there before the error catalogue pass")
                .contains("ErrorResponseErrorCategory");
        assertThat(dump.get("model")).isEqualTo(new ObjectMapper().readTree(ModelDump.toJson(passes.model())));
        assertThat(out).as("deterministic").isEqualTo(ModelDump.toJson(new Generator().passes(options)));
    }

    @Test
    void specTextThatCouldRepaintATerminalIsEscapedAndTheJsonMeansTheSame() throws Exception {
        Path spec = tmp.resolve("openapi.json");
        Map<String, Object> document = Map.of(
                "openapi", "3.0.3",
                "info", Map.of("title", "Pets", "version", "1", "description", HOSTILE),
                "paths", Map.of(),
                "components", Map.of("schemas", Map.of("Kind", Map.of("type", "string", "enum", List.of(HOSTILE, "plain")))));
        // escaped in the file, so the lone surrogates reach the parser
        Files.write(spec, new ObjectMapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(document));
        ApiModel model = new Generator().model(GeneratorOptions.builder(spec, Path.of("unused")).build());

        String out = ModelDump.toJson(model);

        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean printable = c == '\n' || !(Character.isISOControl(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
            assertThat(printable).as("U+%04X at %d of the dump", (int) c, i).isTrue();
        }
        assertThat(out).contains("\\u007F", "\\u009B", "\\u0085", "\\u202E", "\\u2066", "\\u200B", "\\uFEFF", "\\u2028",
                "\\u2029", "\\u001B", "\\uD800", "\\uDC00", "\\uDB40\\uDC41", "\\uD83D\\uDE00", "\\r\\n\\t");
        assertThat(out).as("ordinary letters stay readable").contains("p é ü 日本");
        JsonNode dump = new ObjectMapper().readTree(out);
        assertThat(dump.at("/description").asText()).isEqualTo(HOSTILE.strip());
        assertThat(out).as("deterministic").isEqualTo(ModelDump.toJson(model));
        assertThat(dump.toString()).as("the enum value survives too").contains(new ObjectMapper().writeValueAsString(HOSTILE));
    }
}
