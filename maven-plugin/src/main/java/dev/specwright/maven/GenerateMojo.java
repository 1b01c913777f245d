package dev.specwright.maven;

import dev.specwright.generator.Customization;
import dev.specwright.generator.CustomizationException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private String inputSpec;

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

    /** Skip generation when the inputs are unchanged (see {@link UpToDateStamp}). */
    @Parameter(property = "specwright.skipIfSpecIsUnchanged", defaultValue = "true")
    private boolean skipIfSpecIsUnchanged;

    /** Generate the API classes, their params records and the client. */
    @Parameter(property = "specwright.generateApis", defaultValue = "true")
    private boolean generateApis;

    /** Generate the models and enums. */
    @Parameter(property = "specwright.generateModels", defaultValue = "true")
    private boolean generateModels;

    /** Log a line per stage with counts and times. */
    @Parameter(property = "specwright.verbose", defaultValue = "false")
    private boolean verbose;

    /** A folder of Mustache templates that override or add to the defaults by name. */
    @Parameter(property = "specwright.templateDirectory")
    private File templateDirectory;

    /** A spec type (and format) to a Java type, {@code key=value} items: {@code date-time=java.time.Instant}. */
    @Parameter(property = "specwright.typeMappings")
    private List<String> typeMappings;

    /** A model name to an existing class, {@code key=value} items (openapi-generator's form; same as schemaMappings). */
    @Parameter(property = "specwright.importMappings")
    private List<String> importMappings;

    /** A schema name to an existing class used instead of a generated one, {@code key=value} items. */
    @Parameter(property = "specwright.schemaMappings")
    private List<String> schemaMappings;

    /** A property's JSON name to its Java name, {@code key=value} items. */
    @Parameter(property = "specwright.nameMappings")
    private List<String> nameMappings;

    /** A schema name to its class name, {@code key=value} items. */
    @Parameter(property = "specwright.modelNameMappings")
    private List<String> modelNameMappings;

    /** An operationId to its method name, {@code key=value} items. */
    @Parameter(property = "specwright.operationIdNameMappings")
    private List<String> operationIdNameMappings;

    /** An enum value to its constant name, {@code key=value} items. */
    @Parameter(property = "specwright.enumNameMappings")
    private List<String> enumNameMappings;

    /** Jakarta Validation annotations on models from the spec's constraints. */
    @Parameter(property = "specwright.useBeanValidation", defaultValue = "false")
    private boolean useBeanValidation;

    /** Class names of GeneratorExtensions to run, besides those on the plugin's dependencies found by ServiceLoader. */
    @Parameter(property = "specwright.extensions")
    private List<String> extensions;

    /** The client's name (class {@code <Name>Client}), instead of the spec's {@code x-client-name} or title. */
    @Parameter(property = "specwright.clientName")
    private String clientName;

    /** {@code sources} (the default): only Java sources; {@code project}: a buildable, publishable Maven project. */
    @Parameter(property = "specwright.layout", defaultValue = "sources")
    private String layout;

    /** The generated project's groupId ({@code layout=project}). */
    @Parameter(property = "specwright.groupId")
    private String groupId;

    /** The generated project's artifactId ({@code layout=project}). */
    @Parameter(property = "specwright.artifactId")
    private String artifactId;

    /** The generated project's version ({@code layout=project}). */
    @Parameter(property = "specwright.artifactVersion")
    private String artifactVersion;

    /** The generated project's license name ({@code layout=project}). */
    @Parameter(property = "specwright.licenseName")
    private String licenseName;

    /** The generated project's license URL ({@code layout=project}). */
    @Parameter(property = "specwright.licenseUrl")
    private String licenseUrl;

    /** The generated project's SCM URL ({@code layout=project}). */
    @Parameter(property = "specwright.scmUrl")
    private String scmUrl;

    /** The generated project's SCM connection ({@code layout=project}). */
    @Parameter(property = "specwright.scmConnection")
    private String scmConnection;

    /** The generated project's SCM developer connection ({@code layout=project}). */
    @Parameter(property = "specwright.scmDeveloperConnection")
    private String scmDeveloperConnection;

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
                    .extensionsFrom(getClass().getClassLoader()) // GeneratorExtensions on the plugin's <dependencies>
                    .generate(options);
        } catch (SpecProblemsException e) {
            // no cause: Maven would append its message, listing every problem a second time
            throw new MojoFailureException(describe(e));
        } catch (CustomizationException e) {
            // a template, mapping or extension the user must change: a failure naming the parameter, nothing written
            throw new MojoFailureException(TerminalText.lines("Specwright <" + e.option() + ">: " + e.getMessage()));
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
            Customization customization = Customization.DEFAULT
                    .withTypeMappings(keyValues(typeMappings))
                    .withSchemaMappings(merged(keyValues(importMappings), keyValues(schemaMappings)))
                    .withNameMappings(new Customization.NameMappings(keyValues(nameMappings),
                            keyValues(modelNameMappings), keyValues(operationIdNameMappings), keyValues(enumNameMappings)))
                    .withGenerateApis(generateApis)
                    .withGenerateModels(generateModels)
                    .withBeanValidation(useBeanValidation)
                    .withTemplateDirectory(templateDirectory == null ? null : templateDirectory.toPath())
                    .withExtensions(extensions == null ? List.of() : extensions)
                    .withClientName(clientName)
                    .withProject(new Customization.ProjectInfo(optional(groupId), optional(artifactId),
                            optional(artifactVersion), optional(licenseName), optional(licenseUrl), optional(scmUrl),
                            optional(scmConnection), optional(scmDeveloperConnection)));
            return GeneratorOptions.builder(project.getBasedir().toPath().resolve(inputSpec), output.toPath())
                    .errorCatalog(errorCatalog == null ? null : errorCatalog.toPath())
                    .basePackage(invokerPackage)
                    .apiPackage(apiPackage)
                    .modelPackage(modelPackage)
                    .layout(Layout.valueOf(layout.strip().toUpperCase(java.util.Locale.ROOT)))
                    .customization(customization)
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

    /** {@code key=value} items (openapi-generator's list form), each item possibly several, comma-separated. */
    static Map<String, String> keyValues(List<String> items) {
        Map<String, String> map = new LinkedHashMap<>();
        if (items != null) {
            for (String item : items) {
                for (String pair : commaSeparated(item)) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                }
            }
        }
        return map;
    }

    private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
        Map<String, String> map = new LinkedHashMap<>(first);
        map.putAll(second);
        return map;
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
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
