package dev.specwright.generator;

/**
 * A generator option that cannot work, found before anything is read or written. The CLI reports it as a bad argument
 * (exit 2), the Maven plugin as a build failure; the message says what the option must be and how to fix it.
 */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The option, by its name in {@link GeneratorOptions}: {@code basePackage}, {@code apiPackage}, {@code modelPackage}. */
    public String option() {
        return option;
    }
}
