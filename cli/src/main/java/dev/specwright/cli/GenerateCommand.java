package dev.specwright.cli;

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
import dev.specwright.generator.model.ModelDump;
import dev.specwright.generator.write.OutputRefusedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code specwright generate -i FILE -o DIR [options]}: every setting of {@link GeneratorOptions} and {@link Customization}
 * has an option, spelled as openapi-generator's {@code generate} spells it where the meaning is the same ({@code -i},
 * {@code -o}, {@code -t}, {@code --type-mappings}, ...), so a command line copied from there needs only {@code -g java}
 * dropped. Everything printed goes through {@link TerminalText}: a spec's text never reaches the terminal raw.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 120,
        description = {"Generates the client into DIR. Nothing is written when the inputs or the options have problems.",
            "Only files Specwright wrote there, unchanged since, are ever replaced or deleted; any other file in the way"
                + " stops the run before anything is written. Paths or globs listed in DIR/.specwright-ignore are never"
                + " written nor deleted.",
            "Map options take openapi-generator's form: KEY=VALUE items, separated by commas or in repeated options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:invalid spec or error catalogue, bad arguments (a map item that is not KEY=VALUE, a missing file or"
                + " folder), a mapping, template or extension that cannot work, or files in DIR that are not"
                + " Specwright's (problems on stderr, nothing written)",
            "1:anything else (message on stderr)"})
final class GenerateCommand implements Callable<Integer> {

    /** The CLI's name of each option {@link InvalidOptionException} and {@link CustomizationException} name. */
    private static final Map<String, String> CLI_NAMES = Map.ofEntries(
            Map.entry("basePackage", "--package"),
            Map.entry("invokerPackage", "--package"),
            Map.entry("templateDirectory", "--template-dir"),
            Map.entry("useBeanValidation", "--bean-validation"),
            Map.entry("schemaMappings", "--schema-mappings/--import-mappings"),
            Map.entry("importMappings", "--schema-mappings/--import-mappings"),
            Map.entry("version", "--artifact-version"),
            Map.entry("project", "--group-id/--artifact-id/--artifact-version"));

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input-spec", "--spec"}, required = true, paramLabel = "FILE",
            description = "The OpenAPI definition (OpenAPI 3.0 or 3.1, or Swagger 2.0; YAML or JSON).")
    private Path specFile;

    @Option(names = "--errors", paramLabel = "FILE", description = "The API's errors.json error catalogue.")
    private Path errors;

    @Option(names = {"-o", "--output", "--out"}, required = true, paramLabel = "DIR",
            description = "The folder to generate into.")
    private Path out;

    @Option(names = {"--invoker-package", "--package"}, paramLabel = "PKG",
            description = "The base package: the client, its environments, credentials and errors"
                    + " (default: derived from the client name).")
    private String basePackage;

    @Option(names = "--api-package", paramLabel = "PKG",
            description = "The package of the API classes and their parameter records (default: <base>.api).")
    private String apiPackage;

    @Option(names = "--model-package", paramLabel = "PKG",
            description = "The package of the models and enums (default: <base>.model).")
    private String modelPackage;

    @Option(names = "--client-name", paramLabel = "NAME",
            description = "The client's name: its class <Name>Client and the derived base package (default: the spec's"
                    + " x-client-name, else its title).")
    private String clientName;

    @Option(names = "--layout", paramLabel = "sources|project", defaultValue = "sources",
            description = "sources: DIR/src/main/java only (default); project: also a pom.xml, a README and a doc page"
                    + " per API.")
    private Layout layout;

    @Option(names = "--type-mappings", paramLabel = "TYPE=CLASS[,...]",
            description = "A spec type (and format) to a Java type: date-time=java.time.Instant,"
                    + " string+uuid=java.util.UUID; openapi-generator's keys (DateTime, UUID, ...) work too.")
    private List<String> typeMappings = List.of();

    @Option(names = "--import-mappings", paramLabel = "NAME=CLASS[,...]",
            description = "openapi-generator's spelling of --schema-mappings: the schema NAME becomes the existing"
                    + " CLASS (Money=com.example.Money).")
    private List<String> importMappings = List.of();

    @Option(names = "--schema-mappings", paramLabel = "NAME=CLASS[,...]",
            description = "The schema NAME becomes the existing CLASS, which is used wherever the schema is and is not"
                    + " generated (Money=com.example.Money).")
    private List<String> schemaMappings = List.of();

    @Option(names = "--name-mappings", paramLabel = "JSON=JAVA[,...]",
            description = "A property's JSON name to its Java name (_type=typeName).")
    private List<String> nameMappings = List.of();

    @Option(names = "--model-name-mappings", paramLabel = "SCHEMA=CLASS[,...]",
            description = "A schema name to its generated class name (Pet=Animal).")
    private List<String> modelNameMappings = List.of();

    @Option(names = "--operation-id-name-mappings", paramLabel = "OPERATIONID=METHOD[,...]",
            description = "An operationId to its method name (findPetsByStatus=byStatus).")
    private List<String> operationIdNameMappings = List.of();

    @Option(names = "--enum-name-mappings", paramLabel = "VALUE=CONSTANT[,...]",
            description = "An enum value to its constant name (in-progress=IN_PROGRESS).")
    private List<String> enumNameMappings = List.of();

    @Option(names = "--generate-apis", negatable = true,
            description = "Generate the API classes, their parameter records and the client (default)."
                    + " --no-generate-apis: the models only.")
    private Boolean generateApis;

    @Option(names = "--generate-models", negatable = true,
            description = "Generate the models and enums (default). --no-generate-models: you supply those classes.")
    private Boolean generateModels;

    @Option(names = "--global-property", paramLabel = "apis|models[,...]",
            description = "openapi-generator's selective generation: naming apis or models generates only what is named"
                    + " (--global-property models is --no-generate-apis). apiTests=false and modelTests=false are"
                    + " accepted (Specwright generates no tests); anything else is refused.")
    private List<String> globalProperties = List.of();

    @Option(names = "--bean-validation",
            description = "Annotate the models with Jakarta Validation constraints from the spec (minimum, pattern,"
                    + " required, ...). Off by default.")
    private boolean beanValidation;

    @Option(names = {"-t", "--template-dir"}, paramLabel = "DIR",
            description = "A folder of Mustache templates: each overrides the default template of its name, others add"
                    + " files (see the README for the names and their contexts).")
    private Path templateDirectory;

    @Option(names = "--extensions", paramLabel = "CLASS", split = ",",
            description = "GeneratorExtension classes to run, besides those --extensions-path's jars declare in"
                    + " META-INF/services.")
    private List<String> extensions = List.of();

    @Option(names = "--extensions-path", paramLabel = "JAR", split = ",",
            description = "Jars (or class folders) where the extensions and what they need are found.")
    private List<Path> extensionsPath = List.of();

    @Option(names = "--group-id", paramLabel = "ID",
            description = "groupId of the generated project (--layout project; default: the base package).")
    private String groupId;

    @Option(names = "--artifact-id", paramLabel = "ID",
            description = "artifactId of the generated project (default: from the client name).")
    private String artifactId;

    @Option(names = "--artifact-version", paramLabel = "VERSION",
            description = "Version of the generated project (default: the spec's info.version).")
    private String artifactVersion;

    @Option(names = "--license-name", paramLabel = "NAME",
            description = "License of the generated project (default: the spec's info.license).")
    private String licenseName;

    @Option(names = "--license-url", paramLabel = "URL", description = "URL of that license.")
    private String licenseUrl;

    @Option(names = "--scm-url", paramLabel = "URL", description = "<scm><url> of the generated project.")
    private String scmUrl;

    @Option(names = "--scm-connection", paramLabel = "SCM", description = "<scm><connection> (scm:git:https://...).")
    private String scmConnection;

    @Option(names = "--scm-developer-connection", paramLabel = "SCM",
            description = "<scm><developerConnection> (scm:git:ssh://...).")
    private String scmDeveloperConnection;

    @Option(names = "--force",
            description = "Replace files in DIR that Specwright did not write or that were edited since it wrote them."
                    + " Use it on purpose: those files are lost.")
    private boolean force;

    @Option(names = "--allow-remote-refs", paramLabel = "HOST", split = ",",
            description = "Hosts a $ref may fetch from, over https (http only for localhost/127.0.0.1/[::1]). "
                    + "Default: none, generation reads no network.")
    private List<String> allowRemoteRefs = List.of();

    @Option(names = "--allow-refs-outside", paramLabel = "DIR", split = ",",
            description = "Folders outside the spec's folder whose files a $ref may read. Default: none.")
    private List<Path> allowRefsOutside = List.of();

    @Option(names = {"-v", "--verbose"},
            description = "Also print a line per stage on stderr (parsed N paths and M schemas in T, built the model,"
                    + " wrote K files).")
    private boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors: no warnings, no summary line.")
    private boolean quiet;

    @Option(names = "--dump-model",
            description = "Print what the generator built from the inputs, as JSON, one member per build pass (schemas, credentials, operations, fieldFilters, partialUpdates, servers, rateLimit, errorCatalog, model), and write no files.")
    private boolean dumpModel;

    @Override
    public Integer call() throws Exception {
        GeneratorOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        // Warnings and stage lines go to stderr as they come, so stdout stays the model's JSON (--dump-model) or the
        // one-line summary. --quiet drops both; errors are always printed.
        Consumer<SpecProblem> warnings = quiet ? warning -> { }
                : warning -> err.println("specwright: warning: " + TerminalText.line(warning.format()));
        // The CLI is its own process: after the model of a large spec is built, one collection hands the parser's heap back
        Generator generator = new Generator(warnings).collectingAfterBuild();
        if (verbose) {
            generator = generator.progress(line -> {
                err.println("specwright: " + TerminalText.line(line));
                err.flush();
            });
        }
        try (URLClassLoader extensionLoader = extensionLoader()) {
            if (extensionLoader != null) {
                generator = generator.extensionsFrom(extensionLoader);
            }
            return generate(generator, options);
        } finally {
            err.flush();
        }
    }

    private int generate(Generator generator, GeneratorOptions options) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        GenerationReport report;
        try {
            if (dumpModel) {
                stdout.print(ModelDump.toJson(generator.passes(options)));
                stdout.flush();
                return 0;
            }
            report = generator.generate(options);
        } catch (SpecProblemsException e) {
            int n = e.problems().size();
            err.println("specwright: " + n + (n == 1 ? " problem" : " problems") + " in the input; nothing was written:");
            for (SpecProblem problem : e.problems()) {
                err.println("  " + TerminalText.line(problem.format()));
            }
            return SpecwrightCli.EXIT_INVALID_INPUT;
        } catch (OutputRefusedException e) {
            err.println("specwright: " + TerminalText.lines(e.getMessage()));
            return SpecwrightCli.EXIT_INVALID_INPUT;
        } catch (CustomizationException e) {
            // a template, mapping or extension to change: the user's to fix, like a bad argument; nothing was written
            err.println("specwright: " + cliName(e.option()) + ": " + TerminalText.lines(e.getMessage()));
            return SpecwrightCli.EXIT_INVALID_INPUT;
        } catch (InvalidOptionException e) {
            // an option found unusable only once the spec is read (a mapping to a class that does not exist)
            err.println("specwright: " + cliName(e.option()) + ": " + TerminalText.lines(e.getMessage()));
            return SpecwrightCli.EXIT_INVALID_INPUT;
        }
        if (!quiet) {
            report.warnings().forEach(warning -> err.println("specwright: warning: " + TerminalText.line(warning)));
            stdout.println(TerminalText.line("Generated " + report.fileCount() + " files (" + report.written().size()
                    + " written, " + report.unchanged().size() + " unchanged, " + report.deleted().size()
                    + " deleted) into " + report.sourceRoot()));
            stdout.flush();
        }
        return 0;
    }

    /**
     * The options the arguments give, every file and folder they name checked first. Package-private: the tests read
     * what each option became.
     *
     * @throws CommandLine.ParameterException (exit 2) naming the option, on anything the user must change
     */
    GeneratorOptions options() {
        requireFile("--spec", specFile);
        if (errors != null) {
            requireFile("--errors", errors);
        }
        if (verbose && quiet) {
            throw bad("--verbose and --quiet: choose one.");
        }
        for (Path folder : allowRefsOutside) {
            requireFolder("--allow-refs-outside", folder);
        }
        if (templateDirectory != null) {
            requireFolder("--template-dir", templateDirectory);
        }
        extensionUrls(); // a missing jar is a bad argument before anything is read
        Customization customization;
        try {
            customization = customization();
        } catch (KeyValues.BadItemException e) {
            throw bad(e.getMessage());
        }
        try {
            return GeneratorOptions.builder(specFile, out)
                    .errorCatalog(errors)
                    .basePackage(basePackage)
                    .apiPackage(apiPackage)
                    .modelPackage(modelPackage)
                    .layout(layout)
                    .overwrite(force)
                    .allowedRefHosts(Set.copyOf(allowRemoteRefs))
                    .allowedRefFolders(allowRefsOutside)
                    .customization(customization)
                    .build();
        } catch (InvalidOptionException e) {
            // a bad argument: exit 2 with the rule and a fix, like a missing file
            throw bad(cliName(e.option()) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad("--allow-remote-refs: " + e.getMessage());
        }
    }

    private Customization customization() {
        Map<String, String> schemas = new LinkedHashMap<>(KeyValues.parse("--schema-mappings", schemaMappings));
        // openapi-generator's importMappings mean the same here: one map, one key never given two classes
        KeyValues.parse("--import-mappings", importMappings)
                .forEach((key, value) -> KeyValues.putOnce("--import-mappings/--schema-mappings", schemas, key, value));
        boolean[] selected = selectedByGlobalProperties();
        return Customization.DEFAULT
                .withTypeMappings(KeyValues.parse("--type-mappings", typeMappings))
                .withSchemaMappings(schemas)
                .withNameMappings(new Customization.NameMappings(
                        KeyValues.parse("--name-mappings", nameMappings),
                        KeyValues.parse("--model-name-mappings", modelNameMappings),
                        KeyValues.parse("--operation-id-name-mappings", operationIdNameMappings),
                        KeyValues.parse("--enum-name-mappings", enumNameMappings)))
                .withGenerateApis(generates("--generate-apis", generateApis, selected == null ? null : selected[0]))
                .withGenerateModels(generates("--generate-models", generateModels, selected == null ? null : selected[1]))
                .withBeanValidation(beanValidation)
                .withTemplateDirectory(templateDirectory)
                .withExtensions(extensions.stream().map(String::strip).filter(name -> !name.isEmpty()).toList())
                .withClientName(clientName)
                .withProject(new Customization.ProjectInfo(optional(groupId), optional(artifactId),
                        optional(artifactVersion), optional(licenseName), optional(licenseUrl), optional(scmUrl),
                        optional(scmConnection), optional(scmDeveloperConnection)));
    }

    /**
     * What openapi-generator's {@code --global-property} selects, as {@code {apis, models}}, or {@code null} when it
     * names neither. As there, naming one restricts generation to what is named.
     */
    private boolean[] selectedByGlobalProperties() {
        boolean apis = false;
        boolean models = false;
        for (KeyValues.Item item : KeyValues.items("--global-property", globalProperties)) {
            switch (item.key()) {
                case "apis", "models" -> {
                    if (item.value() != null && !item.value().isEmpty()) {
                        throw new KeyValues.BadItemException("--global-property: " + KeyValues.quoted(item.text())
                                + ": generating some " + item.key() + " by name is not supported; give " + item.key()
                                + " alone (all of them), or use --no-generate-" + item.key() + ".");
                    }
                    apis |= item.key().equals("apis");
                    models |= item.key().equals("models");
                }
                case "apiTests", "modelTests" -> {
                    if (!"false".equals(item.value())) {
                        throw new KeyValues.BadItemException("--global-property: " + KeyValues.quoted(item.text())
                                + ": Specwright generates no tests; only " + item.key() + "=false is accepted.");
                    }
                }
                default -> throw new KeyValues.BadItemException("--global-property: " + KeyValues.quoted(item.text())
                        + " is not supported: Specwright reads apis, models, apiTests=false and modelTests=false."
                        + (item.key().equals("supportingFiles") ? " The client and its support classes come with the"
                                + " APIs (apis)." : "")
                        + (item.key().equals("apiDocs") || item.key().equals("modelDocs") ? " Docs are written with"
                                + " --layout project and shaped by templates (-t)." : ""));
            }
        }
        return apis || models ? new boolean[] {apis, models} : null;
    }

    /** The explicit {@code --[no-]generate-*} and what {@code --global-property} selects must agree; default true. */
    private boolean generates(String option, Boolean explicit, Boolean selected) {
        if (explicit != null && selected != null && !explicit.equals(selected)) {
            throw new KeyValues.BadItemException((explicit ? option : "--no-" + option.substring(2))
                    + " contradicts --global-property, which " + (selected ? "selects" : "leaves out")
                    + " them: keep one of the two.");
        }
        return explicit != null ? explicit : selected == null || selected;
    }

    /**
     * The class loader of {@code --extensions-path}, over the generator's own (so the extension API is shared), or
     * {@code null} without it: the generator then looks in its own class path.
     */
    URLClassLoader extensionLoader() {
        List<URL> urls = extensionUrls();
        return urls.isEmpty() ? null : new URLClassLoader("specwright-extensions", urls.toArray(URL[]::new),
                GenerateCommand.class.getClassLoader());
    }

    private List<URL> extensionUrls() {
        List<URL> urls = new ArrayList<>();
        for (Path entry : extensionsPath) {
            Path path = entry.toAbsolutePath();
            if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                throw bad("--extensions-path: no such jar or folder: " + path);
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw bad("--extensions-path: " + path + " cannot be read as a class path entry: " + e.getMessage());
            }
        }
        return urls;
    }

    /** The option a user types for the option an exception names by its {@link Customization} name. */
    static String cliName(String option) {
        if (option == null || option.isBlank()) {
            return "generate";
        }
        String known = CLI_NAMES.get(option);
        if (known != null) {
            return known;
        }
        StringBuilder kebab = new StringBuilder("--");
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A missing input file is a bad argument (exit 2), not an I/O failure. */
    private void requireFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw bad(option + ": no such file: " + file.toAbsolutePath());
        }
    }

    private void requireFolder(String option, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw bad(option + ": no such folder: " + folder.toAbsolutePath());
        }
    }
}
