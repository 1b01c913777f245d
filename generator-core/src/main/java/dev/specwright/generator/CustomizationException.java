package dev.specwright.generator;

/**
 * A customization that cannot work, found while generating: a template that names a variable its context lacks, an
 * extension that cannot be loaded or that failed. Like {@link InvalidOptionException} it is the user's to fix, so the
 * CLI exits 2 and the Maven plugin fails the build with the message (which names the template and line, or the
 * extension class, and the fix); nothing is written.
 */
public class CustomizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public CustomizationException(String option, String message) {
        super(message);
        this.option = option;
    }

    public CustomizationException(String option, String message, Throwable cause) {
        super(message, cause);
        this.option = option;
    }

    /** The option it comes from, by its name in {@link Customization}: {@code templateDirectory}, {@code extensions}. */
    public String option() {
        return option;
    }
}
