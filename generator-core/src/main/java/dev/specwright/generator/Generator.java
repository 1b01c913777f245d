package dev.specwright.generator;

import dev.specwright.generator.emit.EmitContext;
import dev.specwright.generator.emit.Emitters;
import dev.specwright.generator.emit.FileEmitter;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.extension.Extensions;
import dev.specwright.generator.load.ErrorCatalogLoader;
import dev.specwright.generator.load.RawErrorCatalog;
import dev.specwright.generator.load.SourceLines;
import dev.specwright.generator.load.SpecLoader;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ApiModelBuilder;
import dev.specwright.generator.model.BuildPasses;
import dev.specwright.generator.write.OutputWriter;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The pipeline: load → build → emit → write. Loading and building are in memory, so a bad spec or errors file is
 * refused before the output folder is looked at; emission streams into the writer one file at a time, and the writer
 * stages every file before it moves any into place, so a failure at any stage never leaves a partial output behind.
 */
public final class Generator {

    /** Specs from this size on (GitHub's is 5.7 MB, Stripe's 2.5 MB) leave enough garbage to be worth a collection. */
    private static final long LARGE_SPEC_BYTES = 1L << 20;

    /** The build stage's thread stack: see {@link #onDeepStack}. */
    private static final long BUILD_STACK_BYTES = 64L << 20;

    private final Consumer<SpecProblem> warnings;
    private final boolean collectAfterBuild;
    private final Consumer<String> progress;
    private final ClassLoader extensionLoader;

    /** A generator that drops warnings: for tools that only want the output. */
    public Generator() {
        this(warning -> {});
    }

    /**
     * A generator that reports to {@code warnings} each defect of the spec it copes with — located like an error, with
     * its fix and what the generated client does instead — before it generates anyway.
     */
    public Generator(Consumer<SpecProblem> warnings) {
        this(warnings, false, line -> {}, Generator.class.getClassLoader());
    }

    private Generator(Consumer<SpecProblem> warnings, boolean collectAfterBuild, Consumer<String> progress,
            ClassLoader extensionLoader) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.collectAfterBuild = collectAfterBuild;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.extensionLoader = Objects.requireNonNull(extensionLoader, "extensionLoader");
    }

    /**
     * Where {@code GeneratorExtension}s come from: those {@code ServiceLoader} finds through {@code loader}, and the
     * classes named in {@link Customization#extensions()}, loaded by it. Default: the class loader of this class. The
     * Maven plugin passes its own (the plugin's dependencies); the CLI one over {@code --extensions-path}.
     */
    public Generator extensionsFrom(ClassLoader loader) {
        return new Generator(warnings, collectAfterBuild, progress, loader);
    }

    /**
     * This generator, telling {@code progress} one line per stage with its counts and time ("parsed 811 paths and 969
     * schemas in 2.1 s", "built the model: ...", "wrote 12 files, 5,690 unchanged, ..."): front ends print them on big
     * specs or when asked to be verbose.
     */
    public Generator progress(Consumer<String> progress) {
        return new Generator(warnings, collectAfterBuild, progress, extensionLoader);
    }

    /**
     * This generator, running one full collection between building the model of a large spec and emitting it (see
     * {@link #returnLoadingMemory}): for a process that generates and exits, such as the CLI. Not the default, because
     * a library must not pause a JVM it shares with others (the Maven plugin runs inside the build's JVM).
     */
    public Generator collectingAfterBuild() {
        return new Generator(warnings, true, progress, extensionLoader);
    }

    /** Loads and builds the model: what emission starts from. */
    public ApiModel model(GeneratorOptions options) throws SpecProblemsException {
        return passes(options).model();
    }

    /** Loads and builds the model, keeping every build pass's result: what {@code --dump-model} shows. */
    public BuildPasses passes(GeneratorOptions options) throws SpecProblemsException {
        return passes(options, new SpecLoader(options.refs()));
    }

    private BuildPasses passes(GeneratorOptions options, SpecLoader loader) throws SpecProblemsException {
        List<SpecProblem> problems = new ArrayList<>();
        // Held back until the model is built: a rejected spec gets its errors alone, not advice on how it is coped with.
        List<SpecProblem> coped = new ArrayList<>();
        OpenAPI openApi = null;
        long loadStarted = System.nanoTime();
        try {
            openApi = loader.load(options.spec(), coped::add);
            int paths = openApi.getPaths() == null ? 0 : openApi.getPaths().size();
            int schemas = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? 0
                    : openApi.getComponents().getSchemas().size();
            progress.accept("parsed " + count(paths, "path") + " and " + count(schemas, "schema") + " in "
                    + since(loadStarted));
        } catch (SpecProblemsException e) {
            problems.addAll(e.problems());
        }
        Optional<RawErrorCatalog> catalog = Optional.empty();
        if (options.errorCatalog().isPresent()) {
            try {
                catalog = Optional.of(new ErrorCatalogLoader().load(options.errorCatalog().get()));
            } catch (SpecProblemsException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecProblemsException(SourceLines.added(problems)); // each with its line in its file
        }
        ApiModelBuilder.Settings settings = new ApiModelBuilder.Settings(options.basePackage(), options.apiPackage(),
                options.modelPackage(), options.customization());
        BuildPasses passes;
        long buildStarted = System.nanoTime();
        try {
            OpenAPI parsed = openApi;
            Optional<RawErrorCatalog> errors = catalog;
            passes = onDeepStack(() -> new ApiModelBuilder(parsed, options.spec().toString()).passes(settings, errors));
        } catch (SpecProblemsException e) {
            throw new SpecProblemsException(SourceLines.added(e.problems())); // each with its line in its file
        }
        ApiModel model = passes.model();
        progress.accept("built the model: " + count(model.models().size(), "model") + ", "
                + count(model.apis().size(), "API class", "API classes") + ", "
                + count(model.apis().stream().mapToInt(g -> g.operations().size()).sum(), "operation") + " in "
                + since(buildStarted));
        coped.forEach(warnings);
        return passes;
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    private static String since(long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        return millis < 1_000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * Loading a large spec leaves hundreds of megabytes of garbage (the parser's trees) and a heap the JVM grew for it;
     * emission then fills that whole heap with short-lived text before it collects, so a run's peak RSS was set there:
     * 1.7-2.4 GB on GitHub's spec, of which 13 MB live. One full collection here lets the JVM give the heap back
     * before emission starts: peak RSS 0.42-0.58 GB, wall and CPU time unchanged (measured, see issue 11). Small
     * specs skip it: the pause (tens of milliseconds) would cost more than the little memory it returns. Only with
     * {@link #collectingAfterBuild()}; a JVM started with -XX:+DisableExplicitGC ignores it.
     */
    private static void returnLoadingMemory(Path spec) {
        try {
            if (Files.size(spec) >= LARGE_SPEC_BYTES) {
                System.gc();
            }
        } catch (IOException e) {
            // the spec was read a moment ago; if its size cannot be read now, the collection is simply skipped
        }
    }

    /** The build passes' work, whose result or exception {@link #onDeepStack} hands back. */
    private interface BuildWork {
        BuildPasses run() throws SpecProblemsException;
    }

    /**
     * The build passes recurse once per level of schema nesting, and the loader lets through 1,000 levels: more than a
     * default thread stack (1 MB) always holds, depending on how much of the code the JIT has compiled yet. So they run
     * on a thread of their own with room for that (stack memory is reserved, and only the pages used are taken).
     */
    private static BuildPasses onDeepStack(BuildWork work) throws SpecProblemsException {
        Object[] outcome = new Object[1];
        Thread thread = new Thread(null, () -> {
            try {
                outcome[0] = work.run();
            } catch (SpecProblemsException | RuntimeException | Error e) {
                outcome[0] = e;
            }
        }, "specwright-build", BUILD_STACK_BYTES);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join(); // the build is short and cannot be stopped halfway, so an interrupt waits for it
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome[0] instanceof SpecProblemsException e) {
            throw e;
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        if (outcome[0] instanceof Error e) {
            throw e;
        }
        return (BuildPasses) outcome[0];
    }

    /**
     * What the emitters of one run share: the model, the layout, the user's customization, and the hook that shows
     * each Java file to the extensions before it is written.
     */
    private EmitContext emitContext(ApiModel api, GeneratorOptions options, Extensions.Run extensions) {
        return new EmitContext(api, options.layout(), options.customization(), extensions.beforeWrite());
    }

    /** The extensions named in the options and found through {@link #extensionsFrom}: loaded before the spec is read. */
    private Extensions extensions(GeneratorOptions options) {
        Extensions extensions = Extensions.load(options.customization().extensions(), extensionLoader);
        if (!extensions.isEmpty()) {
            progress.accept("extensions: " + String.join(", ", extensions.labels()));
        }
        return extensions;
    }

    /** The files of {@code emitters} and of the extensions (appended), each Java file through the extensions' hook. */
    private Stream<GeneratedFile> emitStream(ApiModel api, GeneratorOptions options, List<FileEmitter> emitters,
            Extensions.Run extensions) {
        return Emitters.emit(extensions.appendTo(emitters), emitContext(api, options, extensions));
    }

    /** In-memory files, for tests and tools that do their own I/O. */
    public List<GeneratedFile> files(GeneratorOptions options) throws SpecProblemsException {
        Extensions extensions = extensions(options);
        ApiModel api = model(options);
        Extensions.Run run = extensions.run(api);
        return Emitters.all(run.appendTo(Emitters.defaults()), emitContext(api, options, run));
    }

    /**
     * Generates into the output folder, touching only files this owner wrote and nobody changed since.
     *
     * @throws dev.specwright.generator.write.OutputRefusedException the folder is not one to generate into, or files
     *     in it are in the way (see {@link dev.specwright.generator.write.OutputConflictException}); nothing was written
     * @throws dev.specwright.generator.write.OutputLockedException another run is writing into the same folder
     */
    public GenerationReport generate(GeneratorOptions options) throws SpecProblemsException, IOException {
        return generate(options, Emitters.defaults());
    }

    /**
     * Generates the files of {@code emitters} (the defaults, with a tool's own added, say) with the same promises: should
     * an emitter throw midway, the exception comes out as it was thrown and the output folder is as it was.
     */
    public GenerationReport generate(GeneratorOptions options, List<FileEmitter> emitters)
            throws SpecProblemsException, IOException {
        Extensions extensions = extensions(options);
        // Only the final model is kept: the parser's OpenAPI tree and the passes' results are garbage from here on.
        SpecLoader loader = new SpecLoader(options.refs());
        ApiModel api = passes(options, loader).model();
        List<Path> inputs = new ArrayList<>(loader.inputs());
        if (options.errorCatalog().isPresent()) {
            Path catalog = options.errorCatalog().get();
            inputs.add(Files.isRegularFile(catalog) ? catalog.toRealPath() : catalog.toAbsolutePath().normalize());
        }
        if (collectAfterBuild) {
            returnLoadingMemory(options.spec());
        }
        OutputWriter.Settings settings = new OutputWriter.Settings(Optional.of(options.spec()), options.owner(),
                options.overwrite());
        // Each file is rendered, staged and dropped in turn: the whole output is never in memory.
        long writeStarted = System.nanoTime();
        OutputWriter.Result result = new OutputWriter().write(options.outputDir(),
                emitStream(api, options, emitters, extensions.run(api)), settings);
        Path sourceRoot = options.outputDir().resolve(Emitters.SOURCE_ROOT);
        progress.accept("wrote " + count(result.written().size(), "file") + ", " + result.unchanged().size()
                + " unchanged, " + result.deleted().size() + " deleted in " + since(writeStarted));
        return new GenerationReport(sourceRoot, result.written(), result.unchanged(), result.deleted(),
                result.warnings(), inputs, loader.readRemote());
    }
}
