package dev.specwright.generator.load;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an OpenAPI 3.x definition with swagger-parser, once, references resolved but not inlined (named schemas stay
 * named, which is what makes one Java type per schema possible). Every parser message becomes a located problem.
 */
public final class SpecLoader {

    public OpenAPI load(Path spec) throws SpecProblemsException {
        return load(spec, warning -> {});
    }

    /**
     * Loads the spec; defects the generator copes with go to {@code warnings}, each located and saying what the client
     * does instead, and do not stop generation. Warnings are given only for a spec that loads: one that is rejected
     * gets its problems alone.
     */
    public OpenAPI load(Path spec, Consumer<SpecProblem> warnings) throws SpecProblemsException {
        String file = spec.toString();
        if (!Files.isRegularFile(spec)) {
            throw new SpecProblemsException(List.of(new SpecProblem(file, "",
                    "the spec file must exist and be a readable file.",
                    "check the path (it is resolved against the current directory: " + Path.of("").toAbsolutePath() + ").")));
        }
        allowYamlOfSize(spec);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(false);
        // Our own error report, not the parser's: it would otherwise print to stderr.
        options.setValidateExternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toAbsolutePath().toUri().toString(), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        // The parser repeats some messages (once per resolution): each problem and warning is reported once.
        Set<SpecProblem> problems = new LinkedHashSet<>();
        Set<SpecProblem> warned = new LinkedHashSet<>();
        if (!messages.isEmpty()) {
            // Read once more, as a plain tree, only to turn the parser's places into pointers (of errors and of warnings):
            // a spec without messages never pays for it (Graph beta's 47 MB make a 210 MB tree, dropped before
            // emission starts).
            SpecTree tree = SpecTree.read(spec);
            for (String message : messages) {
                Optional<String> instead = ParserMessages.tolerance(message);
                if (instead.isPresent()) {
                    warned.add(ParserMessages.toWarning(file, message, tree, instead.get()));
                    continue;
                }
                SpecProblem problem = ParserMessages.toProblem(file, message, tree);
                if (tree.isIgnoredRefSibling(problem.pointer())) {
                    warned.add(ParserMessages.ignoredRefSibling(problem));
                } else {
                    problems.add(problem);
                }
            }
        }
        if (result.getOpenAPI() == null && problems.isEmpty()) {
            problems.add(new SpecProblem(file, "", "the file must be an OpenAPI 3.x definition in JSON or YAML.",
                    "start the document with `openapi: 3.0.3` (or 3.1.0) and give `info` and `paths`."));
        }
        if (!problems.isEmpty()) {
            throw new SpecProblemsException(List.copyOf(problems));
        }
        warned.forEach(warnings);
        return result.getOpenAPI();
    }

    /**
     * SnakeYAML refuses documents over 3,145,728 code points by default (a guard against hostile input); real specs
     * (Stripe, Microsoft Graph) are larger. The user chose this file, so the limit is raised to fit it — and only ever
     * raised, since swagger-parser keeps it in a static shared by concurrent generations.
     */
    private static synchronized void allowYamlOfSize(Path spec) {
        long size;
        try {
            size = Files.size(spec);
        } catch (java.io.IOException e) {
            return; // the parser reports the unreadable file itself
        }
        var yaml = DeserializationUtils.getOptions();
        long needed = Math.min(Integer.MAX_VALUE, size + 1);
        if (yaml.getMaxYamlCodePoints() == null || yaml.getMaxYamlCodePoints() < needed) {
            yaml.setMaxYamlCodePoints((int) needed);
        }
    }
}
