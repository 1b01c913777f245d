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
import java.util.Locale;

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
        try {
            return MAPPER.writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the API model could not be written as JSON", e);
        }
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
