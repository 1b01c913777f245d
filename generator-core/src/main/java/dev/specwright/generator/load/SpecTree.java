package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec as the user wrote it, as a plain JSON tree, to turn swagger-parser's places into JSON pointers that exist in
 * the document. The parser names a place in its own notation ({@code paths.'/pets'(get).parameters.[limit].schemas}),
 * calls a parameter's schema {@code schemas}, and does not descend into properties, items or allOf: a message about a
 * nested schema names the outermost one. So a place is first walked down as far as it exists, then the member the
 * message is about is searched for below it.
 */
final class SpecTree {

    /** Members whose values are data, not OpenAPI structure: never searched for keywords. */
    private static final Set<String> DATA = Set.of("default", "example", "examples", "enum", "const");
    /** Objects whose member names are names the author chose (properties, paths, media types), not keywords. */
    static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas", "paths", "webhooks", "content", "encoding", "responses", "headers", "links", "callbacks",
            "mapping", "variables", "schemas", "parameters", "requestBodies", "securitySchemes", "pathItems", "scopes");

    /** What a searched-for member must satisfy: the key its object sits under ({@code null} at the start), the object, the value. */
    interface Test {
        boolean holds(String via, JsonNode holder, JsonNode value);

        Test ANY = (via, holder, value) -> true;
    }

    private final JsonNode root;

    SpecTree(JsonNode root) {
        this.root = root == null ? MissingNode.getInstance() : root;
    }

    JsonNode at(String pointer) {
        try {
            return root.at(pointer);
        } catch (IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    /** Whether the document says {@code openapi: 3.1.x}. */
    boolean isOpenApi31() {
        return root.path("openapi").asText("").startsWith("3.1");
    }

    /**
     * Whether the member at {@code pointer} sits beside a {@code $ref} in an OpenAPI 3.0 document, where the Reference
     * Object says such siblings "SHALL be ignored": whatever is wrong with them is no defect of the spec. (3.1 gives
     * siblings of a schema's {@code $ref} a meaning, so there they count.)
     */
    boolean isIgnoredRefSibling(String pointer) {
        int slash = pointer.lastIndexOf('/');
        if (slash < 0 || pointer.endsWith("/$ref") || !root.path("openapi").asText("").startsWith("3.0")) {
            return false;
        }
        return at(pointer.substring(0, slash)).has("$ref");
    }

    /** The pointer of the deepest node of the document along the parser's location: it exists, at worst it is the root. */
    String locate(String location) {
        return candidates(location).get(0);
    }

    /**
     * The pointers of the deepest nodes along the parser's location, in document order: one, unless the location passes
     * through {@code callbacks}, where the parser drops the callback's name and expression
     * ({@code paths.'/subscribe'(post).callbacks(post)}): then each callback operation of that method is a candidate.
     */
    List<String> candidates(String location) {
        List<String> found = new ArrayList<>();
        descend(tokens(location), 0, root, "", found);
        long deepest = found.stream().mapToLong(SpecTree::depth).max().orElse(0);
        return found.stream().filter(p -> depth(p) == deepest).toList();
    }

    private void descend(List<String> tokens, int from, JsonNode start, String at, List<String> found) {
        JsonNode node = start;
        StringBuilder pointer = new StringBuilder(at);
        for (int i = from; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (isParameter(token)) {
                String parameter = parameter(node, pointer.toString(), token.substring(1, token.length() - 1));
                if (parameter == null) {
                    break;
                }
                node = at(parameter);
                pointer.setLength(0);
                pointer.append(parameter);
                continue;
            }
            // The parser calls a parameter's schema "schemas"; a name with dots arrives split, so rejoin until it exists.
            String name = token.equals("schemas") && !node.has("schemas") && node.has("schema") ? "schema" : token;
            int last = i;
            while (child(node, name).isMissingNode() && last + 1 < tokens.size() && !isParameter(tokens.get(last + 1))) {
                name = name + "." + tokens.get(++last);
            }
            if (child(node, name).isMissingNode()) {
                if (pointer.toString().endsWith("/callbacks") && intoCallbacks(tokens, i, node, pointer.toString(), found)) {
                    return;
                }
                break;
            }
            node = child(node, name);
            pointer.append('/').append(escape(name));
            i = last;
        }
        found.add(pointer.toString());
    }

    /** Each callback operation named by {@code tokens[i]} (a method), followed down the rest of the location. */
    private boolean intoCallbacks(List<String> tokens, int i, JsonNode callbacks, String pointer, List<String> found) {
        boolean any = false;
        for (Map.Entry<String, JsonNode> callback : callbacks.properties()) {
            for (Map.Entry<String, JsonNode> expression : callback.getValue().properties()) {
                JsonNode operation = child(expression.getValue(), tokens.get(i));
                if (operation.isObject()) {
                    descend(tokens, i + 1, operation, pointer + "/" + escape(callback.getKey()) + "/" + escape(expression.getKey())
                            + "/" + escape(tokens.get(i)), found);
                    any = true;
                }
            }
        }
        return any;
    }

    private static long depth(String pointer) {
        return pointer.chars().filter(c -> c == '/').count();
    }

    /** What a {@code $ref} in this document points to: missing for a reference to another document, or to nothing. */
    JsonNode target(String ref) {
        if (!ref.startsWith("#")) {
            return MissingNode.getInstance();
        }
        JsonNode direct = at(ref.substring(1));
        if (!direct.isMissingNode() || !ref.contains("%")) {
            return direct;
        }
        try {
            // a fragment is a URI fragment: percent-encoded characters (%7B for {) name what the pointer spells out
            return at(URI.create(ref).getFragment());
        } catch (IllegalArgumentException e) {
            return direct;
        }
    }

    /**
     * The first member named {@code key} ({@code null}: any name) at or below {@code base}, in document order, that
     * passes {@code test}. Below {@code base} only OpenAPI structure is searched: data values and the names of maps
     * (a property called {@code default}) are not mistaken for keywords.
     */
    Optional<String> find(String base, String key, Test test) {
        return Optional.ofNullable(walk(at(base), base, null, key, test));
    }

    /** The first string anywhere in the document that is {@code reference} or starts with {@code reference#}. */
    Optional<String> findReference(String reference) {
        return Optional.ofNullable(referenceIn(root, "", reference));
    }

    private String walk(JsonNode node, String pointer, String via, String key, Test test) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = walk(node.get(i), pointer + "/" + i, "", key, test);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        boolean keywords = via == null || !NAME_MAPS.contains(via);
        if (keywords) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if ((key == null || key.equals(member.getKey())) && test.holds(via, node, member.getValue())) {
                    return pointer + "/" + escape(member.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (keywords && (DATA.contains(member.getKey()) || member.getKey().startsWith("x-"))) {
                continue;
            }
            String found = walk(member.getValue(), pointer + "/" + escape(member.getKey()), member.getKey(), key, test);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String referenceIn(JsonNode node, String pointer, String reference) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.equals(reference) || text.startsWith(reference + "#") ? pointer : null;
        }
        for (int i = 0; i < node.size() && node.isArray(); i++) {
            String found = referenceIn(node.get(i), pointer + "/" + i, reference);
            if (found != null) {
                return found;
            }
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String found = referenceIn(member.getValue(), pointer + "/" + escape(member.getKey()), reference);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * A parameter the parser names {@code [name]}: in an operation it is an entry of the {@code parameters} list (the
     * component it refers to, for a {@code $ref}), at path level the path item's list, in components the object itself.
     */
    private String parameter(JsonNode node, String pointer, String name) {
        if (node.isObject() && name.equals(node.path("name").asText(null))) {
            return pointer;
        }
        JsonNode list = node.isArray() ? node : node.path("parameters");
        String at = node.isArray() ? pointer : pointer + "/parameters";
        if (!list.isArray()) {
            return null;
        }
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(list.get(i).path("name").asText(null))) {
                return at + "/" + i;
            }
        }
        for (JsonNode entry : list) {
            String ref = entry.path("$ref").asText("");
            if (ref.startsWith("#/") && name.equals(at(ref.substring(1)).path("name").asText(null))) {
                return ref.substring(1);
            }
        }
        return null;
    }

    private static JsonNode child(JsonNode node, String name) {
        if (node.isArray() && name.matches("\\d{1,9}")) {
            return node.path(Integer.parseInt(name));
        }
        return node.isObject() ? node.path(name) : MissingNode.getInstance();
    }

    private static boolean isParameter(String token) {
        return token.length() > 1 && token.startsWith("[") && token.endsWith("]");
    }

    /** {@code paths.'/a.b'(get).parameters.[id].schemas} → {@code paths, /a.b, get, parameters, [id], schemas}. */
    static List<String> tokens(String location) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < location.length()) {
            char c = location.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '\'' || c == '(' || c == '[') {
                char close = c == '\'' ? '\'' : c == '(' ? ')' : ']';
                int end = closing(location, i + 1, close);
                String inner = location.substring(i + 1, end);
                tokens.add(c == '[' ? "[" + inner + "]" : inner);
                i = end + 1;
            } else {
                int end = i;
                while (end < location.length() && ".'([".indexOf(location.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(location.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    /** The closing character that ends the token (followed by a separator or the end), so names may contain it. */
    private static int closing(String location, int from, char close) {
        for (int end = location.indexOf(close, from); end >= 0; end = location.indexOf(close, end + 1)) {
            if (end + 1 == location.length() || ".([".indexOf(location.charAt(end + 1)) >= 0) {
                return end;
            }
        }
        return location.length();
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
