package dev.specwright.maven;

import dev.specwright.generator.GenerationReport;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InvalidOptionException;
import dev.specwright.generator.Layout;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.TerminalText;
import dev.specwright.generator.write.OutputRefusedException;
import dev.specwright.generator.write.OutputWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a typed Java client from an OpenAPI definition (and, where the API has one, its {@code errors.json} error
 * catalogue) into {@code output/src/main/java}, and adds that folder to the project's compile source roots.
 *
 * <p>The Mojo only translates parameters and results: everything else is generator-core's job. A rebuild whose inputs
 * and plugin are unchanged is skipped (see {@link UpToDateStamp}).
 *
 * <p>Each execution owns its files through its own manifest
 * ({@code output/.specwright-manifest-<artifactId>@<executionId>}), so two executions, or two modules, sharing one
 * {@code output} never replace or delete each other's files; two that would write the same file fail the build, since
 * the second finds a file it did not write. Every log line and failure message goes through {@link TerminalText}, so a
 * spec's control characters never reach the console raw.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The OpenAPI definition (OpenAPI 3.0 or 3.1, or Swagger 2.0; YAML or JSON). Relative {@code $ref}s resolve against its folder. */
    @Parameter(property = "specwright.inputSpec", required = true)
    private File inputSpec;

    /**
     * The API's {@code errors.json} error catalogue. Optional: without it the client throws the runtime's generic
     * {@code ApiException} and no {@code ErrorCode} enum is generated.
     */
    @Parameter(property = "specwright.errorCatalog")
    private File errorCatalog;

    /** The folder to generate into; the sources land in {@code <output>/src/main/java}. */
    @Parameter(property = "specwright.output",
            defaultValue = "${project.build.directory}/generated-sources/specwright", required = true)
    private File output;

    /**
     * The base package (the client, credentials, environments and error types). Default: derived from the API's client
     * name ({@code x-client-name}, else the title).
     */
    @Parameter(property = "specwright.invokerPackage")
    private String invokerPackage;

    /** The package of the API classes and their parameter objects. Default: {@code <invokerPackage>.api}. */
    @Parameter(property = "specwright.apiPackage")
    private String apiPackage;

    /** The package of the models and field enums. Default: {@code <invokerPackage>.model}. */
    @Parameter(property = "specwright.modelPackage")
    private String modelPackage;

    /**
     * Replace files in {@code output} that this execution did not write, or that were edited since it wrote them.
     * Without it such a file fails the build, naming it, and nothing is written. Set it on purpose: those files are lost.
     * (Listing a path in {@code output/.specwright-ignore} instead keeps it and stops generating it.)
     */
    @Parameter(property = "specwright.overwrite", defaultValue = "false")
    private boolean overwrite;

    /**
     * Hosts a {@code $ref} may fetch from, comma-separated, over https (http only for localhost, 127.0.0.1, [::1]).
     * Default: none, generation reads no network.
     */
    @Parameter(property = "specwright.allowRemoteRefs")
    private String allowRemoteRefs;

    /**
     * Folders outside the spec's folder whose files a {@code $ref} may read, comma-separated, relative to the project.
     * Default: none.
     */
    @Parameter(property = "specwright.allowRefsOutside")
    private String allowRefsOutside;

    /** Skip generation entirely (nothing is generated and no source root is added). */
    @Parameter(property = "specwright.skip", defaultValue = "false")
    private boolean skip;

    /** Add the generated sources folder to the project's compile source roots. */
    @Parameter(property = "specwright.addCompileSourceRoot", defaultValue = "true")
    private boolean addCompileSourceRoot;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Its id, with the artifactId, names this execution's manifest and stamp in {@code output}. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Specwright generation skipped (specwright.skip=true).");
            return;
        }
        GeneratorOptions options = options();
        Path sourceRoot;
        long started = System.nanoTime();
        try {
            UpToDateStamp stamp = UpToDateStamp.compute(options, PluginFingerprint.of(plugin),
                    Path.of(project.getBuild().getDirectory()));
            Optional<Path> upToDate = stamp.upToDateSourceRoot();
            if (upToDate.isPresent()) {
                sourceRoot = upToDate.get();
                getLog().info("Specwright sources are up to date (spec, error catalogue, parameters and plugin unchanged;"
                        + " checked in " + (System.nanoTime() - started) / 1_000_000 + " ms): " + sourceRoot);
            } else {
                sourceRoot = generate(options, stamp);
            }
        } catch (OutputRefusedException e) {
            // the user's to fix (move, ignore or overwrite a file; choose another folder): a failure, not an error
            throw new MojoFailureException(TerminalText.lines("Specwright refused to generate: " + e.getMessage()));
        } catch (IOException e) {
            throw new MojoExecutionException(TerminalText.lines("Specwright could not generate into " + output + ": "
                    + e.getMessage()), e);
        }
        if (addCompileSourceRoot) {
            project.addCompileSourceRoot(sourceRoot.toString());
        }
    }

    private Path generate(GeneratorOptions options, UpToDateStamp stamp) throws IOException, MojoFailureException {
        stamp.delete();
        if (execution != null && options.owner().isPresent()) {
            adoptFormerManifest(options.outputDir(), execution.getExecutionId(), options.owner().get());
        }
        GenerationReport report;
        try {
            report = new Generator(warning -> getLog().warn("Specwright: " + TerminalText.line(warning.format())))
                    .generate(options);
        } catch (SpecProblemsException e) {
            // no cause: Maven would append its message, listing every problem a second time
            throw new MojoFailureException(describe(e));
        }
        stamp.write(report.sourceRoot());
        report.warnings().forEach(warning -> getLog().warn("Specwright: " + TerminalText.line(warning)));
        getLog().info(TerminalText.line("Specwright generated " + report.fileCount() + " files ("
                + report.written().size() + " written, " + report.unchanged().size() + " unchanged, "
                + report.deleted().size() + " deleted) into " + report.sourceRoot()));
        return report.sourceRoot();
    }

    private GeneratorOptions options() throws MojoFailureException {
        List<Path> folders = new ArrayList<>();
        for (String folder : commaSeparated(allowRefsOutside)) {
            Path path = project.getBasedir().toPath().resolve(folder);
            if (!Files.isDirectory(path)) {
                throw new MojoFailureException("Specwright <allowRefsOutside>: no such folder: " + path);
            }
            folders.add(path);
        }
        try {
            return GeneratorOptions.builder(inputSpec.toPath(), output.toPath())
                    .errorCatalog(errorCatalog == null ? null : errorCatalog.toPath())
                    .basePackage(invokerPackage)
                    .apiPackage(apiPackage)
                    .modelPackage(modelPackage)
                    .layout(Layout.SOURCES)
                    .owner(execution == null ? null : owner(project.getArtifactId(), execution.getExecutionId()))
                    .overwrite(overwrite)
                    .allowedRefHosts(Set.copyOf(commaSeparated(allowRemoteRefs)))
                    .allowedRefFolders(folders)
                    .build();
        } catch (InvalidOptionException e) {
            // a configuration the user must change: a build failure naming the parameter, not an internal error
            String parameter = e.option().equals("basePackage") ? "invokerPackage" : e.option();
            throw new MojoFailureException("Specwright <" + parameter + ">: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Specwright <allowRemoteRefs>: " + e.getMessage());
        }
    }

    /**
     * Who owns this execution's files: the module's artifactId and the execution id. The id alone is not enough: reactor
     * modules inherit one execution (often {@code default}) from their parent, and with one shared {@code <output>} each
     * would take the other's files for its own stale ones and delete them. {@code @} never occurs in an artifactId, so two
     * owners never share a name by where the id starts.
     */
    static String owner(String artifactId, String executionId) {
        return artifactId + "@" + executionId;
    }

    /**
     * An earlier Specwright named the manifest {@code .specwright-manifest-<executionId>}: it is renamed (once, if this
     * owner has none yet) so this execution's files stay its own instead of "listed by another run". Should two modules
     * have shared it, the first to run takes it and deletes the other's unedited files as stale; the other regenerates
     * them, so nothing of a user's is lost.
     */
    static void adoptFormerManifest(Path outputDir, String executionId, String owner) throws IOException {
        Path former = outputDir.resolve(OutputWriter.manifestName(Optional.of(executionId)));
        Path own = outputDir.resolve(OutputWriter.manifestName(Optional.of(owner)));
        if (Files.isRegularFile(former, LinkOption.NOFOLLOW_LINKS) && !Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(former, own, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // a parallel module took it first: it is theirs now
            }
        }
    }

    private static List<String> commaSeparated(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One problem per line, each {@code file#/pointer: rule. Fix: ...}, so build.log shows where to look. */
    static String describe(SpecProblemsException e) {
        int n = e.problems().size();
        return "Specwright found " + n + (n == 1 ? " problem" : " problems")
                + " in the input; nothing was generated:\n"
                + e.problems().stream().map(SpecProblem::format).map(line -> "  " + TerminalText.line(line))
                        .collect(Collectors.joining("\n"));
    }
}
