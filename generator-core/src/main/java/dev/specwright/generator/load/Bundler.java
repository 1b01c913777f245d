package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.load.RefPositions.Form;
import dev.specwright.generator.load.RefPositions.Kind;
import dev.specwright.generator.load.RefPositions.Shape;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Does what {@code redocly bundle} and {@code swagger-cli bundle} do for a {@code $ref} where OpenAPI allows none — a
 * whole operation, an {@code info}, a tag, a {@code security} entry, a whole {@code components/schemas} map: it puts a
 * copy of the node it names in its place, the relative references inside the copy rebased to the spec's folder, and
 * says so once per such reference (a warning). Multi-file specs written for those bundlers are made that way; without
 * this swagger-parser gives an error for each use and more for what follows from them.
 *
 * <p>It reads no file: the documents are the ones {@link RefGuard} checked and read. References OpenAPI allows
 * (schemas, parameters, responses, request bodies, headers, examples, links, callbacks, security schemes) stay as they
 * are, for swagger-parser to resolve — named schemas stay named. A path item is copied in as well, silently (it has no
 * name to keep, and swagger-parser would copy it in just the same), so the references inside it are bundled too; so is
 * a parameter, response... in another document that itself holds a $ref OpenAPI does not allow. Where a $ref may stand
 * is {@link RefPositions}'.
 */
final class Bundler {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final String RULE = "OpenAPI does not allow a $ref here";
    static final String FIX = "inline it, or run a bundler; Specwright inlined it.";
    /** The nodes all copies together may add: as many as YAML aliases may (LoadLimits.MAX_ALIAS_EXPANSION). */
    static final long MAX_COPIED_NODES = LoadLimits.MAX_ALIAS_EXPANSION;

    /**
     * Where a node was written ({@code file}, {@code pointer}: for the warnings of the references inside it), and where
     * it is in the bundled tree ({@code placed}).
     */
    private record Origin(String file, String pointer, String placed) {
        Origin at(String name) {
            String step = "/" + SpecTree.escape(name);
            return new Origin(file, pointer + step, placed + step);
        }
    }

    /**
     * Where each copy came from, by its place in the bundled tree: what swagger-parser says of a place inside a copy is
     * said of the file and pointer it was copied from.
     */
    static final class Places {
        /** No copies: every place is where the spec says. */
        static final Places NONE = new Places("", Map.of());

        private final String rootName;
        private final Map<String, Origin> copies;

        private Places(String rootName, Map<String, Origin> copies) {
            this.rootName = rootName;
            this.copies = copies;
        }

        /** {@code problem}, located in the file a copy came from when it is inside one. */
        SpecProblem locate(SpecProblem problem) {
            if (!problem.file().equals(rootName)) {
                return problem;
            }
            String pointer = problem.pointer();
            // the deepest copy the place is in: its pointer, then its parents' (a copy inside a copy is the closer one)
            for (String place = pointer; ; place = place.substring(0, place.lastIndexOf('/'))) {
                Origin from = copies.get(place);
                if (from != null) {
                    return new SpecProblem(from.file(), from.pointer() + pointer.substring(place.length()), problem.rule(),
                            problem.fix());
                }
                if (place.isEmpty()) {
                    break;
                }
            }
            return problem;
        }
    }

    private final String root;
    private final String rootName;
    private final Map<String, JsonNode> documents;
    private final Map<String, String> names;
    private final List<SpecProblem> warnings = new ArrayList<>();
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Deque<String> inlining = new ArrayDeque<>();
    private final Map<String, Origin> copies = new java.util.HashMap<>();
    private boolean changed;
    /** The nodes copied in so far. */
    private long copied;
    /** A path item of {@code #/components/pathItems} was copied in. */
    private boolean componentPathItems;

    /**
     * @param root the spec's key among {@code documents} (its absolute, normalized path)
     * @param documents every document RefGuard read, by absolute normalized path (a file) or URL
     * @param names how the user names each of them in messages
     */
    Bundler(String root, Map<String, JsonNode> documents, Map<String, String> names) {
        this.root = root;
        this.documents = documents;
        this.names = names;
        this.rootName = names.getOrDefault(root, root);
    }

    /** Bundles the spec's tree in place. */
    void bundle(JsonNode tree) {
        value(tree, new Shape(Kind.ROOT, Form.ONE), new Origin(rootName, "", ""));
        if (componentPathItems && tree.path("components").isObject()) {
            // Each use is copied in; swagger-parser would count the operations of the originals as second uses of their
            // operationIds, and the model reads no component path item.
            ((ObjectNode) tree.get("components")).remove("pathItems");
        }
    }

    /** One warning per reference copied in where OpenAPI allows none. */
    List<SpecProblem> warnings() {
        return warnings;
    }

    /** References that cannot be copied in: one that names nothing, or one that would copy itself in. */
    List<SpecProblem> problems() {
        return problems;
    }

    /** Where the copies came from. */
    Places places() {
        return new Places(rootName, Map.copyOf(copies));
    }

    /** Whether the tree differs from the spec as written (it then goes to swagger-parser as the bundled tree). */
    boolean changed() {
        return changed;
    }

    /** The node to keep at this place: {@code node} itself, bundled inside, or what its illegal $ref named. */
    private JsonNode value(JsonNode node, Shape shape, Origin origin) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            String ref = node.get("$ref").textValue();
            if (shape.form() == Form.ONE && shape.kind().referable) {
                return copiedAnyway(ref, shape) ? inline((ObjectNode) node, shape, origin, false) : node;
            }
            return inline((ObjectNode) node, shape, origin, true);
        }
        switch (shape.form()) {
            case MAP -> {
                if (node.isObject()) {
                    ObjectNode map = (ObjectNode) node;
                    for (String name : names(map)) {
                        if (!name.startsWith("x-")) {
                            replace(map, name, value(map.get(name), new Shape(shape.kind(), Form.ONE), origin.at(name)));
                        }
                    }
                }
            }
            case LIST -> {
                if (node.isArray()) {
                    ArrayNode list = (ArrayNode) node;
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode kept = value(list.get(i), new Shape(shape.kind(), Form.ONE), origin.at(String.valueOf(i)));
                        if (kept != list.get(i)) {
                            list.set(i, kept);
                        }
                    }
                }
            }
            case ONE -> {
                if (node.isObject()) {
                    ObjectNode object = (ObjectNode) node;
                    for (String name : names(object)) {
                        Shape child = RefPositions.child(shape.kind(), name);
                        if (child != null) {
                            replace(object, name, value(object.get(name), child, origin.at(name)));
                        }
                    }
                }
            }
        }
        return node;
    }

    /**
     * A reference OpenAPI allows, copied in all the same (silently): a path item (it has no name to keep, and
     * swagger-parser resolves none under {@code components/pathItems} or {@code webhooks}), and a parameter, response,
     * request body... in another document that holds a $ref OpenAPI does not allow — swagger-parser would read that
     * document itself, and fail on it. A schema keeps its reference: its name is its Java type's.
     */
    private boolean copiedAnyway(String ref, Shape shape) {
        if (shape.kind() == Kind.PATH_ITEM) {
            return true;
        }
        if (shape.kind() == Kind.SCHEMA) {
            return false;
        }
        String document = documentOf(root, location(ref));
        JsonNode tree = documents.get(document);
        if (document.equals(root) || tree == null) {
            return false;
        }
        String fragment = fragment(ref);
        JsonNode target = fragment.isEmpty() ? tree : tree.at(fragment);
        return !target.isMissingNode() && holdsIllegal(target, shape);
    }

    /** Whether a $ref OpenAPI does not allow is in {@code node} (references it allows are not followed). */
    private static boolean holdsIllegal(JsonNode node, Shape shape) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            return shape.form() != Form.ONE || !shape.kind().referable;
        }
        Shape each = new Shape(shape.kind(), Form.ONE);
        return switch (shape.form()) {
            case MAP -> node.isObject() && node.properties().stream()
                    .anyMatch(e -> !e.getKey().startsWith("x-") && holdsIllegal(e.getValue(), each));
            case LIST -> node.isArray() && java.util.stream.StreamSupport.stream(node.spliterator(), false).anyMatch(e -> holdsIllegal(e, each));
            case ONE -> node.isObject() && node.properties().stream().anyMatch(e -> {
                Shape child = RefPositions.child(shape.kind(), e.getKey());
                return child != null && holdsIllegal(e.getValue(), child);
            });
        };
    }

    /** The node {@code holder}'s $ref names, copied, its refs rebased, its siblings laid over it, then bundled itself. */
    private JsonNode inline(ObjectNode holder, Shape shape, Origin origin, boolean illegal) {
        String ref = holder.get("$ref").textValue();
        Origin at = origin.at("$ref");
        String location = location(ref);
        if (location.indexOf('.') < 0 && location.indexOf('/') < 0 && location.indexOf(':') < 0 && !location.isEmpty()) {
            return holder; // a bare schema name: swagger-parser's to report
        }
        String document = documentOf(root, location);
        JsonNode tree = documents.get(document);
        if (tree == null) {
            return holder; // not read by RefGuard (it refused it, or it is no file): nothing is copied in
        }
        String fragment = fragment(ref);
        JsonNode target = fragment.isEmpty() ? tree : tree.at(fragment);
        if (target.isMissingNode()) {
            problems.add(new SpecProblem(at.file(), at.pointer(), "the $ref `" + ref + "` names nothing: " + names.getOrDefault(document,
                    document) + " has no `" + fragment + "`.", "correct the reference."));
            return holder;
        }
        String key = document + "#" + fragment;
        if (inlining.contains(key)) {
            problems.add(new SpecProblem(at.file(), at.pointer(), "the $ref `" + ref + "` copies in a node that holds this very "
                    + "$ref: it would never end.", "break the cycle: point the $ref at the node itself, not at one that contains it."));
            return holder;
        }
        if (!affordable(target, at, ref)) {
            return holder;
        }
        if (illegal) {
            warnings.add(new SpecProblem(at.file(), at.pointer(), RULE + " (" + where(shape) + ").", FIX));
        }
        changed = true;
        componentPathItems |= shape.kind() == Kind.PATH_ITEM && document.equals(root) && fragment.startsWith("/components/pathItems/");
        JsonNode copy = target.deepCopy();
        if (!document.equals(root)) {
            rebase(copy, document);
        }
        if (copy.isObject()) {
            for (Map.Entry<String, JsonNode> sibling : holder.properties()) {
                if (!sibling.getKey().equals("$ref")) {
                    ((ObjectNode) copy).set(sibling.getKey(), sibling.getValue());
                }
            }
        }
        inlining.push(key);
        try {
            Origin from = new Origin(names.getOrDefault(document, document), fragment, origin.placed());
            copies.put(origin.placed(), from);
            return value(copy, shape, from);
        } finally {
            inlining.pop();
        }
    }

    /**
     * Whether copying {@code target} keeps the copies within {@link #MAX_COPIED_NODES}: a few small files whose $refs
     * copy in, each, several $refs to the next would otherwise make a billion nodes, as YAML aliases would. The first
     * copy over the bound is a problem; the ones after it are not tried.
     */
    private boolean affordable(JsonNode target, Origin at, String ref) {
        if (copied > MAX_COPIED_NODES) {
            return false;
        }
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(target));
        while (!pending.isEmpty() && copied <= MAX_COPIED_NODES) {
            JsonNode node = pending.pop();
            copied++;
            node.forEach(pending::push);
        }
        if (copied > MAX_COPIED_NODES) {
            problems.add(new SpecProblem(at.file(), at.pointer(), "copying in what the $refs OpenAPI does not allow name adds more "
                    + "than " + MAX_COPIED_NODES + " nodes by the $ref `" + ref + "`: copies that hold $refs to more copies.",
                    "make the shared part a component and point legal $refs (a schema, a parameter, a response...) at it."));
            return false;
        }
        return true;
    }

    private static String where(Shape shape) {
        return switch (shape.form()) {
            case ONE -> "it stands for " + shape.kind().label;
            case MAP -> "it stands for a whole map of " + shape.kind().plural;
            case LIST -> "it stands for a whole list of " + shape.kind().plural;
        };
    }

    /** The bundled tree as JSON text, for swagger-parser. */
    static String json(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON writes as JSON", e);
        }
    }

    /**
     * Every reference inside a node copied from {@code document} made to resolve the same from the spec. Extensions and
     * examples are data, as RefGuard reads them: nothing in them is rebased.
     */
    private void rebase(JsonNode node, String document) {
        if (node.isArray()) {
            node.forEach(element -> rebase(element, document));
            return;
        }
        if (!node.isObject() || node.has("$id")) {
            return; // under an $id, references resolve against it (3.1), not against the file
        }
        ObjectNode object = (ObjectNode) node;
        for (String name : names(object)) {
            JsonNode value = object.get(name);
            if (name.equals("$ref") && value.isTextual()) {
                object.put("$ref", rebased(value.textValue(), document));
            } else if (name.equals("mapping") && value.isObject()) {
                for (String choice : names((ObjectNode) value)) {
                    JsonNode target = value.get(choice);
                    if (target.isTextual() && (target.textValue().contains("/") || target.textValue().contains("#"))) {
                        ((ObjectNode) value).set(choice, TextNode.valueOf(rebased(target.textValue(), document)));
                    }
                }
            } else if (name.equals("examples") && value.isObject()) {
                value.forEach(example -> rebaseExample(example, document));
            } else if (!name.startsWith("x-") && !name.equals("example") && !name.equals("examples")) {
                rebase(value, document);
            }
        }
    }

    /** An Example Object: a $ref of its own, or a value that is data. */
    private void rebaseExample(JsonNode example, String document) {
        if (example.isObject() && example.path("$ref").isTextual()) {
            ((ObjectNode) example).put("$ref", rebased(example.get("$ref").textValue(), document));
        }
    }

    /** {@code ref}, written in {@code document}, as the spec would write it. */
    private String rebased(String ref, String document) {
        String location = location(ref);
        if (!location.isEmpty() && location.indexOf('.') < 0 && location.indexOf('/') < 0 && location.indexOf(':') < 0) {
            return ref; // a bare schema name means the same anywhere
        }
        String target = documentOf(document, location);
        int hash = ref.indexOf('#');
        String fragment = hash < 0 ? "" : ref.substring(hash);
        if (target.equals(root)) {
            return fragment.isEmpty() ? "#" : fragment;
        }
        if (isUrl(target)) {
            return target + fragment;
        }
        String relative = Path.of(root).getParent().relativize(Path.of(target)).toString().replace('\\', '/');
        return relative + fragment;
    }

    /** The document part of a reference, as swagger-parser splits it: what comes before {@code #/}. */
    private static String location(String ref) {
        int split = ref.indexOf("#/");
        String location = split < 0 ? ref : ref.substring(0, split);
        return location.endsWith("#") ? location.substring(0, location.length() - 1) : location;
    }

    private static String fragment(String ref) {
        int hash = ref.indexOf('#');
        return hash < 0 ? "" : URLDecoder.decode(ref.substring(hash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The key of the document {@code location} names from {@code from}, as RefGuard keyed what it read. */
    private static String documentOf(String from, String location) {
        if (location.isEmpty()) {
            return from;
        }
        if (SCHEME.matcher(location).find()) {
            return location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)).normalize().toString() : location;
        }
        if (isUrl(from)) {
            return URI.create(from).resolve(location).toString();
        }
        return Path.of(from).getParent().resolve(location).toAbsolutePath().normalize().toString();
    }

    /** RefGuard keys a remote document by its https (or loopback http) URL, a file by its absolute path. */
    private static boolean isUrl(String document) {
        return document.regionMatches(true, 0, "https:", 0, 6) || document.regionMatches(true, 0, "http:", 0, 5);
    }

    /** The member names, copied: members are replaced while they are walked. */
    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void replace(ObjectNode object, String name, JsonNode kept) {
        if (kept != object.get(name)) {
            object.set(name, kept);
        }
    }

}
