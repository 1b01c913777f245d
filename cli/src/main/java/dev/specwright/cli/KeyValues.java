package dev.specwright.cli;

import dev.specwright.generator.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * openapi-generator's {@code KEY=VALUE} list form, read strictly: each option occurrence holds one or more items
 * separated by commas ({@code --type-mappings date-time=java.time.Instant,string+uuid=java.util.UUID}), and the option
 * may be repeated. An item without {@code =}, with an empty key or value, an empty item between commas, or one key given
 * two different values is a bad argument naming the option and the item; the same pair given twice is harmless.
 */
final class KeyValues {

    private KeyValues() {}

    /** A bad item: the message names the option and the item, and says what an item must be. */
    static final class BadItemException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadItemException(String message) {
            super(message);
        }
    }

    /** One item as written: its key, and its value or {@code null} where the item has no {@code =}. */
    record Item(String key, String value, String text) {}

    /**
     * The map the occurrences of {@code option} give, in the order first given.
     *
     * @throws BadItemException on an item that is not {@code KEY=VALUE}, or a key given two values
     */
    static Map<String, String> parse(String option, List<String> occurrences) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Item item : items(option, occurrences)) {
            if (item.value() == null) {
                throw new BadItemException(option + ": " + quoted(item.text()) + " has no '=': each item is KEY=VALUE"
                        + example(option) + "; several are separated by commas, or the option is repeated.");
            }
            if (item.value().isEmpty()) {
                throw new BadItemException(option + ": " + quoted(item.text()) + " has an empty value: each item is"
                        + " KEY=VALUE" + example(option) + ".");
            }
            putOnce(option, map, item.key(), item.value());
        }
        return map;
    }

    /**
     * The items of {@code option}, where an item may lack {@code =} (a flag such as {@code --global-property apis}).
     *
     * @throws BadItemException on an empty item or an empty key
     */
    static List<Item> items(String option, List<String> occurrences) {
        List<Item> items = new ArrayList<>();
        for (String occurrence : occurrences == null ? List.<String>of() : occurrences) {
            for (String raw : occurrence.split(",", -1)) {
                String text = raw.strip();
                if (text.isEmpty()) {
                    throw new BadItemException(option + ": " + quoted(occurrence) + " has an empty item (two commas in a"
                            + " row, or one at an end): remove it.");
                }
                int eq = text.indexOf('=');
                String key = (eq < 0 ? text : text.substring(0, eq)).strip();
                if (key.isEmpty()) {
                    throw new BadItemException(option + ": " + quoted(text) + " has an empty key: each item is KEY=VALUE"
                            + example(option) + ".");
                }
                items.add(new Item(key, eq < 0 ? null : text.substring(eq + 1).strip(), text));
            }
        }
        return items;
    }

    /** Puts {@code key=value}, refusing the same key with another value (wherever it came from: {@code option}). */
    static void putOnce(String option, Map<String, String> map, String key, String value) {
        String before = map.putIfAbsent(key, value);
        if (before != null && !before.equals(value)) {
            throw new BadItemException(option + ": " + quoted(key) + " is given twice, as " + quoted(before) + " and as "
                    + quoted(value) + ": keep one.");
        }
    }

    /** The text between quotes, safe for a terminal (an argument may hold a control character). */
    static String quoted(String text) {
        return "\"" + TerminalText.line(Objects.requireNonNull(text)) + "\"";
    }

    private static String example(String option) {
        return switch (option) {
            case "--type-mappings" -> " (e.g. date-time=java.time.Instant)";
            case "--import-mappings", "--schema-mappings" -> " (e.g. Money=com.example.Money)";
            case "--name-mappings" -> " (e.g. _type=typeName)";
            case "--model-name-mappings" -> " (e.g. Pet=Animal)";
            case "--operation-id-name-mappings" -> " (e.g. findPetsByStatus=byStatus)";
            case "--enum-name-mappings" -> " (e.g. in-progress=IN_PROGRESS)";
            default -> "";
        };
    }
}
