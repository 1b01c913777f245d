package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specwright.generator.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code $ref} into the spec itself ({@code #/...}) must point to something. swagger-parser reports a dangling
 * one only in some places (a schema; in 3.1 also a parameter, a response, a header...) and in 3.0 lets a response,
 * header, link, example or callback that points to nothing pass silently: the client then lacks what the spec meant
 * (a response without its type). Checked here once, on the document as written, so each is one located problem in 3.0
 * and 3.1 alike, whatever the parser would have said.
 */
final class LocalRefs {

    /** Members whose values are data (an example's `value` included), never references. */
    private static final Set<String> DATA = Set.of("default", "example", "enum", "const", "value");

    private final SpecTree tree;
    private final String file;
    private final List<SpecProblem> problems = new ArrayList<>();
    /** The escaped segments down to the node being walked: a pointer is spelled out only for a problem. */
    private final List<String> path = new ArrayList<>();

    private LocalRefs(String file, JsonNode root) {
        this.file = file;
        this.tree = new SpecTree(root);
    }

    /** The problems of the document's dangling local references, in document order. */
    static List<SpecProblem> dangling(String file, JsonNode root) {
        LocalRefs refs = new LocalRefs(file, root);
        refs.walk(root, null);
        return refs.problems;
    }

    private void walk(JsonNode node, String via) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(String.valueOf(i));
                walk(node.get(i), "");
                path.remove(path.size() - 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        // under a map of names (properties, examples...) the keys are names the author chose, not keywords
        boolean keywords = via == null || !SpecTree.NAME_MAPS.contains(via) && !via.equals("examples");
        if (keywords && node.has("$id")) {
            return; // a JSON Schema resource of its own: its `#` is its own root (RefGuard follows such bases)
        }
        JsonNode ref = node.get("$ref");
        if (keywords && ref != null && ref.isTextual() && ref.textValue().startsWith("#/")
                && tree.target(ref.textValue()).isMissingNode()) {
            problems.add(ParserMessages.dangling(file, "/" + String.join("/", path) + (path.isEmpty() ? "" : "/") + "$ref",
                    ref.textValue()));
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = member.getKey();
            // a schema's `examples` (3.1) is a list of values; elsewhere it is a map of Example objects, which may be $refs
            boolean data = DATA.contains(key) || key.startsWith("x-") || key.equals("examples") && member.getValue().isArray();
            if ((!keywords || !data) && member.getValue().isContainerNode()) { // a scalar holds no $ref
                path.add(SpecTree.escape(key));
                walk(member.getValue(), key);
                path.remove(path.size() - 1);
            }
        }
    }
}
