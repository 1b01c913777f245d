package dev.specwright.generator.model;

import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.naming.NearestNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * {@code typeMappings}, read: each key a spec type and format, each value the Java class used wherever that type
 * appears (models, parameters, bodies, answers). The keys are ours or openapi-generator's:
 * <ul>
 *   <li>{@code type+format}, {@code type} one of {@code string}, {@code integer}, {@code number}, {@code boolean} and
 *       any format ({@code string+uuid}, {@code integer+int64}, {@code string+email});
 *   <li>a format alone, for the formats that belong to one type: {@code date}, {@code date-time}, {@code uuid},
 *       {@code uri}, {@code byte}, {@code int32}, {@code int64}, {@code float}, {@code double};
 *   <li>openapi-generator's names of the same: {@code DateTime}, {@code UUID}, {@code URI}, {@code ByteArray},
 *       {@code long}, {@code float}, {@code double}, {@code BigDecimal} ({@code string+number});
 *   <li>a type alone, as openapi-generator means it: {@code string}, {@code integer}, {@code number}, {@code boolean}
 *       — that type with no format or with one that has no key of its own above ({@code integer} is every integer but
 *       {@code int64}, which is {@code long}).
 * </ul>
 * A {@code type+format} key wins over the type alone. Binary content ({@code string+binary}, {@code file},
 * {@code binary}) and the non-scalar types ({@code object}, {@code array}, {@code map}, {@code AnyType}) cannot be
 * mapped: the message says why and what to use instead. Enum schemas stay enums.
 */
final class TypeMappings {

    static final String OPTION = "typeMappings";

    static final TypeMappings NONE = new TypeMappings(Map.of());

    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean");

    /** The formats with a key of their own: the type alone does not take them. */
    private static final Map<String, Set<String>> OWN_FORMATS = Map.of(
            "string", Set.of("date", "date-time", "uuid", "uri", "byte", "binary", "number"),
            "integer", Set.of("int64"),
            "number", Set.of("float", "double"),
            "boolean", Set.of());

    /** Keys that stand for one type and format; "" for the type alone (no format with a key of its own). */
    private static final Map<String, String> NAMED_KEYS = named();

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** "type+format" (format "" for the type alone) → the class. */
    private final Map<String, String> classes;

    private TypeMappings(Map<String, String> classes) {
        this.classes = Map.copyOf(classes);
    }

    private static Map<String, String> named() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("date", "string+date");
        keys.put("date-time", "string+date-time");
        keys.put("uuid", "string+uuid");
        keys.put("uri", "string+uri");
        keys.put("byte", "string+byte");
        keys.put("int32", "integer+int32");
        keys.put("int64", "integer+int64");
        keys.put("float", "number+float");
        keys.put("double", "number+double");
        keys.put("DateTime", "string+date-time");
        keys.put("UUID", "string+uuid");
        keys.put("URI", "string+uri");
        keys.put("ByteArray", "string+byte");
        keys.put("BigDecimal", "string+number");
        keys.put("long", "integer+int64");
        keys.put("string", "string+");
        keys.put("integer", "integer+");
        keys.put("number", "number+");
        keys.put("boolean", "boolean+");
        return keys;
    }

    /** What a key may be, for the message of an unknown one. */
    static String accepted() {
        return "type+format (type string, integer, number or boolean: string+uuid, integer+int64, string+email), "
                + String.join(", ", NAMED_KEYS.keySet());
    }

    /**
     * The mappings of {@code raw}, checked: every key known, every value a qualified class name, no two keys for the
     * same type and format with different classes.
     *
     * @throws CustomizationException naming the key that cannot work
     */
    static TypeMappings of(Map<String, String> raw) {
        if (raw.isEmpty()) {
            return NONE;
        }
        Map<String, String> classes = new TreeMap<>();
        Map<String, String> keyOf = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(raw).entrySet()) {
            String key = e.getKey().strip();
            String selector = selector(key);
            String value = e.getValue() == null ? "" : e.getValue().strip();
            Optional<String> problem = classNameProblem(value);
            if (problem.isPresent()) {
                throw new CustomizationException(OPTION, "the value of " + key + " " + problem.get()
                        + "; write the qualified name of a class, e.g. " + key + "=java.time.Instant.");
            }
            String earlier = classes.putIfAbsent(selector, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new CustomizationException(OPTION, keyOf.get(selector) + " and " + key + " both map "
                        + describe(selector) + ", to " + earlier + " and to " + value + "; keep one of them.");
            }
            keyOf.putIfAbsent(selector, key);
        }
        return new TypeMappings(classes);
    }

    private static String describe(String selector) {
        return selector.endsWith("+") ? selector.substring(0, selector.length() - 1) : selector;
    }

    /** "type+format" for a key, "type+" for a type alone; or the failure naming the key. */
    private static String selector(String key) {
        String named = NAMED_KEYS.get(key);
        if (named != null) {
            return named;
        }
        int plus = key.indexOf('+');
        if (plus > 0) {
            String type = key.substring(0, plus);
            String format = key.substring(plus + 1);
            if (TYPES.contains(type) && FORMAT.matcher(format).matches()) {
                if (type.equals("string") && format.equals("binary")) {
                    throw binary(key);
                }
                return type + "+" + format;
            }
        }
        if (key.equals("file") || key.equals("binary")) {
            throw binary(key);
        }
        if (Set.of("object", "array", "map", "set", "AnyType", "any").contains(key) || key.startsWith("object+")
                || key.startsWith("array+")) {
            throw new CustomizationException(OPTION, key + " is not a scalar type; to use a class of your "
                    + "own for an object schema, map the schema by its name in schemaMappings (Money=com.example.Money).");
        }
        List<String> all = new ArrayList<>(NAMED_KEYS.keySet());
        throw new CustomizationException(OPTION, "unknown key " + key + NearestNames.hint(key, all)
                + "; the keys are " + accepted() + ".");
    }

    private static CustomizationException binary(String key) {
        return new CustomizationException(OPTION, key + " cannot be mapped: binary content is sent as "
                + "dev.specwright.runtime.Binary and read as dev.specwright.runtime.Download, whatever its schema; "
                + "remove the mapping.");
    }

    /** Why {@code name} is not a qualified class name ({@code java.time.Instant}), or empty when it is one. */
    static Optional<String> classNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        String[] segments = name.split("\\.", -1);
        if (segments.length < 2) {
            return Optional.of("\"" + name + "\" has no package (a class in the default package cannot be imported)");
        }
        for (String segment : segments) {
            if (!SourceVersion.isIdentifier(segment) || SourceVersion.isKeyword(segment) || segment.equals("_")) {
                return Optional.of("\"" + name + "\" is not a qualified Java class name");
            }
        }
        return Optional.empty();
    }

    /** The class mapped for a schema of {@code type} and {@code format} ("" for none), if any. */
    Optional<String> classFor(String type, String format) {
        if (classes.isEmpty() || !TYPES.contains(type)) {
            return Optional.empty();
        }
        String exact = classes.get(type + "+" + format);
        if (exact != null || format.isEmpty()) {
            return Optional.ofNullable(exact != null ? exact : classes.get(type + "+"));
        }
        return OWN_FORMATS.get(type).contains(format) ? Optional.empty() : Optional.ofNullable(classes.get(type + "+"));
    }
}
