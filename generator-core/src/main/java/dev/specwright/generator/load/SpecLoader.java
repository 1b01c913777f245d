package dev.specwright.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads an OpenAPI 3.x definition with swagger-parser (a Swagger 2.0 one through its converter: {@link Swagger2}), once,
 * references resolved but not inlined (named schemas stay named, which is what makes one Java type per schema
 * possible). Every parser message becomes a located problem.
 *
 * <p>Before swagger-parser sees anything, the spec is read within {@link LoadLimits} and every {@code $ref} it reaches is
 * checked against the {@link RefPolicy} ({@link RefGuard}): swagger-parser is handed the spec as JSON text, and opens
 * only files and hosts that passed. The parse runs on a {@link DeepStack}, so nesting up to the limit never overflows.
 * swagger-parser's own YAML settings (a static shared by the JVM, and by other plugins in a Maven build) are left as
 * they are, but for the code point limit: what it reads of a $ref'd YAML file has passed the same limits here first.
 */
public final class SpecLoader {

    private final RefPolicy refs;
    private final TreeSet<Path> inputs = new TreeSet<>();
    private boolean remoteInputs;

    /** A loader whose references stay inside the spec's folder, with no network. */
    public SpecLoader() {
        this(RefPolicy.SPEC_FOLDER_ONLY);
    }

    public SpecLoader(RefPolicy refs) {
        this.refs = Objects.requireNonNull(refs, "refs");
    }

    /**
     * The local files the last {@link #load} read, by real path, sorted: the spec and every file reached through a
     * {@code $ref}. What the generated client depends on (with the error catalogue and the options), and nothing more.
     */
    public SortedSet<Path> inputs() {
        return Collections.unmodifiableSortedSet(inputs);
    }

    /** Whether the last {@link #load} fetched a remote document (whose bytes a later run cannot check without fetching). */
    public boolean readRemote() {
        return remoteInputs;
    }

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
            throw problem(file, "", "the spec file must exist and be a readable file.",
                    "check the path (it is resolved against the current directory: " + Path.of("").toAbsolutePath() + ").");
        }
        return DeepStack.call(() -> parse(spec, warnings));
    }

    private OpenAPI parse(Path spec, Consumer<SpecProblem> warnings) throws SpecProblemsException {
        String file = spec.toString();
        inputs.clear();
        remoteInputs = false;
        try {
            inputs.add(spec.toRealPath());
        } catch (IOException e) {
            inputs.add(spec.toAbsolutePath().normalize());
        }
        StageClock clock = StageClock.start("load.read");
        DocumentReader.Document document = DocumentReader.read(spec, file);
        clock = clock.then("load.refguard");
        if (!document.tree().isObject()) {
            throw problem(file, "", "the file must be an OpenAPI 3.x definition in JSON or YAML: an object at the top.",
                    "start the document with `openapi: 3.0.3` (or 3.1.0) and give `info` and `paths`.");
        }
        refuseOtherVersions(file, document.tree());
        List<SpecProblem> unsafe;
        Bundler bundler;
        long largestReferenced;
        boolean safe;
        boolean remote;
        boolean ids;
        try {
            RefGuard guard = new RefGuard(refs, spec);
            unsafe = guard.check(spec, document.tree());
            largestReferenced = guard.largest();
            safe = guard.namesNoOtherFile();
            remote = guard.fetchedRemote();
            ids = guard.setsIds();
            bundler = guard.bundler();
            inputs.addAll(guard.filesRead());
            remoteInputs = remote;
        } catch (IOException e) {
            throw problem(file, "", "the spec's folder must be readable (" + e.getMessage() + ").", "check its permissions.");
        }
        if (!unsafe.isEmpty()) {
            throw new SpecProblemsException(unsafe);
        }
        clock = clock.then("load.localrefs");
        List<SpecProblem> dangling = LocalRefs.dangling(file, document.tree()); // every #/... $ref points to something
        if (!dangling.isEmpty()) {
            throw new SpecProblemsException(SourceLines.added(dangling));
        }
        clock.stop();
        allowYamlOfSize(largestReferenced);
        String location = spec.toAbsolutePath().toUri().toString();
        if (Swagger2.is(document.tree())) {
            return report(file, document.json(), Swagger2.convert(document.tree(), spec.toAbsolutePath().toString()), List.of(),
                    Bundler.Places.NONE, warnings);
        }
        // A $ref where OpenAPI allows none (a whole operation, a tag, info...) is copied in, as bundlers do; one warning each
        clock = StageClock.start("load.bundle");
        bundler.bundle(document.tree());
        if (!bundler.problems().isEmpty()) {
            throw new SpecProblemsException(List.copyOf(bundler.problems()));
        }
        String json = bundler.changed() ? Bundler.json(document.tree()) : document.json();
        clock.stop();
        List<SpecProblem> bundled = List.copyOf(bundler.warnings());
        Bundler.Places places = bundler.places();
        bundler = null; // it holds every document RefGuard read
        boolean byHand = document.tree().path("openapi").asText().startsWith("3.1") && !ids;
        // The parser is handed our tree (read once, checked, bundled) rather than reading the text again, and lets go of
        // it once parsed: Graph beta's 47 MB make 210 MB of tree, never two of them alive at once, nor one beside the model.
        AtomicReference<JsonNode> tree = new AtomicReference<>(ids ? null : document.tree());
        document = null;
        ParseOptions options = new ParseOptions();
        // swagger-parser resolves 3.1 with its dereferencer, which inlines a copy of every schema a $ref names: the
        // resolver of 3.0 (external documents brought into components, local refs kept) is run by hand instead.
        options.setResolve(!byHand);
        options.setResolveFully(false);
        // Our own error report, not the parser's: it would otherwise print to stderr.
        options.setValidateExternalRefs(true);
        // RefGuard fetched each allowed document once; swagger-parser fetches it again, and what it gets then is checked
        // against these lists (only the allowed hosts, every other host denied) in safe mode alone: without it swagger-parser
        // fetches any URL it meets. Safe mode refuses every file reference, so it is on whenever the spec names no other file
        // (RefGuard refuses a spec that mixes files and remote documents); otherwise no URL passed RefGuard.
        options.setSafelyResolveURL(safe);
        options.setRemoteRefAllowList(List.copyOf(refs.remoteHosts()));
        options.setRemoteRefBlockList(List.of("*"));
        SwaggerParseResult result;
        StageClock parse = StageClock.start("load.swagger-parser");
        try {
            // swagger-parser checks a redirect hop only if HttpURLConnection does not follow it first (NoRedirects)
            result = remote ? NoRedirects.call(() -> read(tree, json, options, location)) : read(tree, json, options, location);
        } catch (StackOverflowError e) {
            throw problem(file, "", "swagger-parser ran out of stack on this document's nesting.", "flatten it: move nested "
                    + "schemas to #/components/schemas and `$ref` them.");
        }
        parse.stop();
        StageClock reporting = StageClock.start("load.report");
        OpenAPI api = report(file, json, result, bundled, places, warnings);
        reporting.stop();
        return api;
    }

    /**
     * Parses, and resolves as swagger-parser does a 3.0 document. For 3.1 its {@code OpenAPIDereferencer31} would put a
     * copy of the named schema in place of every {@code $ref} (a property {@code $ref: Category} came out as a type of
     * its own), and only the environment variable {@code disableOas31Resolve} turns it off; its {@link OpenAPIResolver}
     * reads 3.1 documents as well (its ResolverCache deserializes what a ref names as 3.1), so it runs here on the
     * unresolved 3.1 model: external documents come into components, local refs stay references. That resolver knows
     * nothing of {@code $id}, so a document that sets one keeps swagger-parser's dereferencer (and its copies): it alone
     * is read from {@code json} ({@code tree} holds nothing then).
     *
     * <p>Otherwise this is what {@code OpenAPIV3Parser.readContents} does, less its reading of the text into a tree
     * (Jackson's defaults and duplicate keys refused, as {@link DocumentReader} reads it): {@code parseJsonNode}, then
     * the resolver, whose exception is a message.
     *
     * @param tree the spec's tree, taken (set to null) as soon as the parser has its model
     */
    private static SwaggerParseResult read(AtomicReference<JsonNode> tree, String json, ParseOptions options, String location) {
        StageClock clock = StageClock.start("load.swagger-parser.parse");
        if (tree.get() == null) {
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options, location);
            clock.stop();
            return result;
        }
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().parseJsonNode(location, tree.getAndSet(null), options);
        } catch (RuntimeException e) { // as readContents reports what its deserializer throws
            result = SwaggerParseResult.ofError(e.getMessage() == null ? "Unable to parse `" + location + "`" : e.getMessage());
        }
        clock = clock.then("load.swagger-parser.resolve");
        if (result.getOpenAPI() != null) {
            result.setMessages(new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages()));
            try {
                new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), location, null, options).resolve(result);
            } catch (RuntimeException e) { // as OpenAPIV3Parser itself reports what its resolver throws
                result.getMessages().add(e.getMessage());
            }
        }
        clock.stop();
        return result;
    }

    /**
     * @param bundled the Bundler's warnings
     * @param places where the Bundler's copies came from: a parser message about a place inside one is said of it
     */
    private static OpenAPI report(String file, String json, SwaggerParseResult result, List<SpecProblem> bundled,
            Bundler.Places places, Consumer<SpecProblem> warnings) throws SpecProblemsException {
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        // The parser repeats some messages (once per resolution): each problem and warning is reported once.
        Set<SpecProblem> problems = new LinkedHashSet<>();
        Set<SpecProblem> warned = new LinkedHashSet<>(bundled);
        if (!messages.isEmpty()) {
            // Read once more, as a plain tree, only to turn the parser's places into pointers (of errors and of warnings):
            // a spec without messages never pays for it.
            SpecTree tree;
            try {
                tree = new SpecTree(DocumentReader.jsonTree(json));
            } catch (DocumentReader.Refused e) {
                tree = new SpecTree(null); // it was read once within the same limits; cannot happen
            }
            for (String message : ParserMessages.relevant(messages)) { // not what it says of valid input, nor twice
                Optional<String> instead = ParserMessages.tolerance(message);
                if (instead.isPresent()) {
                    warned.add(places.locate(ParserMessages.toWarning(file, message, tree, instead.get())));
                    continue;
                }
                SpecProblem problem = ParserMessages.toProblem(file, message, tree);
                if (tree.isIgnoredRefSibling(problem.pointer())) {
                    warned.add(places.locate(ParserMessages.ignoredRefSibling(problem)));
                } else {
                    problems.add(places.locate(problem));
                }
            }
        }
        if (result.getOpenAPI() == null && problems.isEmpty()) {
            problems.add(new SpecProblem(file, "", "the file must be an OpenAPI 3.x (or Swagger 2.0) definition in JSON or YAML.",
                    "start the document with `openapi: 3.0.3` (or 3.1.0) and give `info` and `paths`."));
        }
        if (!problems.isEmpty()) {
            throw new SpecProblemsException(SourceLines.added(problems)); // each with its line
        }
        SourceLines.added(warned).forEach(warnings);
        return result.getOpenAPI();
    }

    /** Swagger 1.x, or a `swagger` version that is not 2.0: refused by name, not with swagger-parser's puzzlement. */
    private static void refuseOtherVersions(String file, JsonNode tree) throws SpecProblemsException {
        String fix = "convert it to OpenAPI 3 (or Swagger 2.0) first, then generate from the result.";
        if (tree.has("swaggerVersion")) {
            throw problem(file, "/swaggerVersion", "this is a Swagger " + tree.get("swaggerVersion").asText() + " definition; "
                    + "Specwright reads Swagger 2.0 and OpenAPI 3.0 and 3.1.", fix);
        }
        if (tree.has("swagger") && !tree.has("openapi") && !tree.get("swagger").asText().equals("2.0")) {
            throw problem(file, "/swagger", "`swagger: " + tree.get("swagger").asText() + "` is no version Specwright reads: it "
                    + "reads Swagger 2.0 (`swagger: \"2.0\"`) and OpenAPI 3.0 and 3.1.", fix);
        }
    }

    private static SpecProblemsException problem(String file, String pointer, String rule, String fix) {
        return new SpecProblemsException(List.of(new SpecProblem(file, pointer, rule, fix)));
    }

    /**
     * SnakeYAML refuses documents over 3,145,728 code points by default (a guard against hostile input); real specs
     * (Stripe, Microsoft Graph) are larger. The user chose this file, so the limit is raised to fit it — and only ever
     * raised, since swagger-parser keeps it in a static shared by concurrent generations. (The spec itself reaches
     * swagger-parser as JSON, which has no such limit; this is for the YAML files its $refs name, read by swagger-parser.)
     */
    private static synchronized void allowYamlOfSize(long chars) {
        var yaml = DeserializationUtils.getOptions();
        long needed = Math.min(Integer.MAX_VALUE, chars + 1);
        if (yaml.getMaxYamlCodePoints() == null || yaml.getMaxYamlCodePoints() < needed) {
            yaml.setMaxYamlCodePoints((int) needed);
        }
    }
}
