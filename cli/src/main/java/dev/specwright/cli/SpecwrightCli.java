package dev.specwright.cli;

import dev.specwright.generator.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code specwright} — the command-line front of the generator.
 *
 * <p>Exit codes (DESIGN.md, CLI contract): 0 success; 2 an invalid spec or bad arguments; 1 anything else.
 */
@Command(name = "specwright",
        mixinStandardHelpOptions = true,
        versionProvider = SpecwrightCli.Version.class,
        description = "Turns an OpenAPI definition (plus an errors.json error catalogue) into a typed Java client.",
        subcommands = {GenerateCommand.class, CommandLine.HelpCommand.class})
public final class SpecwrightCli implements Runnable {

    /** Bad arguments and invalid specs: the caller must change its input. */
    public static final int EXIT_INVALID_INPUT = 2;
    /** Anything else: I/O failures, bugs. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SpecwrightCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // an exception's message may quote the spec: shown, never acted on by the terminal
            commandLine.getErr().println("specwright: " + TerminalText.lines(message(e)));
            return EXIT_FAILURE;
        });
        return cli;
    }

    /** {@code specwright} without a subcommand is a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand (try: generate)");
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }

    /** The toolkit version, filtered into {@code version.properties} at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"specwright " + toolkitVersion()};
        }

        static String toolkitVersion() {
            try (InputStream in = SpecwrightCli.class.getResourceAsStream("version.properties")) {
                Properties properties = new Properties();
                if (in != null) {
                    properties.load(in);
                }
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
