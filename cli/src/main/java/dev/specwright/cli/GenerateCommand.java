package dev.specwright.cli;

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
import dev.specwright.generator.model.ModelDump;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code specwright generate --spec FILE [--errors FILE] --out DIR [--package PKG] [--layout sources|project] [--force]}.
 * Everything printed goes through {@link TerminalText}: a spec's text never reaches the terminal raw.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Generates the client into DIR. Nothing is written when the inputs have problems.",
            "Only files Specwright wrote there, unchanged since, are ever replaced or deleted; any other file in the way"
                + " stops the run before anything is written. Paths or globs listed in DIR/.specwright-ignore are never"
                + " written nor deleted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:invalid spec or error catalogue, bad arguments, or files in DIR that are not Specwright's"
                + " (problems on stderr, nothing written)",
            "1:anything else (message on stderr)"})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "The OpenAPI definition (OpenAPI 3.0 or 3.1, or Swagger 2.0; YAML or JSON).")
    private Path specFile;

    @Option(names = "--errors", paramLabel = "FILE", description = "The API's errors.json error catalogue.")
    private Path errors;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to generate into.")
    private Path out;

    @Option(names = "--package", paramLabel = "PKG",
            description = "The base package (default: derived from the API's client name).")
    private String basePackage;

    @Option(names = "--layout", paramLabel = "sources|project", defaultValue = "sources",
            description = "sources: DIR/src/main/java only (default); project: also a pom.xml and a README.")
    private Layout layout;

    @Option(names = "--force",
            description = "Replace files in DIR that Specwright did not write or that were edited since it wrote them."
                    + " Use it on purpose: those files are lost.")
    private boolean force;

    @Option(names = "--allow-remote-refs", paramLabel = "HOST[,HOST...]", split = ",",
            description = "Hosts a $ref may fetch from, over https (http only for localhost/127.0.0.1/[::1]). "
                    + "Default: none, generation reads no network.")
    private List<String> allowRemoteRefs = List.of();

    @Option(names = "--allow-refs-outside", paramLabel = "DIR[,DIR...]", split = ",",
            description = "Folders outside the spec's folder whose files a $ref may read. Default: none.")
    private List<Path> allowRefsOutside = List.of();

    @Option(names = "--dump-model",
            description = "Print what the generator built from the inputs, as JSON, one member per build pass (schemas, credentials, operations, fieldFilters, partialUpdates, servers, rateLimit, errorCatalog, model), and write no files.")
    private boolean dumpModel;

    @Override
    public Integer call() throws Exception {
        requireFile("--spec", specFile);
        if (errors != null) {
            requireFile("--errors", errors);
        }
        GeneratorOptions options = options();
        // Warnings go to stderr as they come, so stdout stays the model's JSON (--dump-model) or the one-line summary.
        PrintWriter warnings = spec.commandLine().getErr();
        // The CLI is its own process: after the model of a large spec is built, one collection hands the parser's heap back
        Generator generator = new Generator(warning -> warnings.println("specwright: warning: "
                + TerminalText.line(warning.format()))).collectingAfterBuild();
        GenerationReport report;
        try {
            if (dumpModel) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.print(ModelDump.toJson(generator.passes(options)));
                stdout.flush();
                warnings.flush();
                return 0;
            }
            report = generator.generate(options);
        } catch (SpecProblemsException e) {
            PrintWriter err = spec.commandLine().getErr();
            int n = e.problems().size();
            err.println("specwright: " + n + (n == 1 ? " problem" : " problems") + " in the input; nothing was written:");
            for (SpecProblem problem : e.problems()) {
                err.println("  " + TerminalText.line(problem.format()));
            }
            err.flush();
            return SpecwrightCli.EXIT_INVALID_INPUT;
        } catch (OutputRefusedException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("specwright: " + TerminalText.lines(e.getMessage()));
            err.flush();
            return SpecwrightCli.EXIT_INVALID_INPUT;
        } catch (CustomizationException e) {
            // a template, mapping or extension to change: the user's to fix, like a bad argument; nothing was written
            PrintWriter err = spec.commandLine().getErr();
            err.println("specwright: " + e.option() + ": " + TerminalText.lines(e.getMessage()));
            err.flush();
            return SpecwrightCli.EXIT_INVALID_INPUT;
        }
        report.warnings().forEach(warning -> warnings.println("specwright: warning: " + TerminalText.line(warning)));
        warnings.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(TerminalText.line("Generated " + report.fileCount() + " files (" + report.written().size()
                + " written, " + report.unchanged().size() + " unchanged, " + report.deleted().size() + " deleted) into "
                + report.sourceRoot()));
        stdout.flush();
        return 0;
    }

    private GeneratorOptions options() {
        for (Path folder : allowRefsOutside) {
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--allow-refs-outside: no such folder: " + folder.toAbsolutePath());
            }
        }
        try {
            return GeneratorOptions.builder(specFile, out)
                    .errorCatalog(errors)
                    .basePackage(basePackage)
                    .layout(layout)
                    .overwrite(force)
                    .allowedRefHosts(Set.copyOf(allowRemoteRefs))
                    .allowedRefFolders(allowRefsOutside)
                    .build();
        } catch (InvalidOptionException e) {
            // a bad argument: exit 2 with the rule and a fix, like a missing file
            throw new CommandLine.ParameterException(spec.commandLine(), "--package: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allow-remote-refs: " + e.getMessage());
        }
    }

    /** A missing input file is a bad argument (exit 2), not an I/O failure. */
    private void requireFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + ": no such file: " + file.toAbsolutePath());
        }
    }
}
