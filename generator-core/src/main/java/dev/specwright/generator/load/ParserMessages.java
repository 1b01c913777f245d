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

    private ParserMessages() {}

    /**
     * Defects the generator repairs on its own, so they do not stop generation: a repeated {@code operationId} (each
     * method name is allocated once by the naming authority, so the second becomes {@code name2}).
     */
    static boolean isTolerated(String message) {
        return message.trim().matches("^attribute .*\\.operationId is repeated$");
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
        return new SpecProblem(file, "", message.trim() + (message.trim().endsWith(".") ? "" : "."),
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
