package dev.specwright.generator.model;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link ApiModel} as pretty JSON: what {@code --dump-model} prints, to see what the generator understood. It goes
 * to a terminal and holds the spec's own text, so every character {@link dev.specwright.generator.TerminalText} would
 * not print raw is a {@code \\uXXXX} escape here: the JSON stays valid and means the same.
 */
public final class ModelDump {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new TerminalEscapes()).build())
            .addModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ModelDump() {}

    public static String toJson(ApiModel model) {
        return write(model);
    }

    /**
     * Every pass's result, one member per pass in the order they run: {@code schemas} (the named schemas' models,
     * enums and unions still to link), {@code credentials} (the credential factories and the parameters they send),
     * {@code operations} (the API classes and their operations, each with the raw field-filter kind of each parameter
     * and its {@code x-partial-update}, and the models and enums the operations' inline schemas added),
     * {@code dedup} (each inline type merged into one of the same structure, and that type),
     * {@code fieldFilters} (the field enums given and the parameters linked to them), {@code partialUpdates} (the
     * models made partial), {@code servers}, {@code rateLimit}, {@code errorCatalog} (the error document's model, the
     * named catalogue, the document's model retyped and the enums it no longer needs), {@code sentModels} (the models the
     * client writes: request bodies and parameters and what they hold) and {@code model}, the final
     * model as {@link #toJson(ApiModel)} writes it. A later pass shows what it changed, not everything again.
     */
    public static String toJson(BuildPasses passes) {
        Map<String, Object> dump = new LinkedHashMap<>();
        dump.put("schemas", schemas(passes.schemas()));
        dump.put("credentials", credentials(passes.credentials()));
        dump.put("operations", operations(passes.operations(), passes.schemas()));
        dump.put("dedup", Map.of("merged", passes.dedup().merged()));
        dump.put("fieldFilters", fieldFilters(passes.fieldFilters(), passes.dedup().operations().schemas()));
        dump.put("partialUpdates", Map.of("partialModels", passes.partialUpdates().partialModels()));
        dump.put("servers", passes.servers());
        dump.put("rateLimit", passes.rateLimit());
        dump.put("errorCatalog", errorCatalog(passes.errorCatalog()));
        dump.put("sentModels", Map.of("sentModels", passes.sentModels().sentModels()));
        dump.put("pagination", passes.paginations().byOperation());
        dump.put("model", passes.model());
        return write(dump);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the API model could not be written as JSON", e);
        }
    }

    private static Map<String, Object> schemas(Schemas schemas) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("models", schemas.models());
        out.put("enums", schemas.enums());
        out.put("unions", schemas.pendingUnions().stream().map(ModelDump::pendingUnion).toList());
        return out;
    }

    private static Map<String, Object> pendingUnion(SchemaMapper.PendingUnion u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("className", u.className());
        out.put("discriminator", u.discriminator());
        out.put("variants", u.variants());
        return out;
    }

    private static Map<String, Object> credentials(CredentialsPass.Credentials credentials) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("factories", credentials.factories());
        out.put("parameters", credentials.parameters());
        return out;
    }

    /** The error document's model and the catalogue; the document's model only when retyped, and the enums no longer generated. */
    private static Map<String, Object> errorCatalog(ErrorCatalogPass.Result errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("errorModel", errors.errorModel());
        out.put("catalog", errors.catalog());
        out.put("errorDocument", errors.retyped().document());
        out.put("droppedEnums", errors.retyped().droppedEnums());
        return out;
    }

    private static Map<String, Object> operations(Operations operations, Schemas before) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Operations.Group g : operations.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("tag", g.tag());
            group.put("untagged", g.untagged());
            group.put("className", g.className());
            group.put("asyncClassName", g.asyncClassName());
            group.put("accessorName", g.accessorName());
            group.put("description", g.description());
            group.put("operations", g.operations().stream().map(ModelDump::draft).toList());
            groups.add(group);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", groups);
        out.put("inlineModels", operations.schemas().models().stream().filter(m -> before.model(m.className()).isEmpty()).toList());
        out.put("inlineEnums", operations.schemas().enums().subList(before.enums().size(), operations.schemas().enums().size()));
        return out;
    }

    private static Map<String, Object> draft(Operations.Draft d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operation", d.operation());
        out.put("filterKinds", d.filterKinds());
        out.put("partialUpdate", d.partialUpdate());
        return out;
    }

    private static Map<String, Object> fieldFilters(FieldFilterPass.FieldFilters filters, Schemas before) {
        Map<String, Object> fieldEnums = new LinkedHashMap<>();
        filters.schemas().models().stream().filter(m -> m.fieldEnum().isPresent())
                .filter(m -> before.model(m.className()).flatMap(ModelDef::fieldEnum).isEmpty())
                .forEach(m -> fieldEnums.put(m.className(), m.fieldEnum().get()));
        List<Map<String, Object>> parameters = new ArrayList<>();
        filters.apis().forEach(api -> api.operations().forEach(o -> o.parameters().stream().filter(p -> p.fieldFilter().isPresent())
                .forEach(p -> {
                    Map<String, Object> linked = new LinkedHashMap<>();
                    linked.put("operation", o.pointer());
                    linked.put("parameter", p.name());
                    linked.put("fieldFilter", p.fieldFilter().get());
                    parameters.add(linked);
                })));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fieldEnums", fieldEnums);
        out.put("parameters", parameters);
        return out;
    }

    /**
     * JSON's own escapes, and also DEL, the C1 controls, format characters (bidi controls, zero-width characters, the
     * BOM), the line and paragraph separators, and every surrogate. Jackson asks about one UTF-16 unit at a time, so a
     * pair cannot be told from a lone half, nor a supplementary format character (the tag characters U+E0001…) from an
     * emoji: both halves of every pair are escaped, which keeps the value and leaves nothing invisible.
     */
    static final class TerminalEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return escaped(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }

        static boolean escaped(int ch) {
            int type = Character.getType(ch);
            return Character.isISOControl(ch) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
        }
    }
}
