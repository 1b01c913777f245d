package dev.specwright.generator.load;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of a composed YAML document, checked before anything is built from it, where the path to each key is still
 * known: SnakeYAML's own duplicate check knows only a line, and a null key only fails later, in Jackson, with no place at
 * all. A key must become a JSON name that is what the author wrote: not null, not a list or mapping, not a scalar YAML
 * reads as another value ({@code on} is {@code true}, {@code 010} is 8), and not one another key of the same object
 * already names ({@code 200} and {@code '200'} are both "200" in JSON, and one would silently replace the other).
 */
final class YamlKeys {

    private final Function<Node, Object> construct;
    /** Each list and mapping once: an alias is the node it names, checked where it first appears. */
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param construct what SnakeYAML's constructor makes of a scalar key (the value Jackson then writes as a name) */
    private YamlKeys(Function<Node, Object> construct) {
        this.construct = construct;
    }

    /** Throws the first key, in document order, that breaks a rule above, located at its object or its member. */
    static void check(Node root, Function<Node, Object> construct) throws DocumentReader.Refused {
        new YamlKeys(construct).visit(root, "");
    }

    private void visit(Node node, String pointer) throws DocumentReader.Refused {
        if (node instanceof ScalarNode || !seen.add(node)) {
            return; // a scalar has no keys: not remembered, so the set holds only lists and mappings
        }
        if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                visit(sequence.getValue().get(i), pointer + "/" + i);
            }
        } else if (node instanceof MappingNode mapping) {
            Map<String, Node> names = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                if (key.getTag().equals(Tag.MERGE)) {
                    // `<<: *base` brings in keys this object may override: its own keys are checked against each other only
                    visit(tuple.getValueNode(), pointer);
                    continue;
                }
                String name = name(key, pointer);
                Node first = names.putIfAbsent(name, key);
                String member = pointer + "/" + SpecTree.escape(name);
                if (first != null) {
                    throw duplicate(name, member, line(key.getStartMark()) + ", and before it " + line(first.getStartMark()));
                }
                visit(tuple.getValueNode(), member);
            }
        }
    }

    /** A duplicate key, located at the second one: what the rule is, with the lines the reader knows. */
    static DocumentReader.Refused duplicate(String name, String pointer, String lines) {
        return new DocumentReader.Refused("the key `" + name + "` appears twice in this object (" + lines + "); a key may appear once.",
                "remove one of them, or merge what they hold.", pointer);
    }

    /** The JSON name of a key, or the refusal of a key that has none, located at the object holding it. */
    private String name(Node key, String pointer) throws DocumentReader.Refused {
        String at = line(key.getStartMark());
        if (!(key instanceof ScalarNode scalar)) {
            throw refusal(pointer, "the key here (" + at + ") is a " + (key instanceof MappingNode ? "mapping" : "list") + ".",
                    "write the key as a string.");
        }
        String written = scalar.getValue();
        Object value = construct.apply(key);
        if (value instanceof String text) {
            return text;
        }
        if (value == null) {
            throw written.isEmpty() ? refusal(pointer, "the empty key here (" + at + ") is YAML's null, which JSON cannot hold as a key.",
                    "give the key its name.")
                    : refusal(pointer, "`" + written + "` here (" + at + ") is YAML's null, which JSON cannot hold as a key.", quote(written));
        }
        boolean number = value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Double;
        if (!number && !(value instanceof Boolean)) {
            throw refusal(pointer, "`" + written + "` here (" + at + ") is a " + key.getTag().getClassName() + " value to YAML.",
                    quote(written));
        }
        String json = String.valueOf(value);
        if (!json.equals(written)) {
            throw refusal(pointer, "`" + written + "` here (" + at + ") is the " + (number ? "number " : "boolean ") + json
                    + " to YAML, so JSON would name it `" + json + "`.", quote(written));
        }
        return json; // 200, true: the same name in JSON as in the YAML
    }

    private static DocumentReader.Refused refusal(String pointer, String rule, String fix) {
        return new DocumentReader.Refused("a key must be a string; " + rule, fix, pointer);
    }

    private static String quote(String written) {
        return "quote it: `'" + written.replace("'", "''") + "':`.";
    }

    private static String line(Mark mark) {
        return mark == null ? "line unknown" : "line " + (mark.getLine() + 1);
    }
}
