package dev.specwright.generator.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads one JSON or YAML document within {@link LoadLimits}, as a tree and as JSON text. swagger-parser is then handed
 * the JSON text, never the YAML: its own YAML reading lets aliases expand without bound and refuses nesting past
 * SnakeYAML's default of 50, while its JSON reading keeps Jackson's limits — so every document is checked here once,
 * the same way whatever its syntax. YAML is read as swagger-parser reads it (SnakeYAML's safe constructor, its resolver
 * that leaves dates as strings, duplicate keys refused), so the JSON means what the YAML meant; {@link YamlKeys} checks
 * the keys first, where their JSON pointer is still known. JSON refuses duplicate keys too, located by Jackson's context.
 */
final class DocumentReader {

    /** A document read: its tree, and the same as JSON text. */
    record Document(JsonNode tree, String json) {}

    /** A document that breaks a rule: what the rule is (with the line, where known), where, and how to fix it. */
    static final class Refused extends Exception {
        private final String fix;
        private final String pointer;

        Refused(String rule, String fix) {
            this(rule, fix, "");
        }

        /** @param pointer where in the document ({@code ""}: the document as a whole, or a place the reader cannot name) */
        Refused(String rule, String fix, String pointer) {
            super(rule, null, false, false);
            this.fix = fix;
            this.pointer = pointer;
        }

        String pointer() {
            return pointer;
        }

        String rule() {
            return getMessage();
        }

        String fix() {
            return fix;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(LoadLimits.MAX_DEPTH).build())
                    .build())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // a key given twice is refused where it is, as in YAML, not silently replaced by the second
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DocumentReader() {}

    /** The file, read within the limits; any rule it breaks is a problem located in it. */
    static Document read(Path path, String file) throws SpecProblemsException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, "", "the file must be readable UTF-8 text ("
                    + e.getClass().getSimpleName() + ").", "save it as UTF-8.")));
        }
        try {
            return read(text);
        } catch (Refused e) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, e.pointer(), e.rule(), e.fix())));
        }
    }

    /** JSON when it starts with {@code {}, else YAML: swagger-parser's rule, so both read a file the same way. */
    static Document read(String text) throws Refused {
        if (text.trim().startsWith("{")) {
            return new Document(jsonTree(text), text);
        }
        String json = yamlAsJson(text);
        return new Document(jsonTree(json), json);
    }

    /** JSON text as a tree, nesting bounded. */
    static JsonNode jsonTree(String json) throws Refused {
        try {
            return JSON.readTree(json);
        } catch (StreamConstraintsException e) {
            throw tooDeep();
        } catch (JsonProcessingException e) {
            Refused duplicate = duplicate(e);
            if (duplicate != null) {
                throw duplicate;
            }
            throw new Refused("the file must be valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ").", "fix the JSON syntax at that line.");
        }
    }

    /**
     * A duplicate key Jackson refused ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}), located: the parser stands
     * on the second key when it throws. Null for any other error.
     */
    private static Refused duplicate(JsonProcessingException e) {
        if (!(e instanceof StreamReadException read) || !String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field ")
                || read.getProcessor() == null) {
            return null;
        }
        JsonStreamContext at = read.getProcessor().getParsingContext();
        return YamlKeys.duplicate(at.getCurrentName(), at.pathAsPointer().toString(), "line " + e.getLocation().getLineNr());
    }

    private static String yamlAsJson(String yaml) throws Refused {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(LoadLimits.MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(LoadLimits.MAX_DEPTH);
        // The code point limit guards against huge input; this file is the user's own choice, already read in full.
        options.setCodePointLimit(Math.max(options.getCodePointLimit(), yaml.length() + 1));
        Yaml parser = new Yaml(new BoundedConstructor(options, yaml.length()), new Representer(new DumperOptions()), new DumperOptions(), options,
                new DeserializationUtils.CustomResolver());
        Object value;
        try {
            value = parser.load(yaml);
        } catch (Thrown e) {
            throw e.refused();
        } catch (MarkedYAMLException e) {
            throw syntax(yaml, e);
        } catch (YAMLException e) {
            throw yamlLimit(e);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new Refused("the YAML holds a value JSON cannot (" + e.getOriginalMessage() + ").",
                    "write the value as a string, a number, a boolean, a list or a mapping.");
        }
    }

    private static Refused yamlLimit(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Nesting Depth exceeded")) {
            return tooDeep();
        }
        if (message.startsWith("Number of aliases")) {
            return new Refused("the YAML uses more than " + String.format("%,d", LoadLimits.MAX_ALIASES)
                    + " aliases (*name) of lists and mappings, the limit.",
                    "define the repeated parts once under `components` and `$ref` them instead of aliasing them.");
        }
        if (message.startsWith("Recursive key")) {
            return AliasCheck.cycle();
        }
        return new Refused("the file must be valid YAML (" + message + ").", "fix the YAML.");
    }

    static Refused tooDeep() {
        return new Refused("the document nests lists and objects more than " + LoadLimits.MAX_DEPTH
                + " deep, the limit for JSON and YAML alike.",
                "flatten it: move nested schemas to #/components/schemas and `$ref` them.");
    }

    /**
     * A YAML syntax error as one line: where it starts (SnakeYAML's context mark, e.g. the quote never closed, else
     * the problem's), what was found where, the line's text, and the fix: never the parser's exception.
     */
    static Refused syntax(String yaml, MarkedYAMLException e) {
        Mark context = e.getContextMark();
        Mark problem = e.getProblemMark();
        Mark at = context != null ? context : problem;
        StringBuilder rule = new StringBuilder("the file must be valid YAML (").append(where(at));
        if (context != null && e.getContext() != null) {
            rule.append(e.getContext().strip()).append(": ").append(e.getProblem());
            if (problem != null) {
                rule.append(" at line ").append(problem.getLine() + 1).append(", column ").append(problem.getColumn() + 1);
            }
        } else {
            rule.append(e.getProblem());
        }
        rule.append(')');
        String text = at == null ? "" : lineOf(yaml, at.getLine()).strip();
        if (!text.isEmpty()) {
            rule.append("; the line reads `").append(text.length() > 80 ? text.substring(0, 77) + "..." : text).append('`');
        }
        rule.append('.');
        String line = at == null ? "that line" : "line " + (at.getLine() + 1);
        String what = e.getContext() != null && e.getContext().contains("quoted scalar")
                ? " (a quote opened there is never closed: close it on the same line)"
                : "";
        return new Refused(rule.toString(), "fix the YAML at " + line + what + ".");
    }

    private static String lineOf(String text, int index) {
        int start = 0;
        for (int i = 0; i < index && start >= 0; i++) {
            start = text.indexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0 || start > text.length()) {
            return "";
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String where(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /** A refusal thrown through SnakeYAML, which lets runtime exceptions pass. */
    private static final class Thrown extends RuntimeException {
        private final transient Refused refused;

        Thrown(Refused refused) {
            super(refused.rule(), null, false, false);
            this.refused = refused;
        }

        Refused refused() {
            return refused;
        }
    }

    /** The safe constructor, checking the composed node graph before it builds anything from it. */
    private static final class BoundedConstructor extends SafeConstructor {
        private final long maxChars;

        BoundedConstructor(LoaderOptions options, long fileChars) {
            super(options);
            this.maxChars = Math.max(LoadLimits.MIN_EXPANDED_CHARS,
                    fileChars > Long.MAX_VALUE / LoadLimits.EXPANSION_FACTOR ? Long.MAX_VALUE : fileChars * LoadLimits.EXPANSION_FACTOR);
        }

        @Override
        public Object getSingleData(Class<?> type) {
            Node node = composer.getSingleNode();
            if (node == null) {
                return null;
            }
            new AliasCheck(maxChars).check(node);
            try {
                YamlKeys.check(node, this::constructObject);
            } catch (Refused e) {
                throw new Thrown(e);
            }
            return constructDocument(node);
        }
    }

    /**
     * The size (nodes and characters) and depth of the document as JSON would spell it out, every alias a copy of what it
     * names: computed once per distinct node, so a billion laughs costs as little to measure as it took to write.
     */
    private static final class AliasCheck {
        private final Map<Node, long[]> measured = new IdentityHashMap<>();
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private final long maxChars;

        AliasCheck(long maxChars) {
            this.maxChars = maxChars;
        }

        static Refused cycle() {
            return new Refused("a YAML alias names a list or mapping that contains the alias itself: a cycle no JSON document can hold.",
                    "remove the alias; a recursive schema is written with a `$ref` to itself.");
        }

        void check(Node root) {
            long[] sizeAndDepth = measure(root);
            long added = sizeAndDepth[0] - measured.size();
            if (added > LoadLimits.MAX_ALIAS_EXPANSION) {
                throw new Thrown(new Refused("the YAML aliases expand the document by "
                        + (sizeAndDepth[0] == Long.MAX_VALUE ? "more than 9 quintillion" : String.format("%,d", added))
                        + " nodes, over the limit of " + String.format("%,d", LoadLimits.MAX_ALIAS_EXPANSION)
                        + " (aliases of aliases: a \"billion laughs\").",
                        "define the repeated parts once under `components` and `$ref` them instead of aliasing them."));
            }
            if (sizeAndDepth[1] > LoadLimits.MAX_DEPTH) {
                throw new Thrown(tooDeep());
            }
            if (sizeAndDepth[2] > maxChars) {
                throw new Thrown(new Refused("the YAML aliases expand the document to "
                        + (sizeAndDepth[2] == Long.MAX_VALUE ? "more than 9 quintillion" : String.format("%,d", sizeAndDepth[2]))
                        + " characters of JSON, over the limit of " + String.format("%,d", maxChars) + " (" + LoadLimits.EXPANSION_FACTOR
                        + " times the file's size, at least 64 MiB): long text aliased many times.",
                        "define the repeated parts once under `components` and `$ref` them instead of aliasing them."));
            }
        }

        private long[] measure(Node node) {
            long[] known = measured.get(node);
            if (known != null) {
                return known;
            }
            if (!open.add(node)) {
                throw new Thrown(cycle());
            }
            long size = 1;
            long depth = 0;
            // a scalar's text and its quotes and separator; a list's or mapping's brackets
            long chars = node instanceof ScalarNode scalar ? scalar.getValue().length() + 3 : 2;
            for (Node child : children(node)) {
                long[] c = measure(child);
                size = sum(size, c[0]);
                depth = Math.max(depth, c[1]);
                chars = sum(chars, c[2]);
            }
            open.remove(node);
            long[] result = {size, node instanceof MappingNode || node instanceof SequenceNode ? depth + 1 : 0, chars};
            measured.put(node, result);
            return result;
        }

        private static long sum(long a, long b) {
            return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
        }

        private static List<Node> children(Node node) {
            if (node instanceof SequenceNode sequence) {
                return sequence.getValue();
            }
            if (node instanceof MappingNode mapping) {
                List<Node> children = new java.util.ArrayList<>(mapping.getValue().size() * 2);
                for (NodeTuple tuple : mapping.getValue()) {
                    children.add(tuple.getKeyNode());
                    children.add(tuple.getValueNode());
                }
                return children;
            }
            return List.of();
        }
    }
}
