package dev.specwright.generator.load;

import dev.specwright.generator.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * swagger-parser reports places as {@code paths.'/pets'(get).responses}; users and editors need JSON pointers
 * ({@code /paths/~1pets/get/responses}). This translates the parser's message shapes into rule + fix.
 */
final class ParserMessages {

    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute (.+?) is (missing|unexpected|not of type `?([^`]+)`?)(.*)$");
    /** A location in swagger-parser's notation: names, 'quoted keys' and (methods), joined by dots. */
    private static final String LOCATION = "((?:[A-Za-z_$][\\w$-]*|'[^']*')(?:\\.(?:[A-Za-z_$][\\w$-]*|'[^']*'|\\d+)|\\([a-z]+\\))*)";
    private static final Pattern LOCATED_SENTENCE = Pattern.compile("^" + LOCATION + "\\. (.+)$");
    private static final Pattern REF_TARGET = Pattern.compile(
            "^\\.?" + LOCATION + "\\.\\$ref target (#\\S*) is not of expected type (\\w+)(?: \\([^)]*\\))?\\.?$");
    private static final Pattern WITH_CLAUSE = Pattern.compile("^attribute " + LOCATION + " (with .+)$");
    private static final Pattern INFO_URL = Pattern.compile("^info\\.(contact|license)\\.(.+)$");

    private ParserMessages() {}

    /**
     * Defects the generator repairs on its own, so they do not stop generation: a repeated {@code operationId} (each
     * method name is allocated once by the naming authority, so the second becomes {@code name2}).
     */
    static boolean isTolerated(String message) {
        String m = message.trim();
        if (m.matches("^attribute .*\\.operationId is repeated$")) {
            return true;
        }
        // Parameters that are the same by name and location: the operation-level one wins, as OpenAPI says.
        if (m.matches(".*There are duplicate parameter values\\.?$")) {
            return true;
        }
        // A $ref to a schema inside another component (#/components/parameters/id/schema): valid OpenAPI that
        // swagger-parser does not resolve; the generator types it as a JSON tree. A $ref to a whole non-schema
        // component stays an error.
        Matcher ref = REF_TARGET.matcher(m);
        return ref.matches() && ref.group(3).equals("Schema") && ref.group(2).matches("#/components/\\w+/[^/]+/.+");
    }

    static SpecProblem toProblem(String file, String message) {
        Matcher m = ATTRIBUTE.matcher(message.trim());
        if (m.matches() && m.group(1).contains(".#/")) {
            // swagger-parser names a dangling $ref as if it were a missing attribute: `<where>.#/components/...`
            int split = m.group(1).indexOf(".#/");
            String ref = m.group(1).substring(split + 1);
            return new SpecProblem(file, pointer(m.group(1).substring(0, split)) + "/$ref",
                    "the $ref \"" + ref + "\" points to nothing in this document.",
                    "define " + ref.substring(2) + ", or correct the reference.");
        }
        if (m.matches()) {
            String location = m.group(1);
            String pointer = pointer(location);
            String kind = m.group(2);
            if (kind.equals("missing")) {
                return new SpecProblem(file, pointer, "attribute `" + lastSegment(location) + "` is required here but missing.",
                        "add `" + lastSegment(location) + "` at " + parent(pointer) + ".");
            }
            if (kind.equals("unexpected")) {
                return new SpecProblem(file, pointer, "attribute `" + lastSegment(location) + "` is not allowed here by OpenAPI 3.",
                        "remove it, or prefix it with `x-` to keep it as a vendor extension.");
            }
            return new SpecProblem(file, pointer, "attribute `" + lastSegment(location) + "` must be of type " + m.group(3) + ".",
                    "change its value to a " + m.group(3) + ".");
        }
        return otherShapes(file, message.trim());
    }

    private static SpecProblem otherShapes(String file, String message) {
        Matcher ref = REF_TARGET.matcher(message);
        if (ref.matches()) {
            return new SpecProblem(file, pointer(ref.group(1)) + "/$ref", "the $ref target " + ref.group(2) + " is not a "
                    + ref.group(3) + ", which is what this place needs.", "point the $ref at a " + ref.group(3) + ".");
        }
        Matcher with = WITH_CLAUSE.matcher(message);
        if (with.matches()) {
            return new SpecProblem(file, pointer(with.group(1)), "attribute `" + lastSegment(with.group(1)) + "` " + with.group(2)
                    + (with.group(2).endsWith(".") ? "" : "."), "give it what OpenAPI 3 requires there (e.g. a media type key).");
        }
        Matcher info = INFO_URL.matcher(message);
        if (info.matches()) {
            return new SpecProblem(file, "/info/" + info.group(1) + "/url", "info." + info.group(1) + ".url must be an absolute URL; found \""
                    + info.group(2) + "\".", "write it as https://... or remove it.");
        }
        Matcher sentence = LOCATED_SENTENCE.matcher(message);
        if (sentence.matches()) {
            return new SpecProblem(file, pointer(sentence.group(1)), sentence.group(2) + (sentence.group(2).endsWith(".") ? "" : "."),
                    "correct the document at that place.");
        }
        return new SpecProblem(file, "", message + (message.endsWith(".") ? "" : "."),
                "correct the document so swagger-parser accepts it.");
    }

    /** {@code paths.'/pets'(get).responses} → {@code /paths/~1pets/get/responses}. */
    static String pointer(String location) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        while (i < location.length()) {
            char c = location.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '\'') {
                int end = location.indexOf('\'', i + 1);
                end = end < 0 ? location.length() : end;
                segments.add(location.substring(i + 1, end));
                i = end + 1;
            } else if (c == '(') {
                int end = location.indexOf(')', i);
                end = end < 0 ? location.length() : end;
                segments.add(location.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < location.length() && ".'(".indexOf(location.charAt(end)) < 0) {
                    end++;
                }
                segments.add(location.substring(i, end));
                i = end;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    private static String lastSegment(String location) {
        String p = pointer(location);
        return p.substring(p.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "the document root" : pointer.substring(0, slash);
    }
}
