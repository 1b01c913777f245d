package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specwright.generator.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * swagger-parser reports places as {@code paths.'/pets'(get).parameters.[limit].schemas}; users and editors need JSON
 * pointers that exist in their file ({@code /paths/~1pets/get/parameters/0/schema}). One row per message shape: its
 * pattern, where in the document it points, its rule and its fix.
 */
final class ParserMessages {

    /** The part of a message before its key: a location in the parser's notation. */
    private static final String AT = "^attribute (?:(.+)\\.)?";
    /** A location in swagger-parser's notation: names, 'quoted keys' and (methods), joined by dots. */
    private static final String LOCATION = "((?:[A-Za-z_$][\\w$-]*|'[^']*')(?:\\.(?:[A-Za-z_$][\\w$-]*|'[^']*'|\\d+)|\\([a-z]+\\))*)";
    /** swagger-parser's 3.1 resolver on a $ref to nothing: {@code Could not find /components/x in contents of #/components/x}. */
    private static final Pattern COULD_NOT_FIND = Pattern.compile("^Could not find (\\S*) in contents of (\\S+)$");
    private static final Pattern CONTENT_MISSING = Pattern.compile("^attribute (.+)\\.content is missing$");
    private static final Pattern REF_TARGET = Pattern.compile(
            "^(.+)\\.\\$ref target (#\\S*) is not of expected type (\\S+?)\\.?$");

    /** A message shape: its pattern, and the located problem (null: the message only looks like this shape). */
    private record Shape(Pattern pattern, BiFunction<Matcher, Where, SpecProblem> problem) {}

    /** The file and its tree, for the rows to locate what they report. */
    private record Where(String file, SpecTree tree) {
        SpecProblem at(String pointer, String rule, String fix) {
            return new SpecProblem(file, pointer, rule, fix);
        }

        String base(String location) {
            return location == null ? "" : tree.locate(location);
        }

        /** The place along the location that lacks {@code key}: of several (callbacks), the one without it. */
        String lacking(String location, String key) {
            return location == null ? "" : tree.candidates(location).stream().filter(c -> !tree.at(c).has(key)).findFirst()
                    .orElseGet(() -> base(location));
        }

        /** The member {@code key} at or below the location: the one passing {@code test}, else any, else the location. */
        String member(String location, String key, SpecTree.Test test) {
            String base = base(location);
            return tree.find(base, key, test).or(() -> tree.find(base, key, SpecTree.Test.ANY)).orElse(base);
        }

        /** The {@code $ref} member with this value: below the location, else anywhere (reached through a $ref), else the location. */
        String ref(String location, String ref) {
            String base = base(location);
            SpecTree.Test same = (via, holder, value) -> value.asText("").equals(ref);
            return tree.find(base, "$ref", same).or(() -> tree.find("", "$ref", same)).orElse(base);
        }
    }

    /** Keys a schema may hold (OpenAPI 3.0 and 3.1), and the objects nested in schemas that have keys of their own. */
    private static final Set<String> SCHEMA_KEYS = Set.of("$ref", "title", "multipleOf", "maximum", "format", "exclusiveMaximum",
            "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
            "maxProperties", "minProperties", "required", "enum", "type", "allOf", "oneOf", "anyOf", "not", "items", "properties",
            "additionalProperties", "patternProperties", "description", "default", "nullable", "discriminator", "readOnly",
            "writeOnly", "xml", "externalDocs", "example", "examples", "deprecated", "const");
    private static final Map<String, Set<String>> NESTED_KEYS = Map.of(
            "xml", Set.of("name", "namespace", "prefix", "attribute", "wrapped"),
            "externalDocs", Set.of("description", "url"),
            "discriminator", Set.of("propertyName", "mapping"));

    /** swagger-parser's name of an expected $ref target → the components section holding such objects. */
    private static final Map<String, String> SECTIONS = Map.of("Schema", "schemas", "Response", "responses",
            "Parameter", "parameters", "RequestBody", "requestBodies", "Header", "headers", "Examples", "examples", "Link", "links",
            "Callback", "callbacks", "PathItem", "pathItems", "securitySchemes", "securitySchemes");
    private static final Map<String, String> KINDS = Map.of("schemas", "a schema", "responses", "a response",
            "parameters", "a parameter", "requestBodies", "a request body", "headers", "a header", "examples", "an example",
            "links", "a link", "callbacks", "a callback", "pathItems", "a path item", "securitySchemes", "a security scheme");
    private static final Map<String, String> SAMPLES = Map.of("date", "2024-01-31", "date-time", "2024-01-31T12:00:00Z",
            "byte", "aGVsbG8= (base64)");
    private static final Map<String, String> ALLOWED_VALUES = Map.of("in", "query, header, path or cookie",
            "style", "form, simple, label, matrix, spaceDelimited, pipeDelimited or deepObject",
            "type", "apiKey, http, oauth2, openIdConnect or mutualTLS");

    /** swagger-parser's expected types that are JSON kinds (it says string where it rejects an object or a list). */
    private static final Map<String, String> JSON_KINDS = Map.of("object", "an object", "array", "an array",
            "string", "a string", "integer", "an integer", "double", "a number", "boolean", "a boolean");
    /** Keys the parser checks entry by entry, reporting the entry's type: `required` lists strings, `properties` maps schemas. */
    private static final Set<String> CHECKED_BY_ENTRY = Set.of("required", "properties");

    private static final List<Shape> SHAPES = List.of(
            // a dangling $ref, reported as if `<where>.#/components/...` were a missing attribute
            shape(AT + "(#/\\S*) is missing$", (m, w) -> dangling(w, w.ref(m.group(1), m.group(2)), m.group(2))),
            // the same, from swagger-parser's 3.1 resolver, which names no place: the $ref with this value is the place
            shape(COULD_NOT_FIND.pattern(), (m, w) -> m.group(2).startsWith("#") ? dangling(w, w.ref(null, m.group(2)), m.group(2))
                    : w.at(w.tree.findReference(m.group(2)).orElse(""), "the $ref `" + m.group(2) + "` points to nothing: its document "
                            + "has no " + m.group(1) + ".", "correct the reference, or add what it names to that document.")),
            shape(AT + "items is missing$", (m, w) -> {
                String base = w.base(m.group(1));
                SpecTree.Test arrayWithoutItems = (via, holder, value) -> value.asText("").equals("array") && !holder.has("items");
                String schema = w.tree.find(base, "type", arrayWithoutItems).map(ParserMessages::parent).orElse(base);
                return w.at(schema, "an array schema needs `items`, the schema of its elements.",
                        "add `items`, e.g. `items: {type: string}`.");
            }),
            shape(AT + "([^.']+) is missing$", (m, w) -> w.at(w.lacking(m.group(1), m.group(2)), "`" + m.group(2) + "` is required here but missing.",
                    "add `" + m.group(2) + "` to this object.")),
            // an entry of `encoding` for a property the schema does not have (else: a key inside an entry, the row below)
            shape(AT + "encoding\\.([^.']+) is unexpected$", (m, w) -> {
                String encoding = w.base(prefixed(m.group(1), "encoding"));
                return !encoding.endsWith("/encoding") || !w.tree.at(encoding).has(m.group(2)) ? null
                        : w.at(encoding + "/" + SpecTree.escape(m.group(2)), "`encoding` has an entry for `" + m.group(2)
                                + "`, but the schema it encodes has no such property.",
                                "name one of the schema's properties, or remove the entry.");
            }),
            // 3.1: `identifier` and `url` exclude each other (swagger-parser calls the second one unexpected)
            shape("^attribute info\\.license\\.identifier is unexpected$", (m, w) -> !w.tree.at("/info/license").has("url") ? null
                    : w.at("/info/license/identifier", "a 3.1 license gives an `identifier` or a `url`, not both.",
                            "keep one of them.")),
            shape(AT + "([^.']+) is unexpected$", (m, w) -> w.at(w.member(m.group(1), m.group(2), notAllowed(m.group(2))),
                    "`" + m.group(2) + "` is not a field OpenAPI allows here.",
                    "remove it, or rename it to `x-" + m.group(2) + "` to keep it as a vendor extension.")),
            // a string that is not of the schema's format: `default=`now`` or `enum=`now`` in a date-time schema
            shape(AT + "(default|enum)=`(.*)` is not of type `([^`]*)`$", ParserMessages::notOfFormat),
            shape(AT + "([^.']+) is not of type `([^`]*)`$", ParserMessages::notOfType),
            shape(REF_TARGET.pattern(), (m, w) -> {
                String section = SECTIONS.getOrDefault(m.group(3), "");
                String needed = KINDS.getOrDefault(section, "a " + m.group(3));
                return w.at(w.ref(m.group(1), m.group(2)), needed + " is needed here, but the $ref points to " + m.group(2) + ", "
                        + kindOf(m.group(2), needed, w.tree) + ".", "point the $ref at " + needed
                        + (section.isEmpty() ? "" : " (under #/components/" + section + ")") + ", or write one in place.");
            }),
            shape(AT + "content with no media type is unsupported$", (m, w) -> w.at(w.member(m.group(1), "content", SpecTree.Test.ANY),
                    "`content` names no media type, so what is sent here has no type.",
                    "add one media type with its schema, e.g. `application/json: {schema: {type: string}}`, "
                            + "or give a `schema` instead.")),
            shape("^paths\\.'([^']*\\?[^']*)'\\. Declared path parameter .*$", (m, w) -> {
                String path = m.group(1);
                List<String> query = new ArrayList<>();
                Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path.substring(path.indexOf('?')));
                while (names.find()) {
                    query.add("`" + names.group(1) + "`");
                }
                String declare = query.isEmpty() ? "its query parameters as parameters"
                        : String.join(", ", query) + (query.size() == 1 ? " as a parameter" : " as parameters");
                return w.at(w.base("paths.'" + path + "'"), "the path `" + path + "` contains a query string; a path template "
                        + "holds only the path.", "make the path `" + path.substring(0, path.indexOf('?')) + "` and declare " + declare
                        + " with `in: query`.");
            }),
            shape("^(.+)\\. Declared path parameter (\\S+) needs to be defined .*$", (m, w) -> w.at(w.base(m.group(1)),
                    "the path template uses `{" + m.group(2) + "}`, but neither the path nor its operations declare a path parameter `"
                            + m.group(2) + "`.", "add `{name: " + m.group(2) + ", in: path, required: true, schema: {type: string}}` to "
                            + "the `parameters` of the path (or of each operation).")),
            shape("^Unable to load (\\w+) ref: (\\S+) path: (.*)$", (m, w) -> w.at(w.tree.findReference(m.group(2)).orElse(""),
                    "the reference `" + m.group(2) + "` cannot be loaded (looked for it relative to " + m.group(3) + ").",
                    "put the file there, or point the reference into this document (`#/components/...`).")),
            shape("^" + LOCATION + "\\. There are duplicate parameter values\\.?$", ParserMessages::duplicateParameter),
            shape(AT + "operationId is repeated$", (m, w) -> {
                String pointer = w.member(m.group(1), "operationId", SpecTree.Test.ANY);
                JsonNode id = w.tree.at(pointer);
                return w.at(pointer, "the operationId " + (id.isTextual() ? "`" + abbreviated(id.textValue()) + "` " : "")
                        + "is also used by another operation; each operationId must be unique.", "rename one of them.");
            }),
            // a contact or license URL java.net.URL refuses, reported as `info.license../LICENSE`
            shape("^info\\.(contact|license)\\.(.*)$", (m, w) -> w.at(w.member("info." + m.group(1), "url", SpecTree.Test.ANY),
                    "the " + m.group(1) + " `url` is `" + abbreviated(m.group(2)) + "`, which java.net.URL cannot read (relative, or an "
                            + "unknown scheme).",
                    "write the whole URL, with its scheme (https://...).")),
            shape(AT + "([^.']+) is repeated$", (m, w) -> w.at(w.base(m.group(1)), "`" + m.group(2) + "` is defined twice here.",
                    "keep one of them.")),
            shape("^" + LOCATION + "\\. (.+?)\\.?$", (m, w) -> w.at(w.base(m.group(1)), m.group(2) + ".",
                    "correct the document at that place.")));

    private ParserMessages() {}

    private static Shape shape(String pattern, BiFunction<Matcher, Where, SpecProblem> problem) {
        return new Shape(Pattern.compile(pattern), problem);
    }

    /** A defect the generator copes with: the message's shape, and what the generated client does instead. */
    private record Tolerance(Pattern pattern, String instead) {}

    /**
     * Defects that do not change what a client sends, so they do not stop generation: each is reported as a warning
     * that says what the generated client does instead, and the comment above each says why that is harmless.
     */
    private static final List<Tolerance> TOLERANCES = List.of(
            // Each method name is allocated once by the naming authority, so the second operation still gets a method.
            tolerance("^attribute .*\\.operationId is repeated$", "a second operation with the same id in the same API class gets a numbered method (name2)."),
            // Parameters that are the same by name and location: OperationPass.parameters keeps one per pair, the last one
            // listed (so an operation-level parameter overrides a path-level one, as OpenAPI says).
            tolerance(".*There are duplicate parameter values\\.?$", "the parameter is sent once, as the last of them describes it."),
            // A $ref to a schema inside another component (#/components/parameters/id/schema): valid OpenAPI that
            // swagger-parser does not resolve; the generator types it as a JSON tree. (A $ref to a whole non-schema
            // component stays an error: see isSchemaInsideComponent.)
            new Tolerance(REF_TARGET, "the value is typed as a JSON tree (JsonNode)."),
            // A default or example that does not fit its schema (`default: now` on a date-time). swagger-parser drops such
            // a value from the model, and the generator never turns defaults or examples into code: a default only shows in
            // Javadoc when the parser kept it, so the client neither breaks nor claims a wrong default. Only where the
            // parser's location is a schema, a parameter, a header or a media type: `responses.default` is a response.
            tolerance("^attribute (.*(\\.schemas?|\\.\\[[^\\]]*]|\\.headers\\.[^.']+|\\.content\\.'[^']*')|components\\.schemas\\..+)"
                    + "\\.(default|example|examples)(=`.*`)? is not of type `[^`]*`$", "the value is left out of the client."),
            // info.contact.url / info.license.url that java.net.URL rejects (`./LICENSE`, `www.example.com`): OpenAPI allows
            // relative references in URL fields, and neither field reaches the generated client.
            tolerance("^info\\.(contact|license)\\..+$", "the URL is ignored; it does not reach the client."),
            // A 3.1 license with both an `identifier` and a `url`: the license does not reach the generated client either.
            tolerance("^attribute info\\.license\\.identifier is unexpected$", "the license does not reach the client."),
            // A request body whose `content` names no media type describes nothing a client could send: the operation is
            // generated without a body (OperationPass.body skips empty content).
            tolerance("^attribute (.+\\.requestBody|components\\.requestBodies\\.[^.']+)\\.content with no media type is unsupported$",
                    "the operation is generated without a body."));

    /**
     * What swagger-parser says of valid input: not a defect of the spec, so neither an error nor a warning. Each with the
     * rule of the OpenAPI version that makes the input valid.
     */
    private static final List<Pattern> VALID_INPUT = List.of(
            // 3.1 License Object: `identifier` is optional, and excludes `url`; swagger-parser asks for one when there is no
            // url (name alone is valid: "name REQUIRED", identifier and url both optional).
            Pattern.compile("^attribute info\\.license\\.identifier is missing$"));

    /**
     * The parser's messages that say something of the spec: without those it says of valid input, without the 3.1
     * resolver's "Could not find" for a $ref that another message already reports (it names no place, the other does),
     * and without a parameter's "content is missing" that only follows from a `schema` it could not read.
     */
    static List<String> relevant(List<String> messages) {
        List<String> relevant = new ArrayList<>();
        for (String message : messages) {
            String m = normalized(message);
            if (VALID_INPUT.stream().anyMatch(p -> p.matcher(m).matches())) {
                continue;
            }
            // a parameter whose `schema` swagger-parser could not read (a 3.1 boolean schema) lacks no `content`
            Matcher content = CONTENT_MISSING.matcher(m);
            if (content.matches() && messages.stream().anyMatch(other -> normalized(other)
                    .equals("attribute " + content.group(1) + ".schema is not of type `object`"))) {
                continue;
            }
            Matcher notFound = COULD_NOT_FIND.matcher(m);
            if (notFound.matches() && messages.stream().anyMatch(other -> !COULD_NOT_FIND.matcher(normalized(other)).matches()
                    && other.contains(notFound.group(2) + " "))) {
                continue;
            }
            relevant.add(message);
        }
        return relevant;
    }

    private static Tolerance tolerance(String pattern, String instead) {
        return new Tolerance(Pattern.compile(pattern), instead);
    }

    /** What the generator does instead, for a defect it copes with; empty for a defect that stops generation. */
    static Optional<String> tolerance(String message) {
        String m = normalized(message);
        for (Tolerance tolerance : TOLERANCES) {
            Matcher matcher = tolerance.pattern().matcher(m);
            if (matcher.matches() && (tolerance.pattern() != REF_TARGET || isSchemaInsideComponent(matcher))) {
                return Optional.of(tolerance.instead());
            }
        }
        return Optional.empty();
    }

    /** A $ref target message about a schema inside another component ({@code #/components/parameters/id/schema}). */
    private static boolean isSchemaInsideComponent(Matcher ref) {
        return ref.group(3).equals("Schema") && ref.group(2).matches("#/components/\\w+/[^/]+/.+");
    }

    /** A tolerated defect as a warning: the defect, located, its fix, and what the generated client does until then. */
    static SpecProblem toWarning(String file, String message, SpecTree tree, String instead) {
        Matcher ref = REF_TARGET.matcher(normalized(message));
        if (!ref.matches()) {
            SpecProblem problem = toProblem(file, message, tree);
            return coped(problem, problem.fix(), instead);
        }
        Where where = new Where(file, tree);
        return coped(where.at(where.ref(ref.group(1), ref.group(2)), "the $ref points to " + ref.group(2) + ", a schema inside "
                + "another component: valid OpenAPI, but swagger-parser does not resolve it.", ""),
                "move the schema to #/components/schemas and point both places at it.", instead);
    }

    /** A problem beside a {@code $ref} in OpenAPI 3.0 (see {@link SpecTree#isIgnoredRefSibling}), as a warning. */
    static SpecProblem ignoredRefSibling(SpecProblem problem) {
        return coped(problem, "remove it: in OpenAPI 3.0 what sits beside a $ref SHALL be ignored.", "it is ignored.");
    }

    private static SpecProblem coped(SpecProblem problem, String fix, String instead) {
        return new SpecProblem(problem.file(), problem.pointer(), problem.rule(), fix + " Until then: " + instead);
    }

    static SpecProblem toProblem(String file, String message, SpecTree tree) {
        String m = normalized(message);
        Where where = new Where(file, tree);
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(m);
            SpecProblem problem = matcher.matches() ? shape.problem().apply(matcher, where) : null;
            if (problem != null) {
                return problem;
            }
        }
        return new SpecProblem(file, "", m + (m.endsWith(".") ? "" : "."), "correct the document so swagger-parser accepts it.");
    }

    /**
     * When it resolves references swagger-parser repeats a message as {@code .components.schemas.X... (#/components/schemas/X)}:
     * the same place, so the same message.
     */
    static String normalized(String message) {
        String m = message.trim().replaceFirst(" \\(#[^()]*\\)$", "");
        m = m.startsWith("attribute .") ? "attribute " + m.substring("attribute .".length()) : m;
        return m.startsWith(".") ? m.substring(1) : m;
    }

    /** A local $ref whose target does not exist, at the $ref: one text whichever message reports it, so it is reported once. */
    private static SpecProblem dangling(Where w, String pointer, String ref) {
        return dangling(w.file(), pointer, ref);
    }

    /** A local $ref whose target does not exist ({@link LocalRefs}), at the $ref. */
    static SpecProblem dangling(String file, String pointer, String ref) {
        return new SpecProblem(file, pointer, "the $ref \"" + ref + "\" points to nothing in this document.",
                "define " + ref.substring(Math.min(2, ref.length())) + ", or correct the reference.");
    }

    /** Two entries of a parameters list with the same name and location (a local $ref read as what it points to). */
    private static SpecProblem duplicateParameter(Matcher m, Where w) {
        String base = w.base(m.group(1));
        // at path level the parser names the path item, not its list
        String list = !w.tree.at(base).isArray() && w.tree.at(base + "/parameters").isArray() ? base + "/parameters" : base;
        JsonNode entries = w.tree.at(list);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size() && entries.isArray(); i++) {
            JsonNode entry = entries.get(i);
            String ref = entry.path("$ref").asText("");
            JsonNode parameter = ref.startsWith("#/") ? w.tree.at(ref.substring(1)) : entry;
            String name = parameter.path("name").asText("");
            String in = parameter.path("in").asText("");
            if (!name.isEmpty() && !seen.add(in + " " + name)) {
                return w.at(list + "/" + i, "the " + in + " parameter `" + name + "` is listed twice; a parameter is "
                        + "identified by its name and location.", "keep one of them.");
            }
        }
        return w.at(list, "two parameters of this list are the same (name and location), as swagger-parser reads them.",
                "keep one of each; let a parameter `$ref` point into #/components/parameters.");
    }

    private static SpecProblem notOfFormat(Matcher m, Where w) {
        String key = m.group(2);
        String value = m.group(3);
        String format = m.group(4);
        String shown = value.isEmpty() ? "an empty string" : "`" + abbreviated(value) + "`";
        String sample = SAMPLES.containsKey(format) ? " like " + SAMPLES.get(format) : "";
        if (key.equals("enum")) {
            String pointer = w.member(m.group(1), "enum", (via, holder, v) -> indexOf(v, value) >= 0);
            int index = indexOf(w.tree.at(pointer), value);
            return w.at(index >= 0 ? pointer + "/" + index : pointer, "`enum` lists " + shown + ", which is not a " + format
                    + " (the schema's format).", "list only " + format + " values" + sample + ", or remove `format: " + format + "`.");
        }
        String pointer = w.member(m.group(1), key, (via, holder, v) -> v.isTextual() && v.textValue().equals(value));
        return w.at(pointer, "`" + key + "` is " + shown + ", which is not a " + format + ".",
                "give a " + format + sample + ", or remove the " + key + ".");
    }

    private static SpecProblem notOfType(Matcher m, Where w) {
        String key = m.group(2);
        String expected = m.group(3);
        SpecTree.Test misfit = (via, holder, value) -> !fits(value, expected, key);
        // The parser names only the outermost schema: of its defaults or examples, the wrong one sits in a schema of the
        // expected type (`default: '{}'` under `type: object`).
        SpecTree.Test misfitOfType = (via, holder, value) -> misfit.holds(via, holder, value)
                && holder.path("type").asText("").equals(expected.equals("double") ? "number" : expected);
        String pointer = key.matches("default|example") ? w.tree.find(w.base(m.group(1)), key, misfitOfType)
                .orElseGet(() -> w.member(m.group(1), key, misfit)) : w.member(m.group(1), key, misfit);
        JsonNode found = w.tree.at(pointer);
        boolean atKey = pointer.endsWith("/" + SpecTree.escape(key));
        if (found.isBoolean() && expected.equals("object") && w.tree.isOpenApi31()
                && (key.equals("schema") || pointer.equals("/components/schemas/" + SpecTree.escape(key)))) {
            return w.at(pointer, "`" + found + "` is a valid schema in OpenAPI 3.1 (JSON Schema's boolean schema), but "
                    + "swagger-parser reads none here, so the generator cannot either.", "write `{}` for `true` (any value) "
                    + "or `{not: {}}` for `false` (no value).");
        }
        String wanted = JSON_KINDS.get(expected);
        String entry = atKey && wanted != null && CHECKED_BY_ENTRY.contains(key) ? badEntry(found, expected) : null;
        if (entry != null) {
            JsonNode value = w.tree.at(pointer + "/" + entry);
            return w.at(pointer + "/" + entry, "every entry of `" + key + "` must be " + wanted + "; this one is " + kind(value) + ".",
                    "write it as " + wanted + ".");
        }
        if (wanted == null || atKey && fits(found, expected, key)) {
            String value = found.isValueNode() ? "`" + abbreviated(found.asText()) + "`" : kind(found);
            return w.at(pointer, atKey ? "`" + key + "` is " + value + ", which OpenAPI does not allow here."
                    : "`" + key + "` has a value OpenAPI does not allow here.",
                    ALLOWED_VALUES.containsKey(key) ? "use " + ALLOWED_VALUES.get(key) + "."
                            : "use a value OpenAPI defines for `" + key + "`.");
        }
        return w.at(pointer, "`" + key + "` must be " + wanted + (atKey ? "; here it is " + kind(found) : "") + ".",
                key.matches("allOf|anyOf|oneOf") ? "write it as a list of schemas: `" + key + ": [{...}, {...}]`."
                        : "write `" + key + "` as " + wanted + ".");
    }

    /** What swagger-parser accepts for the expected type: for string and the numbers it only refuses objects and lists. */
    private static boolean fits(JsonNode value, String expected, String key) {
        if (CHECKED_BY_ENTRY.contains(key) && value.isContainerNode()) {
            return badEntry(value, expected) == null;
        }
        return switch (expected) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "boolean" -> value.isBoolean() || value.isTextual();
            case "string", "integer", "double" -> value.isValueNode();
            default -> false;
        };
    }

    /** The first entry (index or escaped name) of a list or map that does not fit, or null. */
    private static String badEntry(JsonNode container, String expected) {
        for (int i = 0; i < container.size() && container.isArray(); i++) {
            if (!fits(container.get(i), expected, "")) {
                return String.valueOf(i);
            }
        }
        for (Map.Entry<String, JsonNode> member : container.properties()) {
            if (!fits(member.getValue(), expected, "")) {
                return SpecTree.escape(member.getKey());
            }
        }
        return null;
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return node.textValue().isEmpty() ? "an empty string" : "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isBoolean() ? "a boolean" : "null";
    }

    /** What a `$ref` points to, from the components section it points into: if anything is there. */
    private static String kindOf(String ref, String needed, SpecTree tree) {
        if (tree.target(ref).isMissingNode()) {
            return "which points to nothing";
        }
        String[] parts = ref.split("/");
        if (parts.length >= 4 && parts[1].equals("components") && KINDS.containsKey(parts[2])) {
            return (parts.length == 4 ? "which is " : "which is inside ") + KINDS.get(parts[2]);
        }
        return "which is not " + needed;
    }

    /** A key not allowed in the object holding it: in a schema, or in the xml, externalDocs or discriminator of one. */
    private static SpecTree.Test notAllowed(String key) {
        return (via, holder, value) -> {
            Set<String> allowed = via == null ? SCHEMA_KEYS : NESTED_KEYS.getOrDefault(via, SCHEMA_KEYS);
            return !key.startsWith("x-") && !allowed.contains(key);
        };
    }

    private static int indexOf(JsonNode list, String text) {
        for (int i = 0; i < list.size() && list.isArray(); i++) {
            if (list.get(i).isValueNode() && list.get(i).asText().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String prefixed(String location, String key) {
        return location == null ? key : location + "." + key;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }

    private static String abbreviated(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
