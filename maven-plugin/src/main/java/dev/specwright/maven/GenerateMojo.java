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
import dev.specwright.generator.emit.Emitters;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
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
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends AbstractMojo {

    /**
     * The OpenAPI definition (OpenAPI 3.0 or 3.1, or Swagger 2.0; YAML or JSON): a file (relative to the project), an
     * {@code http(s)} URL (fetched once, with a timeout, into {@code target/specwright-inputs}; http only from
     * localhost), or a resource on the project's compile classpath such as {@code com/example/api/openapi.yaml} in a
     * dependency jar (extracted with the files of its folder, so its relative {@code $ref}s work). Relative
     * {@code $ref}s resolve against its folder. Required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.inputSpec", required = true)
    private String inputSpec;

    /**
     * The API's {@code errors.json} error catalogue. Optional: without it the client throws the runtime's generic
     * {@code ApiException} and no {@code ErrorCode} enum is generated. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.errorCatalog")
    private File errorCatalog;

    /**
     * The folder to generate into; the sources land in {@code <output>/src/main/java}. Several executions may share
     * it (each owns its files through its own manifest). Default:
     * {@code ${project.build.directory}/generated-sources/specwright}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.output",
            defaultValue = "${project.build.directory}/generated-sources/specwright", required = true)
    private File output;

    /**
     * The base package (the client, credentials, environments and error types). Default: derived from the API's client
     * name ({@code clientName}, else {@code x-client-name}, else the title).
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.invokerPackage")
    private String invokerPackage;

    /**
     * The package of the API classes and their parameter objects. Default: {@code <invokerPackage>.api}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.apiPackage")
    private String apiPackage;

    /**
     * The package of the models and field enums. Default: {@code <invokerPackage>.model}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.modelPackage")
    private String modelPackage;

    /**
     * Replace files in {@code output} that this execution did not write, or that were edited since it wrote them.
     * Without it such a file fails the build, naming it, and nothing is written. Set it on purpose: those files are lost.
     * (Listing a path in {@code output/.specwright-ignore} instead keeps it and stops generating it.) Default: false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.overwrite", defaultValue = "false")
    private boolean overwrite;

    /**
     * Hosts a {@code $ref} may fetch from, comma-separated, over https (http only for localhost, 127.0.0.1, [::1]).
     * Default: none, generation reads no network for {@code $ref}s.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.allowRemoteRefs")
    private String allowRemoteRefs;

    /**
     * Folders outside the spec's folder whose files a {@code $ref} may read, comma-separated, relative to the project.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.allowRefsOutside")
    private String allowRefsOutside;

    /**
     * Skip generation (sources generated earlier stay on the compile path). Default: false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Add {@code <output>/src/main/java} to the project's compile source roots. Default: true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.addCompileSourceRoot", defaultValue = "true")
    private boolean addCompileSourceRoot;

    /**
     * Skip generation when no input changed: the spec and every file it {@code $ref}s, the error catalogue, every
     * parameter, the templates, the extensions and the plugin, and the generated files are as written. Default: true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.skipIfSpecIsUnchanged", defaultValue = "true")
    private boolean skipIfSpecIsUnchanged;

    /**
     * Generate the API classes, their params records and the client. Default: true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateApis", defaultValue = "true")
    private boolean generateApis;

    /**
     * Generate the models and enums (without them, the user supplies the classes). Default: true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateModels", defaultValue = "true")
    private boolean generateModels;

    /**
     * Log a line per stage (parsed N paths and M schemas, built the model, wrote K files) at INFO; without it those
     * lines are DEBUG ({@code mvn -X}) and a build logs one summary line. Default: false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * A folder of Mustache templates that override Specwright's by name or add files (per spec, per API, per model or
     * per error catalogue, by a naming convention). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.templateDirectory")
    private File templateDirectory;

    /**
     * A spec type (and format) to a Java type: {@code <typeMapping>date-time=java.time.Instant</typeMapping>} items
     * (or {@code -Dspecwright.typeMappings=date-time=java.time.Instant,string+uuid=java.util.UUID}); openapi-generator's
     * keys ({@code DateTime}, {@code UUID}) are accepted too. The class must exist (JDK, compile classpath or sources).
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.typeMappings")
    private List<String> typeMappings;

    /**
     * openapi-generator's name for {@code schemaMappings}: {@code Money=com.example.Money} items. An item whose key is
     * a {@code typeMappings} value ({@code typeMappings DateTime=Instant}, {@code importMappings
     * Instant=java.time.Instant}) gives that type's package instead. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.importMappings")
    private List<String> importMappings;

    /**
     * A schema name to an existing class used instead of a generated one: {@code Money=com.example.Money} items. The
     * class must exist (JDK, compile classpath or sources). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.schemaMappings")
    private List<String> schemaMappings;

    /**
     * A property's JSON name to its Java name: {@code _type=typeName} items. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.nameMappings")
    private List<String> nameMappings;

    /**
     * A schema name to its class name: {@code Pet_V2=Pet} items. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.modelNameMappings")
    private List<String> modelNameMappings;

    /**
     * An operationId to its method name: {@code listPets_1=listAllPets} items. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.operationIdNameMappings")
    private List<String> operationIdNameMappings;

    /**
     * An enum value to its constant name: {@code 1=ONE} items. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.enumNameMappings")
    private List<String> enumNameMappings;

    /**
     * Jakarta Validation annotations on models from the spec's constraints (openapi-generator's
     * {@code configOptions/useBeanValidation}, accepted there too). Default: false.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.useBeanValidation", defaultValue = "false")
    private boolean useBeanValidation;

    /**
     * Class names of {@code GeneratorExtension}s to run, besides those found by {@code ServiceLoader} on the plugin's
     * dependencies. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.extensions")
    private List<String> extensions;

    /**
     * The client's name (class {@code <Name>Client}), instead of the spec's {@code x-client-name} or title.
     * Default: from the spec.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.clientName")
    private String clientName;

    /**
     * {@code sources}: only Java sources, added to this project; {@code project}: a buildable, publishable Maven
     * project in {@code output}. Default: {@code sources}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.layout", defaultValue = "sources")
    private String layout;

    /**
     * The generated project's groupId ({@code layout=project}). Default: the base package.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.groupId")
    private String groupId;

    /**
     * The generated project's artifactId ({@code layout=project}). Default: from the client name.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.artifactId")
    private String artifactId;

    /**
     * The generated project's version ({@code layout=project}). Default: the spec's {@code info.version}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.artifactVersion")
    private String artifactVersion;

    /**
     * The generated project's license name ({@code layout=project}). Default: the spec's {@code info.license}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.licenseName")
    private String licenseName;

    /**
     * The generated project's license URL ({@code layout=project}). Default: the spec's {@code info.license}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.licenseUrl")
    private String licenseUrl;

    /**
     * The generated project's SCM URL ({@code layout=project}). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.scmUrl")
    private String scmUrl;

    /**
     * The generated project's SCM connection ({@code layout=project}). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.scmConnection")
    private String scmConnection;

    /**
     * The generated project's SCM developer connection ({@code layout=project}). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.scmDeveloperConnection")
    private String scmDeveloperConnection;

    /**
     * openapi-generator's options of its {@code java} generator: {@code <configOptions><dateLibrary>java8</dateLibrary>
     * </configOptions>}. Each key is judged on its own: the ones that mean one of our parameters
     * ({@code apiPackage}, {@code modelPackage}, {@code invokerPackage}, {@code groupId}, {@code artifactId},
     * {@code artifactVersion}, {@code licenseName}, {@code licenseUrl}, {@code scm*}, {@code useBeanValidation}) set
     * it; the ones whose value is what Specwright does anyway ({@code dateLibrary=java8}, {@code library=native},
     * {@code serializationLibrary=jackson}, {@code sourceFolder=src/main/java}) pass; the ones that change nothing
     * here are logged; the ones asking for what Specwright does not do, and unknown keys, fail the build naming the
     * key. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> configOptions;

    /**
     * openapi-generator's template variables, {@code key=value} items: judged as {@code configOptions} (its java
     * generator reads the same keys there). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.additionalProperties")
    private List<String> additionalProperties;

    // openapi-generator-maven-plugin's parameters that have no counterpart here: declared so a copied block is
    // judged (PeerParameters) instead of silently ignored. Each is null unless set.

    /**
     * openapi-generator's generator name: {@code java} or left out; anything else fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generatorName")
    private String generatorName;

    /**
     * openapi-generator's; no effect here (each execution's manifest deletes its own stale files). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.cleanupOutput")
    private Boolean cleanupOutput;

    /**
     * openapi-generator's; not supported (give one inputSpec per execution): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.inputSpecRootDirectory")
    private String inputSpecRootDirectory;

    /**
     * openapi-generator's (with inputSpecRootDirectory); no effect here. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.mergedFileName")
    private String mergedFileName;

    /**
     * openapi-generator's (with inputSpecRootDirectory); no effect here. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.mergedFileInfoName")
    private String mergedFileInfoName;

    /**
     * openapi-generator's (with inputSpecRootDirectory); no effect here. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.mergedFileInfoDescription")
    private String mergedFileInfoDescription;

    /**
     * openapi-generator's (with inputSpecRootDirectory); no effect here. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.mergedFileInfoVersion")
    private String mergedFileInfoVersion;

    /**
     * openapi-generator's; no effect here (no git_push.sh; use scmUrl). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.gitHost")
    private String gitHost;

    /**
     * openapi-generator's; no effect here (no git_push.sh; use scmUrl). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.gitUserId")
    private String gitUserId;

    /**
     * openapi-generator's; no effect here (no git_push.sh; use scmUrl). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.gitRepoId")
    private String gitRepoId;

    /**
     * openapi-generator's; not supported (no collapsed spec is written): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.collapsedSpec")
    private String collapsedSpec;

    /**
     * openapi-generator's; not supported: true fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.includeCollapsedSpecInArtifacts")
    private Boolean includeCollapsedSpecInArtifacts;

    /**
     * openapi-generator's; not supported (use templateDirectory): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.templateResourcePath")
    private String templateResourcePath;

    /**
     * openapi-generator's; not supported (templateDirectory adds files by name): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.userDefinedTemplateFiles")
    private List<String> userDefinedTemplateFiles;

    /**
     * openapi-generator's template engine: {@code mustache} or left out; anything else fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.engine")
    private String engine;

    /**
     * openapi-generator's; not supported (a spec URL is fetched without credentials): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.auth")
    private String auth;

    /**
     * openapi-generator's; not supported (options go in the plugin's configuration): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.configurationFile")
    private String configurationFile;

    /**
     * openapi-generator's; true is not supported (list files to keep in output/.specwright-ignore). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.skipOverwrite")
    private Boolean skipOverwrite;

    /**
     * openapi-generator's; no effect here (its java generator ignores it too; use invokerPackage). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.packageName")
    private String packageName;

    /**
     * openapi-generator's HTTP library: {@code native} (java.net.http and Jackson, what Specwright uses) or left out;
     * anything else fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.library")
    private String library;

    /**
     * openapi-generator's; not supported (use modelNameMappings): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.modelNamePrefix")
    private String modelNamePrefix;

    /**
     * openapi-generator's; not supported (use modelNameMappings): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.modelNameSuffix")
    private String modelNameSuffix;

    /**
     * openapi-generator's; not supported (API classes are {@code <Tag>Api}): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.apiNameSuffix")
    private String apiNameSuffix;

    /**
     * openapi-generator's; not supported (use output/.specwright-ignore): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.ignoreFileOverride")
    private String ignoreFileOverride;

    /**
     * openapi-generator's; not supported (the User-Agent is set on the client's ClientOptions): setting it fails.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.httpUserAgent")
    private String httpUserAgent;

    /**
     * openapi-generator's; true is not supported (use operationIdNameMappings). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.removeOperationIdPrefix")
    private Boolean removeOperationIdPrefix;

    /**
     * openapi-generator's; no effect here (no per-operation example code is generated). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.skipOperationExample")
    private Boolean skipOperationExample;

    /**
     * openapi-generator's; no effect here (Specwright logs through Maven). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.logToStderr")
    private Boolean logToStderr;

    /**
     * openapi-generator's; true is not supported (no post-processing command is run). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.enablePostProcessFile")
    private Boolean enablePostProcessFile;

    /**
     * openapi-generator's; true is not supported (Specwright always validates). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.skipValidateSpec")
    private Boolean skipValidateSpec;

    /**
     * openapi-generator's; no effect here (one set of rules: errors fail, tolerated defects warn). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.strictSpec")
    private Boolean strictSpec;

    /**
     * openapi-generator's; true is not supported (array and map schemas become List and Map). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateAliasAsModel")
    private Boolean generateAliasAsModel;

    /**
     * openapi-generator's; not supported (the collection types are fixed): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.instantiationTypes")
    private List<String> instantiationTypes;

    /**
     * openapi-generator's; not supported (rename the result with modelNameMappings): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.inlineSchemaNameMappings")
    private List<String> inlineSchemaNameMappings;

    /**
     * openapi-generator's; not supported: setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.inlineSchemaOptions")
    private List<String> inlineSchemaOptions;

    /**
     * openapi-generator's; not supported yet (parameter names cannot be mapped): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.parameterNameMappings")
    private List<String> parameterNameMappings;

    /**
     * openapi-generator's; not supported (no normalizer rules): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.openapiNormalizer")
    private List<String> openapiNormalizer;

    /**
     * openapi-generator's; no effect here (mapped types are written with their qualified names). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.languageSpecificPrimitives")
    private List<String> languageSpecificPrimitives;

    /**
     * openapi-generator's; not supported (use output/.specwright-ignore): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.openapiGeneratorIgnoreList")
    private List<String> openapiGeneratorIgnoreList;

    /**
     * openapi-generator's; not supported (environments come from the spec's servers): setting it fails.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.serverVariableOverrides")
    private List<String> serverVariableOverrides;

    /**
     * openapi-generator's; not supported (reserved words are escaped; use nameMappings): setting it fails.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.reservedWordsMappings")
    private List<String> reservedWordsMappings;

    /**
     * openapi-generator's; not supported (every API is generated): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.apisToGenerate")
    private String apisToGenerate;

    /**
     * openapi-generator's (with modelsToGenerate); no effect here. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateRecursiveDependentModels")
    private Boolean generateRecursiveDependentModels;

    /**
     * openapi-generator's; not supported (every model is generated; use schemaMappings): setting it fails.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.modelsToGenerate")
    private String modelsToGenerate;

    /**
     * openapi-generator's; no effect here (the client's support is generated with the APIs). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateSupportingFiles")
    private Boolean generateSupportingFiles;

    /**
     * openapi-generator's; not supported (the client's support is always generated): setting it fails.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.supportingFilesToGenerate")
    private String supportingFilesToGenerate;

    /**
     * openapi-generator's; true is not supported (no test stubs are generated). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateModelTests")
    private Boolean generateModelTests;

    /**
     * openapi-generator's; no effect here (per-model docs are written with layout=project). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateModelDocumentation")
    private Boolean generateModelDocumentation;

    /**
     * openapi-generator's; true is not supported (no test stubs are generated). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateApiTests")
    private Boolean generateApiTests;

    /**
     * openapi-generator's; no effect here (per-API docs are written with layout=project). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.generateApiDocumentation")
    private Boolean generateApiDocumentation;

    /**
     * openapi-generator's; true is not supported (generate in the module whose main code uses the client).
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.addTestCompileSourceRoot")
    private Boolean addTestCompileSourceRoot;

    /**
     * openapi-generator's; true is not supported (no dry run). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.dryRun")
    private Boolean dryRun;

    /**
     * openapi-generator's; not supported (use generateApis, generateModels): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * openapi-generator's; not supported (use generateApis, generateModels): setting it fails. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> globalProperties;

    /**
     * openapi-generator's; true is not supported (run {@code mvn specwright:help -Ddetail}). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "specwright.configHelp")
    private Boolean configHelp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Its id, with the artifactId, names this execution's manifest and stamp in {@code output}. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long started = System.nanoTime();
        if (skip) {
            skipped();
            return;
        }
        GeneratorOptions options = options();
        long optionsRead = System.nanoTime();
        Path sourceRoot;
        try {
            UpToDateStamp stamp = UpToDateStamp.compute(options, PluginFingerprint.of(plugin));
            long keyed = System.nanoTime();
            UpToDateStamp.Check check = skipIfSpecIsUnchanged ? stamp.check()
                    : UpToDateStamp.Check.generate("skipIfSpecIsUnchanged is false");
            progress("up-to-date check: parameters and classes " + (optionsRead - started) / 1_000_000 + " ms, key "
                    + (keyed - optionsRead) / 1_000_000 + " ms, inputs and generated files "
                    + (System.nanoTime() - keyed) / 1_000_000 + " ms");
            if (check.upToDate()) {
                sourceRoot = check.sourceRoot().get();
                // the earlier run's warnings again: a no-op build must not hide them
                check.warnings().forEach(warning -> getLog().warn("Specwright: " + TerminalText.line(warning)));
                getLog().info("Specwright sources are up to date (spec, referenced files, error catalogue, parameters,"
                        + " templates, plugin and generated files unchanged; checked in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms): " + sourceRoot);
            } else {
                progress("generating: " + check.reason());
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

    /**
     * {@code skip}: nothing is read or generated, but sources an earlier run generated stay on the compile path (as
     * openapi-generator's plugin keeps them), so a build that skips generation still compiles.
     */
    private void skipped() throws MojoExecutionException {
        Path root;
        try {
            Optional<String> owner = execution == null ? Optional.empty()
                    : Optional.of(owner(project.getArtifactId(), execution.getExecutionId()));
            root = UpToDateStamp.previousSourceRoot(output.toPath(), owner)
                    .orElse(output.toPath().resolve(Emitters.SOURCE_ROOT));
        } catch (IOException e) {
            throw new MojoExecutionException("Specwright could not read its stamp in " + output + ": " + e.getMessage(), e);
        }
        if (addCompileSourceRoot && Files.isDirectory(root)) {
            project.addCompileSourceRoot(root.toString());
            getLog().info("Specwright generation skipped (specwright.skip=true); sources generated earlier stay on the"
                    + " compile path: " + root);
        } else {
            getLog().info("Specwright generation skipped (specwright.skip=true).");
        }
    }

    private Path generate(GeneratorOptions options, UpToDateStamp stamp) throws IOException, MojoFailureException {
        stamp.delete();
        if (execution != null && options.owner().isPresent()) {
            adoptFormerManifest(options.outputDir(), execution.getExecutionId(), options.owner().get());
        }
        GenerationReport report;
        List<String> warnings = new ArrayList<>();
        try {
            report = new Generator(warning -> warn(warnings, warning.format()))
                    .extensionsFrom(getClass().getClassLoader()) // GeneratorExtensions on the plugin's <dependencies>
                    .progress(this::progress)
                    .generate(options);
        } catch (SpecProblemsException e) {
            // no cause: Maven would append its message, listing every problem a second time
            throw new MojoFailureException(describe(e));
        } catch (CustomizationException e) {
            // a template, mapping or extension the user must change: a failure naming the parameter, nothing written
            throw new MojoFailureException(TerminalText.lines("Specwright <" + e.option() + ">: " + e.getMessage()));
        }
        report.warnings().forEach(warning -> warn(warnings, warning));
        stamp.write(report, warnings);
        getLog().info(TerminalText.line("Specwright generated " + report.fileCount() + " files ("
                + report.written().size() + " written, " + report.unchanged().size() + " unchanged, "
                + report.deleted().size() + " deleted) into " + report.sourceRoot()));
        return report.sourceRoot();
    }

    /** Logs a warning as one line and keeps it for the stamp, which repeats it on an up-to-date build. */
    private void warn(List<String> kept, String warning) {
        String line = TerminalText.line(warning);
        kept.add(line);
        getLog().warn("Specwright: " + line);
    }

    /** A stage line from the generator: INFO with {@code verbose}, else DEBUG (one summary line by default). */
    private void progress(String line) {
        String text = TerminalText.line("Specwright: " + line);
        if (verbose) {
            getLog().info(text);
        } else {
            getLog().debug(text);
        }
    }

    private GeneratorOptions options() throws MojoFailureException, MojoExecutionException {
        List<Path> folders = new ArrayList<>();
        for (String folder : commaSeparated(allowRefsOutside)) {
            Path path = project.getBasedir().toPath().resolve(folder);
            if (!Files.isDirectory(path)) {
                throw new MojoFailureException("Specwright <allowRefsOutside>: no such folder: " + path);
            }
            folders.add(path);
        }
        Settings settings = settings();
        checkClasses(settings);
        Path spec = spec();
        try {
            Customization customization = Customization.DEFAULT
                    .withTypeMappings(settings.typeMappings())
                    .withSchemaMappings(settings.schemaMappings())
                    .withNameMappings(settings.names())
                    .withGenerateApis(generateApis)
                    .withGenerateModels(generateModels)
                    .withBeanValidation(settings.beanValidation())
                    .withTemplateDirectory(templateDirectory == null ? null : templateDirectory.toPath())
                    .withExtensions(extensions == null ? List.of() : extensions)
                    .withClientName(clientName)
                    .withProject(new Customization.ProjectInfo(settings.value("groupId"),
                            settings.value("artifactId"), settings.value("artifactVersion"),
                            settings.value("licenseName"), settings.value("licenseUrl"), settings.value("scmUrl"),
                            settings.value("scmConnection"), settings.value("scmDeveloperConnection")));
            return GeneratorOptions.builder(spec, output.toPath())
                    .errorCatalog(errorCatalog == null ? null : errorCatalog.toPath())
                    .basePackage(settings.value("invokerPackage").orElse(null))
                    .apiPackage(settings.value("apiPackage").orElse(null))
                    .modelPackage(settings.value("modelPackage").orElse(null))
                    .layout(layout())
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

    private Layout layout() throws MojoFailureException {
        String name = layout == null ? "sources" : layout.strip();
        for (Layout candidate : Layout.values()) {
            if (candidate.name().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        throw new MojoFailureException("Specwright <layout>: unknown layout " + PeerParameters.quoted(name)
                + ". Fix: sources or project.");
    }

    /** The local file to generate from: the spec itself, or its copy fetched from a URL or taken from a jar. */
    private Path spec() throws MojoFailureException, MojoExecutionException {
        if (inputSpec == null || inputSpec.isBlank()) {
            throw new MojoFailureException("Specwright <inputSpec>: no spec given. Fix: set <inputSpec> to the"
                    + " OpenAPI file, an https URL, or a resource in a dependency jar.");
        }
        String executionId = execution == null ? "default" : execution.getExecutionId();
        Path work = Path.of(project.getBuild().getDirectory(), "specwright-inputs",
                executionId.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            List<String> classpath = SpecSource.isUrl(inputSpec) ? List.of() : project.getCompileClasspathElements();
            Set<String> hosts = commaSeparated(allowRemoteRefs).stream().map(h -> h.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            Path spec = SpecSource.resolve(inputSpec, project.getBasedir().toPath(), classpath, work, hosts);
            getLog().debug(TerminalText.line("Specwright: generating from " + spec));
            return spec;
        } catch (SpecSource.NotFound e) {
            throw new MojoFailureException(TerminalText.lines("Specwright <inputSpec>: " + e.getMessage()));
        } catch (DependencyResolutionRequiredException | IOException e) {
            throw new MojoExecutionException(TerminalText.lines("Specwright could not read <inputSpec> "
                    + inputSpec + ": " + e.getMessage()), e);
        }
    }

    /**
     * The mappings and project values after openapi-generator's parameters have been judged and folded in.
     *
     * @param typeMappings {@code typeMappings}, a simple-name value given its package by {@code importMappings}
     * @param schemaMappings {@code schemaMappings} and the other {@code importMappings}
     * @param names the name mappings
     * @param values our string parameters, set from the peer's configOptions keys where ours are unset
     * @param beanValidation {@code useBeanValidation}, or the peer's {@code configOptions/useBeanValidation}
     */
    record Settings(Map<String, String> typeMappings, Map<String, String> schemaMappings,
            Customization.NameMappings names, Map<String, String> values, boolean beanValidation) {

        Optional<String> value(String name) {
            return optional(values.get(name));
        }
    }

    Settings settings() throws MojoFailureException {
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        PeerParameters.Judgement plugin = PeerParameters.judge("", PeerParameters.PLUGIN, peerOnlyValues(), false);
        refusals.addAll(plugin.refusals());
        notes.addAll(plugin.notes());
        Map<String, String> options = new LinkedHashMap<>();
        if (configOptions != null) {
            configOptions.forEach((key, value) -> options.put(key.strip(), value == null ? "" : value.strip()));
        }
        PeerParameters.Judgement config = PeerParameters.judge("configOptions", PeerParameters.CONFIG_OPTIONS,
                options, true);
        Map<String, String> extras = keyValues("additionalProperties", additionalProperties);
        PeerParameters.Judgement extra = PeerParameters.judge("additionalProperties", PeerParameters.CONFIG_OPTIONS,
                extras, true);
        for (PeerParameters.Judgement judgement : List.of(config, extra)) {
            refusals.addAll(judgement.refusals());
            notes.addAll(judgement.notes());
        }

        Map<String, String> values = new LinkedHashMap<>();
        values.put("invokerPackage", invokerPackage);
        values.put("apiPackage", apiPackage);
        values.put("modelPackage", modelPackage);
        values.put("groupId", groupId);
        values.put("artifactId", artifactId);
        values.put("artifactVersion", artifactVersion);
        values.put("licenseName", licenseName);
        values.put("licenseUrl", licenseUrl);
        values.put("scmUrl", scmUrl);
        values.put("scmConnection", scmConnection);
        values.put("scmDeveloperConnection", scmDeveloperConnection);
        boolean beanValidation = useBeanValidation;
        // the map parameters, with what the peer's older configOptions keys (type-mappings, ...) add to them
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("typeMappings", copy(typeMappings));
        lists.put("importMappings", copy(importMappings));
        lists.put("schemaMappings", copy(schemaMappings));
        lists.put("nameMappings", copy(nameMappings));
        lists.put("modelNameMappings", copy(modelNameMappings));
        lists.put("operationIdNameMappings", copy(operationIdNameMappings));
        lists.put("enumNameMappings", copy(enumNameMappings));
        Map<String, PeerParameters.Judgement> judged = new LinkedHashMap<>();
        judged.put("configOptions", config);
        judged.put("additionalProperties", extra);
        for (Map.Entry<String, PeerParameters.Judgement> where : judged.entrySet()) {
            for (Map.Entry<String, String> mapped : where.getValue().mapped().entrySet()) {
                String ours = mapped.getKey();
                String value = mapped.getValue().strip();
                if (lists.containsKey(ours)) {
                    lists.get(ours).add(value);
                    continue;
                }
                if (ours.equals("useBeanValidation")) {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        refusals.add("<" + where.getKey() + ".useBeanValidation> = " + PeerParameters.quoted(value)
                                + " is not a boolean. Fix: true or false.");
                    }
                    beanValidation |= value.equalsIgnoreCase("true");
                    continue;
                }
                Optional<String> current = optional(values.get(ours));
                if (current.isPresent() && !current.get().equals(value)) {
                    refusals.add("<" + where.getKey() + "." + ours + "> = " + PeerParameters.quoted(value)
                            + " contradicts <" + ours + "> = " + PeerParameters.quoted(current.get())
                            + ". Fix: keep one of them.");
                } else {
                    values.put(ours, value);
                }
            }
        }
        String jakarta = options.getOrDefault("useJakartaEe", extras.get("useJakartaEe"));
        if (beanValidation && "false".equalsIgnoreCase(jakarta)) {
            refusals.add("<configOptions.useJakartaEe> = \"false\" asks for javax.validation annotations;"
                    + " Specwright's (useBeanValidation) are jakarta.validation. Fix: remove it, or set it to true.");
        }

        Map<String, String> types = keyValues("typeMappings", lists.get("typeMappings"));
        Map<String, String> imports = keyValues("importMappings", lists.get("importMappings"));
        Map<String, String> schemas = keyValues("schemaMappings", lists.get("schemaMappings"));
        Customization.NameMappings names = new Customization.NameMappings(
                keyValues("nameMappings", lists.get("nameMappings")),
                keyValues("modelNameMappings", lists.get("modelNameMappings")),
                keyValues("operationIdNameMappings", lists.get("operationIdNameMappings")),
                keyValues("enumNameMappings", lists.get("enumNameMappings")));
        Map<String, String> typeMapped = new LinkedHashMap<>();
        java.util.Set<String> usedImports = new java.util.HashSet<>();
        for (Map.Entry<String, String> entry : types.entrySet()) {
            String value = entry.getValue();
            String imported = value.contains(".") ? null : imports.get(value);
            if (imported != null) {
                usedImports.add(value);
                value = imported;
            }
            typeMapped.put(entry.getKey(), value);
        }
        Map<String, String> schemaMapped = new LinkedHashMap<>();
        imports.forEach((key, value) -> {
            if (!usedImports.contains(key)) {
                schemaMapped.put(key, value);
            }
        });
        for (Map.Entry<String, String> entry : schemas.entrySet()) {
            String before = schemaMapped.put(entry.getKey(), entry.getValue());
            if (before != null && !before.equals(entry.getValue())) {
                refusals.add("<schemaMappings> " + entry.getKey() + "=" + entry.getValue() + " contradicts"
                        + " <importMappings> " + entry.getKey() + "=" + before + ". Fix: keep one of them.");
            }
        }

        if (!refusals.isEmpty()) {
            throw new MojoFailureException(TerminalText.lines(refusals.size() == 1
                    ? "Specwright " + refusals.get(0)
                    : "Specwright cannot honour " + refusals.size() + " settings:\n"
                            + refusals.stream().map(line -> "  " + line).collect(Collectors.joining("\n"))));
        }
        notes.forEach(note -> getLog().info(TerminalText.line("Specwright: " + note)));
        return new Settings(typeMapped, schemaMapped, names, values, beanValidation);
    }

    /** The peer-only parameters the user set (null when not): each judged by {@link PeerParameters#PLUGIN}. */
    Map<String, String> peerOnlyValues() {
        Map<String, String> set = new LinkedHashMap<>();
        put(set, "generatorName", generatorName);
        put(set, "cleanupOutput", cleanupOutput);
        put(set, "inputSpecRootDirectory", inputSpecRootDirectory);
        put(set, "mergedFileName", mergedFileName);
        put(set, "mergedFileInfoName", mergedFileInfoName);
        put(set, "mergedFileInfoDescription", mergedFileInfoDescription);
        put(set, "mergedFileInfoVersion", mergedFileInfoVersion);
        put(set, "gitHost", gitHost);
        put(set, "gitUserId", gitUserId);
        put(set, "gitRepoId", gitRepoId);
        put(set, "collapsedSpec", collapsedSpec);
        put(set, "includeCollapsedSpecInArtifacts", includeCollapsedSpecInArtifacts);
        put(set, "templateResourcePath", templateResourcePath);
        put(set, "userDefinedTemplateFiles", userDefinedTemplateFiles);
        put(set, "engine", engine);
        put(set, "auth", auth);
        put(set, "configurationFile", configurationFile);
        put(set, "skipOverwrite", skipOverwrite);
        put(set, "packageName", packageName);
        put(set, "library", library);
        put(set, "modelNamePrefix", modelNamePrefix);
        put(set, "modelNameSuffix", modelNameSuffix);
        put(set, "apiNameSuffix", apiNameSuffix);
        put(set, "ignoreFileOverride", ignoreFileOverride);
        put(set, "httpUserAgent", httpUserAgent);
        put(set, "removeOperationIdPrefix", removeOperationIdPrefix);
        put(set, "skipOperationExample", skipOperationExample);
        put(set, "logToStderr", logToStderr);
        put(set, "enablePostProcessFile", enablePostProcessFile);
        put(set, "skipValidateSpec", skipValidateSpec);
        put(set, "strictSpec", strictSpec);
        put(set, "generateAliasAsModel", generateAliasAsModel);
        put(set, "instantiationTypes", instantiationTypes);
        put(set, "inlineSchemaNameMappings", inlineSchemaNameMappings);
        put(set, "inlineSchemaOptions", inlineSchemaOptions);
        put(set, "parameterNameMappings", parameterNameMappings);
        put(set, "openapiNormalizer", openapiNormalizer);
        put(set, "languageSpecificPrimitives", languageSpecificPrimitives);
        put(set, "openapiGeneratorIgnoreList", openapiGeneratorIgnoreList);
        put(set, "serverVariableOverrides", serverVariableOverrides);
        put(set, "reservedWordsMappings", reservedWordsMappings);
        put(set, "apisToGenerate", apisToGenerate);
        put(set, "generateRecursiveDependentModels", generateRecursiveDependentModels);
        put(set, "modelsToGenerate", modelsToGenerate);
        put(set, "generateSupportingFiles", generateSupportingFiles);
        put(set, "supportingFilesToGenerate", supportingFilesToGenerate);
        put(set, "generateModelTests", generateModelTests);
        put(set, "generateModelDocumentation", generateModelDocumentation);
        put(set, "generateApiTests", generateApiTests);
        put(set, "generateApiDocumentation", generateApiDocumentation);
        put(set, "addTestCompileSourceRoot", addTestCompileSourceRoot);
        put(set, "dryRun", dryRun);
        put(set, "environmentVariables", environmentVariables == null ? null : environmentVariables.keySet());
        put(set, "globalProperties", globalProperties == null ? null : globalProperties.keySet());
        put(set, "configHelp", configHelp);
        return set;
    }

    private static List<String> copy(List<String> items) {
        return items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    private static void put(Map<String, String> set, String name, Object value) {
        if (value instanceof java.util.Collection<?> items) {
            if (!items.isEmpty()) {
                set.put(name, items.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
        } else if (value != null) {
            set.put(name, value.toString());
        }
    }

    /**
     * Every {@code typeMappings} and {@code schemaMappings} value names a class the generated code can compile
     * against: the JDK, the project's compile classpath, or a {@code .java} file in its source roots.
     */
    private void checkClasses(Settings settings) throws MojoFailureException, MojoExecutionException {
        if (settings.typeMappings().isEmpty() && settings.schemaMappings().isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try (ClassCheck check = new ClassCheck(project.getCompileClasspathElements(),
                project.getCompileSourceRoots())) {
            problems.addAll(missing(check, "typeMappings", settings.typeMappings()));
            problems.addAll(missing(check, "schemaMappings", settings.schemaMappings()));
        } catch (DependencyResolutionRequiredException | IOException e) {
            throw new MojoExecutionException("Specwright could not read the project's compile classpath: "
                    + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(TerminalText.lines(problems.size() == 1 ? "Specwright " + problems.get(0)
                    : "Specwright found " + problems.size() + " mappings to classes that do not exist:\n"
                            + problems.stream().map(line -> "  " + line).collect(Collectors.joining("\n"))));
        }
    }

    static List<String> missing(ClassCheck check, String parameter, Map<String, String> mappings) {
        List<String> problems = new ArrayList<>();
        mappings.forEach((key, type) -> {
            String problem = check.problem(type);
            if (problem != null) {
                problems.add("<" + parameter + "> key " + PeerParameters.quoted(key) + ": " + type + " " + problem
                        + ". Fix: correct the class name, or add the dependency that holds it.");
            }
        });
        return problems;
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

    /**
     * {@code key=value} items (openapi-generator's list form), each item possibly several, comma-separated (the form
     * a {@code -D} property gives). An item without {@code =}, with an empty key or value, or a key given twice with
     * two values fails the build naming the parameter and the item; the same pair twice is one.
     */
    static Map<String, String> keyValues(String parameter, List<String> items) throws MojoFailureException {
        Map<String, String> map = new LinkedHashMap<>();
        if (items != null) {
            for (String item : items) {
                for (String pair : commaSeparated(item)) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? "" : pair.substring(0, eq).strip();
                    String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
                    if (eq < 0 || key.isEmpty() || value.isEmpty()) {
                        throw new MojoFailureException(TerminalText.line("Specwright <" + parameter + ">: the item "
                                + PeerParameters.quoted(pair) + (eq < 0 ? " has no '='" : key.isEmpty()
                                        ? " has no key before '='" : " has no value after '='")
                                + ". Fix: write key=value items, e.g. " + example(parameter) + "."));
                    }
                    String before = map.putIfAbsent(key, value);
                    if (before != null && !before.equals(value)) {
                        throw new MojoFailureException(TerminalText.line("Specwright <" + parameter + ">: the key "
                                + PeerParameters.quoted(key) + " is given twice, as " + key + "=" + before + " and "
                                + key + "=" + value + ". Fix: keep one."));
                    }
                }
            }
        }
        return map;
    }

    private static String example(String parameter) {
        return switch (parameter) {
            case "typeMappings" -> "<typeMapping>date-time=java.time.Instant</typeMapping>";
            case "importMappings", "schemaMappings" -> "<schemaMapping>Money=com.example.Money</schemaMapping>";
            case "nameMappings" -> "<nameMapping>_type=typeName</nameMapping>";
            case "modelNameMappings" -> "<modelNameMapping>Pet_V2=Pet</modelNameMapping>";
            case "operationIdNameMappings" -> "<operationIdNameMapping>listPets_1=listAllPets</operationIdNameMapping>";
            case "enumNameMappings" -> "<enumNameMapping>1=ONE</enumNameMapping>";
            default -> "<" + parameter + ">key=value</" + parameter + ">";
        };
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
