package dev.specwright.generator.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code errors.json} (format: {@code specs/platform/errors.schema.json}) and checks what the generated enums rely
 * on: unique names, unique (code, subCode) pairs, a category on every entry. All problems are collected, then reported.
 * It gives the values as written ({@link RawErrorCatalog}); their Java names are allocated in the build stage.
 */
public final class ErrorCatalogLoader {

    private static final Pattern NAME = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    /** Nesting bounded as for the spec ({@link LoadLimits#MAX_DEPTH}); JSON has no aliases to bound. */
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(LoadLimits.MAX_DEPTH).build()).build()).build();

    public RawErrorCatalog load(Path path) throws SpecProblemsException {
        String file = path.toString();
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(path));
        } catch (StreamConstraintsException e) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, "", "the error catalogue nests lists and objects more than "
                    + LoadLimits.MAX_DEPTH + " deep" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                    + ", the limit for every document "
                    + "Specwright reads.", "an entry is a flat object: {\"name\": ..., \"code\": ..., \"category\": ...}.")));
        } catch (JsonProcessingException e) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, "",
                    "the error catalogue must be valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ").",
                    "fix the JSON syntax at that line.")));
        } catch (IOException e) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, "",
                    "the error catalogue must exist and be readable (" + e.getClass().getSimpleName() + ").",
                    "check the path given for the errors file.")));
        }
        List<SpecProblem> problems = new ArrayList<>();
        JsonNode errors = root == null ? null : root.get("errors");
        if (errors == null || !errors.isArray()) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, "/errors",
                    "the error catalogue needs an `errors` array.", "wrap the entries in {\"errors\": [ ... ]}.")));
        }
        Map<String, String> namesSeen = new HashMap<>();
        Map<String, String> codesSeen = new HashMap<>();
        java.util.Set<String> categories = new java.util.LinkedHashSet<>();
        List<RawErrorCatalog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            JsonNode e = errors.get(i);
            String at = "/errors/" + i;
            int before = problems.size();
            String name = text(e, "name");
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add(new SpecProblem(file, at + "/name", "every entry needs a `name` in UPPER_SNAKE_CASE (it becomes an ErrorCode constant); found "
                        + (name == null ? "none" : "\"" + name + "\"") + ".", "set `name` to a value like PRODUCT_NOT_FOUND."));
            } else if (namesSeen.putIfAbsent(name, at) != null) {
                problems.add(new SpecProblem(file, at + "/name", "entry names must be unique; \"" + name + "\" is also used at "
                        + namesSeen.get(name) + ".", "rename one of them."));
            }
            JsonNode code = e.get("code");
            if (code == null || !code.canConvertToLong()) {
                problems.add(new SpecProblem(file, at + "/code", "every entry needs an integer `code`.", "add the numeric error code."));
            }
            JsonNode subCode = e.get("subCode");
            boolean hasSubCode = subCode != null && !subCode.isNull();
            if (hasSubCode && !subCode.canConvertToLong()) {
                problems.add(new SpecProblem(file, at + "/subCode", "`subCode` must be an integer or null.", "make it a number."));
            }
            String category = text(e, "category");
            if (category == null || category.isBlank()) {
                problems.add(new SpecProblem(file, at + "/category", "every entry needs a `category` (such as InvalidData).",
                        "add the category the server puts into `errorCategory`."));
            }
            if (problems.size() > before) {
                continue;
            }
            String key = code.asLong() + "/" + (hasSubCode ? subCode.asLong() : "-");
            if (codesSeen.putIfAbsent(key, at) != null) {
                problems.add(new SpecProblem(file, at, "(code, subCode) pairs must be unique; " + key + " is also used at "
                        + codesSeen.get(key) + ".", "give one of them another subCode."));
                continue;
            }
            categories.add(category);
            JsonNode status = e.get("httpStatus");
            entries.add(new RawErrorCatalog.Entry(name, code.asLong(), hasSubCode ? subCode.asLong() : null, category,
                    status != null && status.canConvertToInt() ? status.asInt() : null,
                    text(e, "class"), orEmpty(text(e, "defaultMessage")), orEmpty(text(e, "description"))));
        }
        if (!problems.isEmpty()) {
            throw new SpecProblemsException(problems);
        }
        return new RawErrorCatalog(new ArrayList<>(categories), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
